// The container runtime: what runc does for Docker. Given a container's root filesystem and its
// namespaces, it starts the container's first process — PID 1, the image's ENTRYPOINT + CMD —
// and later ones for `docker exec`, delivers `docker stop`/`kill` signals, freezes everything
// for `docker pause`, and reports how PID 1 ended. When PID 1 exits, the container has exited.
//
//   const runtime = new ContainerRuntime({ fs, hostname: '3f2a1b4c5d6e', net, clock, hostPids });
//   const init = await runtime.start({ argv: ['nginx', '-g', 'daemon off;'], env, stdout, stderr });
//   init.exit.then((status) => …);          // `docker wait`
//   runtime.kill('SIGQUIT');                // `docker stop` with nginx's STOPSIGNAL
//
// A command that cannot even be found fails `start` (Docker then reports "failed to create task
// for container: … exec: "nope": executable file not found in $PATH" and `docker run` exits 127).

import type { Bytes } from '../bytes';
import type { Overlay } from '../layer/overlay';
import type { Clock, InputStream, MountInfo, NetworkStack, OutputStream, ProcessInfo, SignalName } from './contract';
import { DEFAULT_PATH, ExecError } from './exec';
import { DEFAULT_LIMITS, type ResourceLimits } from './limits';
import { defaultMounts } from './mounts';
import { asTerminal, launch, type Container } from './process';
import { PidNamespace, type HostPids } from './process-table';
import { callbackOutput, emptyInput } from './streams';
import { Terminal } from './tty';

export interface ContainerSpec {
  /** The container's root filesystem: the image's layers under a writable layer. */
  fs: Overlay;
  /** UTS namespace: Docker uses the first 12 hex digits of the container ID unless `--hostname`. */
  hostname: string;
  net: NetworkStack;
  clock: Clock;
  /** The host's PID counter (one per simulated host), for the PIDs `docker top` shows. */
  hostPids: HostPids;
  /** The image's architecture (`amd64`, `arm64`); executables built for another one fail to run. */
  architecture?: string;
  /** The mount table (/proc/mounts); defaults to what Docker sets up for a container. */
  mounts?: () => MountInfo[];
  limits?: Partial<ResourceLimits>;
}

export interface ProcessOptions {
  argv: readonly string[];
  /** The final environment, in order (see `containerEnvironment`). */
  env: Map<string, string>;
  /** Working directory (the image's WorkingDir, `/` by default). */
  cwd?: string;
  uid?: number;
  gid?: number;
  stdin?: InputStream;
  stdout: OutputStream | ((data: Bytes) => void);
  stderr: OutputStream | ((data: Bytes) => void);
  /**
   * `-t`: run on a pseudo-terminal (./tty.ts). `stdin` then carries the keys typed (echoed,
   * cooked into lines, Ctrl-C → SIGINT), and stdout and stderr both go to `stdout`, with `\r\n`
   * line ends, as one screen — what `docker attach` shows.
   */
  tty?: boolean;
}

/** A process started by the runtime (PID 1 or an exec'd one), seen from outside the container. */
export interface ContainerProcess {
  pid: number;
  hostPid: number;
  /** Resolves with the exit status when the process ends. */
  exit: Promise<number>;
  /** With `tty`: the terminal, to type into directly (`terminal.type('ls\r')`). */
  terminal?: Terminal;
}

export class ContainerRuntime implements Container {
  readonly fs: Overlay;
  readonly hostname: string;
  readonly net: NetworkStack;
  readonly clock: Clock;
  readonly processes: PidNamespace;
  readonly limits: ResourceLimits;
  readonly architecture?: string;
  private readonly mountTable: () => MountInfo[];
  private init: ContainerProcess | undefined;

  constructor(spec: ContainerSpec) {
    this.fs = spec.fs;
    this.hostname = spec.hostname;
    this.net = spec.net;
    this.clock = spec.clock;
    this.architecture = spec.architecture;
    this.limits = { ...DEFAULT_LIMITS, ...spec.limits };
    this.mountTable = spec.mounts ?? (() => defaultMounts());
    this.processes = new PidNamespace({ hostPids: spec.hostPids, now: () => spec.clock.now() });
  }

  mounts(): MountInfo[] {
    return this.mountTable();
  }

  /**
   * Start the container's first process (PID 1). Rejects with `ExecError` when runc would refuse
   * (not found, not executable, a directory); an exec that fails inside the started container
   * (`exec format error`, a missing `#!` interpreter) prints runc's line on stderr and exits 255.
   */
  async start(options: ProcessOptions): Promise<ContainerProcess> {
    if (this.init !== undefined) throw new Error('the container has already been started');
    this.init = this.startProcess(options);
    return this.init;
  }

