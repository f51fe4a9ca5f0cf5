// Disks and mounts, seen from inside the mount namespace: `mount` prints the table Docker set up
// (the overlay root, /proc, the /dev tmpfs, the bind-mounted /etc/hosts…), `df` sizes what has
// blocks, `du` adds up a tree's file sizes, `stat` shows everything about one name — including,
// because this is a teaching simulator, nothing the real one would not.

import { isFsError } from '../../layer/fs-errors';
import { listDir, statPath, type PathStats } from '../files';
import { defaultMounts, procMountsLine } from '../mounts';
import { Accounts } from '../users';
import { parseArgs, withUsage } from './args';
import { blocksOf, humanSize, modeString } from './ls-format';
import { registerApplet, type Tool } from './registry';

function mountsOf(tool: Tool) {
  return tool.ctx.mounts?.() ?? defaultMounts();
}

registerApplet('mount', async (tool) => {
  if (tool.args.length > 0 && !tool.args.every((a) => a.startsWith('-t') || a === '-l' || a === '-v')) {
    return tool.fail(
      tool.gnu ? 'only root can use "--options" option' : 'permission denied (are you root?)',
      tool.gnu ? 1 : 255,
    );
  }
  const lines = mountsOf(tool).map((m) =>
    tool.gnu
      ? `${m.source} on ${m.target} type ${m.fstype} (${m.options})`
      : procMountsLine(m)
          .replace(/ 0 0$/, '')
          .replace(/^(\S+) (\S+) (\S+) (\S+)$/, '$1 on $2 type $3 ($4)'),
  );
  tool.out(lines.map((l) => `${l}\n`).join(''));
  return 0;
});

registerApplet('df', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, { flags: 'hkTaPm', long: { 'human-readable': 'h' } });
    let mounts = mountsOf(tool).filter((m) => m.blocks !== undefined || options.has('a'));
    if (operands.length > 0) {
      mounts = operands.flatMap((p) => {
        const real = tool.ctx.fs.exists(p) ? tool.ctx.fs.realpath(p) : p;
        const best = [...mounts]
          .sort((a, b) => b.target.length - a.target.length)
          .find((m) => real === m.target || real.startsWith(m.target === '/' ? '/' : `${m.target}/`));
        return best === undefined ? [] : [best];
      });
    }
    const human = options.has('h');
    const size = (kb: number) => (human ? humanSize(kb * 1024) : String(kb));
    const rows = mounts.map((m) => {
      const total = m.blocks?.total ?? 0;
      const used = m.blocks?.used ?? 0;
      const reserved = m.fstype === 'tmpfs' ? 0 : Math.floor(total * 0.05);
      const avail = Math.max(0, total - used - reserved);
      const pct = total === 0 ? '0%' : `${Math.ceil((used / (used + avail)) * 100)}%`;
      return [m.source, size(total), size(used), size(avail), pct, m.target];
    });
    const head = human
      ? ['Filesystem', 'Size', 'Used', 'Available', 'Use%', 'Mounted on']
      : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'];
    if (tool.gnu) {
      const table = [
        ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'],
        ...rows,
      ];
      const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...table.map((r) => (r[c] as string).length)));
      for (const r of table) {
        tool.out(
          `${(r[0] as string).padEnd(widths[0] as number)} ${[1, 2, 3, 4].map((c) => (r[c] as string).padStart(widths[c] as number)).join(' ')} ${r[5] as string}\n`,
        );
      }
      return 0;
    }
    tool.out(
      `${head[0]?.padEnd(20)} ${head[1]?.padStart(9)} ${head[2]?.padStart(9)} ${head[3]?.padStart(9)} ${head[4]?.padStart(4)} ${head[5]}\n`,
    );
    for (const r of rows) {
      const name = r[0] as string;
      const lead = name.length > 20 ? `${name}\n${''.padEnd(20)}` : name.padEnd(20);
      tool.out(
        `${lead} ${(r[1] as string).padStart(9)} ${(r[2] as string).padStart(9)} ${(r[3] as string).padStart(9)} ${(r[4] as string).padStart(4)} ${r[5] as string}\n`,
      );
    }
    return 0;
  }),
);

