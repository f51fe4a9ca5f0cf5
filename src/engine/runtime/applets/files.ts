// Making, removing and changing files: mkdir, rmdir, rm, ln, touch, chmod, chown, chgrp,
// readlink, realpath, mktemp. Every change lands in the container's writable layer — which is
// what `docker diff` later lists as A (added), C (changed) and D (deleted).

import { isFsError, type FsError } from '../../layer/fs-errors';
import { canonicalPath, readLink, statPath } from '../files';
import { Accounts } from '../users';
import { parseArgs, withUsage } from './args';
import { registerApplet, type Tool } from './registry';

function problem(tool: Tool, busybox: string, gnu: string): void {
  tool.err(`${tool.name}: ${tool.gnu ? gnu : busybox}\n`);
}

registerApplet('mkdir', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'pv',
      values: 'm',
      long: { parents: 'p', 'mode=': 'm', verbose: 'v' },
    });
    if (operands.length === 0)
      return tool.fail(
        tool.gnu
          ? "missing operand\nTry 'mkdir --help' for more information."
          : 'usage: mkdir [-m MODE] [-p] DIRECTORY...',
      );
    const mode = options.has('m') ? parseInt(options.get('m') as string, 8) : undefined;
    let status = 0;
    for (const dir of operands) {
      try {
        tool.ctx.fs.mkdir(dir, { parents: options.has('p'), mode, uid: tool.ctx.uid, gid: tool.ctx.gid });
        if (options.has('v'))
          tool.out(`${tool.gnu ? `mkdir: created directory '${dir}'` : `created directory: '${dir}'`}\n`);
      } catch (err) {
        if (!isFsError(err)) throw err;
        problem(
          tool,
          `can't create directory '${dir}': ${err.reason}`,
          `cannot create directory '${dir}': ${err.reason}`,
        );
        status = 1;
      }
    }
    return status;
  }),
);

registerApplet('rmdir', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, { flags: 'p', long: { parents: 'p' } });
    let status = 0;
    for (const dir of operands) {
      const chain = [dir];
      if (options.has('p'))
        for (let d = dir.replace(/\/+$/, ''); d.includes('/');) chain.push((d = d.slice(0, d.lastIndexOf('/'))) || '/');
      for (const d of chain) {
        try {
          tool.ctx.fs.rmdir(d);
        } catch (err) {
          if (!isFsError(err)) throw err;
          problem(tool, `'${d}': ${err.reason}`, `failed to remove '${d}': ${err.reason}`);
          status = 1;
          break;
        }
      }
    }
    return status;
  }),
);

registerApplet('rm', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'rRfivd',
      long: { recursive: 'r', force: 'f', 'no-preserve-root': 'P' },
    });
    const recursive = options.has('r') || options.has('R');
    const force = options.has('f');
    if (operands.length === 0 && !force)
      return tool.fail(
        tool.gnu ? "missing operand\nTry 'rm --help' for more information." : 'usage: rm [-irf] FILE...',
      );
    let status = 0;
    for (const path of operands) {
      await tool.step();
      if (
        recursive &&
        tool.ctx.fs.exists(path) &&
        tool.ctx.fs.realpath(path) === '/' &&
        tool.gnu &&
        !options.has('P')
      ) {
        tool.err(
          `rm: it is dangerous to operate recursively on '${path}'\nrm: use --no-preserve-root to override this failsafe\n`,
        );
        status = 1;
        continue;
      }
      try {
        const st = tool.ctx.fs.lstat(path);
        if (st.type === 'dir' && !recursive) {
          problem(tool, `'${path}' is a directory`, `cannot remove '${path}': Is a directory`);
          status = 1;
          continue;
        }
        if (tool.ctx.fs.realpath(path) === '/') {
          for (const name of tool.ctx.fs.readdir('/')) tool.ctx.fs.rm(`/${name}`, { recursive: true, force: true });
        }
        tool.ctx.fs.rm(path, { recursive, force });
        if (options.has('v')) tool.out(`removed '${path}'\n`);
      } catch (err) {
        if (!isFsError(err)) throw err;
        if (force && err.code === 'ENOENT') continue;
        problem(tool, `can't remove '${path}': ${err.reason}`, `cannot remove '${path}': ${err.reason}`);
        status = 1;
      }
    }
    return status;
  }),
);

