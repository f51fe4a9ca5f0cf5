// `ls` as GNU coreutils prints it on a Debian laptop: names sorted, hidden ones only with `-a`
// (which adds `.` and `..`) or `-A`; on a terminal, names in columns as wide as the screen allows
// and directories in bold blue (`ls --color=auto`, which Debian's .bashrc sets); into a pipe or a
// file, one name per line and no colour. `-l` gives the long form (`drwxr-xr-x 2 student student
// 4096 Jan  5 10:00 app`) after a `total` of 1K blocks. Files named on the command line come first,
// then each directory under a `dir:` heading when there are several.
import { lsDate, modeString } from '../../runtime/applets/ls-format';
import type { FileStat } from '../files';
import { isWithin } from '../laptop-path';
import type { Builtin, ShellState } from '../shell-state';
import { parseOptions, UsageFailure, writeText } from './options';

interface Entry {
  name: string;
  abs: string;
  stat: FileStat;
}

const BLUE = '\x1b[01;34m';
const RESET = '\x1b[0m';

function owner(shell: ShellState, abs: string): string {
  return isWithin(abs, shell.home) ? shell.user : 'root';
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G'];
  let value = bytes;
  let unit = '';
  for (const u of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = u;
  }
  return value < 10 ? `${(Math.ceil(value * 10) / 10).toFixed(1)}${unit}` : `${Math.ceil(value)}${unit}`;
}

function painted(entry: Entry, colour: boolean): string {
  return colour && entry.stat.kind === 'dir' ? `${BLUE}${entry.name}${RESET}` : entry.name;
}

/** GNU ls's columns: as many as fit in `width`, filled down then across, each as wide as it needs. */
export function gnuColumns(names: readonly string[], shown: readonly string[], width: number): string {
  if (names.length === 0) return '';
  for (let cols = Math.min(names.length, Math.max(1, Math.floor(width / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols && cols > 1) continue;
    const widths = Array.from({ length: cols }, (_, c) =>
      Math.max(0, ...names.slice(c * rows, c * rows + rows).map((n) => n.length)),
    );
    const total = widths.reduce((sum, w) => sum + w + 2, 0) - 2;
    if (total > width && cols > 1) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const i = c * rows + r;
        if (i >= names.length) break;
        const last = c === cols - 1 || i + rows >= names.length;
        line += last ? shown[i] : `${shown[i]}${' '.repeat((widths[c] as number) - (names[i] as string).length + 2)}`;
      }
      lines.push(line);
    }
    return `${lines.join('\n')}\n`;
  }
  return '';
}

function longListing(shell: ShellState, entries: Entry[], human: boolean, colour: boolean, withTotal: boolean): string {
  const now = shell.files.now();
  const rows = entries.map((e) => {
    const links = e.stat.kind === 'dir' ? 2 + countSubdirs(shell, e.abs) : 1;
    return {
      mode: modeString(e.stat.kind, e.stat.mode),
      links: String(links),
      owner: owner(shell, e.abs),
      size: human ? humanSize(e.stat.size) : String(e.stat.size),
      date: lsDate(Math.floor(e.stat.mtime / 1000), now),
      name: painted(e, colour),
    };
  });
  const width = (key: 'links' | 'owner' | 'size') => Math.max(0, ...rows.map((r) => r[key].length));
  const [wl, wo, ws] = [width('links'), width('owner'), width('size')];
  const blocks = entries.reduce((n, e) => n + (e.stat.kind === 'dir' ? 4 : Math.ceil(e.stat.size / 4096) * 4), 0);
  const lines = rows.map(
    (r) =>
      `${r.mode} ${r.links.padStart(wl)} ${r.owner.padEnd(wo)} ${r.owner.padEnd(wo)} ${r.size.padStart(ws)} ${r.date} ${r.name}`,
  );
  return `${withTotal ? `total ${human ? humanSize(blocks * 1024) : blocks}\n` : ''}${lines.map((l) => `${l}\n`).join('')}`;
}

function countSubdirs(shell: ShellState, abs: string): number {
  return shell.files.readdir(abs).filter((n) => shell.files.stat(`${abs}/${n}`)?.kind === 'dir').length;
}

export const ls: Builtin = async (args, { io, shell }) => {
  const spec = {
    flags: 'laA1hdF',
    long: { all: 'a', 'almost-all': 'A', 'human-readable': 'h', directory: 'd' },
    usageStatus: 2,
  };
  const parsed = parseOptions('ls', args, spec, io.err);
  if (parsed instanceof UsageFailure) return parsed.status;
  const { flags } = parsed;
  const terminal = io.out.isTerminal;
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
  const render = (entries: Entry[], withTotal: boolean): string => {
    if (flags.has('l')) return longListing(shell, entries, flags.has('h'), terminal, withTotal);
    const names = entries.map((e) => e.name);
    if (!terminal || flags.has('1')) return names.map((n, i) => `${painted(entries[i] as Entry, terminal)}\n`).join('');
    return gnuColumns(
      names,
      entries.map((e) => painted(e, true)),
      io.out.columns ?? 80,
    );
  };
  let status = 0;
  const fileEntries: Entry[] = [];
  const dirs: { typed: string; abs: string }[] = [];
  for (const operand of [...operands].sort()) {
    const abs = shell.resolve(operand);
    const stat = shell.files.stat(abs);
    if (!stat) {
      writeText(io.err, `ls: cannot access '${operand}': No such file or directory\n`);
      status = 2;
    } else if (stat.kind === 'dir' && !flags.has('d')) dirs.push({ typed: operand, abs });
    else fileEntries.push({ name: operand, abs, stat });
  }
  const blocks: string[] = [];
  if (fileEntries.length > 0) blocks.push(render(fileEntries, false));
  const headings = operands.length > 1;
  for (const dir of dirs) {
    let names = shell.files.readdir(dir.abs);
    if (!flags.has('a') && !flags.has('A')) names = names.filter((n) => !n.startsWith('.'));
    const entries: Entry[] = names.map((name) => {
      const abs = `${dir.abs === '/' ? '' : dir.abs}/${name}`;
      return { name, abs, stat: shell.files.stat(abs) as FileStat };
    });
    if (flags.has('a')) {
      const parent = dir.abs === '/' ? '/' : dir.abs.slice(0, dir.abs.lastIndexOf('/')) || '/';
      entries.unshift(
        { name: '.', abs: dir.abs, stat: shell.files.stat(dir.abs) as FileStat },
        { name: '..', abs: parent, stat: shell.files.stat(parent) as FileStat },
      );
    }
    blocks.push(`${headings ? `${dir.typed}:\n` : ''}${render(entries, true)}`);
  }
  writeText(io.out, blocks.join('\n'));
  return status;
};
