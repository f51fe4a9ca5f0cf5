// A process: a program running with a PID in a container. This module is the simulated kernel's
// fork+execve: it resolves argv[0] (./exec.ts), enters the process in the PID namespace
// (./process-table.ts), and hands the program its ProcessContext — the container's namespaces as
// this one process sees them — wired so that:
//
//   - a killed process stops at once: its AbortSignal fires, its sleeps and reads reject, its
//     later writes are dropped, and its parent sees 128+N;
//   - a stopped (or `docker pause`d) process does not go past its next wait until it is continued;
//   - writing into a pipe nobody reads kills the writer with SIGPIPE (status 141);
//   - the meter of ./limits.ts stops runaway loops and floods of output.

import type { Overlay } from '../layer/overlay';
import { isFsError } from '../layer/fs-errors';
import type {
  ChildProcess,
  Clock,
  ExecOptions,
  InputStream,
  MountInfo,
  NetworkStack,
  OutputStream,
  Program,
  ProcessContext,
  SpawnOptions,
} from './contract';
import { ExecError, findExecutable, loadExecutable } from './exec';
import { limitMessage, ResourceMeter, type ResourceLimits } from './limits';
import type { PidNamespace, ProcessRecord } from './process-table';
import { programNamed, unsimulatedProgram } from './programs';
import { isProcessKilled, ProcessKilled } from './signals';
import { BrokenPipeError, pushbackInput, toBytes, type PushbackInput } from './streams';
import { asTerminal, isTerminal, RAW, rawOf, unwrapped, type Wrapped } from './stream-wrappers';

export { asTerminal };

/** What every process of one container shares: its namespaces and its limits. */
export interface Container {
  /** The root filesystem (mount namespace). */
  readonly fs: Overlay;
  /** UTS namespace. */
  readonly hostname: string;
  readonly net: NetworkStack;
  readonly clock: Clock;
  readonly processes: PidNamespace;
  readonly limits: ResourceLimits;
  readonly architecture?: string;
  mounts(): MountInfo[];
}

export interface LaunchOptions extends SpawnOptions {
  argv: readonly string[];
  /** The parent's PID in the namespace; 0 when the parent is outside (runc starting PID 1, `docker exec`). */
  ppid: number;
  uid: number;
  gid: number;
}

/** A program ready to run: what execve found, with the argv it will receive. */
export interface Loaded {
  program: Program;
  argv: string[];
}

/** How far `#!` interpreters may nest (Linux allows a few levels). */
const MAX_INTERPRETER_DEPTH = 4;

/**
 * execve's half: find argv[0] (searching `PATH` unless it contains a `/`), read it, and follow `#!`
 * to the interpreter. Throws `ExecError` when nothing can run.
 */
export function loadProgram(
  container: Container,
  argv: readonly string[],
  env: Map<string, string>,
  cwd: string,
  searchPath = true,
): Loaded {
  const command = argv[0] ?? '';
  const fs = container.fs.at(cwd);
  const named = searchPath || command.includes('/') || command === '' ? command : `./${command}`;
  const path = findExecutable(fs, named, env.get('PATH'));
  let args = [...argv];
  let file = path;
  for (let depth = 0; depth <= MAX_INTERPRETER_DEPTH; depth++) {
    const found = loadExecutable(fs, file, container.architecture);
    if (found.kind === 'program') {
      return { program: programNamed(found.program) ?? unsimulatedProgram(found.program), argv: args };
    }
    const interpreter = found.interpreter;
    if (!fs.exists(interpreter) || fs.stat(interpreter).type !== 'file') {
      throw new ExecError('bad-interpreter', depth === 0 ? path : file, interpreter);
    }
    // The kernel runs `interpreter [argument] script args…`, the script named as it was found.
    args = [interpreter, ...(found.argument === undefined ? [] : [found.argument]), file, ...args.slice(1)];
    file = interpreter;
  }
  throw new ExecError('exec-format', path);
}

/** A process that was started: its table entry and its exit status to come. */
export interface Launched {
  record: ProcessRecord;
  status: Promise<number>;
}

/** fork + execve: start `argv` as a new process of `container`. Throws ExecError before creating anything. */
export function launch(container: Container, options: LaunchOptions): Launched {
  const loaded = loadProgram(container, options.argv, options.env, options.cwd);
  const record = container.processes.create(loaded.argv, options.ppid, options.uid);
  const status = run(container, record, loaded, unwrapped(options));
  return { record, status };
}

