// The daemons of the world: one dockerd per machine (`laptop`, `cloud-vm`, `onprem-1`), each with
// its own image store, event log, containers and seeded IDs, reaching the registries through the
// network from its own host — so the laptop's pull crosses the laptop's link to Docker Hub, and the
// cloud VM's crosses the cloud VM's much shorter one.
//
// Each daemon's event log is observed: every event it publishes (`docker events`: image pull,
// container start…) is told at once to whoever listens — the trace and the daemon's actor.
//
// A daemon restored from a snapshot (./daemon-snapshot.ts) gets back its images, networks, volumes,
// containers (running ones revived), past events and host PID counter before anyone can talk to it.
import { daemonContext, daemonHandler } from '../../engine/daemon/daemon';
import type { HostPaths } from '../../engine/daemon/volumes/host-paths';
import type { DaemonContext } from '../../engine/daemon/context';
import { SimulatedRuntime } from '../../engine/daemon/containers/runtime-adapter';
import { EventLog, type EventInput, type EventMessage } from '../../engine/daemon/events';
import type { HostInfo } from '../../engine/daemon/host';
import { ImageStore, type ImageStoreData } from '../../engine/daemon/image-store';
import type { Clock } from '../../engine/runtime/contract';
import type { BlobStore } from '../../engine/store/blob-store';
import { MemoryBlobStore } from '../../engine/store/memory-blob-store';
import type { HostPids } from '../../engine/runtime/process-table';
import type { Handler } from '../../engine/wire/message';
import type { Network } from '../network/network';
import { networkTransport, worldAddresses, type AddressBook } from '../network/transport';
import type { DaemonHost } from './layout';
import { daemonEndpoint } from './layout';
import { IdStream, type WorldIds } from './ids';
import { SnapshotError } from './snapshot';
import { restoreDaemonState, type DaemonSnapshot } from './daemon-snapshot';

export type { DaemonSnapshot } from './daemon-snapshot';

/** An event log that also tells its listeners synchronously, as each event is published. */
export class ObservedEventLog extends EventLog {
  readonly #listeners = new Set<(ev: EventMessage) => void>();

  override emit(input: EventInput): EventMessage {
    const ev = super.emit(input);
    for (const listener of this.#listeners) listener(ev);
    return ev;
  }

  listen(listener: (ev: EventMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Put back the past events of a restored daemon (nobody is told: they happened before). */
  replaceHistory(events: readonly EventMessage[]): void {
    // history() is the log's own array of kept events (bounded by EVENTS_LIMIT as it is refilled).
    const past = this.history() as EventMessage[];
    past.splice(0, past.length, ...events);
  }
}

/** The host's PID counter (what `docker top` and State.Pid show), which a snapshot keeps. */
export class HostPidCounter implements HostPids {
  /** The last PID handed out; a freshly booted host is at 1999. */
  last = 1999;

  next(): number {
    return ++this.last;
  }
}

/** One machine's daemon, with what the world needs to reach inside it. */
export interface HostDaemon {
  host: DaemonHost;
  ctx: DaemonContext;
  handler: Handler;
  store: ImageStore;
  blobs: MemoryBlobStore;
  events: ObservedEventLog;
  pids: HostPidCounter;
}

/** What `docker info` says about each machine. */
function hostInfo(host: DaemonHost, engineId: string): HostInfo {
  const common = { name: host, id: engineId, dockerRootDir: '/var/lib/docker' };
  switch (host) {
    case 'laptop':
      return {
        ...common,
        ncpu: 8,
        memTotal: 16_609_005_568,
        kernelVersion: '6.8.0-60-generic',
        operatingSystem: 'Ubuntu 24.04.2 LTS',
        osVersion: '24.04',
      };
    case 'cloud-vm':
      return {
        ...common,
        ncpu: 2,
        memTotal: 4_102_045_696,
        kernelVersion: '6.8.0-1029-aws',
        operatingSystem: 'Ubuntu 24.04.2 LTS',
        osVersion: '24.04',
      };
    case 'onprem-1':
      return {
        ...common,
        ncpu: 32,
        memTotal: 135_089_238_016,
        kernelVersion: '6.1.0-37-amd64',
        operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
        osVersion: '12',
      };
  }
}

export interface BuildDaemonOptions {
  host: DaemonHost;
  network: Network;
  clock: Clock;
  ids: WorldIds;
  /** The command a registry exchange started by this daemon belongs to. */
  currentCommand: () => number | undefined;
  restore?: { saved: DaemonSnapshot; content: BlobStore };
  /** The machine's own files, for bind mounts (the laptop's file tree; other hosts keep theirs in memory). */
  hostPaths?: HostPaths;
  /** Where each host name the daemon dials leads (the world's registries by default). */
  addresses?: AddressBook;
}

export async function buildDaemon(options: BuildDaemonOptions): Promise<HostDaemon> {
  const { host, network, clock, ids } = options;
  const now = () => clock.now();
  const blobs = new MemoryBlobStore();
  let data: ImageStoreData | undefined;
  if (options.restore) {
    for (const digest of options.restore.saved.blobs) {
      const bytes = await options.restore.content.get(digest);
      if (!bytes) throw new SnapshotError(`snapshot of ${host}: blob ${digest} is missing from the content store`);
      await blobs.put(bytes, digest);
    }
    data = options.restore.saved.images;
  }
  const store = await ImageStore.open(blobs, data, { now });
  const events = new ObservedEventLog(now, (ms) => clock.sleep(ms));
  const addresses = options.addresses ?? worldAddresses;
  const transport = networkTransport(network, daemonEndpoint(host), addresses, options.currentCommand);
  // A fixed function of the seed (not a counted draw): a restored world has the same engine ID.
  const engineId = new IdStream(`${ids.seed}/engine-id:${host}`).uuid();
  const pids = new HostPidCounter();
  const ctx = daemonContext({
    store,
    transport,
    now,
    events,
    host: hostInfo(host, engineId),
    // Containers run on the simulated kernel, on the world's clock, with IDs from seeded streams.
    containers: {
      runtime: new SimulatedRuntime(pids),
      clock,
      ids: ids.stream(`daemon:${host}`),
      networkIds: ids.stream(`networks:${host}`),
      volumeIds: ids.stream(`volumes:${host}`),
    },
    ...(options.hostPaths ? { hostPaths: options.hostPaths } : {}),
  });
  const daemon: HostDaemon = { host, ctx, handler: daemonHandler(ctx), store, blobs, events, pids };
  if (options.restore) await restoreDaemonState(daemon, options.restore.saved, options.restore.content);
  return daemon;
}
