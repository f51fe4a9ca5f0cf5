// A simple command (XCU 2.9.1): expand the words, then find what the first one names — a special
// builtin (`exit`, `export`, `set`…), a function, a regular builtin (`cd`, `echo`, `read`…), or
// else a program found on $PATH — and run it with the redirections applied and the assignments
// in front of it (`DEBUG=1 ./run.sh`) placed in its environment only.

import type { SimpleCommand, Word } from './ast';
import { regularBuiltin, SPECIAL_BUILTINS, type Builtin } from './builtins';
import type { Shell } from './interpreter';
import { parseScript } from './parser';
import type { Fds } from './redirect';
import { CommandFailed, ExitShell } from './state';
import { ExecError } from '../exec';
import { programOf } from '../../image/official/elf';

/** `'a b'` for `set -x`: quote what the shell would need quoted to read it back. */
export function traceQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function trace(sh: Shell, words: string[]): void {
  if (!sh.state.options.xtrace) return;
  const ps4 = sh.state.get('PS4') ?? '+ ';
  sh.baseFds()
    .output(2)
    .write(`${ps4}${words.join(' ')}\n`);
}

/** Aliases (interactive use, and ash everywhere): the first word replaced by the alias text. */
function withAliases(sh: Shell, words: readonly Word[]): readonly Word[] {
  const first = words[0];
  const part = first?.parts[0];
  if (first === undefined || first.parts.length !== 1 || part?.type !== 'literal' || part.quoted) return words;
  const alias = sh.state.aliases.get(part.value);
  if (alias === undefined) return words;
  const parsed = parseScript(alias).items[0]?.command.first.commands[0];
  return parsed?.type === 'simple' ? [...parsed.words, ...words.slice(1)] : words;
}

export async function runSimple(sh: Shell, cmd: SimpleCommand, tail: boolean): Promise<number> {
  sh.substitutionStatus = undefined;
  let argv: string[];
  const assignments: [string, string][] = [];
  try {
    argv = await sh.expander.fields(withAliases(sh, cmd.words));
    for (const a of cmd.assignments) assignments.push([a.name, await sh.expander.string(a.value)]);
  } catch (err) {
    throw sh.expansionFailure(err);
  }
  const traced = assignments.map(([n, v]) => `${n}=${traceQuote(v)}`);
  if (argv.length === 0) {
    trace(sh, traced);
    for (const [name, value] of assignments) sh.setVariable(name, value);
    await sh.redirect(cmd.redirects, sh.baseFds());
    return sh.substitutionStatus ?? 0;
  }
  trace(sh, [...traced, ...argv.map(traceQuote)]);
  const name = argv[0] as string;
  const special = SPECIAL_BUILTINS.get(name);
  if (special !== undefined) {
    const fds = await sh.redirect(cmd.redirects, sh.baseFds(), true);
    for (const [n, v] of assignments) sh.setVariable(n, v);
    return runBuiltin(sh, special, argv, fds);
  }
  const fn = sh.state.functions.get(name);
  if (fn !== undefined) {
    const fds = await sh.redirect(cmd.redirects, sh.baseFds());
    return withAssignments(sh, assignments, () => sh.withFds(fds, () => sh.callFunction(name, fn, argv)));
  }
  const builtin = regularBuiltin(sh, name);
  if (builtin !== undefined) {
    const fds = await sh.redirect(cmd.redirects, sh.baseFds());
    return withAssignments(sh, assignments, () => runBuiltin(sh, builtin, argv, fds));
  }
  return runProgram(
    sh,
    argv,
    assignments,
    await sh.redirect(cmd.redirects, sh.baseFds()),
    tail && cmd.redirects.length === 0,
  );
}

/** Assignments in front of a builtin or function last for that command only. */
async function withAssignments<T>(sh: Shell, assignments: [string, string][], body: () => Promise<T>): Promise<T> {
  if (assignments.length === 0) return body();
  const saved = assignments.map(([n]) => [n, sh.state.vars.get(n)] as const);
  for (const [n, v] of assignments) sh.setVariable(n, v, true);
  try {
    return await body();
  } finally {
    for (const [n, old] of saved) {
      sh.state.unset(n);
      if (old !== undefined) sh.state.set(n, old.value, old.exported);
    }
  }
}

async function runBuiltin(sh: Shell, builtin: Builtin, argv: string[], fds: Fds): Promise<number> {
  try {
    return await builtin(sh, argv, fds);
  } catch (err) {
    if (err instanceof CommandFailed && !err.fatal) return err.status;
    throw err;
  }
}

/** Run a program: exec it when it is the shell's last act, else as a child, and wait. */
export async function runProgram(
  sh: Shell,
  argv: string[],
  assignments: [string, string][],
  fds: Fds,
  mayExec: boolean,
): Promise<number> {
  const env = sh.state.environment(new Map(assignments));
  const canExec =
    mayExec &&
    sh.ctx.exec !== undefined &&
    !sh.mode.interactive &&
    [...sh.state.traps.values()].every((a) => a === '') &&
    ![0, 1, 2].some((fd) => sh.state.fds.has(fd));
  try {
    if (canExec) {
      const status = await (sh.ctx.exec as NonNullable<typeof sh.ctx.exec>)(argv, { env, fds: fds.inherited() });
      throw new ExitShell(status);
    }
    const status = await sh.ctx.spawn(argv, {
      env,
      cwd: sh.state.cwd,
      stdin: fds.input(0),
      stdout: fds.output(1),
      stderr: fds.output(2),
      fds: fds.inherited(),
    });
    sh.reapOrphans();
    return status;
  } catch (err) {
    if (!(err instanceof ExecError)) throw err;
    if (err.reason === 'exec-format' && isTextFile(sh, err.path)) return runAsScript(sh, err.path, argv, env, fds);
    sh.report(sh.dialect.execFailure(argv[0] as string, err), undefined, fds);
    return err.exitStatus;
  }
}

function isTextFile(sh: Shell, path: string): boolean {
  try {
    const bytes = sh.ctx.fs.readFile(path);
    return programOf(bytes) === undefined && !(bytes[0] === 0x7f && bytes[1] === 0x45);
  } catch {
    return false;
  }
}

/** An executable text file without `#!`: the shell runs it as a script in a subshell (POSIX). */
async function runAsScript(
  sh: Shell,
  path: string,
  argv: string[],
  env: Map<string, string>,
  fds: Fds,
): Promise<number> {
  const source = sh.ctx.fs.at(sh.state.cwd).readText(path);
  const child = sh.subshell(
    async (sub) => {
      sub.state.arg0 = argv[0] as string;
      sub.state.positional = argv.slice(1);
      sub.state.functions.clear();
      for (const [n, v] of env) sub.state.set(n, v, true);
      return sub.runList(parseScript(source), true);
    },
    { stdin: fds.input(0), stdout: fds.output(1), stderr: fds.output(2) },
  );
  return child.wait();
}
