// ls: list directory contents. Without -l, names only — one per line when the output is a pipe
// (`docker run alpine ls /`), in columns on a terminal (`docker run -it`). With -l, the long
// format of ./ls-format.ts, in BusyBox's fixed columns or GNU's columns sized to the widest entry.
// -a shows dot files (and `.`/`..`), -R descends, -d lists a directory itself, -h sizes in K/M,
// -t/-S sort by time/size, -r reverses, -F marks directories `/`, links `@`, programs `*`.

import { isFsError } from '../../layer/fs-errors';
import type { PathStats } from '../files';
import { listDir, statPath } from '../files';
import { Accounts } from '../users';
import { parseArgs, withUsage } from './args';
import { blocksOf, columns, humanSize, lsDate, modeString } from './ls-format';
import { registerApplet, type Tool } from './registry';

interface Entry {
  name: string;
  path: string;
  stats: PathStats;
  target?: string;
}

interface LsOptions {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  recursive: boolean;
  directory: boolean;
  human: boolean;
  classify: boolean;
  onePerLine: boolean;
  numeric: boolean;
  sort: 'name' | 'time' | 'size' | 'none';
  reverse: boolean;
  size: boolean;
  inode: boolean;
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function entryOf(tool: Tool, path: string, name: string, follow: boolean): Entry {
  const stats = statPath(tool.ctx, path, { follow });
  const entry: Entry = { name, path, stats };
  if (stats.type === 'symlink') {
    try {
      entry.target = tool.ctx.fs.readlink(path);
    } catch {
      entry.target = '';
    }
  }
  return entry;
}

function sortEntries(entries: Entry[], o: LsOptions): Entry[] {
  const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const sorted = [...entries];
  if (o.sort === 'name') sorted.sort(byName);
  else if (o.sort === 'time') sorted.sort((a, b) => b.stats.mtime - a.stats.mtime || byName(a, b));
  else if (o.sort === 'size') sorted.sort((a, b) => b.stats.size - a.stats.size || byName(a, b));
  if (o.reverse) sorted.reverse();
  return sorted;
}

function suffix(e: Entry, o: LsOptions): string {
  if (!o.classify) return '';
  if (e.stats.type === 'dir') return '/';
  if (e.stats.type === 'symlink') return o.long ? '' : '@';
  if (e.stats.type === 'file' && (e.stats.mode & 0o111) !== 0) return '*';
  return '';
}

function linkCount(tool: Tool, e: Entry): number {
  if (e.stats.type !== 'dir') return 1;
  try {
    const names = listDir(tool.ctx, e.path);
    return 2 + names.filter((n) => statPath(tool.ctx, join(e.path, n), { follow: false }).type === 'dir').length;
  } catch {
    return 2;
  }
}

function longLines(tool: Tool, entries: Entry[], o: LsOptions, accounts: Accounts): string[] {
  const now = tool.ctx.clock.now();
  const rows = entries.map((e) => ({
    inode: String(inodeOf(e.path)),
    blocks: String(o.human ? humanSize(blocksOf(e.stats) * 1024) : blocksOf(e.stats)),
    mode: modeString(e.stats.type, e.stats.mode),
    links: String(linkCount(tool, e)),
    user: o.numeric ? String(e.stats.uid) : (accounts.userName(e.stats.uid) ?? String(e.stats.uid)),
    group: o.numeric ? String(e.stats.gid) : (accounts.groupName(e.stats.gid) ?? String(e.stats.gid)),
    size: e.stats.type === 'chardev' ? '1,   3' : o.human ? humanSize(e.stats.size) : String(e.stats.size),
    date: lsDate(e.stats.mtime, now),
    name: e.name + (e.target !== undefined ? ` -> ${e.target}` : '') + suffix(e, o),
  }));
  if (!tool.gnu) {
    return rows.map(
      (r) =>
        `${o.inode ? `${r.inode.padStart(8)} ` : ''}${o.size ? `${r.blocks.padStart(6)} ` : ''}${r.mode} ${r.links.padStart(4)} ${r.user.padEnd(8).slice(0, Math.max(8, r.user.length))} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.date} ${r.name}`,
    );
  }
  const w = (k: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => r[k].length));
  return rows.map(
    (r) =>
      `${o.inode ? `${r.inode.padStart(w('inode'))} ` : ''}${o.size ? `${r.blocks.padStart(w('blocks'))} ` : ''}${r.mode} ${r.links.padStart(w('links'))} ${r.user.padEnd(w('user'))} ${r.group.padEnd(w('group'))} ${r.size.padStart(w('size'))} ${r.date} ${r.name}`,
  );
}

