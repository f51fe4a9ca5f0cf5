// One daemon as data — what dockerd keeps under /var/lib/docker and finds again when it starts: the
// image store and its blobs, the user-defined networks, the volumes with their files, the containers
// (config, state, exit codes, logs, writable layers), the last events for `docker events --since`,
// and the host's PID counter. Blobs go to the snapshot's content store, named here by digest.
//
// Restoring runs in a fixed order before the daemon answers anyone: networks, volumes, containers
// (which name them), then the running containers are revived as live-restore would find them
// (engine/daemon/containers/container-revive.ts), and finally the event log and the PID counter are
// put back as they were — whatever reviving published or counted is forgotten.
import type { Bytes } from '../../engine/bytes';
import {
  containersFromData,
  containersToData,
  type ContainerData,
} from '../../engine/daemon/containers/container-snapshot';
import { reviveContainers } from '../../engine/daemon/containers/container-revive';
import { containersOf } from '../../engine/daemon/containers/service';
import type { EventMessage } from '../../engine/daemon/events';
import type { ImageStoreData } from '../../engine/daemon/image-store';
import {
  networksFromData,
  networksToData,
  volumesFromData,
  volumesToData,
  type NetworkData,
  type VolumeData,
} from '../../engine/daemon/networks/network-data';
import type { Digest } from '../../engine/digest';
import { canStat, type BlobStore, type PutCapable } from '../../engine/store/blob-store';
import type { MemoryBlobStore } from '../../engine/store/memory-blob-store';
import type { HostDaemon } from './daemons';
import { SnapshotError } from './snapshot';

type ContentStore = BlobStore & PutCapable;

/** An event as JSON carries it: `timeNano` (beyond 2^53) as a decimal string. */
export type SavedEvent = Omit<EventMessage, 'timeNano'> & { timeNano: string };

/** What a snapshot keeps of one daemon. */
export interface DaemonSnapshot {
  images: ImageStoreData;
  /** Every blob of the daemon's store (configs, layer tars); bytes in the content store. */
  blobs: Digest[];
  networks: NetworkData[];
  volumes: VolumeData[];
  containers: ContainerData[];
  /** The kept past events, oldest first (at most the event log's limit). */
  events: SavedEvent[];
  /** The last host PID handed out. */
  lastPid: number;
}

/** Put each blob of `from` into `content` (skipping those it already has); returns their digests. */
export async function copyInto(from: MemoryBlobStore, content: ContentStore): Promise<Digest[]> {
  const digests = await from.list();
  for (const digest of digests) {
    if (canStat(content) && (await content.stat(digest))) continue;
    const bytes = await from.get(digest);
    if (bytes) await content.put(bytes, digest);
  }
  return digests;
}

/** The daemon as data, its blobs put into `content`. */
export async function snapshotDaemon(daemon: HostDaemon, content: ContentStore): Promise<DaemonSnapshot> {
  const svc = containersOf(daemon.ctx);
  const put = (bytes: Bytes) => content.put(bytes);
  return {
    images: daemon.store.toData(),
    blobs: await copyInto(daemon.blobs, content),
    networks: networksToData(svc.networking.networks),
    volumes: await volumesToData(svc.volumes, put),
    containers: await containersToData(svc, put),
    events: daemon.events.history().map((ev) => ({ ...ev, timeNano: ev.timeNano.toString() })),
    lastPid: daemon.pids.last,
  };
}

/** Give a freshly built daemon back what `saved` holds (its images are already in its store). */
export async function restoreDaemonState(daemon: HostDaemon, saved: DaemonSnapshot, content: BlobStore): Promise<void> {
  const svc = containersOf(daemon.ctx);
  const get = (digest: Digest) => content.get(digest);
  try {
    networksFromData(svc.networking.networks, saved.networks);
    await volumesFromData(svc.volumes, saved.volumes, get, () => daemon.ctx.now());
    await containersFromData(svc, saved.containers, get);
    await reviveContainers(svc, saved.containers, {
      setNextPid: (pid) => void (daemon.pids.last = pid - 1),
    });
  } catch (err) {
    throw new SnapshotError(`snapshot of ${daemon.host}: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
  daemon.events.replaceHistory(saved.events.map((ev) => ({ ...ev, timeNano: BigInt(ev.timeNano) })));
  daemon.pids.last = saved.lastPid;
}