registerApplet('ln', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'sfnvT',
      long: { symbolic: 's', force: 'f', 'no-dereference': 'n' },
    });
    if (operands.length === 0)
      return tool.fail(
        tool.gnu
          ? "missing file operand\nTry 'ln --help' for more information."
          : 'usage: ln [-sfnv] TARGET... LINK|DIR',
      );
    const symbolic = options.has('s');
    const fs = tool.ctx.fs;
    const targets = operands.length === 1 ? operands : operands.slice(0, -1);
    const last = operands.length === 1 ? '.' : (operands[operands.length - 1] as string);
    const intoDir = !options.has('n') && fs.exists(last) && fs.stat(last).type === 'dir';
    let status = 0;
    for (const target of targets) {
      const link = intoDir
        ? `${last.replace(/\/+$/, '')}/${target.replace(/\/+$/, '').split('/').pop() ?? target}`
        : last;
      try {
        if (options.has('f') && (fs.exists(link) || isLink(tool, link))) fs.rm(link);
        if (symbolic) fs.symlink(target, link, { uid: tool.ctx.uid, gid: tool.ctx.gid });
        else fs.link(target, link);
      } catch (err) {
        if (!isFsError(err)) throw err;
        const kind = symbolic ? 'symbolic link' : 'hard link';
        problem(
          tool,
          `${err.code === 'EEXIST' ? link : target}: ${err.reason}`,
          `failed to create ${kind} '${link}'${err.code === 'EEXIST' ? '' : ` => '${target}'`}: ${err.reason}`,
        );
        status = 1;
      }
    }
    return status;
  }),
);

