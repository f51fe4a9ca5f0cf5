// `tree`: a directory drawn as a tree, with the count at the end — `2 directories, 5 files`.
// Hidden files are left out unless `-a`; `-L n` limits the depth; `-d` shows directories only.
import type { Program, ProcessContext } from '../../contract';

interface Counts {
  dirs: number;
  files: number;
}

function walk(
  ctx: ProcessContext,
  dir: string,
  prefix: string,
  depth: number,
  o: { all: boolean; max: number; dirsOnly: boolean },
  c: Counts,
): string {
  if (depth > o.max) return '';
  let names: string[];
  try {
    names = ctx.fs.readdir(dir).filter((n) => o.all || !n.startsWith('.'));
  } catch {
    return '';
  }
  const entries = names
    .map((name) => {
      const full = `${dir.replace(/\/$/, '')}/${name}`;
      const lst = ctx.fs.lstat(full);
      const isDir = lst.type === 'dir';
      return { name, full, isDir, link: lst.type === 'symlink' ? ctx.fs.readlink(full) : undefined };
    })
    .filter((e) => !o.dirsOnly || e.isDir)
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
  let out = '';
  entries.forEach((e, i) => {
    const last = i === entries.length - 1;
    out += `${prefix}${last ? '└── ' : '├── '}${e.name}${e.link !== undefined ? ` -> ${e.link}` : ''}\n`;
    if (e.isDir) {
      c.dirs++;
      out += walk(ctx, e.full, `${prefix}${last ? '    ' : '│   '}`, depth + 1, o, c);
    } else c.files++;
  });
  return out;
}

export const tree: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const o = {
    all: args.includes('-a'),
    max: args.includes('-L') ? Number(args[args.indexOf('-L') + 1]) : Infinity,
    dirsOnly: args.includes('-d'),
  };
  const roots = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-L');
  const c: Counts = { dirs: 0, files: 0 };
  for (const root of roots.length ? roots : ['.']) {
    if (!ctx.fs.exists(root) || ctx.fs.stat(root).type !== 'dir') {
      ctx.stdout.write(`${root}  [error opening dir]\n`);
      continue;
    }
    ctx.stdout.write(`${root}\n${walk(ctx, root, '', 1, o, c)}`);
  }
  ctx.stdout.write(
    `\n${c.dirs} director${c.dirs === 1 ? 'y' : 'ies'}${o.dirsOnly ? '' : `, ${c.files} file${c.files === 1 ? '' : 's'}`}\n`,
  );
  return 0;
};
