// A Docker daemon as a function: `createDaemon(options)` gives the Engine API handler of one host —
// the laptop's dockerd, a cloud VM's, an on-premises server's. It owns nothing global: the image
// store, the event log, the clock and the way out to registries (the Transport) are handed in, so
// the simulation can put several daemons in one world, replay a run, or serve one over real HTTP.
import type { Handler } from '../wire/message';
import { routes } from './api/routes';
import { createRouter } from './api/router';
import { ContainerService, type ContainerServiceOptions } from './containers/service';
import type { DaemonContext, DaemonPlatform } from './context';
import type { Transport } from './distribution/transport';
import { EventLog } from './events';
import { defaultHost, type HostInfo } from './host';
import type { ImageStore } from './image-store';
import type { HostPaths } from './volumes/host-paths';

export interface DaemonOptions {
  store: ImageStore;
  transport: Transport;
  host?: HostInfo;
  /** Milliseconds since the epoch; a simulated clock in lessons and tests. */
  now?: () => number;
  /** The daemon's event log; a new one when not given. */
  events?: EventLog;
  /** The platform images are pulled for; linux/amd64 when not given. */
  platform?: DaemonPlatform;
  /**
   * Containers (issue 6): the runtime that runs their processes, the clock for stop timeouts and
   * restart back-offs, the seeded source of IDs and names, the DNS servers they get.
   */
  containers?: ContainerServiceOptions;
  /**
   * Networks and storage (issue 9): the host's own files, which bind mounts (`-v /dir:/path`)
   * reach — the laptop's files for the laptop's daemon. An in-memory disk when not given.
   */
  hostPaths?: HostPaths;
}

/** The context every handler of this daemon shares. */
export function daemonContext(options: DaemonOptions): DaemonContext {
  const now = options.now ?? (() => Date.now());
  const ctx: DaemonContext = {
    store: options.store,
    events: options.events ?? new EventLog(now),
    host: options.host ?? defaultHost(),
    now,
    transport: options.transport,
    platform: options.platform ?? { os: 'linux', architecture: 'amd64' },
  };
  const hostPaths = options.hostPaths ?? options.containers?.hostPaths;
  ctx.containers = new ContainerService(ctx, { ...options.containers, ...(hostPaths ? { hostPaths } : {}) });
  return ctx;
}

/** The Engine API of one daemon (API 1.50, with `/v1.NN` prefixes or without). */
export function createDaemon(options: DaemonOptions): Handler {
  return daemonHandler(daemonContext(options));
}

/** The Engine API over an existing context (to share its store and events with the caller). */
export function daemonHandler(ctx: DaemonContext): Handler {
  return createRouter(routes, ctx);
}
