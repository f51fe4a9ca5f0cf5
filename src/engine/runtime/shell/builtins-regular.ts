// The shell's regular builtins: `cd` and `pwd` (the working directory is the shell's own),
// `read` (splitting a line of input into variables), `wait` for background jobs, `command` and
// `type` (what a name would run), `local`, and the tools every shell builds in for speed —
// `echo`, `printf`, `test`/`[`, `true`, `false`, `kill` — sharing the applets' implementations.

import { isFsError } from '../../layer/fs-errors';
import { echo, printf } from '../applets/echo';
import { runApplet, Tool } from '../applets/registry';
import { runTest } from '../applets/test';
import { statPath } from '../files';
import { pushbackInput } from '../streams';
import type { Builtin } from './builtins';
import { read, wait } from './builtins-io';
import { command, regularNames, type } from './builtins-lookup';
import type { Shell } from './interpreter';
import type { Fds } from './redirect';
import { CommandFailed } from './state';

function fail(sh: Shell, fds: Fds, name: string, text: string, status = 1): never {
  sh.report(text, name, fds);
  throw new CommandFailed(status, false);
}

/** A context for an applet run as a builtin: the shell's, with the command's streams. */
function appletContext(sh: Shell, argv: string[], fds: Fds) {
  return {
    ...sh.ctx,
    argv,
    env: sh.state.environment(),
    cwd: sh.state.cwd,
    fs: sh.ctx.fs.at(sh.state.cwd),
    stdin: pushbackInput(fds.input(0)),
    stdout: fds.output(1),
    stderr: fds.output(2),
  };
}

/** Lexical `..` handling, as `cd` does by default (-L). */
function joinLogical(cwd: string, dir: string): string {
  const names = (dir.startsWith('/') ? dir : `${cwd}/${dir}`).split('/');
  const out: string[] = [];
  for (const n of names) {
    if (n === '' || n === '.') continue;
    if (n === '..') out.pop();
    else out.push(n);
  }
  return `/${out.join('/')}`;
}

const cd: Builtin = async (sh, argv, fds) => {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  if (args.length > 1 && sh.dialect.name === 'bash') return fail(sh, fds, 'cd', 'too many arguments');
  let target = args[0];
  let print = false;
  if (target === undefined || target === '~') {
    target = sh.state.get('HOME');
    if (target === undefined) return fail(sh, fds, 'cd', 'HOME not set', sh.dialect.name === 'bash' ? 1 : 2);
  } else if (target === '-') {
    target = sh.state.get('OLDPWD');
    if (target === undefined) return fail(sh, fds, 'cd', 'OLDPWD not set', sh.dialect.name === 'bash' ? 1 : 2);
    print = true;
  }
  if (target === '') return 0;
  const dir = joinLogical(sh.state.cwd, target);
  let errno: string | undefined;
  try {
    const st = statPath(sh.ctx, dir);
    if (st.type !== 'dir') errno = 'ENOTDIR';
  } catch (err) {
    if (!isFsError(err)) throw err;
    errno = err.code;
  }
  if (errno !== undefined)
    return fail(sh, fds, 'cd', sh.dialect.cdFailed(target, errno), sh.dialect.name === 'bash' ? 1 : 2);
  const old = sh.state.cwd;
  sh.chdir(dir);
  sh.setVariable('OLDPWD', old, sh.dialect.name !== 'ash' || sh.state.vars.get('OLDPWD')?.exported === true);
  sh.setVariable('PWD', dir);
  if (print) fds.output(1).write(`${dir}\n`);
  return 0;
};

const pwd: Builtin = async (sh, argv, fds) => {
  const physical = argv.includes('-P');
  fds.output(1).write(`${physical ? sh.ctx.fs.realpath(sh.state.cwd) : sh.state.cwd}\n`);
  return 0;
};

const echoBuiltin: Builtin = async (sh, argv, fds) => {
  fds
    .output(1)
    .write(echo(argv.slice(1), sh.dialect.name === 'dash' ? 'dash' : sh.dialect.name === 'bash' ? 'gnu' : 'busybox'));
  return 0;
};

