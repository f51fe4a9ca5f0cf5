// Running a parsed line, as bash runs it: a list of and-or lists (`a; b && c || d`) of pipelines
// (`a | b`) of commands. A simple command's words are expanded, its redirections made, and it runs
// as a builtin of the laptop (`ls`, `cd`, `curl`…) or as `docker`, which the hooks carry out over
// the world's network. `{ …; }`, `( … )`, `if`, `for`, `while` and `case` work as in bash; loops
// stop after 10,000 rounds so nothing typed can hang the page. Status 127 means "command not
// found", 2 a syntax error, 130 Ctrl+C.
import type { AndOr, Command, List, Pipeline, SimpleCommand } from '../runtime/shell/ast';
import { matchPattern } from '../runtime/shell/pattern';
import { ExpansionFailure, Expander } from './expand';
import { applyRedirects, RedirectFailure } from './redirects';
import { CaptureOutput, emptyInput, Pipe, type ShellIO } from './shell-io';
import type { Builtin, CommandContext, ShellState } from './shell-state';

const MAX_LOOP_ROUNDS = 10_000;
const MAX_DEPTH = 64;

/** An error that ends the whole line (bash abandons the line on an expansion error). */
class LineAbort extends Error {
  constructor(readonly status: number) {
    super('line aborted');
  }
}

export class Interpreter {
  private readonly expander: Expander;
  private depth = 0;

  constructor(
    readonly shell: ShellState,
    private readonly builtins: ReadonlyMap<string, Builtin>,
  ) {
    this.expander = new Expander({ shell, substitute: (body) => this.substitute(body) });
  }

  /** Run a whole parsed line; the status of its last command. */
  async runLine(list: List, io: ShellIO): Promise<number> {
    try {
      return await this.list(list, io);
    } catch (err) {
      if (err instanceof LineAbort) return (this.shell.status = err.status);
      throw err;
    }
  }

  private async list(list: List, io: ShellIO): Promise<number> {
    let status = this.shell.status;
    for (const item of list.items) {
      if (io.signal?.aborted) return (this.shell.status = 130);
      status = await this.andOr(item.command, io);
    }
    return status;
  }

  private async andOr(andOr: AndOr, io: ShellIO): Promise<number> {
    let status = await this.pipeline(andOr.first, io);
    for (const { op, pipeline } of andOr.rest) {
      if (io.signal?.aborted) return (this.shell.status = 130);
      if ((op === '&&') === (status === 0)) status = await this.pipeline(pipeline, io);
    }
    return status;
  }

  private async pipeline(pipeline: Pipeline, io: ShellIO): Promise<number> {
    const { commands } = pipeline;
    let status: number;
    if (commands.length === 1) {
      status = await this.command(commands[0] as Command, io);
    } else {
      const pipes = commands.slice(1).map(() => new Pipe());
      const runs = commands.map(async (command, i) => {
        const upstream = pipes[i - 1];
        const downstream = pipes[i];
        const stop = new AbortController();
        if (downstream) downstream.onBrokenPipe = () => stop.abort();
        const signal = io.signal ? AbortSignal.any([io.signal, stop.signal]) : stop.signal;
        const stageIO: ShellIO = {
          in: upstream ? upstream.reader : io.in,
          out: downstream ? downstream.writer : io.out,
          err: io.err,
          signal,
        };
        try {
          return await this.command(command, stageIO);
        } finally {
          downstream?.closeWriter();
          upstream?.closeReader();
        }
      });
      const statuses = await Promise.all(runs);
      status = statuses[statuses.length - 1] ?? 0;
    }
    if (pipeline.negate) status = status === 0 ? 1 : 0;
    return (this.shell.status = status);
  }

