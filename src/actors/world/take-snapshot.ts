// Taking a world's snapshot (see snapshot.ts for what it holds): every blob of every daemon and
// registry goes into the content store once, and the rest is plain data. Refused while a command
// runs or a message is on the wire — the snapshot would lose it.
import type { Digest } from '../../engine/digest';
import { canStat, type BlobStore, type PutCapable } from '../../engine/store/blob-store';
import type { MemoryBlobStore } from '../../engine/store/memory-blob-store';
import { snapshotDaemon } from './daemons';
import { SNAPSHOT_VERSION, WorldBusyError, type WorldSnapshot } from './snapshot';
import type { World } from './world';
import type { WorldWiring } from './wiring';

type ContentStore = BlobStore & PutCapable;

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

export async function takeSnapshot(world: World, wiring: WorldWiring, content: ContentStore): Promise<WorldSnapshot> {
  if (wiring.running > 0 || world.network.inFlight > 0) {
    throw new WorldBusyError(
      `cannot snapshot the world while it is busy (${wiring.running} commands running, ${world.network.inFlight} messages on the wire)`,
    );
  }
  const daemons: WorldSnapshot['daemons'] = {};
  for (const [host, daemon] of world.daemons) daemons[host] = await snapshotDaemon(daemon, content);
  const registries: WorldSnapshot['registries'] = {};
  for (const [name, registry] of world.registries) {
    registries[name] = { state: registry.state.toData(), blobs: await copyInto(registry.blobs, content) };
  }
  return {
    version: SNAPSHOT_VERSION,
    seed: world.seed,
    time: world.clock.now(),
    ids: world.ids.counters(),
    topology: { links: world.topology.links(), hostsDown: world.topology.hostsDown() },
    daemons,
    registries,
    trace: { seq: world.trace.lastSeq, exchange: world.network.exchanges, command: wiring.commands },
    terminals: wiring.terminals(),
  };
}