  /** `docker exec`: another process in the same namespaces; its parent is outside (ppid 0). */
  async exec(options: ProcessOptions): Promise<ContainerProcess> {
    if (this.init === undefined || this.processes.get(1)?.alive !== true) {
      throw new Error('container is not running');
    }
    return this.startProcess(options);
  }

  private startProcess(options: ProcessOptions): ContainerProcess {
    const env = new Map(options.env);
    if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);
    const terminal = options.tty ? this.terminalFor(options) : undefined;
    const launchOptions = {
      argv: options.argv,
      env,
      cwd: options.cwd ?? '/',
      ppid: 0,
      uid: options.uid ?? 0,
      gid: options.gid ?? 0,
      stdin: terminal ? asTerminal(terminal.input) : (options.stdin ?? emptyInput),
      stdout: terminal ? asTerminal(terminal.output) : outputOf(options.stdout),
      stderr: terminal ? asTerminal(terminal.output) : outputOf(options.stderr),
    };
    try {
      const { record, status } = launch(this, launchOptions);
      const started: ContainerProcess = { pid: record.pid, hostPid: record.hostPid, exit: status };
      if (terminal !== undefined) started.terminal = terminal;
      return started;
    } catch (err) {
      if (!(err instanceof ExecError) || !err.afterStart) throw err;
      // runc's checks passed; execve(2) fails in the new process, which says so and exits 255.
      const record = this.processes.create(options.argv, 0, launchOptions.uid);
      launchOptions.stderr.write(`${err.message}\n`);
      record.finish(255);
      return { pid: record.pid, hostPid: record.hostPid, exit: record.exited };
    }
  }

  /** A pseudo-terminal fed by `options.stdin` (the keys typed), showing on `options.stdout`. */
  private terminalFor(options: ProcessOptions): Terminal {
    const terminal = new Terminal({
      screen: outputOf(options.stdout),
      signal: (name) => {
        for (const r of this.processes.running) this.processes.kill(r.pid, name);
      },
    });
    const keys = options.stdin;
    if (keys !== undefined) {
      void (async () => {
        for (let chunk = await keys.read(); chunk !== undefined; chunk = await keys.read()) terminal.type(chunk);
        terminal.hangUp();
      })();
    }
    return terminal;
  }

  /** Send a signal to PID 1 from the host (`docker kill -s`, `docker stop`). False when not running. */
  kill(signal: SignalName): boolean {
    return this.processes.get(1)?.alive === true && this.processes.kill(1, signal, { fromHost: true });
  }

  /** `docker pause` / `docker unpause`: the cgroup freezer stops and resumes every process. */
  pause(): void {
    this.processes.freeze();
  }

  unpause(): void {
    this.processes.thaw();
  }

  /** `docker top`: the processes with the PIDs the host sees. */
  top(): ProcessInfo[] {
    return this.processes.list();
  }

  /** Some process can run right now (not waiting for time, input or a child, not frozen). */
  get busy(): boolean {
    return this.processes.running.some((r) => r.waits === 0 && r.state !== 'stopped');
  }

  /** Whether PID 1 is still running. */
  get running(): boolean {
    return this.processes.get(1)?.alive === true;
  }
}

function outputOf(target: OutputStream | ((data: Bytes) => void)): OutputStream {
  return typeof target === 'function' ? callbackOutput(target) : { write: (data) => target.write(data) };
}

export interface EnvironmentOptions {
  /** The container config's `Env` (image ENV merged with `-e`), `NAME=value` strings in order. */
  config: readonly string[];
  hostname: string;
  /** `-t`: Docker adds `TERM=xterm`. */
  tty?: boolean;
  /** The user's home directory, from /etc/passwd (runc adds `HOME` when the config has none). */
  home?: string;
}

/**
 * The environment a container's process starts with, in the order `env` prints it: the daemon's
 * `PATH` (replaced in place by the config's), `HOSTNAME`, `TERM` with a TTY, the config's
 * variables, and `HOME` appended by runc when not set.
 */
export function containerEnvironment(options: EnvironmentOptions): Map<string, string> {
  const env = new Map<string, string>([
    ['PATH', DEFAULT_PATH],
    ['HOSTNAME', options.hostname],
  ]);
  if (options.tty) env.set('TERM', 'xterm');
  for (const entry of options.config) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  if (!env.has('HOME')) env.set('HOME', options.home ?? '/root');
  return env;
}
