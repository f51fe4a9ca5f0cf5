// What dockerd needs from a container runtime — the part containerd and runc play for the real
// daemon — and nothing more. The daemon decides *what* runs (the merged Config: argv, env, user,
// working directory, TTY) and *where* (the container's filesystem, hostname, network namespace);
// the runtime makes the namespaces real and runs processes in them:
//
//   start   create the container's namespaces and run PID 1 (`runc create` + `runc start`)
//   exec    run one more process in those namespaces (`docker exec`, `runc exec`)
//   kill    deliver a signal from the host (`docker kill`, `docker stop`)
//   pause   freeze every process (the cgroup freezer), `resume` thaws them
//   processes   the process table with host PIDs (`docker top`)
//
// A process's output comes back through the `stdout`/`stderr` callbacks; its end through `exited`,
// which resolves with the exit status (128+N when signal N ended it: 137 after SIGKILL, 143 after
// SIGTERM). When the command cannot be started at all, `start`/`exec` reject with a
// `RuntimeStartError` carrying runc's words (`exec: "nope": executable file not found in $PATH`)
// and the status Docker reports for it (127 nothing to run, 126 not runnable); the daemon adds
// containerd's and its own prefixes. The adapter over src/engine/runtime lives in
// runtime-adapter.ts; unit tests use the small fake in fake-runtime.fixture.ts.
import type { Bytes } from '../../bytes';
import type { Overlay } from '../../layer/overlay';
import type { Clock, InputStream, MountInfo, NetworkStack, ProcessInfo } from '../../runtime/contract';

/** One process to run: argv as resolved by the daemon (Entrypoint + Cmd), and its stdio. */
export interface ProcessSpec {
  argv: readonly string[];
  /** `KEY=value`, in Docker's order; the runtime searches `PATH` from here. */
  env: readonly string[];
  /** Absolute working directory (`/` when the image sets none). */
  cwd: string;
  /** `user`, `uid`, `user:group` or `uid:gid` as Docker takes it; empty means root. */
  user: string;
  tty: boolean;
  stdin: InputStream;
  stdout(data: Bytes): void;
  /** With a TTY there is one terminal: the runtime may send everything to stdout. */
  stderr(data: Bytes): void;
}

/** The container's namespaces: what PID 1 and every exec share. */
export interface SandboxSpec {
  /** The container's 64-hex ID. */
  id: string;
  /** UTS namespace. */
  hostname: string;
  /** Mount namespace: the overlay over the image (and its init layer). */
  rootfs: Overlay;
  /** Network namespace. */
  net: NetworkStack;
  /** The simulation's clock: sleeps, process start times. */
  clock: Clock;
  /** `linux/amd64` → `amd64`. */
  architecture: string;
  /** The mount table (`/proc/mounts`). */
  mounts: MountInfo[];
}

/** A process the runtime started. */
export interface RuntimeProcess {
  /** Its PID on the host (inspect's `State.Pid`, `docker top`). */
  readonly hostPid: number;
  /** Resolves with the exit status once it has ended (and its output has been delivered). */
  readonly exited: Promise<number>;
  /** Send signal number `signal` from the host. */
  kill(signal: number): void;
  /** A TTY's new size (`docker run -t` on a resized terminal); optional. */
  resize?(height: number, width: number): void;
}

/** A started container: PID 1 plus the operations on its namespaces. */
export interface RuntimeTask extends RuntimeProcess {
  /** Freeze every process of the container (`docker pause`). */
  pause(): void;
  /** Thaw them (`docker unpause`). */
  resume(): void;
  /** The process table, PID 1 first (`docker top`). */
  processes(): ProcessInfo[];
  /** Run another process in the container's namespaces; rejects with RuntimeStartError. */
  exec(spec: ProcessSpec): Promise<RuntimeProcess>;
}

export interface ContainerRuntime {
  /** Create the namespaces and start PID 1; rejects with RuntimeStartError when it cannot run. */
  start(sandbox: SandboxSpec, init: ProcessSpec): Promise<RuntimeTask>;
}

/** A command the runtime could not start, in runc's words, with the status Docker reports for it. */
export class RuntimeStartError extends Error {
  override name = 'RuntimeStartError';
  constructor(
    message: string,
    /**
     * 127: nothing to run (not found, no such file); 126: cannot run it (permission, a directory);
     * 128: anything else (an unknown `--user`), which Docker reports as its own failure.
     */
    readonly exitStatus: number,
  ) {
    super(message);
  }
}