/** Run a loaded program as `record` until it returns or is killed. */
function run(container: Container, record: ProcessRecord, loaded: Loaded, options: LaunchOptions): Promise<number> {
  const io = processStreams(container, record, options);
  const ctx = contextFor(container, record, loaded.argv, options, io);
  void record
    .gate()
    .then(() => loaded.program(ctx))
    .then(
      (status) => record.finish(status),
      (err: unknown) => record.finish(statusOfFailure(err, ctx, io.stderr), err),
    );
  return record.exited;
}

/** The exit status for a program that threw, printing what a real one would have printed. */
function statusOfFailure(err: unknown, ctx: ProcessContext, stderr: OutputStream): number {
  if (isProcessKilled(err)) return err.status;
  if (err instanceof BrokenPipeError) return 141;
  const name = ctx.argv[0] ?? 'process';
  if (isFsError(err)) stderr.write(`${name}: ${err.path}: ${err.reason}\n`);
  else stderr.write(`${name}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  return 1;
}

interface ProcessStreams {
  stdin: PushbackInput;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Inherited descriptors 3–9, wrapped like stdin and stdout. */
  fds?: Map<number, InputStream | OutputStream>;
  /** Wrap descriptors 3–9 the way `fds` are (for an exec that passes new ones). */
  wrapFds(fds: ReadonlyMap<number, InputStream | OutputStream>): Map<number, InputStream | OutputStream>;
  meter: ResourceMeter;
  /** Run `work` as a wait: shown as sleeping, aborted by a kill, counted as rest if time passed. */
  blocking<T>(work: Promise<T>, rest?: 'always' | 'if-time-passed'): Promise<T>;
}

/** Waits longer than this (of the clock's time) end a burst of work (see ./limits.ts). */
const REST_MS = 50;

function processStreams(container: Container, record: ProcessRecord, options: LaunchOptions): ProcessStreams {
  const signal = record.controller.signal;
  const rawStderr = options.stderr;
  const meter = new ResourceMeter(
    container.limits,
    (kind) => {
      rawStderr.write(limitMessage(basename(record.argv[0] ?? '?'), record.pid, kind, container.limits));
      record.finish(137, new ProcessKilled(9));
    },
    signal,
  );
  const killedReason = () => (signal.reason instanceof Error ? signal.reason : new ProcessKilled(9));
  const output = (target: OutputStream): Wrapped<OutputStream> => ({
    [RAW]: target,
    write(data) {
      if (!record.alive) return;
      const bytes = toBytes(data);
      if (!meter.wrote(bytes.length)) return;
      try {
        target.write(bytes);
      } catch (err) {
        if (!(err instanceof BrokenPipeError)) throw err;
        record.finish(141, new ProcessKilled(13));
        throw killedReason();
      }
    },
  });
  async function blocking<T>(work: Promise<T>, rest: 'always' | 'if-time-passed' = 'if-time-passed'): Promise<T> {
    if (signal.aborted) throw killedReason();
    const began = container.clock.now();
    record.waits++;
    let result: T;
    try {
      result = await new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(killedReason());
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
          },
          (err: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      });
    } finally {
      record.waits--;
    }
    // A stopped process goes no further than this wait; a killed one no further at all.
    await record.gate();
    if (signal.aborted) throw killedReason();
    if (rest === 'always' || container.clock.now() - began >= REST_MS) meter.rested();
    return result;
  }
  const stdinBase = pushbackInput(options.stdin);
  if (isTerminal(options.stdin)) asTerminal(stdinBase);
  const stdin: PushbackInput = {
    [RAW]: stdinBase,
    read: () => blocking(stdinBase.read()),
    unread: (data) => stdinBase.unread(data),
  } as PushbackInput;
  const input = (source: InputStream): Wrapped<InputStream> => ({ [RAW]: source, read: () => blocking(source.read()) });
  const wrapFds = (fds: ReadonlyMap<number, InputStream | OutputStream>) =>
    new Map([...fds].map(([fd, s]) => [fd, 'write' in s ? output(rawOf(s)) : input(rawOf(s))] as const));
  const fds = options.fds && wrapFds(options.fds);
  return {
    stdin,
    stdout: output(options.stdout),
    stderr: output(rawStderr),
    ...(fds && { fds }),
    wrapFds,
    meter,
    blocking,
  };
}

function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() || path;
}

function contextFor(
  container: Container,
  record: ProcessRecord,
  argv: readonly string[],
  options: LaunchOptions,
  io: ProcessStreams,
): ProcessContext {
  const signal = record.controller.signal;
  const clock: Clock = {
    now: () => container.clock.now(),
    sleep: (ms, own) => {
      const both = own === undefined ? signal : AbortSignal.any([signal, own]);
      return io.blocking(container.clock.sleep(ms, both), 'always');
    },
  };
  const childOptions = (o: SpawnOptions, childArgv: readonly string[]): LaunchOptions => ({
    ...o,
    argv: childArgv,
    ppid: record.pid,
    uid: ctx.uid,
    gid: ctx.gid,
  });
  // After an exec, the old program's pending waits no longer reap: the new program never asked.
  const generation = record.generation;
  const reapIfStillOurs = (pid: number) => {
    if (record.generation === generation) container.processes.reap(pid);
  };
  const ctx: ProcessContext = {
    argv,
    env: new Map(options.env),
    cwd: options.cwd,
    fs: container.fs.at(options.cwd),
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    pid: record.pid,
    get ppid() {
      return record.ppid;
    },
    uid: options.uid,
    gid: options.gid,
    hostname: container.hostname,
    processes: container.processes,
    net: {
      interfaces: () => container.net.interfaces(),
      listen: (port, handler) => container.net.listen(port, handler),
      request: (host, port, request) => io.blocking(container.net.request(host, port, request)),
      resolve: (name) => io.blocking(container.net.resolve(name)),
    },
    clock,
    signal,
    architecture: container.architecture,
    async spawn(childArgv, o) {
      if (!record.alive) throw signal.reason;
      const child = launch(container, childOptions(o, childArgv));
      try {
        return await io.blocking(child.status);
      } finally {
        reapIfStillOurs(child.record.pid);
      }
    },
    start(childArgv, o): ChildProcess {
      if (!record.alive) throw signal.reason;
      const child = launch(container, childOptions(o, childArgv));
      return {
        pid: child.record.pid,
        wait: async () => {
          try {
            return await io.blocking(child.status);
          } finally {
            reapIfStillOurs(child.record.pid);
          }
        },
      };
    },
    async exec(newArgv, o: ExecOptions = {}) {
      const env = o.env ?? ctx.env;
      const uid = o.uid ?? ctx.uid;
      const gid = o.gid ?? ctx.gid;
      if (ctx.uid !== 0 && (uid !== ctx.uid || gid !== ctx.gid)) throw notPermitted();
      const loaded = loadProgram(container, newArgv, env, ctx.cwd, o.searchPath ?? true);
      record.argv = loaded.argv;
      record.uid = uid;
      record.generation++;
      const fds = o.fds === undefined ? options.fds : unwrapped({ ...options, fds: o.fds }).fds;
      const nextOptions = { ...options, env, cwd: ctx.cwd, uid, gid, fds };
      const nextIo = o.fds === undefined ? io : { ...io, fds: io.wrapFds(o.fds) };
      const next = contextFor(container, record, loaded.argv, nextOptions, nextIo);
      return loaded.program(next);
    },
    fork(body, o = {}): ChildProcess {
      if (!record.alive) throw signal.reason;
      const forkOptions = unwrapped({
        ...childOptions(
          { env: ctx.env, cwd: ctx.cwd, stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, fds: ctx.fds, ...o },
          record.argv,
        ),
      });
      const child = container.processes.create(record.argv, record.pid, ctx.uid);
      const status = run(container, child, { program: body, argv: [...record.argv] }, forkOptions);
      return {
        pid: child.pid,
        wait: async () => {
          try {
            return await io.blocking(status);
          } finally {
            reapIfStillOurs(child.pid);
          }
        },
      };
    },
    setTitle(title) {
      record.argv = [title];
    },
    setUser(uid, gid) {
      if (ctx.uid !== 0 && (uid !== ctx.uid || gid !== ctx.gid)) throw notPermitted();
      ctx.uid = uid;
      ctx.gid = gid;
      record.uid = uid;
    },
    isatty(fd) {
      const stream = fd === 0 ? options.stdin : fd === 1 ? options.stdout : options.stderr;
      return isTerminal(stream);
    },
    onSignal(name, handler) {
      if (name === 'SIGKILL' || name === 'SIGSTOP') return;
      if (handler === undefined) record.handlers.delete(name);
      else record.handlers.set(name, handler);
    },
    async checkpoint(steps = 1) {
      await io.meter.checkpoint(steps);
      await record.gate();
    },
    mounts: () => container.mounts(),
    ...(io.fds && { fds: io.fds }),
  };
  return ctx;
}

/** EPERM: only root may switch to another user. */
function notPermitted(): Error {
  return Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
}

export type { InputStream };
