// One container as the daemon holds it (moby `container.Container`): who it is (a 64-hex ID and a
// unique name), what it was made from (an image, the merged Config, the HostConfig), what it runs
// (`Path` + `Args`), where it is in its lifecycle (./state.ts), and what belongs to it alone — its
// writable layer, kept across restarts and thrown away with it; its log; its stdin and the clients
// attached to its output; its endpoint on the bridge while it runs.
import type { Digest } from '../../digest';
import { Overlay } from '../../layer/overlay';
import { newUpperDir, type UpperDir } from '../../layer/overlay-union';
import type { Snapshot } from '../../layer/snapshot';
import type { Endpoint } from './bridge';
import type { CreateHostConfig } from './create-body';
import { LogBuffer } from './log-buffer';
import type { ContainerConfig } from './merge-config';
import type { Listeners } from './network-stack';
import { RestartManager } from './restart-policy';
import type { RuntimeTask } from './runtime-port';
import { newState, statusOf, type ContainerState, type ContainerStatus } from './state';
import { CLOSED_INPUT, InputPipe, OutputFanout } from './stdio';
import type { Subject } from './transitions';
import { Waiters, type WaitResult } from './wait';

export interface ContainerInit {
  id: string;
  /** With its slash: `/web`. */
  name: string;
  /** Milliseconds since the epoch. */
  created: number;
  imageId: Digest;
  config: ContainerConfig;
  hostConfig: CreateHostConfig;
  networkingConfig: Record<string, unknown> | null;
  path: string;
  args: string[];
  /** The image's filesystem: the lower layer until the first start adds the init layer. */
  image: Snapshot;
  /** Clock for the log's timestamps and file times (ms since the epoch). */
  now: () => number;
}

export class Container {
  readonly id: string;
  name: string;
  readonly created: number;
  readonly imageId: Digest;
  readonly config: ContainerConfig;
  readonly hostConfig: CreateHostConfig;
  readonly networkingConfig: Record<string, unknown> | null;
  readonly path: string;
  readonly args: string[];
  readonly state: ContainerState = newState();
  readonly restartManager: RestartManager;
  readonly logs: LogBuffer;
  readonly output = new OutputFanout();
  readonly waiters = new Waiters();
  /** Ports its processes listen on (its network namespace). */
  readonly listeners: Listeners = new Map();
  /** Exec instances made in it, oldest first (inspect → ExecIDs). */
  readonly execIds: string[] = [];
  /** The writable layer: the container's own changes, kept across restarts. */
  readonly upper: UpperDir;
  rootfs: Overlay;
  /** Set by `docker stop`/`kill`: the restart policy must not bring it back. */
  hasBeenManuallyStopped = false;
  stdin: InputPipe | undefined;
  task: RuntimeTask | undefined;
  endpoint: Endpoint | undefined;
  /** The sandbox of the last run (kept for inspect's SandboxID while running). */
  private readonly now: () => number;

  constructor(init: ContainerInit) {
    this.id = init.id;
    this.name = init.name;
    this.created = init.created;
    this.imageId = init.imageId;
    this.config = init.config;
    this.hostConfig = init.hostConfig;
    this.networkingConfig = init.networkingConfig;
    this.path = init.path;
    this.args = init.args;
    this.now = init.now;
    this.restartManager = new RestartManager(init.hostConfig.RestartPolicy);
    this.logs = new LogBuffer(init.now);
    this.upper = newUpperDir(init.image.root);
    this.rootfs = this.mount(init.image);
  }

  /** The overlay over `lower` with this container's own upper layer (mtimes from the clock, in seconds). */
  mount(lower: Snapshot): Overlay {
    return new Overlay(lower, { now: () => Math.floor(this.now() / 1000), cwd: '/' }, this.upper);
  }

  get status(): ContainerStatus {
    return statusOf(this.state);
  }

  /** The UTS hostname: `--hostname`, else the first 12 characters of the ID. */
  get hostname(): string {
    return this.config.Hostname !== '' ? this.config.Hostname : this.id.slice(0, 12);
  }

  /** Name without its slash, as events and the CLI print it. */
  get shortName(): string {
    return this.name.slice(1);
  }

  subject(given: string): Subject {
    return { id: this.id, name: this.name, given };
  }

  /** What a `wait` returns now: the exit code, and the last error if there is one. */
  waitResult(): WaitResult {
    return this.state.error === ''
      ? { StatusCode: this.state.exitCode }
      : { StatusCode: this.state.exitCode, Error: { Message: this.state.error } };
  }

  /** A fresh stdin for a run: a pipe when the container keeps stdin open (`-i`), else closed. */
  openStdin(): InputPipe | undefined {
    this.stdin = this.config.OpenStdin ? new InputPipe() : undefined;
    return this.stdin;
  }

  get stdinForRun() {
    return this.stdin ?? CLOSED_INPUT;
  }
}
