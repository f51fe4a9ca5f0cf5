// The container half of a daemon: its containers and their names, its exec instances, the default
// bridge, the runtime that runs processes, the clock that times stops and restart back-offs, and
// the seeded source of IDs and names. One per daemon, reached from any handler with
// `containersOf(ctx)`; a daemon made by createDaemon has one from the start, a hand-made context
// gets one on first use. The runtime is the simulated kernel of src/engine/runtime (through
// ./runtime-adapter.ts) unless another is given — the unit tests give a small fake.
import type { Clock } from '../../runtime/contract';
import type { DaemonContext } from '../context';
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
}

export class ContainerService {
  readonly store = new ContainerStore();
  readonly execs = new Map<string, ExecInstance>();
  readonly bridge: BridgeNetwork;
  readonly runtime: ContainerRuntime;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly nameservers: string[];

  constructor(
    readonly ctx: DaemonContext,
    options: ContainerServiceOptions = {},
  ) {
    this.runtime = options.runtime ?? new SimulatedRuntime();
    this.clock = options.clock ?? realTimers(ctx.now);
    this.ids = options.ids ?? seededIds(ctx.host.id);
    this.nameservers = options.nameservers ?? ['192.168.1.1'];
    this.bridge = new BridgeNetwork(this.ids);
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
