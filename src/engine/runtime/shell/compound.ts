// Compound commands (XCU 2.9.4) — the shell's control flow: `{ …; }` and `( … )`, `if`, `while`
// and `until`, `for`, `case` — and function calls. Conditions run "tested": a failing test in an
// `if` or `while` is not an error, so `set -e` ignores it. `break n` and `continue n` unwind n
// loops; `return` ends the function, whose `local` variables are then put back.

import type { Case, Command, For, If, List, Loop } from './ast';
import type { Shell } from './interpreter';
import { matchPattern } from './pattern';
import { CommandFailed, LoopControl, ReturnFromFunction, type Variable } from './state';

const MAX_FUNCTION_DEPTH = 1000;

type Compound = Exclude<Command, { type: 'simple' | 'function' }>;

export async function runCompound(sh: Shell, command: Compound, tail: boolean): Promise<number> {
  const fds = await sh.redirect(command.redirects, sh.baseFds());
  const body = async (): Promise<number> => {
    switch (command.type) {
      case 'group':
        return sh.runList(command.body, tail);
      case 'subshell':
        return sh.subshell((child) => child.runList(command.body, true)).wait();
      case 'if':
        return runIf(sh, command, tail);
      case 'loop':
        return runLoop(sh, command);
      case 'for':
        return runFor(sh, command);
      case 'case':
        return runCase(sh, command, tail);
    }
  };
  if (command.redirects.length === 0) return body();
  return sh.withFds(fds, body);
}

async function condition(sh: Shell, list: List): Promise<number> {
  sh.tested++;
  try {
    return await sh.runList(list, false);
  } finally {
    sh.tested--;
  }
}

async function runIf(sh: Shell, node: If, tail: boolean): Promise<number> {
  for (const clause of node.clauses) {
    if ((await condition(sh, clause.condition)) === 0) return sh.runList(clause.body, tail);
  }
  return node.otherwise === undefined ? 0 : sh.runList(node.otherwise, tail);
}

/** One pass of a loop body: its status, or how `break`/`continue` ended it. */
async function loopBody(sh: Shell, list: List): Promise<'break' | 'continue' | number> {
  sh.loopDepth++;
  try {
    return await sh.runList(list, false);
  } catch (err) {
    if (!(err instanceof LoopControl)) throw err;
    if (err.levels > 1) {
      err.levels--;
      throw err;
    }
    return err.kind;
  } finally {
    sh.loopDepth--;
  }
}

async function runLoop(sh: Shell, node: Loop): Promise<number> {
  let status = 0;
  for (;;) {
    await sh.ctx.checkpoint?.();
    const cond = await condition(sh, node.condition);
    if ((cond === 0) === node.until) break;
    const result = await loopBody(sh, node.body);
    if (result === 'break') break;
    if (result !== 'continue') status = result;
  }
  return status;
}

async function runFor(sh: Shell, node: For): Promise<number> {
  const values = node.words === undefined ? [...sh.state.positional] : await sh.expandFields(node.words);
  let status = 0;
  for (const value of values) {
    await sh.ctx.checkpoint?.();
    sh.setVariable(node.name, value);
    const result = await loopBody(sh, node.body);
    if (result === 'break') break;
    if (result !== 'continue') status = result;
  }
  return status;
}

async function runCase(sh: Shell, node: Case, tail: boolean): Promise<number> {
  let subject: string;
  try {
    subject = await sh.expander.string(node.word);
  } catch (err) {
    throw sh.expansionFailure(err);
  }
  for (const [i, item] of node.items.entries()) {
    for (const pattern of item.patterns) {
      if (!matchPattern(await sh.expander.pattern(pattern), subject)) continue;
      let status = await sh.runList(item.body, tail && !item.fallthrough);
      for (let j = i; node.items[j]?.fallthrough && j + 1 < node.items.length; j++) {
        status = await sh.runList((node.items[j + 1] as Case['items'][number]).body, tail);
      }
      return status;
    }
  }
  return 0;
}

/** Run a function: its own positional parameters and `local` scope. */
export async function callFunction(sh: Shell, name: string, body: Command, argv: string[]): Promise<number> {
  if (sh.functionDepth >= MAX_FUNCTION_DEPTH) {
    sh.report(`${name}: maximum function nesting level exceeded (${MAX_FUNCTION_DEPTH})`);
    throw new CommandFailed(2, true);
  }
  const savedPositional = sh.state.positional;
  sh.state.positional = argv.slice(1);
  sh.state.locals.push(new Map());
  sh.functionDepth++;
  try {
    return await sh.runCommand(body, false);
  } catch (err) {
    if (err instanceof ReturnFromFunction) return err.status;
    throw err;
  } finally {
    sh.functionDepth--;
    sh.state.positional = savedPositional;
    const scope = sh.state.locals.pop() as Map<string, Variable | undefined>;
    for (const [varName, saved] of scope) {
      if (sh.state.vars.get(varName)?.readonly !== true) sh.state.unset(varName);
      if (saved !== undefined) {
        sh.state.set(varName, saved.value, saved.exported);
        sh.state.vars.set(varName, saved);
      }
    }
  }
}
