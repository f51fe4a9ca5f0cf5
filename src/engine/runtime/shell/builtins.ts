// The shell's builtins: commands the shell runs itself because they change the shell (`cd`,
// `export`, `set`, `exit`) or are too common to start a process for (`echo`, `test`). POSIX calls
// some of them "special" (`exit`, `export`, `set`, `.`…): assignments in front of them stay, and
// an error in one ends a non-interactive shell. This module holds the special ones and the
// registry; ./builtins-regular.ts the others.

import { isFsError } from '../../layer/fs-errors';
import { ExecError } from '../exec';
import { SIGNAL_NAMES, signalNumber } from '../signals';
import type { Shell } from './interpreter';
import { parseScript } from './parser';
import type { Fds } from './redirect';
import { CommandFailed, ExitShell, LoopControl, ReturnFromFunction } from './state';
import { ShellSyntaxError } from './syntax-error';
import { traceQuote } from './simple';
import { REGULAR_BUILTINS } from './builtins-regular';

export type Builtin = (sh: Shell, argv: string[], fds: Fds) => Promise<number>;

/** Report `text` as builtin `name` and fail the command (fatal when `fatal`, in a script). */
export function builtinError(sh: Shell, fds: Fds, name: string, text: string, status: number, fatal = false): never {
  sh.report(text, name, fds);
  throw new CommandFailed(status, fatal && !sh.mode.interactive);
}

function parseStatus(sh: Shell, fds: Fds, name: string, arg: string | undefined): number {
  if (arg === undefined) return sh.state.lastStatus;
  if (/^\d+$/.test(arg)) return Number(arg) & 0xff;
  if (sh.dialect.name === 'bash' && /^-\d+$/.test(arg)) return Number(arg) & 0xff;
  return builtinError(sh, fds, name, sh.dialect.illegalNumber(name, arg), 2, true);
}

const exit: Builtin = async (sh, argv, fds) => {
  const status = parseStatus(sh, fds, 'exit', argv[1]);
  if (sh.mode.interactive && sh.dialect.name === 'bash') fds.output(2).write('exit\n');
  throw new ExitShell(status);
};

const returnBuiltin: Builtin = async (sh, argv, fds) => {
  const status = parseStatus(sh, fds, 'return', argv[1]);
  if (sh.functionDepth === 0 && sh.sourceDepth === 0) {
    if (sh.dialect.name === 'bash')
      return builtinError(sh, fds, 'return', "can only `return' from a function or sourced script", 1);
    throw new ExitShell(status);
  }
  throw new ReturnFromFunction(status);
};

const loopControl =
  (kind: 'break' | 'continue'): Builtin =>
  async (sh, argv, fds) => {
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 1)
      return builtinError(sh, fds, kind, sh.dialect.illegalNumber(kind, argv[1] ?? ''), 2, true);
    if (sh.loopDepth === 0) return 0;
    throw new LoopControl(kind, Math.min(n, sh.loopDepth));
  };

const evalBuiltin: Builtin = async (sh, argv, fds) => {
  const source = argv.slice(1).join(' ');
  try {
    const list = parseScript(source, sh.line);
    return await sh.withFds(fds, () => sh.runList(list, false));
  } catch (err) {
    if (!(err instanceof ShellSyntaxError)) throw err;
    for (const line of sh.dialect.syntax(err, sh.site(), source)) fds.output(2).write(`${line}\n`);
    throw new CommandFailed(2, !sh.mode.interactive);
  }
};

const execBuiltin: Builtin = async (sh, argv, fds) => {
  if (argv.length === 1) {
    for (const [fd, stream] of fds.entries) sh.state.fds.set(fd, stream);
    return 0;
  }
  const args = argv.slice(1);
  const env = sh.state.environment();
  const redirected = [0, 1, 2].some((fd) => fds.entries.has(fd)) || [0, 1, 2].some((fd) => sh.state.fds.has(fd));
  try {
    const status =
      sh.ctx.exec !== undefined && !redirected
        ? await sh.ctx.exec(args, { env, fds: fds.inherited() })
        : await sh.ctx.spawn(args, {
            env,
            cwd: sh.state.cwd,
            stdin: fds.input(0),
            stdout: fds.output(1),
            stderr: fds.output(2),
            fds: fds.inherited(),
          });
    throw new ExitShell(status);
  } catch (err) {
    if (!(err instanceof ExecError)) throw err;
    const text = sh.dialect.execFailure(args[0] as string, err).replace(': command not found', ': not found');
    sh.report(text, 'exec', fds);
    if (sh.mode.interactive) return err.exitStatus;
    throw new ExitShell(err.exitStatus);
  }
};

