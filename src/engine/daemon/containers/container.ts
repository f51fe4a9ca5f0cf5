// One container as the daemon holds it (moby `container.Container`): who it is (a 64-hex ID and a
// unique name), what it was made from (an image, the merged Config, the HostConfig), what it runs
// (`Path` + `Args`), where it is in its lifecycle (./state.ts), and what belongs to it alone — its
// writable layer, kept across restarts and thrown away with it; its log; its stdin and the clients
// attached to its output; its endpoint on the bridge while it runs; its health (./health/).
import type { Digest } from '../../digest';
import { Overlay } from '../../layer/overlay';
import { newUpperDir, type UpperDir } from '../../layer/overlay-union';
import type { Snapshot } from '../../layer/snapshot';
import type { InputStream } from '../../runtime/contract';
import type { Endpoint } from './bridge';
import type { HealthState } from './health/health-state';
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
  /** How many layers the image has (the overlay's lower directories). */
  layerCount: number;
  /** The overlay2 mount ID of its writable layer (a random ID of its own, not the container's). */
  mountId: string;
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
  readonly layerCount: number;
  readonly mountId: string;
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
  /**
   * The image's filesystem. The container holds on to it, as its layer holds the image's layers in
   * Docker: `docker rmi -f` of the image of a stopped container leaves the container startable.
   */
  readonly image: Snapshot;
  rootfs: Overlay;
  /** Set by `docker stop`/`kill`: the restart policy must not bring it back. */
  hasBeenManuallyStopped = false;
  /** Set while `docker restart` stops it: a `--rm` container is not removed in between. */
  manualRestart = false;
  stdin: InputPipe | undefined;
  task: RuntimeTask | undefined;
  endpoint: Endpoint | undefined;
  /** How many times the restart policy started it again (inspect → RestartCount). */
  restartCount = 0;
  /** The pending restart of a `restarting` container; aborting it cancels the restart. */
  pendingRestart: AbortController | undefined;
  /** Its healthcheck's status, streak and log (inspect → State.Health); absent without a probe. */
  health: HealthState | undefined;
  /** Stops the running healthcheck loop (./health/health-monitor.ts). */
  healthMonitor: AbortController | undefined;
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
    this.layerCount = init.layerCount;
    this.mountId = init.mountId;
    this.now = init.now;
    this.restartManager = new RestartManager(init.hostConfig.RestartPolicy);
    this.logs = new LogBuffer(init.now);
    this.image = init.image;
    this.upper = newUpperDir(init.image.root);
    this.rootfs = this.mount(init.image);
    this.renewStdin();
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

  /**
   * A new stdin pipe (`-i` keeps one open; clients that attach write into it, even before the
   * start). Made at create and again after each run, as moby renews its input pipes on reset.
   */
  renewStdin(): void {
    this.stdin?.close();
    this.stdin = this.config.OpenStdin ? new InputPipe() : undefined;
  }

  /** What PID 1 reads: the pipe, or an input already at its end. */
  get stdinForRun(): InputStream {
    return this.stdin ?? CLOSED_INPUT;
  }
}
