// Finding things: `find` walks a directory tree testing each entry (`-name '*.conf'`, `-type f`,
// `-maxdepth 1`, `-user redis`, `-newer f`) and acts on the matches (`-print`, `-exec cmd {} \;`,
// `-exec cmd {} +`, `-delete`); `xargs` turns input lines into arguments; `which` says which file
// a command name would run.

import { isFsError } from '../../layer/fs-errors';
import { ExecError, findExecutable } from '../exec';
import { listDir, statPath, type PathStats } from '../files';
import { matchGlob } from '../shell/pattern';
import { readAllText } from '../streams';
import { Accounts } from '../users';
import { registerApplet, type Tool } from './registry';

type Test = (path: string, st: PathStats, depth: number) => boolean | Promise<boolean>;

interface FindPlan {
  roots: string[];
  test: Test;
  actions: boolean;
  maxDepth: number;
  minDepth: number;
  follow: boolean;
  deferred: (() => Promise<void>)[];
}

class FindParseError extends Error {}

function parseFind(tool: Tool, args: string[]): FindPlan {
  let i = 0;
  const roots: string[] = [];
  let follow = false;
  while (i < args.length && (args[i] === '-L' || args[i] === '-H' || args[i] === '-P')) follow = args[i++] === '-L';
  while (i < args.length && !/^[-!(]/.test(args[i] as string)) roots.push(args[i++] as string);
  const plan: FindPlan = {
    roots: roots.length > 0 ? roots : ['.'],
    test: () => true,
    actions: false,
    maxDepth: Infinity,
    minDepth: 0,
    follow,
    deferred: [],
  };
  const accounts = new Accounts(tool.ctx.fs);
  const next = () => {
    const a = args[i++];
    if (a === undefined) throw new FindParseError(`missing argument to \`${args[i - 2] ?? ''}'`);
    return a;
  };
  const primary = (): Test => {
    const a = next();
    switch (a) {
      case '(': {
        const t = or();
        if (args[i++] !== ')')
          throw new FindParseError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        return t;
      }
      case '!':
      case '-not': {
        const t = primary();
        return async (p, s, d) => !(await t(p, s, d));
      }
      case '-name':
      case '-iname': {
        const pat = next();
        const ci = a === '-iname';
        return (p) => {
          const base = p === '/' ? '/' : (p.replace(/\/+$/, '').split('/').pop() ?? p);
          return ci ? matchGlob(pat.toLowerCase(), base.toLowerCase()) : matchGlob(pat, base);
        };
      }
      case '-path':
      case '-wholename': {
        const pat = next();
        return (p) => matchGlob(pat, p);
      }
      case '-type': {
        const t = next();
        const kind = { f: 'file', d: 'dir', l: 'symlink', c: 'chardev' }[t];
        if (kind === undefined) throw new FindParseError(`Unknown argument to -type: ${t}`);
        return (_p, s) => s.type === kind;
      }
      case '-maxdepth':
        plan.maxDepth = Number(next());
        return () => true;
      case '-mindepth':
        plan.minDepth = Number(next());
        return () => true;
      case '-user': {
        const u = next();
        const uid = accounts.user(u)?.uid ?? (/^\d+$/.test(u) ? Number(u) : undefined);
        if (uid === undefined) throw new FindParseError(`'${u}' is not the name of a known user`);
        return (_p, s) => s.uid === uid;
      }
      case '-group': {
        const g = next();
        const gid = accounts.group(g)?.gid ?? (/^\d+$/.test(g) ? Number(g) : undefined);
        return (_p, s) => s.gid === gid;
      }
      case '-perm': {
        const m = next();
        const mode = parseInt(m.replace(/^[-/]/, ''), 8);
        if (m.startsWith('-')) return (_p, s) => (s.mode & mode) === mode;
        if (m.startsWith('/')) return (_p, s) => (s.mode & mode) !== 0;
        return (_p, s) => (s.mode & 0o7777) === mode;
      }
      case '-size': {
        const m = /^([+-]?)(\d+)([ckMG]?)$/.exec(next());
        if (m === null) throw new FindParseError('invalid -size');
        const unit = { '': 512, c: 1, k: 1024, M: 1048576, G: 1073741824 }[m[3] as string] ?? 512;
        const n = Number(m[2]);
        return (_p, s) => {
          const size = Math.ceil(s.size / unit);
          return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n;
        };
      }
      case '-newer': {
        const ref = statPath(tool.ctx, next()).mtime;
        return (_p, s) => s.mtime > ref;
      }
      case '-empty':
        return (p, s) => (s.type === 'dir' ? listDir(tool.ctx, p).length === 0 : s.type === 'file' && s.size === 0);
      case '-true':
        return () => true;
      case '-false':
        return () => false;
      case '-follow':
        plan.follow = true;
        return () => true;
      case '-print':
      case '-print0': {
        plan.actions = true;
        const end = a === '-print0' ? '\0' : '\n';
        return (p) => {
          tool.out(`${p}${end}`);
          return true;
        };
      }
      case '-delete':
        plan.actions = true;
        return (p) => {
          tool.ctx.fs.rm(p, { recursive: false });
          return true;
        };
      case '-exec':
      case '-ok': {
        plan.actions = true;
        const command: string[] = [];
        for (let c = next(); c !== ';' && c !== '+'; c = next()) command.push(c);
        const batch = args[i - 1] === '+';
        if (batch) {
          const paths: string[] = [];
          plan.deferred.push(async () => {
            if (paths.length > 0)
              await run(
                tool,
                command.flatMap((c) => (c === '{}' ? paths : [c])),
              );
          });
          return (p) => {
            paths.push(p);
            return true;
          };
        }
        return async (p) =>
          (await run(
            tool,
            command.map((c) => c.replaceAll('{}', p)),
          )) === 0;
      }
      default:
        throw new FindParseError(tool.gnu ? `unknown predicate \`${a}'` : `unrecognized: ${a}`);
    }
  };
  const and = (): Test => {
    let t = primary();
    while (i < args.length && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ')') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      const left = t;
      const right = primary();
      t = async (p, s, d) => (await left(p, s, d)) && (await right(p, s, d));
    }
    return t;
  };
  const or = (): Test => {
    let t = and();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      const left = t;
      const right = and();
      t = async (p, s, d) => (await left(p, s, d)) || (await right(p, s, d));
    }
    return t;
  };
  if (i < args.length) plan.test = or();
  if (i < args.length) throw new FindParseError(`paths must precede expression: \`${args[i] ?? ''}'`);
  return plan;
}