function isLink(tool: Tool, path: string): boolean {
  try {
    return tool.ctx.fs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}

/** `touch -d '2024-01-02 03:04:05'` / `-t 202401020304.05`, in UTC. */
function parseTouchTime(tool: Tool, d?: string, t?: string): number | undefined {
  if (t !== undefined) {
    const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(t);
    if (m === null) return undefined;
    const year = Number(`${m[1] ?? '20'}${m[2]}`);
    return Date.UTC(year, Number(m[3]) - 1, Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7] ?? 0)) / 1000;
  }
  if (d === undefined) return Math.floor(tool.ctx.clock.now() / 1000);
  if (/^@\d+$/.test(d)) return Number(d.slice(1));
  const ms = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(d) ? d : `${d.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

registerApplet('touch', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, {
      flags: 'cam',
      values: 'dtr',
      long: { 'no-create': 'c', 'date=': 'd' },
    });
    if (operands.length === 0)
      return tool.fail(
        tool.gnu
          ? "missing file operand\nTry 'touch --help' for more information."
          : 'usage: touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...',
      );
    let mtime = parseTouchTime(tool, options.get('d') as string | undefined, options.get('t') as string | undefined);
    if (options.has('r')) mtime = tool.ctx.fs.stat(options.get('r') as string).mtime;
    if (mtime === undefined)
      return tool.fail(
        tool.gnu
          ? `invalid date format '${(options.get('d') ?? options.get('t')) as string}'`
          : `invalid date '${(options.get('d') ?? options.get('t')) as string}'`,
      );
    let status = 0;
    for (const path of operands) {
      try {
        if (!tool.ctx.fs.exists(path)) {
          if (options.has('c')) continue;
          tool.ctx.fs.writeFile(path, new Uint8Array(0), { uid: tool.ctx.uid, gid: tool.ctx.gid, append: true });
        }
        tool.ctx.fs.utimes(path, mtime);
      } catch (err) {
        if (!isFsError(err)) throw err;
        problem(tool, `${path}: ${err.reason}`, `cannot touch '${path}': ${err.reason}`);
        status = 1;
      }
    }
    return status;
  }),
);

/** Apply a chmod mode (`755`, `u+x`, `go-w,a+r`, `=r`) to the current mode; undefined if malformed. */
export function applyMode(spec: string, current: number, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = current;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (m === null) return undefined;
    const who = m[1] === '' || (m[1] as string).includes('a') ? 'ugo' : (m[1] as string);
    let bits = 0;
    for (const p of m[3] as string) {
      for (const w of who) {
        const shift = w === 'u' ? 6 : w === 'g' ? 3 : 0;
        if (p === 'r') bits |= 4 << shift;
        if (p === 'w') bits |= 2 << shift;
        if (p === 'x' || (p === 'X' && (isDir || (current & 0o111) !== 0))) bits |= 1 << shift;
        if (p === 's' && w === 'u') bits |= 0o4000;
        if (p === 's' && w === 'g') bits |= 0o2000;
        if (p === 't') bits |= 0o1000;
      }
    }
    if (m[1] === '' && m[2] !== '=') bits &= ~0o022; // no `who`: the umask (022) applies
    const mask = [...who].reduce((n, w) => n | (7 << (w === 'u' ? 6 : w === 'g' ? 3 : 0)), 0);
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else mode = (mode & ~mask) | bits;
  }
  return mode;
}

function walk(tool: Tool, path: string, recursive: boolean, visit: (p: string) => void): void {
  visit(path);
  if (!recursive) return;
  const st = tool.ctx.fs.lstat(path);
  if (st.type !== 'dir') return;
  for (const name of tool.ctx.fs.readdir(path)) walk(tool, `${path.replace(/\/+$/, '')}/${name}`, true, visit);
}

registerApplet('chmod', (tool) =>
  withUsage(tool, async () => {
    const recursive = tool.args.includes('-R');
    const args = tool.args.filter((a) => a !== '-R' && a !== '-v' && a !== '-f');
    const [spec, ...paths] = args;
    if (spec === undefined || paths.length === 0)
      return tool.fail(
        tool.gnu ? "missing operand\nTry 'chmod --help' for more information." : 'usage: chmod [-R] MODE FILE...',
      );
    let status = 0;
    for (const path of paths) {
      try {
        walk(tool, path, recursive, (p) => {
          const st = tool.ctx.fs.stat(p);
          const mode = applyMode(spec, st.mode, st.type === 'dir');
          if (mode === undefined) throw Object.assign(new Error('bad mode'), { badMode: true });
          tool.ctx.fs.chmod(p, mode);
        });
      } catch (err) {
        if ((err as { badMode?: boolean }).badMode)
          return tool.fail(tool.gnu ? `invalid mode: '${spec}'` : `invalid mode '${spec}'`);
        if (!isFsError(err)) throw err;
        problem(tool, `${path}: ${err.reason}`, `cannot access '${path}': ${err.reason}`);
        status = 1;
      }
    }
    return status;
  }),
);

function chownApplet(group: boolean) {
  return (tool: Tool) =>
    withUsage(tool, async () => {
      const recursive = tool.args.includes('-R');
      const args = tool.args.filter((a) => !/^-[Rvfh]+$/.test(a));
      const [owner, ...paths] = args;
      if (owner === undefined || paths.length === 0)
        return tool.fail(
          tool.gnu
            ? "missing operand\nTry 'chown --help' for more information."
            : 'usage: chown [-R] USER[:GROUP] FILE...',
        );
      const accounts = new Accounts(tool.ctx.fs);
      const [userPart, groupPart] = group ? ['', owner] : (owner.split(/[:.]/) as [string, string | undefined]);
      let uid: number | undefined;
      let gid: number | undefined;
      if (userPart !== '') {
        uid = accounts.user(userPart)?.uid;
        if (uid === undefined) return tool.fail(tool.gnu ? `invalid user: '${owner}'` : `unknown user ${userPart}`);
      }
      if (groupPart !== undefined && groupPart !== '') {
        gid = accounts.group(groupPart)?.gid;
        if (gid === undefined) return tool.fail(tool.gnu ? `invalid group: '${owner}'` : `unknown group ${groupPart}`);
      }
      let status = 0;
      for (const path of paths) {
        try {
          walk(tool, path, recursive, (p) => {
            const st = tool.ctx.fs.stat(p);
            tool.ctx.fs.chown(p, uid ?? st.uid, gid ?? st.gid);
          });
        } catch (err) {
          if (!isFsError(err)) throw err;
          problem(tool, `${path}: ${err.reason}`, `cannot access '${path}': ${err.reason}`);
          status = 1;
        }
      }
      return status;
    });
}

registerApplet('chown', chownApplet(false));
registerApplet('chgrp', chownApplet(true));

function reportMissing(tool: Tool, path: string, err: FsError): number {
  if (tool.name === 'realpath') problem(tool, `${path}: ${err.reason}`, `${path}: ${err.reason}`);
  return 1;
}

registerApplet(['readlink', 'realpath'], (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, { flags: 'fenqsvmz', long: { canonicalize: 'f' } });
    let status = 0;
    for (const path of operands) {
      try {
        if (tool.name === 'realpath' || options.has('f') || options.has('e') || options.has('m')) {
          statPath(tool.ctx, path);
          tool.out(`${canonicalPath(tool.ctx, path)}\n`);
        } else tool.out(`${readLink(tool.ctx, path)}\n`);
      } catch (err) {
        if (!isFsError(err)) throw err;
        status = reportMissing(tool, path, err);
      }
    }
    return status;
  }),
);

let tempCounter = 0;
registerApplet('mktemp', (tool) =>
  withUsage(tool, async () => {
    const { options, operands } = parseArgs(tool, tool.args, { flags: 'dqu', values: 'p', long: { directory: 'd' } });
    const template = operands[0] ?? (tool.gnu ? 'tmp.XXXXXXXXXX' : 'tmp.XXXXXX');
    const dir =
      (options.get('p') as string | undefined) ??
      (template.includes('/') ? '' : (tool.ctx.env.get('TMPDIR') ?? '/tmp'));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let seed = tool.ctx.clock.now() + tool.ctx.pid * 7919 + ++tempCounter * 104729;
    const name = template.replace(/X+$/, (xs) =>
      [...xs]
        .map(() => {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          return alphabet[seed % alphabet.length];
        })
        .join(''),
    );
    const path = dir === '' ? name : `${dir}/${name}`;
    try {
      if (options.has('d')) tool.ctx.fs.mkdir(path, { mode: 0o700 });
      else tool.ctx.fs.writeFile(path, new Uint8Array(0), { mode: 0o600 });
    } catch (err) {
      if (!isFsError(err)) throw err;
      return tool.fail(
        tool.gnu ? `failed to create file via template '${template}': ${err.reason}` : `(null): ${err.reason}`,
      );
    }
    tool.out(`${path}\n`);
    return 0;
  }),
);