/** A stable stand-in for an inode number (paths hash; BusyBox's hard links are not told apart). */
function inodeOf(path: string): number {
  let h = 2166136261;
  for (const c of path) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 9_000_000) + 100_000;
}

function render(tool: Tool, entries: Entry[], o: LsOptions, accounts: Accounts, total: boolean): string {
  if (entries.length === 0) return total && o.long ? 'total 0\n' : '';
  if (o.long) {
    const head = total ? `total ${entries.reduce((n, e) => n + blocksOf(e.stats), 0)}\n` : '';
    return (
      head +
      longLines(tool, entries, o, accounts)
        .map((l) => `${l}\n`)
        .join('')
    );
  }
  const names = entries.map(
    (e) => `${o.inode ? `${inodeOf(e.path)} ` : ''}${o.size ? `${blocksOf(e.stats)} ` : ''}${e.name}${suffix(e, o)}`,
  );
  if (o.onePerLine || tool.ctx.isatty?.(1) !== true) return names.map((n) => `${n}\n`).join('');
  return columns(names);
}

function directoryEntries(tool: Tool, dir: string, o: LsOptions): Entry[] {
  const names = listDir(tool.ctx, dir).filter((n) => o.all || o.almostAll || !n.startsWith('.'));
  const entries = names.map((n) => entryOf(tool, join(dir, n), n, false));
  if (o.all) entries.unshift(entryOf(tool, dir, '.', true), entryOf(tool, join(dir, '..'), '..', true));
  return entries;
}

registerApplet(['ls', 'dir'], (tool) =>
  withUsage(
    tool,
    async () => {
      const { options: f, operands } = parseArgs(tool, tool.args, {
        flags: 'lLaAR1dhFnrtSsiUcCxe',
        long: {
          all: 'a',
          'almost-all': 'A',
          recursive: 'R',
          directory: 'd',
          'human-readable': 'h',
          classify: 'F',
          'numeric-uid-gid': 'n',
          reverse: 'r',
          'color=': 'color',
          color: 'color',
          'group-directories-first': 'g',
        },
      });
      const o: LsOptions = {
        long: f.has('l') || f.has('n'),
        all: f.has('a'),
        almostAll: f.has('A'),
        recursive: f.has('R'),
        directory: f.has('d'),
        human: f.has('h'),
        classify: f.has('F'),
        onePerLine: f.has('1'),
        numeric: f.has('n'),
        sort: f.has('U') ? 'none' : f.has('t') ? 'time' : f.has('S') ? 'size' : 'name',
        reverse: f.has('r'),
        size: f.has('s'),
        inode: f.has('i'),
      };
      const accounts = new Accounts(tool.ctx.fs);
      const targets = operands.length === 0 ? ['.'] : operands;
      let status = 0;
      const files: Entry[] = [];
      const dirs: Entry[] = [];
      for (const path of targets) {
        try {
          const follow = !(o.long || o.directory || o.classify) || f.has('L') || path.endsWith('/');
          const entry = entryOf(tool, path, path, follow);
          if (entry.stats.type === 'dir' && !o.directory) dirs.push(entry);
          else files.push(entry);
        } catch (err) {
          if (!isFsError(err)) throw err;
          tool.err(tool.gnu ? `ls: cannot access '${path}': ${err.reason}\n` : `ls: ${path}: ${err.reason}\n`);
          status = tool.gnu ? 2 : 1;
        }
      }
      const chunks: string[] = [];
      if (files.length > 0) chunks.push(render(tool, sortEntries(files, o), o, accounts, false));
      const showHeaders = targets.length > 1 || o.recursive;
      const queue = sortEntries(dirs, o);
      while (queue.length > 0) {
        const dir = queue.shift() as Entry;
        await tool.step();
        let entries: Entry[];
        try {
          entries = sortEntries(directoryEntries(tool, dir.path, o), o);
        } catch (err) {
          if (!isFsError(err)) throw err;
          tool.err(
            tool.gnu ? `ls: cannot open directory '${dir.path}': ${err.reason}\n` : `ls: ${dir.path}: ${err.reason}\n`,
          );
          status = tool.gnu ? 2 : 1;
          continue;
        }
        const header = showHeaders ? `${dir.path}:\n` : '';
        chunks.push(header + render(tool, entries, o, accounts, true));
        if (o.recursive) {
          const subdirs = entries.filter((e) => e.stats.type === 'dir' && e.name !== '.' && e.name !== '..');
          queue.unshift(...subdirs.map((e) => ({ ...e, path: e.path })));
        }
      }
      tool.out(chunks.join('\n'));
      return status;
    },
    tool.gnu ? 2 : 1,
  ),
);