async function run(tool: Tool, argv: string[]): Promise<number> {
  try {
    return await tool.ctx.spawn(argv, {
      env: tool.ctx.env,
      cwd: tool.ctx.cwd,
      stdin: tool.ctx.stdin,
      stdout: tool.ctx.stdout,
      stderr: tool.ctx.stderr,
    });
  } catch (err) {
    if (!(err instanceof ExecError)) throw err;
    tool.err(
      `${tool.name}: ${tool.gnu ? `'${argv[0] ?? ''}'` : argv[0]}: ${err.exitStatus === 127 ? 'No such file or directory' : 'Permission denied'}\n`,
    );
    return err.exitStatus;
  }
}

registerApplet('find', async (tool) => {
  let plan: FindPlan;
  try {
    plan = parseFind(tool, tool.args);
  } catch (err) {
    if (err instanceof FindParseError) return tool.fail(err.message);
    throw err;
  }
  let status = 0;
  const visit = async (path: string, depth: number): Promise<void> => {
    await tool.step();
    let st: PathStats;
    try {
      st = statPath(tool.ctx, path, { follow: plan.follow || depth === 0 });
    } catch (err) {
      if (!isFsError(err)) throw err;
      tool.err(tool.gnu ? `find: '${path}': ${err.reason}\n` : `find: ${path}: ${err.reason}\n`);
      status = 1;
      return;
    }
    if (depth >= plan.minDepth && (await plan.test(path, st, depth)) && !plan.actions) tool.out(`${path}\n`);
    if (st.type !== 'dir' || depth >= plan.maxDepth) return;
    for (const name of listDir(tool.ctx, path))
      await visit(path.endsWith('/') ? `${path}${name}` : `${path}/${name}`, depth + 1);
  };
  for (const root of plan.roots) await visit(root, 0);
  for (const deferred of plan.deferred) await deferred();
  return status;
});

registerApplet('xargs', async (tool) => {
  let i = 0;
  let maxArgs = Infinity;
  let replace: string | undefined;
  let nullSep = false;
  let noRunIfEmpty = false;
  for (; i < tool.args.length; i++) {
    const a = tool.args[i] as string;
    if (a === '-n') maxArgs = Number(tool.args[++i]);
    else if (/^-n\d+$/.test(a)) maxArgs = Number(a.slice(2));
    else if (a === '-I') replace = tool.args[++i];
    else if (a.startsWith('-I')) replace = a.slice(2);
    else if (a === '-0') nullSep = true;
    else if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a === '-t') continue;
    else break;
  }
  const command = tool.args.slice(i);
  if (command.length === 0) command.push('echo');
  const input = await readAllText(tool.ctx.stdin);
  const items =
    replace !== undefined
      ? input.split('\n').filter((l) => l !== '')
      : nullSep
        ? input.split('\0').filter((x) => x !== '')
        : (input.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? []).map((w) => w.replace(/["']/g, ''));
  if (items.length === 0 && (noRunIfEmpty || !tool.gnu)) return 0;
  let status = 0;
  if (replace !== undefined) {
    for (const item of items)
      if (
        (await run(
          tool,
          command.map((c) => c.replaceAll(replace as string, item)),
        )) !== 0
      )
        status = 123;
    return status;
  }
  const per = Number.isFinite(maxArgs) && maxArgs > 0 ? maxArgs : Math.max(items.length, 1);
  for (let k = 0; k < Math.max(items.length, 1); k += per) {
    const code = await run(tool, [...command, ...items.slice(k, k + per)]);
    if (code === 127 || code === 126) return code;
    if (code !== 0) status = 123;
  }
  return status;
});

registerApplet('which', async (tool) => {
  const all = tool.args.includes('-a');
  let status = 0;
  for (const name of tool.args.filter((a) => a !== '-a')) {
    if (name.includes('/')) {
      try {
        tool.out(`${findExecutable(tool.ctx.fs, name, '')}\n`);
      } catch {
        status = 1;
      }
      continue;
    }
    const found: string[] = [];
    for (const dir of (tool.ctx.env.get('PATH') ?? '').split(':')) {
      try {
        found.push(findExecutable(tool.ctx.fs, `${dir || '.'}/${name}`, ''));
        if (!all) break;
      } catch {
        // not in this directory
      }
    }
    if (found.length === 0) status = 1;
    for (const f of found) tool.out(`${f}\n`);
  }
  return status;
});
