// The shell's evaluator: walks the syntax tree of ./ast.ts. Lists run in order; `&&` and `||`
// look at the previous status; a pipeline runs its commands at once, joined by pipes, and takes
// the last one's status; compound commands are the control flow. Simple commands (./simple.ts)
// expand their words and run a builtin, a function or a program.
//
// Subshells are real processes: `( … )`, `$( … )`, pipeline elements and `&` jobs are forks of
// the shell (ProcessContext.fork), each with a copy of the shell's state — so `ps` inside shows
// them, and `exit` in one ends only that one. When the last thing a shell (or a subshell) will
// ever do is run a program, it execs it instead of forking, as ash and dash do: that is why
// `docker run alpine sh -c 'sleep 100'` shows `sleep 100` as PID 1.

import type { ChildProcess, ProcessContext } from '../contract';
import { PidNamespace } from '../process-table';
import { emptyInput, OutputBuffer, pushbackInput } from '../streams';
import type { AndOr, Command, List, Pipeline, Redirect, Word } from './ast';
import type { Dialect, Site } from './dialect';
import { ExpansionError, Expander, type ExpansionHost } from './expand';
import { applyRedirects, Fds, RedirectError, type RedirectHost } from './redirect';
import {
  CommandFailed,
  ExitShell,
  LoopControl,
  ReadonlyError,
  ReturnFromFunction,
  ShellState,
  type Stream,
} from './state';
import { runSimple } from './simple';
import { callFunction, runCompound } from './compound';
import { runPipe } from './pipeline';
import { runExitTrap, runPendingTraps } from './traps';
import { Accounts } from '../users';

export interface ShellMode {
  /** A script file, or `sh -c cmd name` (ash then prints "line N" in errors). */
  named: boolean;
  interactive: boolean;
}

export class Shell implements ExpansionHost, RedirectHost {
  readonly expander = new Expander(this);
  line = 1;
  /** > 0 inside a condition (`if`, `while`, `&&`, `!`): `set -e` does not apply there. */
  tested = 0;
  functionDepth = 0;
  /** Loops being run (for `break`/`continue`) and files being sourced (for `return`). */
  loopDepth = 0;
  sourceDepth = 0;
  /** Signals caught by a trap, waiting to run their action. */
  readonly pendingSignals: string[] = [];
  /** Wakes a `wait` builtin when a trapped signal arrives. */
  interruptWait: (() => void) | undefined;
  /** Status of the last command substitution (an assignment-only command's status). */
  substitutionStatus: number | undefined;
  /** The last status came from where `set -e` does not look (see runAndOr). */
  statusExempt = false;
  /** A trap's action is running (traps do not nest). */
  runningTrap = false;

  constructor(
    public ctx: ProcessContext,
    readonly state: ShellState,
    readonly dialect: Dialect,
    readonly mode: ShellMode,
  ) {}

  // ---- what expansion needs -------------------------------------------------------------

  get nounset(): boolean {
    return this.state.options.nounset;
  }

  get noglob(): boolean {
    return this.state.options.noglob;
  }