const printfBuiltin: Builtin = async (sh, argv, fds) => {
  const [format, ...rest] = argv[1] === '--' ? argv.slice(2) : argv.slice(1);
  if (format === undefined)
    return fail(
      sh,
      fds,
      'printf',
      sh.dialect.name === 'bash' ? 'usage: printf [-v var] format [arguments]' : 'usage: printf format [arg ...]',
      2,
    );
  const problems: string[] = [];
  // The tool's name tells printf() whose wording to use for a bad number.
  const tool = new Tool(
    appletContext(sh, argv, fds),
    `printf:${sh.dialect.name}`,
    sh.dialect.name === 'bash' ? 'gnu' : 'busybox',
    rest,
  );
  fds.output(1).write(printf(tool, format, rest, problems));
  for (const p of problems) sh.report(p, 'printf', fds);
  return problems.length > 0 ? 1 : 0;
};

const testBuiltin: Builtin = async (sh, argv, fds) => {
  const name = argv[0] as string;
  const style = sh.dialect.name === 'ash' ? 'busybox' : sh.dialect.name;
  const result = runTest(appletContext(sh, argv, fds), name !== 'test', argv.slice(1), style);
  if (result.error !== undefined) {
    if (sh.dialect.name === 'ash') fds.output(2).write(`${sh.state.arg0}: ${result.error}\n`);
    else sh.report(result.error, name, fds);
  }
  return result.status;
};

const local: Builtin = async (sh, argv, fds) => {
  const scope = sh.state.locals[sh.state.locals.length - 1];
  if (scope === undefined) {
    return fail(
      sh,
      fds,
      'local',
      sh.dialect.name === 'bash' ? 'can only be used in a function' : 'not in a function',
      sh.dialect.name === 'bash' ? 1 : 2,
    );
  }
  for (const arg of argv.slice(1)) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!scope.has(name)) {
      const current = sh.state.vars.get(name);
      scope.set(name, current === undefined ? undefined : { ...current });
    }
    if (eq >= 0) sh.setVariable(name, arg.slice(eq + 1));
    else if (!sh.state.vars.has(name) || sh.dialect.name !== 'ash') sh.setVariable(name, sh.state.get(name) ?? '');
  }
  return 0;
};

const umask: Builtin = async (sh, argv, fds) => {
  const value = argv[1];
  if (value === undefined) {
    fds.output(1).write(`${sh.state.umask}\n`);
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(value)) return fail(sh, fds, 'umask', sh.dialect.illegalNumber('umask', value), 2);
  sh.state.umask = value.padStart(4, '0');
  return 0;
};

const alias: Builtin = async (sh, argv, fds) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const [n, v] of [...sh.state.aliases].sort())
      fds.output(1).write(`${sh.dialect.name === 'bash' ? 'alias ' : ''}${n}='${v}'\n`);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.state.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.state.aliases.has(a))
      fds.output(1).write(`${sh.dialect.name === 'bash' ? 'alias ' : ''}${a}='${sh.state.aliases.get(a) ?? ''}'\n`);
    else {
      sh.report(`${a}: not found`, 'alias', fds);
      status = 1;
    }
  }
  return status;
};

const unalias: Builtin = async (sh, argv) => {
  for (const a of argv.slice(1)) {
    if (a === '-a') sh.state.aliases.clear();
    else sh.state.aliases.delete(a);
  }
  return 0;
};

const letBuiltin: Builtin = async (sh, argv) => {
  let last = 0;
  for (const expr of argv.slice(1))
    last = await sh.expander.arithmetic({ parts: [{ type: 'literal', value: expr, quoted: true }], text: expr });
  return last === 0 ? 1 : 0;
};

const viaApplet =
  (name: string): Builtin =>
  async (sh, argv, fds) =>
    runApplet(name, appletContext(sh, argv, fds), 'busybox', argv.slice(1));

export const REGULAR_BUILTINS = new Map<string, Builtin>([
  ['cd', cd],
  ['pwd', pwd],
  ['echo', echoBuiltin],
  ['printf', printfBuiltin],
  ['test', testBuiltin],
  ['[', testBuiltin],
  ['true', async () => 0],
  ['false', async () => 1],
  ['read', read],
  ['wait', wait],
  ['command', command],
  ['type', type],
  ['local', local],
  ['umask', umask],
  ['alias', alias],
  ['unalias', unalias],
  ['hash', async () => 0],
  ['jobs', async () => 0],
  ['let', letBuiltin],
  ['kill', viaApplet('kill')],
  [
    'source',
    async (sh, argv, fds) => {
      const { SPECIAL_BUILTINS } = await import('./builtins');
      return (SPECIAL_BUILTINS.get('.') as Builtin)(sh, argv, fds);
    },
  ],
]);

for (const name of REGULAR_BUILTINS.keys()) regularNames.add(name);
