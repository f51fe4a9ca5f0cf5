// The container runtime's contract: what a process inside a container is given and what it gives
// back. A program (an applet, the shell, nginx…) is an async function from a ProcessContext to an
// exit code. The context is the process's whole world — its namespaces made concrete: its own view
// of the filesystem (mount), its own PID numbering (pid), its hostname (uts), its network stack
// (net), its environment and working directory — and the streams it reads and writes. Nothing else
// is reachable from inside, which is exactly what isolation means.
import type { Bytes } from '../bytes';
import type { Overlay } from '../layer/overlay';
import type { WireRequest, WireResponse } from '../wire/message';

/** Virtual time. The simulation's clock in the page and in tests; wall time under `npm run serve`. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Somewhere a process writes: stdout or stderr. */
export interface OutputStream {
  write(data: Bytes | string): void;
}

/** What a process reads: stdin. `read` resolves with `undefined` at end of input. */
export interface InputStream {
  read(): Promise<Bytes | undefined>;
}

/** Signals by their Linux names; the numbers are Linux's (SIGTERM 15, SIGKILL 9, …). */
export type SignalName = 'SIGHUP' | 'SIGINT' | 'SIGQUIT' | 'SIGKILL' | 'SIGUSR1' | 'SIGUSR2' | 'SIGTERM' | 'SIGWINCH' | 'SIGSTOP' | 'SIGCONT';

/** One row of the process table, as `ps` inside and `docker top` outside show it. */
export interface ProcessInfo {
  /** PID inside the container's PID namespace (the entrypoint is 1). */
  pid: number;
  /** PID as the host sees it (`docker top`). */
  hostPid: number;
  ppid: number;
  uid: number;
  argv: readonly string[];
  /** Milliseconds since the epoch on the runtime clock. */
  startedAt: number;
  state: 'running' | 'sleeping' | 'stopped' | 'zombie';
}

/** The container's PID namespace: spawn, list and signal the processes that live in it. */
export interface ProcessTable {
  list(): ProcessInfo[];
  /** Deliver a signal; false when no such PID (the caller prints `kill: can't kill pid N: No such process`). */
  kill(pid: number, signal: SignalName): boolean;
}

/** An HTTP exchange over the simulated network, HTTP as data (see src/engine/wire). */
export type HttpHandler = (request: WireRequest) => Promise<WireResponse>;

/** The container's network namespace as its processes see it. */
export interface NetworkStack {
  /** Interfaces for `ip addr`: `lo` always, `eth0` when attached to a network. */
  interfaces(): { name: string; mac?: string; addresses: { address: string; prefix: number }[] }[];
  /** Start serving HTTP on a TCP port of this namespace (nginx, httpd, node servers…). */
  listen(port: number, handler: HttpHandler): { close(): void };
  /** Send an HTTP request to `host:port` as this namespace can reach it (wget, curl, redis-cli…). */
  request(host: string, port: number, request: WireRequest): Promise<WireResponse>;
  /** Resolve a name as this container's resolver would (`/etc/hosts`, the embedded DNS on user networks). */
  resolve(name: string): Promise<string | undefined>;
}

export interface ProcessContext {
  argv: readonly string[];
  /** The environment, mutable by the shell (`export`). */
  env: Map<string, string>;
  /** Working directory; `fs` resolves relative paths against it. */
  cwd: string;
  /** The container's root filesystem (mount namespace). */
  fs: Overlay;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /** This process's PID in the container's namespace. */
  pid: number;
  uid: number;
  gid: number;
  /** UTS namespace: the container's hostname. */
  hostname: string;
  processes: ProcessTable;
  net: NetworkStack;
  clock: Clock;
  /** Aborted when the process is killed; long-running programs must watch it. */
  signal: AbortSignal;
  /** Run another program as a child process (the shell uses it for every command it runs). */
  spawn(argv: readonly string[], options: SpawnOptions): Promise<number>;
}

export interface SpawnOptions {
  env: Map<string, string>;
  cwd: string;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** A program: runs to completion and returns its exit status (0–255; 128+N when killed by signal N). */
export type Program = (ctx: ProcessContext) => Promise<number>;
