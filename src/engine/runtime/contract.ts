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
export type SignalName =
  'SIGHUP' | 'SIGINT' | 'SIGQUIT' | 'SIGKILL' | 'SIGUSR1' | 'SIGUSR2' | 'SIGTERM' | 'SIGWINCH' | 'SIGSTOP' | 'SIGCONT';

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

/** Who is on the other end of a connection, as `accept(2)` tells a server (nginx's `$remote_addr`). */
export interface ConnectionInfo {
  /** The client's address as this namespace sees it: `172.17.0.1`, or `127.0.0.1` from inside. */
  remoteAddress: string;
  remotePort?: number;
}

/**
 * An HTTP exchange over the simulated network, HTTP as data (see src/engine/wire). The network
 * passes the connection's peer as the second argument when it knows it (access logs print it).
 *
 * Non-HTTP TCP protocols travel the same way, one request/response pair per exchange: the
 * request's `method` names the protocol (`RESP` for Redis), `url` is `/`, and the body carries the
 * protocol's bytes for one command; the response body carries the server's bytes for that reply
 * (status 200). `redis-cli` → `redis-server` is the first user (src/engine/runtime/programs/redis).
 * A failed connection rejects `request` with an error whose `code` is the errno (`ECONNREFUSED`,
 * `EHOSTUNREACH`, `ENOTFOUND` for a name that does not resolve).
 */
export type HttpHandler = (request: WireRequest, connection?: ConnectionInfo) => Promise<WireResponse>;

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
  /**
   * Run another program as a child process and wait for it (the shell uses it for every command it
   * runs). Rejects with an `ExecError` (src/engine/runtime/exec.ts) when argv[0] cannot be executed
   * — not found, not executable, a directory — so the caller prints the error in its own words.
   */
  spawn(argv: readonly string[], options: SpawnOptions): Promise<number>;

  // Optional members: the runtime (src/engine/runtime/runtime.ts) always provides them; a
  // hand-made test context may leave them out, and programs must cope (see runtime/README.md).

  /** Parent PID in this namespace (0 for PID 1 and for `docker exec` processes: their parent is outside). */
  ppid?: number;
  /**
   * Install (or, with `undefined`, remove) a handler for a catchable signal, as sigaction(2) does.
   * With a handler, SIGTERM/SIGINT/SIGQUIT/SIGHUP/SIGUSR1/SIGUSR2/SIGWINCH run it instead of their
   * default action; the program decides what to do (nginx shuts down gracefully on SIGQUIT).
   * SIGKILL and SIGSTOP cannot be caught.
   */
  onSignal?(signal: SignalName, handler: SignalHandler | undefined): void;
  /** Start a child without waiting for it (`cmd &`): its PID and a way to wait for (and reap) it. */
  start?(argv: readonly string[], options: SpawnOptions): ChildProcess;
  /**
   * Replace this process's program, keeping its PID (execve(2): `exec "$@"`, `env cmd`). Resolves
   * with the new program's exit status, which the caller returns as its own. Rejects with an
   * `ExecError` when argv[0] cannot be executed (the caller is still running and reports it).
   */
  exec?(argv: readonly string[], options?: ExecOptions): Promise<number>;
  /**
   * A long computation calls this now and then (a shell once per command): it yields to the event
   * loop so the page stays responsive, and stops a process that has worked too long without ever
   * waiting — a runaway `while true; do :; done` — with a clear message on its stderr.
   */
  checkpoint?(steps?: number): Promise<void>;
  /** The mount table of the container's mount namespace, as `/proc/mounts`, `mount` and `df` show it. */
  mounts?(): MountInfo[];
  /** The CPU architecture the container runs on (`amd64`, `arm64`), for `uname -m` and exec format checks. */
  architecture?: string;
  /**
   * Whether descriptor 0, 1 or 2 is a terminal (`docker run -t`, `docker exec -it`), as isatty(3)
   * says. Programs format differently for a person and for a pipe: `redis-cli GET k` prints
   * `"v"` on a terminal and `v` otherwise. Absent means no terminal.
   */
  isatty?(fd: 0 | 1 | 2): boolean;
  /**
   * fork(2): a copy of this process (same argv, a new PID, this one as its parent) running `body`
   * — how a shell runs `( … )`, `$( … )`, pipeline elements and `&` jobs. Streams default to this
   * process's own.
   */
  fork?(body: (child: ProcessContext) => Promise<number>, options?: Partial<SpawnOptions>): ChildProcess;
  /**
   * Rewrite the command line `ps` shows for this process, as nginx does with its argv
   * (`nginx: master process nginx -g daemon off;`).
   */
  setTitle?(title: string): void;
  /**
   * setgid(2) + setuid(2): become another user for good, as nginx's workers drop from root to
   * `nginx` right after the fork. Throws an error with `code: 'EPERM'` unless the process is root.
   */
  setUser?(uid: number, gid: number): void;
  /** Descriptors 3–9 this process inherited open (see `SpawnOptions.fds`); absent means none. */
  fds?: ReadonlyMap<number, InputStream | OutputStream>;
}

/** Runs when a handled signal arrives; it must not block (set a flag, start a shutdown). */
export type SignalHandler = (signal: SignalName) => void;

/** A child started with `start`: running until `wait` (which also reaps it) resolves. */
export interface ChildProcess {
  pid: number;
  /** Resolves with the exit status and removes the zombie from the process table. */
  wait(): Promise<number>;
}

export interface ExecOptions {
  /** A new environment (`env -i`, `env X=1 cmd`); the current one when absent. */
  env?: Map<string, string>;
  /** Search `$PATH` of this environment for argv[0] (default true; `exec` of a path never searches). */
  searchPath?: boolean;
  /**
   * Run the new program as this user and group (setuid/setgid before execve(2)), as `gosu redis
   * redis-server` and `su` do; the current ones when absent. Only root may change them.
   */
  uid?: number;
  gid?: number;
  /** Descriptors 3–9 the new program keeps open (execve keeps them); the current ones when absent. */
  fds?: ReadonlyMap<number, InputStream | OutputStream>;
}

/** One line of /proc/mounts: `overlay / overlay rw,relatime,lowerdir=… 0 0`. */
export interface MountInfo {
  /** `overlay`, `proc`, `tmpfs`, `/dev/vda1`, a volume's device. */
  source: string;
  /** Where it is mounted inside the container: `/`, `/proc`, `/data`. */
  target: string;
  /** `overlay`, `proc`, `tmpfs`, `ext4`, `sysfs`, `devpts`, `mqueue`, `cgroup2`. */
  fstype: string;
  /** Mount options as /proc/mounts prints them: `rw,relatime`, `ro,nosuid,nodev,noexec`. */
  options: string;
  /** Sizes for `df`, in 1K blocks; left out for pseudo filesystems (proc, sysfs…). */
  blocks?: { total: number; used: number };
}

export interface SpawnOptions {
  env: Map<string, string>;
  cwd: string;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /**
   * Open descriptors 3–9 the child inherits, as fork(2) passes them on: after `exec 3>&1`, a script
   * the shell runs can still `echo … >&3`. Absent means none.
   */
  fds?: ReadonlyMap<number, InputStream | OutputStream>;
}

/** A program: runs to completion and returns its exit status (0–255; 128+N when killed by signal N). */
export type Program = (ctx: ProcessContext) => Promise<number>;
