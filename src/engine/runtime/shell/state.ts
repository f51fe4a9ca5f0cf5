// What a shell remembers between commands: variables (some exported to the commands it runs),
// functions, positional parameters, options (`set -e`, `set -x`), the working directory, traps,
// background jobs and open file descriptors. A subshell — `( … )`, a pipeline element, `$( … )` —
// starts with a copy of all of it, which is why `(cd /tmp; x=1)` changes nothing outside.
//
// The environment a command receives is built from the exported variables. Its order is the
// order of the shell's variable table: BusyBox ash and dash keep a 39-bucket hash table, so
// `sh -c env` in alpine prints HOSTNAME, SHLVL, HOME, PATH, PWD — in that order, every time.

import type { ChildProcess, InputStream, OutputStream } from '../contract';
import type { Command } from './ast';
import type { ShellName } from './dialect';

export interface Variable {
  value: string;
  exported: boolean;
  readonly: boolean;
  /** Order of creation, for bash's environment order. */
  serial: number;
}

export interface Options {
  errexit: boolean;
  xtrace: boolean;
  nounset: boolean;
  noglob: boolean;
  noclobber: boolean;
  allexport: boolean;
  verbose: boolean;
}

export type Stream = InputStream | OutputStream;

let serials = 0;

/** ash's and dash's variable hash (hashvar()): the bucket a name lives in. */
function bucketOf(name: string): number {
  let hash = (name.charCodeAt(0) || 0) << 4;
  for (const c of name) hash += c.charCodeAt(0);
  return hash % 39;
}

export class ShellState {
  vars = new Map<string, Variable>();
  /** Per bucket, names newest first (ash inserts at the head of a bucket's list). */
  private buckets: string[][] = Array.from({ length: 39 }, () => []);
  functions = new Map<string, Command>();
  positional: string[] = [];
  arg0 = 'sh';
  options: Options = {
    errexit: false,
    xtrace: false,
    nounset: false,
    noglob: false,
    noclobber: false,
    allexport: false,
    verbose: false,
  };
  cwd = '/';
  traps = new Map<string, string>();
  jobs = new Map<number, ChildProcess>();
  lastStatus = 0;
  lastBackground: number | undefined;
  /** Descriptors beyond 0–2 opened with `exec 3>file`, and 0–2 when `exec >file` redirected them. */
  fds = new Map<number, Stream | null>();
  /** `local` scopes of the functions being run: the saved outer values. */
  locals: Map<string, Variable | undefined>[] = [];
  aliases = new Map<string, string>();
  /** The file mode creation mask, as `umask` prints it. */
  umask = '0022';
  /** PID of the shell itself (`$$`), unchanged in subshells. */
  shellPid = 0;

  constructor(readonly shell: ShellName) {}

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Set a variable; throws ReadonlyError for a readonly one. */
  set(name: string, value: string, exported?: boolean): void {
    const existing = this.vars.get(name);
    if (existing?.readonly) throw new ReadonlyError(name);
    if (existing !== undefined) {
      existing.value = value;
      if (exported !== undefined) existing.exported = exported || existing.exported;
      if (this.options.allexport) existing.exported = true;
      return;
    }
    this.vars.set(name, {
      value,
      exported: exported === true || this.options.allexport,
      readonly: false,
      serial: serials++,
    });
    this.buckets[bucketOf(name)]?.unshift(name);
  }

  export(name: string): void {
    const existing = this.vars.get(name);
    if (existing !== undefined) existing.exported = true;
  }

  unset(name: string): void {
    const existing = this.vars.get(name);
    if (existing?.readonly) throw new ReadonlyError(name);
    if (existing === undefined) return;
    this.vars.delete(name);
    const bucket = this.buckets[bucketOf(name)] as string[];
    bucket.splice(bucket.indexOf(name), 1);
  }

  /** The environment for a command, in this shell's order, with `extra` assignments applied. */
  environment(extra: ReadonlyMap<string, string> = new Map()): Map<string, string> {
    const env = new Map<string, string>();
    const names =
      this.shell === 'bash'
        ? [...this.vars.entries()].sort((a, b) => a[1].serial - b[1].serial).map(([n]) => n)
        : this.buckets.flat();
    for (const name of names) {
      const v = this.vars.get(name);
      if (v?.exported && !extra.has(name)) env.set(name, v.value);
    }
    for (const [name, value] of extra) env.set(name, value);
    return env;
  }

  /** A subshell's copy. */
  clone(): ShellState {
    const copy = new ShellState(this.shell);
    for (const [name, v] of this.vars) copy.vars.set(name, { ...v });
    copy.buckets = this.buckets.map((b) => [...b]);
    copy.functions = new Map(this.functions);
    copy.positional = [...this.positional];
    copy.arg0 = this.arg0;
    copy.options = { ...this.options };
    copy.cwd = this.cwd;
    copy.traps = new Map([...this.traps].filter(([, action]) => action === '')); // ignored stays ignored
    copy.lastStatus = this.lastStatus;
    copy.lastBackground = this.lastBackground;
    copy.fds = new Map(this.fds);
    copy.locals = [];
    copy.aliases = new Map(this.aliases);
    copy.umask = this.umask;
    copy.shellPid = this.shellPid;
    return copy;
  }
}

/** Assigning to a readonly variable. */
export class ReadonlyError extends Error {
  override name = 'ReadonlyError';
  constructor(readonly variable: string) {
    super(`${variable}: is read only`);
  }
}

/** `exit`, or an error that ends a non-interactive shell: unwinds to the shell (or subshell) boundary. */
export class ExitShell extends Error {
  override name = 'ExitShell';
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

/** `return` from a function or a sourced file. */
export class ReturnFromFunction extends Error {
  override name = 'ReturnFromFunction';
  constructor(readonly status: number) {
    super(`return ${status}`);
  }
}

/** `break n` / `continue n`. */
export class LoopControl extends Error {
  override name = 'LoopControl';
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {
    super(kind);
  }
}

/** An error already reported on stderr that aborts the current command with `status`. */
export class CommandFailed extends Error {
  override name = 'CommandFailed';
  constructor(
    readonly status: number,
    /** A special builtin's or expansion's error: a non-interactive shell exits. */
    readonly fatal: boolean,
  ) {
    super(`command failed (${status})`);
  }
}