registerApplet('du', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'shakcxLm',
      values: 'd',
      long: { summarize: 's', 'human-readable': 'h', 'max-depth=': 'd' },
    });
    const maxDepth = options.has('s') ? 0 : options.has('d') ? Number(options.get('d')) : Infinity;
    const show = (kb: number) => (options.has('h') ? humanSize(kb * 1024) : String(kb));
    let status = 0;
    let grand = 0;
    const walk = async (path: string, depth: number): Promise<number> => {
      await tool.step();
      let st: PathStats;
      try {
        st = statPath(tool.ctx, path, { follow: depth === 0 });
      } catch (err) {
        if (!isFsError(err)) throw err;
        tool.err(tool.gnu ? `du: cannot access '${path}': ${err.reason}\n` : `du: ${path}: ${err.reason}\n`);
        status = 1;
        return 0;
      }
      let total = st.type === 'dir' ? 4 : blocksOf(st);
      if (st.type === 'dir') {
        for (const name of listDir(tool.ctx, path))
          total += await walk(path.endsWith('/') ? `${path}${name}` : `${path}/${name}`, depth + 1);
      }
      if ((st.type === 'dir' || options.has('a') || depth === 0) && depth <= maxDepth)
        tool.out(`${show(total)}\t${path}\n`);
      return total;
    };
    for (const path of operands.length === 0 ? ['.'] : operands) grand += await walk(path, 0);
    if (options.has('c')) tool.out(`${show(grand)}\ttotal\n`);
    return status;
  }),
);

function statTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')}.000000000 +0000`;
}

registerApplet('stat', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'LtfS',
      values: 'c',
      long: { 'format=': 'c', dereference: 'L' },
    });
    const accounts = new Accounts(tool.ctx.fs);
    let status = 0;
    for (const path of operands) {
      let st: PathStats;
      try {
        st = statPath(tool.ctx, path, { follow: options.has('L') });
      } catch (err) {
        if (!isFsError(err)) throw err;
        tool.err(
          tool.gnu ? `stat: cannot statx '${path}': ${err.reason}\n` : `stat: can't stat '${path}': ${err.reason}\n`,
        );
        status = 1;
        continue;
      }
      const user = accounts.userName(st.uid) ?? 'UNKNOWN';
      const group = accounts.groupName(st.gid) ?? 'UNKNOWN';
      const typeName = {
        file: st.size === 0 ? 'regular empty file' : 'regular file',
        dir: 'directory',
        symlink: 'symbolic link',
        chardev: 'character special file',
      }[st.type];
      const format = options.get('c') as string | undefined;
      if (format !== undefined) {
        const map: Record<string, string> = {
          n: path,
          s: String(st.size),
          a: (st.mode & 0o7777).toString(8),
          A: modeString(st.type, st.mode),
          U: user,
          G: group,
          u: String(st.uid),
          g: String(st.gid),
          F: typeName,
          Y: String(st.mtime),
          y: statTime(st.mtime),
          b: String(blocksOf(st) * 2),
        };
        tool.out(`${format.replace(/%([a-zA-Z%])/g, (_, c: string) => (c === '%' ? '%' : (map[c] ?? `?`)))}\n`);
        continue;
      }
      const name =
        st.type === 'symlink' ? `'${path}' -> '${tool.ctx.fs.readlink(path)}'` : tool.gnu ? path : `'${path}'`;
      const time = statTime(st.mtime);
      const mode = `(${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st.type, st.mode)})`;
      tool.out(
        `  File: ${name}\n` +
          `  Size: ${String(st.size).padEnd(15)} Blocks: ${String(blocksOf(st) * 2).padEnd(10)} IO Block: 4096   ${typeName}\n` +
          `Device: 0,74\tInode: ${1000 + path.length}        Links: 1\n` +
          `Access: ${mode}  Uid: (${String(st.uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${group.padStart(8)})\n` +
          `Access: ${time}\nModify: ${time}\nChange: ${time}\n`,
      );
    }
    return status;
  }),
);