const dot: Builtin = async (sh, argv, fds) => {
  const name = argv[0] as string;
  const file = argv[1];
  if (file === undefined) {
    if (sh.dialect.name === 'bash') return builtinError(sh, fds, name, 'filename argument required', 2);
    return 0;
  }
  const path = findDotFile(sh, file);
  let source: string;
  try {
    if (path === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    source = sh.ctx.fs.at(sh.state.cwd).readText(path);
  } catch (err) {
    if (!isFsError(err) && (err as { code?: string }).code !== 'ENOENT') throw err;
    const reason = isFsError(err) ? err.reason : 'No such file or directory';
    if (sh.dialect.name === 'bash') {
      sh.report(`${file}: ${reason}`, undefined, fds);
      throw new CommandFailed(1, false);
    }
    const text = sh.dialect.name === 'dash' ? `cannot open ${file}: No such file` : `can't open '${file}': ${reason}`;
    return builtinError(sh, fds, name, text, sh.dialect.name === 'dash' ? 2 : 1, true);
  }
  const savedPositional = sh.state.positional;
  if (argv.length > 2) sh.state.positional = argv.slice(2);
  sh.sourceDepth++;
  try {
    const list = parseScript(source);
    return await sh.withFds(fds, () => sh.runList(list, false));
  } catch (err) {
    if (err instanceof ReturnFromFunction) return err.status;
    if (err instanceof ShellSyntaxError) {
      for (const line of sh.dialect.syntax(err, { ...sh.site(), arg0: file, named: true }, source))
        fds.output(2).write(`${line}\n`);
      throw new CommandFailed(2, true);
    }
    throw err;
  } finally {
    sh.sourceDepth--;
    if (argv.length > 2) sh.state.positional = savedPositional;
  }
};

/** `.` looks in $PATH for a name without `/` (bash then also in the working directory). */
function findDotFile(sh: Shell, file: string): string | undefined {
  const fs = sh.ctx.fs.at(sh.state.cwd);
  const isFile = (p: string) => fs.exists(p) && fs.stat(p).type === 'file';
  if (file.includes('/')) return file;
  for (const dir of (sh.state.get('PATH') ?? '').split(':')) {
    const candidate = `${dir === '' ? '.' : dir}/${file}`;
    if (isFile(candidate)) return candidate;
  }
  return sh.dialect.name === 'bash' && isFile(file) ? file : undefined;
}

const exportBuiltin =
  (name: 'export' | 'readonly'): Builtin =>
  async (sh, argv, fds) => {
    const args = argv.slice(1).filter((a) => a !== '-p');
    if (args.length === 0) {
      const out = [...sh.state.vars.entries()]
        .filter(([, v]) => (name === 'export' ? v.exported : v.readonly))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([n, v]) =>
          sh.dialect.name === 'bash'
            ? `declare -${name === 'export' ? 'x' : 'r'} ${n}="${v.value.replace(/(["\\$`])/g, '\\$1')}"\n`
            : `${name} ${n}='${v.value.replace(/'/g, `'"'"'`)}'\n`,
        );
      fds.output(1).write(out.join(''));
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const varName = eq < 0 ? arg : arg.slice(0, eq);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(varName)) {
        const text = sh.dialect.name === 'bash' ? `\`${arg}': not a valid identifier` : `${varName}: bad variable name`;
        sh.report(text, name, fds);
        status = sh.dialect.name === 'bash' ? 1 : 2;
        if (sh.dialect.name !== 'bash') throw new CommandFailed(2, !sh.mode.interactive);
        continue;
      }
      if (eq >= 0) sh.setVariable(varName, arg.slice(eq + 1));
      else if (!sh.state.vars.has(varName) && name === 'readonly') sh.setVariable(varName, '');
      if (name === 'export') sh.state.export(varName);
      else {
        const v = sh.state.vars.get(varName);
        if (v !== undefined) v.readonly = true;
      }
    }
    return status;
  };

const unset: Builtin = async (sh, argv, fds) => {
  let functions = false;
  for (const arg of argv.slice(1)) {
    if (arg === '-f') functions = true;
    else if (arg === '-v') functions = false;
    else if (functions) sh.state.functions.delete(arg);
    else {
      try {
        sh.state.unset(arg);
      } catch {
        return builtinError(
          sh,
          fds,
          'unset',
          sh.dialect.name === 'bash' ? `${arg}: cannot unset: readonly variable` : `${arg}: is read only`,
          sh.dialect.name === 'bash' ? 1 : 2,
          true,
        );
      }
    }
  }
  return 0;
};

const OPTION_LETTERS: Record<string, keyof Shell['state']['options']> = {
  e: 'errexit',
  x: 'xtrace',
  u: 'nounset',
  f: 'noglob',
  C: 'noclobber',
  a: 'allexport',
  v: 'verbose',
};