  lookup(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.state.lastStatus);
      case '$':
        return String(this.state.shellPid);
      case '!':
        return this.state.lastBackground === undefined ? '' : String(this.state.lastBackground);
      case '#':
        return String(this.state.positional.length);
      case '-':
        return this.optionFlags();
      case '0':
        return this.state.arg0;
    }
    if (/^\d+$/.test(name)) return this.state.positional[Number(name) - 1];
    return this.state.get(name);
  }

  private optionFlags(): string {
    const o = this.state.options;
    return `${o.errexit ? 'e' : ''}${o.noglob ? 'f' : ''}${o.nounset ? 'u' : ''}${o.xtrace ? 'x' : ''}${this.mode.interactive ? 'i' : ''}`;
  }

  positional(): string[] {
    return this.state.positional;
  }

  assign(name: string, value: string): void {
    this.setVariable(name, value);
  }

  ifs(): string | undefined {
    return this.state.get('IFS');
  }

  home(user: string): string | undefined {
    if (user === '')
      return this.state.get('HOME') ?? new Accounts(this.ctx.fs).users.find((u) => u.uid === this.ctx.uid)?.home;
    return new Accounts(this.ctx.fs).user(user)?.home;
  }

  async substitute(body: List): Promise<string> {
    const out = new OutputBuffer();
    const status = await this.subshell((sh) => sh.runList(body, true), { stdout: out }).wait();
    this.substitutionStatus = status;
    this.state.lastStatus = status;
    return out.text;
  }

  // ---- descriptors, errors, variables ----------------------------------------------------

  /** The shell's own descriptors (0–2 and any opened with `exec`). */
  baseFds(): Fds {
    return new Fds((fd) => {
      if (this.state.fds.has(fd)) return this.state.fds.get(fd) ?? undefined;
      return fd === 0
        ? this.ctx.stdin
        : fd === 1
          ? this.ctx.stdout
          : fd === 2
            ? this.ctx.stderr
            : this.ctx.fds?.get(fd);
    });
  }

  site(): Site {
    return { arg0: this.state.arg0, line: this.line, named: this.mode.named, interactive: this.mode.interactive };
  }

  /** Print an error the way this shell does, on `fds`' stderr. */
  report(text: string, builtin?: string, fds: Fds = this.baseFds()): void {
    fds.output(2).write(`${this.dialect.prefix(this.site(), builtin)}${text}\n`);
  }

  setVariable(name: string, value: string, exported?: boolean): void {
    try {
      this.state.set(name, value, exported);
    } catch (err) {
      if (err instanceof ReadonlyError) {
        this.report(this.dialect.name === 'bash' ? `${name}: readonly variable` : `${name}: is read only`);
        throw new CommandFailed(this.dialect.name === 'bash' ? 1 : 2, this.dialect.name !== 'bash');
      }
      throw err;
    }
  }

  /** Change directory for this shell and the programs it runs. */
  chdir(dir: string): void {
    this.state.cwd = dir;
    this.ctx.cwd = dir;
    this.ctx.fs = this.ctx.fs.at(dir);
  }

  async word(redirect: Redirect): Promise<string> {
    return this.expander.string(redirect.target);
  }

  async heredoc(redirect: Redirect): Promise<string> {
    const doc = redirect.heredoc;
    if (doc === undefined) return '';
    return doc.quoted
      ? doc.body.parts[0]?.type === 'literal'
        ? doc.body.parts[0].value
        : ''
      : this.expander.string(doc.body);
  }

  /** Redirections applied to a copy of `fds`; on failure the error is reported and CommandFailed thrown. */
  async redirect(redirects: readonly Redirect[], fds: Fds, special = false): Promise<Fds> {
    if (redirects.length === 0) return fds;
    try {
      return await applyRedirects(this, redirects, fds);
    } catch (err) {
      if (!(err instanceof RedirectError)) throw this.expansionFailure(err, fds);
      const text =
        err.kind === 'bad-fd'
          ? `${err.path}: Bad file descriptor`
          : err.kind === 'open'
            ? this.dialect.cannotOpen(err.path, err.errno)
            : this.dialect.cannotCreate(err.path, err.errno);
      this.report(text, undefined, fds);
      throw new CommandFailed(this.dialect.name === 'bash' ? 1 : 2, special && this.dialect.name !== 'bash');
    }
  }

  /** Turn an expansion error into its report and a fatal CommandFailed; rethrow anything else. */
  expansionFailure(err: unknown, fds: Fds = this.baseFds()): unknown {
    if (err instanceof ExpansionError) {
      this.report(this.dialect.expansion(err), undefined, fds);
      return new CommandFailed(this.dialect.name === 'bash' ? 1 : 2, true);
    }
    return err;
  }

  // ---- processes ---------------------------------------------------------------------------

  /** Run `body` in a forked copy of this shell (a subshell) with its own streams. */
  subshell(
    body: (sh: Shell) => Promise<number>,
    streams: { stdin?: Stream; stdout?: Stream; stderr?: Stream } = {},
  ): ChildProcess {
    const base = this.baseFds();
    const spawnStreams = {
      stdin: (streams.stdin ?? base.input(0)) as never,
      stdout: (streams.stdout ?? base.output(1)) as never,
      stderr: (streams.stderr ?? base.output(2)) as never,
    };
    const state = this.state.clone();
    state.fds = new Map([...state.fds].filter(([fd]) => fd > 2));
    const run = async (ctx: ProcessContext) => {
      const child = new Shell(ctx, state, this.dialect, { ...this.mode, interactive: false });
      child.line = this.line;
      return child.runToExit(() => body(child));
    };
    const env = this.state.environment();
    if (this.ctx.fork !== undefined) return this.ctx.fork(run, { env, cwd: this.state.cwd, ...spawnStreams });
    // A hand-made context without fork: run in this process.
    const ctx: ProcessContext = {
      ...this.ctx,
      env,
      cwd: this.state.cwd,
      stdin: pushbackInput(spawnStreams.stdin),
      stdout: spawnStreams.stdout,
      stderr: spawnStreams.stderr,
    };
    const done = run(ctx);
    return { pid: this.ctx.pid, wait: () => done };
  }

  /** Run `body` until it returns or the shell exits; run the EXIT trap; give the final status. */
  async runToExit(body: () => Promise<number>): Promise<number> {
    let status: number;
    try {
      status = await body();
    } catch (err) {
      status = this.statusOf(err);
    }
    return this.exitTrap(status);
  }

  statusOf(err: unknown): number {
    if (err instanceof ExitShell) return err.status;
    if (err instanceof CommandFailed) return err.status;
    if (err instanceof ReturnFromFunction) return err.status;
    if (err instanceof LoopControl) return this.state.lastStatus;
    throw err;
  }

  /** The EXIT trap, once, as the shell ends (./traps.ts). */
  exitTrap(status: number): Promise<number> {
    return runExitTrap(this, status);
  }

  /** Reap zombies this shell inherited (waitpid(-1) in a real shell). */
  reapOrphans(): void {
    if (this.ctx.processes instanceof PidNamespace) this.ctx.processes.reapChildren(this.ctx.pid);
  }

  /** Run the actions of trapped signals that arrived (./traps.ts). */
  runPendingTraps(): Promise<void> {
    return runPendingTraps(this);
  }

  /** Parse and run text in this shell (`eval`, traps). */
  async evalString(source: string): Promise<number> {
    const { parseScript } = await import('./parser');
    const list = parseScript(source, this.line);
    return this.runList(list, false);
  }

  // ---- evaluation ----------------------------------------------------------------------------

  async runList(list: List, tail: boolean): Promise<number> {
    let status = 0;
    for (const [i, item] of list.items.entries()) {
      const last = tail && i === list.items.length - 1 && !item.background;
      if (item.background) {
        const job = this.subshell((sh) => sh.runAndOr(item.command, true), {
          stdin: this.mode.interactive ? undefined : emptyInput,
        });
        // Like a shell's SIGCHLD handling: the job is reaped as soon as it ends; `wait` reads its status.
        const ended = job.wait();
        ended.catch(() => undefined);
        this.state.jobs.set(job.pid, { pid: job.pid, wait: () => ended });
        this.state.lastBackground = job.pid;
        status = 0;
      } else {
        status = await this.runAndOr(item.command, last);
      }
      this.state.lastStatus = status;
      await this.runPendingTraps();
      if (status !== 0 && this.state.options.errexit && this.tested === 0 && !item.background && !this.statusExempt) {
        throw new ExitShell(status);
      }
    }
    return status;
  }

  async runAndOr(node: AndOr, tail: boolean): Promise<number> {
    const all = [node.first, ...node.rest.map((r) => r.pipeline)];
    let status = 0;
    for (const [i, pipeline] of all.entries()) {
      if (i > 0) {
        const op = (node.rest[i - 1] as { op: string }).op;
        if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      }
      // `set -e` ignores a failure of any but the last command of `a && b`, and of `! cmd`.
      this.statusExempt = i !== all.length - 1 || pipeline.negate;
      const last = i === all.length - 1;
      if (!last) this.tested++;
      try {
        status = await this.runPipeline(pipeline, tail && last);
      } finally {
        if (!last) this.tested--;
      }
      this.state.lastStatus = status;
    }
    return status;
  }

  async runPipeline(p: Pipeline, tail: boolean): Promise<number> {
    if (p.negate) this.tested++;
    let status: number;
    try {
      status =
        p.commands.length === 1
          ? await this.runCommand(p.commands[0] as Command, tail && !p.negate)
          : await runPipe(this, p);
    } finally {
      if (p.negate) this.tested--;
    }
    return p.negate ? Number(status === 0) : status;
  }

  async runCommand(command: Command, tail: boolean): Promise<number> {
    await this.ctx.checkpoint?.();
    this.line = command.line;
    try {
      switch (command.type) {
        case 'simple':
          return await runSimple(this, command, tail);
        case 'function':
          this.state.functions.set(command.name, command.body);
          return 0;
        default:
          return await runCompound(this, command, tail);
      }
    } catch (err) {
      if (err instanceof CommandFailed && !err.fatal) return err.status;
      if (err instanceof CommandFailed && this.mode.interactive) return err.status;
      throw err instanceof CommandFailed ? new ExitShell(err.status) : err;
    }
  }

  /** Run `body` with the shell's descriptors 0–2 replaced by `fds` (a compound command's redirections). */
  async withFds<T>(fds: Fds, body: () => Promise<T>): Promise<T> {
    const saved = new Map(this.state.fds);
    for (const fd of [0, 1, 2]) this.state.fds.set(fd, fds.get(fd) ?? null);
    for (const [fd, stream] of fds.entries) this.state.fds.set(fd, stream);
    try {
      return await body();
    } finally {
      this.state.fds = saved;
    }
  }

  /** Run a function: its own positional parameters and `local` scope (./compound.ts). */
  callFunction(name: string, body: Command, argv: string[]): Promise<number> {
    return callFunction(this, name, body, argv);
  }

  async expandFields(words: readonly Word[]): Promise<string[]> {
    try {
      return await this.expander.fields(words);
    } catch (err) {
      throw this.expansionFailure(err);
    }
  }
}