  private async command(command: Command, io: ShellIO): Promise<number> {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      io.err.write('bash: maximum nesting level exceeded\n');
      throw new LineAbort(1);
    }
    try {
      return (this.shell.status = await this.compound(command, io));
    } finally {
      this.depth--;
    }
  }

  private async compound(command: Command, io: ShellIO): Promise<number> {
    if (command.type === 'simple') return this.simple(command, io);
    if (command.type === 'function') {
      io.err.write(`bash: ${command.name}: defining functions is not supported on Dockyard's laptop\n`);
      return 2;
    }
    const redirected = await this.redirect(command.redirects, io);
    if (typeof redirected === 'number') return redirected;
    const inner = redirected.io;
    let status = 0;
    try {
      switch (command.type) {
        case 'group':
          status = await this.list(command.body, inner);
          break;
        case 'subshell':
          status = await this.subshell(command.body, inner);
          break;
        case 'if': {
          let taken = false;
          for (const clause of command.clauses) {
            if ((await this.list(clause.condition, inner)) === 0) {
              status = await this.list(clause.body, inner);
              taken = true;
              break;
            }
          }
          if (!taken) status = command.otherwise ? await this.list(command.otherwise, inner) : 0;
          break;
        }
        case 'for':
          for (const value of command.words
            ? await this.expand(() => this.expander.fields(command.words ?? []), io)
            : []) {
            if (inner.signal?.aborted) return 130;
            this.shell.setVar(command.name, value);
            status = await this.list(command.body, inner);
          }
          break;
        case 'loop':
          for (let round = 0; ; round++) {
            if (inner.signal?.aborted) return 130;
            if (round >= MAX_LOOP_ROUNDS) {
              io.err.write(`bash: loop stopped after ${MAX_LOOP_ROUNDS} rounds\n`);
              return 1;
            }
            if (((await this.list(command.condition, inner)) === 0) === command.until) break;
            status = await this.list(command.body, inner);
          }
          break;
        case 'case': {
          const subject = await this.expand(() => this.expander.string(command.word), io);
          for (const item of command.items) {
            const patterns = await Promise.all(
              item.patterns.map((p) => this.expand(() => this.expander.string(p), io)),
            );
            if (patterns.some((p) => matchPattern([{ text: p, quoted: false }], subject))) {
              status = await this.list(item.body, inner);
              break;
            }
          }
          break;
        }
      }
    } finally {
      for (const message of redirected.finish()) io.err.write(`bash: ${message}\n`);
    }
    return status;
  }

  private async subshell(body: List, io: ShellIO): Promise<number> {
    const vars = new Map(this.shell.vars);
    const exported = new Set(this.shell.exported);
    try {
      return await this.list(body, io);
    } finally {
      this.shell.vars.clear();
      for (const [k, v] of vars) this.shell.vars.set(k, v);
      this.shell.exported.clear();
      for (const name of exported) this.shell.exported.add(name);
    }
  }

  private async simple(command: SimpleCommand, io: ShellIO): Promise<number> {
    const argv = await this.expand(() => this.expander.fields(command.words), io);
    const assigned: [string, string][] = [];
    for (const a of command.assignments)
      assigned.push([a.name, await this.expand(() => this.expander.string(a.value), io)]);
    const redirected = await this.redirect(command.redirects, io);
    if (typeof redirected === 'number') return redirected;
    try {
      if (argv.length === 0) {
        for (const [name, value] of assigned) this.shell.setVar(name, value, this.shell.exported.has(name));
        return 0;
      }
      const env = { ...this.shell.environment(), ...Object.fromEntries(assigned) };
      return await this.runArgv(argv, redirected.io, env);
    } finally {
      for (const message of redirected.finish()) io.err.write(`bash: ${message}\n`);
    }
  }

  /** Run one command by name: a builtin, `docker`, or "command not found". */
  async runArgv(argv: string[], io: ShellIO, env: Record<string, string> = this.shell.environment()): Promise<number> {
    const [name = '', ...args] = argv;
    const builtin = this.builtins.get(name);
    if (builtin) {
      const ctx: CommandContext = {
        io,
        shell: this.shell,
        env,
        runArgv: (next, nextIO, nextEnv) => this.runArgv(next, nextIO, nextEnv ?? env),
      };
      return builtin(args, ctx);
    }
    if (name === 'docker') return this.shell.hooks.docker(args, io, env, this.shell.cwd);
    if (name.includes('/')) {
      const kind = this.shell.files.stat(this.shell.resolve(name))?.kind;
      io.err.write(
        `bash: ${name}: ${kind === 'dir' ? 'Is a directory' : kind ? 'Permission denied' : 'No such file or directory'}\n`,
      );
      return kind ? 126 : 127;
    }
    io.err.write(`bash: ${name}: command not found\n`);
    return 127;
  }

  private async redirect(redirects: SimpleCommand['redirects'], io: ShellIO) {
    if (redirects.length === 0) return { io, finish: () => [] as string[] };
    try {
      return await this.expand(() => applyRedirects(redirects, io, this.expander, this.shell), io);
    } catch (err) {
      if (!(err instanceof RedirectFailure)) throw err;
      io.err.write(`bash: ${err.message}\n`);
      return 1;
    }
  }

  /** Run an expansion; an expansion error is reported and abandons the line, as bash does. */
  private async expand<T>(action: () => Promise<T>, io: ShellIO): Promise<T> {
    try {
      return await action();
    } catch (err) {
      if (!(err instanceof ExpansionFailure)) throw err;
      io.err.write(`bash: ${err.message}\n`);
      throw new LineAbort(1);
    }
  }

  private async substitute(body: List): Promise<string> {
    const out = new CaptureOutput();
    const signal = this.currentSignal;
    await this.list(body, { in: emptyInput, out, err: this.currentErr ?? out, ...(signal ? { signal } : {}) });
    return new TextDecoder().decode(out.bytes());
  }

  private currentErr: ShellIO['err'] | undefined;
  private currentSignal: AbortSignal | undefined;

  /** The streams `$(…)` reports errors to and the signal that stops it: those of the line. */
  setLineIO(io: ShellIO | undefined): void {
    this.currentErr = io?.err;
    this.currentSignal = io?.signal;
  }
}