const set: Builtin = async (sh, argv, fds) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    const lines = [...sh.state.vars.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([n, v]) => `${n}=${traceQuote(v.value)}\n`);
    fds.output(1).write(lines.join(''));
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      i++;
      sh.state.positional = args.slice(i);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const opt = args[++i];
      const entry = Object.entries(OPTION_LETTERS).find(([, long]) => long === opt);
      if (opt === 'pipefail') continue;
      if (entry === undefined) return builtinError(sh, fds, 'set', `${opt ?? ''}: invalid option name`, 2, true);
      sh.state.options[entry[1]] = a === '-o';
      continue;
    }
    if (!/^[-+][A-Za-z]+$/.test(a)) break;
    for (const letter of a.slice(1)) {
      const option = OPTION_LETTERS[letter];
      if (option === undefined)
        return builtinError(
          sh,
          fds,
          'set',
          sh.dialect.name === 'bash' ? `-${letter}: invalid option` : `Illegal option -${letter}`,
          2,
          true,
        );
      sh.state.options[option] = a[0] === '-';
    }
  }
  if (i < args.length) sh.state.positional = args.slice(i);
  return 0;
};

const shift: Builtin = async (sh, argv, fds) => {
  const n = argv[1] === undefined ? 1 : /^\d+$/.test(argv[1]) ? Number(argv[1]) : NaN;
  if (Number.isNaN(n)) return builtinError(sh, fds, 'shift', sh.dialect.illegalNumber('shift', argv[1] ?? ''), 2, true);
  if (n > sh.state.positional.length) {
    if (sh.dialect.name === 'bash') return 1;
    return builtinError(sh, fds, 'shift', "can't shift that many", 2, true);
  }
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};

const TRAPPABLE = ['HUP', 'INT', 'QUIT', 'USR1', 'USR2', 'TERM', 'WINCH'];

/** `EXIT`, `0`, `TERM`, `SIGTERM`, `15` → the trap's key (`EXIT`, `TERM`); undefined if unknown. */
function trapName(spec: string): string | undefined {
  const upper = spec.toUpperCase().replace(/^SIG/, '');
  if (upper === '0' || upper === 'EXIT') return 'EXIT';
  const n = signalNumber(upper);
  if (n === undefined || n === 0) return undefined;
  return SIGNAL_NAMES[n];
}

const trap: Builtin = async (sh, argv, fds) => {
  const args = argv.slice(1);
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    const lines = [...sh.state.traps].map(
      ([sig, action]) =>
        `trap -- ${traceQuote(action) === action && action !== '' ? `'${action}'` : traceQuote(action)} ${sig}\n`,
    );
    fds.output(1).write(lines.join(''));
    return 0;
  }
  let action: string | undefined = args[0] as string;
  let signals = args.slice(1);
  if (/^\d+$/.test(action) || signals.length === 0) {
    signals = args;
    action = undefined; // `trap 15` and `trap - 15` reset
  } else if (action === '-') action = undefined;
  let status = 0;
  for (const spec of signals) {
    const name = trapName(spec);
    if (name === undefined) {
      sh.report(`${spec}: invalid signal specification`, 'trap', fds);
      status = 1;
      continue;
    }
    if (action === undefined) sh.state.traps.delete(name);
    else sh.state.traps.set(name, action);
    if (TRAPPABLE.includes(name)) {
      const signal = `SIG${name}` as Parameters<NonNullable<typeof sh.ctx.onSignal>>[0];
      sh.ctx.onSignal?.(
        signal,
        action === undefined
          ? undefined
          : () => {
              sh.pendingSignals.push(name);
              sh.interruptWait?.();
            },
      );
    }
  }
  return status;
};

const times: Builtin = async (_sh, _argv, fds) => {
  fds.output(1).write('0m0.00s 0m0.00s\n0m0.00s 0m0.00s\n');
  return 0;
};

export const SPECIAL_BUILTINS = new Map<string, Builtin>([
  [':', async () => 0],
  ['.', dot],
  ['break', loopControl('break')],
  ['continue', loopControl('continue')],
  ['eval', evalBuiltin],
  ['exec', execBuiltin],
  ['exit', exit],
  ['export', exportBuiltin('export')],
  ['readonly', exportBuiltin('readonly')],
  ['return', returnBuiltin],
  ['set', set],
  ['shift', shift],
  ['times', times],
  ['trap', trap],
  ['unset', unset],
]);

export const BUILTINS: ReadonlyMap<string, Builtin> = REGULAR_BUILTINS;

/** Builtins a shell lacks: dash has no `source` (`sh: 1: source: not found`) and no `let`. */
const MISSING: Readonly<Record<string, readonly string[]>> = { ash: [], dash: ['source', 'let', '[['], bash: [] };

/** The regular builtin `name` of this shell, if it has one. */
export function regularBuiltin(sh: Shell, name: string): Builtin | undefined {
  return MISSING[sh.dialect.name]?.includes(name) ? undefined : BUILTINS.get(name);
}
