// The container half of a daemon: its containers and their names, its exec instances, its
// networking (networks, endpoints, published ports: ../networks) and its volumes and mounts
// (../volumes), the runtime that runs processes, the clock that times stops and restart back-offs, and
// the seeded source of IDs and names. One per daemon, reached from any handler with
// `containersOf(ctx)`; a daemon made by createDaemon has one from the start, a hand-made context
// gets one on first use. The runtime is the simulated kernel of src/engine/runtime (through
// ./runtime-adapter.ts) unless another is given — the unit tests give a small fake.
import type { Clock } from '../../runtime/contract';
import type { DaemonContext } from '../context';
import { Networking } from '../networks/networking';
import { ContainerVolumes } from '../volumes/container-mounts';
import { MemoryHostPaths, type HostPaths } from '../volumes/host-paths';
import { VolumeService } from '../volumes/volume-service';
import { BridgeNetwork } from './bridge';
import { ContainerStore } from './container-store';
import type { ExecInstance } from './exec-instance';
import { seededIds, type IdSource } from './ids';
import { SimulatedRuntime } from './runtime-adapter';
import type { ContainerRuntime } from './runtime-port';

export interface ContainerServiceOptions {
  /** What runs the containers' processes; the simulated runtime when absent. */
  runtime?: ContainerRuntime;
  /** Time for stop timeouts and restart back-offs; the daemon's `now` with real timers when absent. */
  clock?: Clock;
  /** Where IDs and generated names come from; seeded with the host's engine ID when absent. */
  ids?: IdSource;
  /** The DNS servers containers get in /etc/resolv.conf. */
  nameservers?: string[];
  /** The host's files, for bind mounts; an in-memory disk of the daemon's own when absent. */
  hostPaths?: HostPaths;
  /**
   * Where network (and further endpoint) IDs and anonymous volume names come from; sources seeded
   * by the default bridge's ID when absent. The world passes counted streams, so that a snapshot
   * can say how far each has been drawn (./container-snapshot.ts).
   */
  networkIds?: IdSource;
  volumeIds?: IdSource;
}

export class ContainerService {
  readonly store = new ContainerStore();
  readonly execs = new Map<string, ExecInstance>();
  readonly bridge: BridgeNetwork;
  readonly runtime: ContainerRuntime;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Network IDs and the IDs of a container's second and further endpoints. */
  readonly networkIds: IdSource;
  readonly nameservers: string[];
  readonly networking: Networking;
  readonly volumes: VolumeService;
  readonly mounts: ContainerVolumes;

  constructor(
    readonly ctx: DaemonContext,
    options: ContainerServiceOptions = {},
  ) {
    this.runtime = options.runtime ?? new SimulatedRuntime();
    this.clock = options.clock ?? realTimers(ctx.now);
    this.ids = options.ids ?? seededIds(ctx.host.id);
    this.nameservers = options.nameservers ?? ['192.168.1.1'];
    // The default bridge's ID is the first draw, as before networks were modelled; the other
    // networks' and the anonymous volumes' IDs come from sources seeded by it, so that container
    // IDs and generated names do not depend on how many networks or volumes were made.
    const bridgeId = this.ids.nextId();
    this.networkIds = options.networkIds ?? seededIds(`networks:${bridgeId}`);
    this.networking = new Networking({
      ids: this.ids,
      networkIds: this.networkIds,
      bridgeId,
      now: () => ctx.now(),
      events: ctx.events,
      listenersOf: (id) => this.store.get(id)?.listeners,
    });
    this.volumes = new VolumeService(
      options.volumeIds ?? seededIds(`volumes:${bridgeId}`),
      () => ctx.now(),
      ctx.events,
    );
    const now = () => ctx.now();
    this.mounts = new ContainerVolumes(this.volumes, options.hostPaths ?? new MemoryHostPaths(now), ctx.events, now);
    this.bridge = new BridgeNetwork(this.networking, (id) => this.mounts.deactivate(id));
  }

  now(): number {
    return this.ctx.now();
  }
}

/** A clock reading `now` and sleeping with real timers (the daemon under `npm run serve`). */
export function realTimers(now: () => number): Clock {
  return {
    now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = () => {
          clearTimeout(handle);
          reject(signal?.reason);
        };
        const handle = setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          Math.max(0, ms),
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}

/** The container service of the daemon `ctx` belongs to (made on first use if the context has none). */
export function containersOf(ctx: DaemonContext): ContainerService {
  ctx.containers ??= new ContainerService(ctx);
  return ctx.containers;
}
