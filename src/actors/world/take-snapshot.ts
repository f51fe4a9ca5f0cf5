// Taking a world's snapshot (see snapshot.ts for what it holds): every blob of every daemon and
// registry goes into the content store once, and the rest is plain data. Refused while a command
// runs or a message is on the wire — the snapshot would lose it. Registries' open upload sessions
// are not kept: a restored registry has none, as one that restarted and purged them.
import type { BlobStore, PutCapable } from '../../engine/store/blob-store';
import { copyInto, snapshotDaemon } from './daemon-snapshot';
import { SNAPSHOT_VERSION, WorldBusyError, type WorldSnapshot } from './snapshot';
import type { World } from './world';
import type { WorldWiring } from './wiring';

type ContentStore = BlobStore & PutCapable;

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
    files: world.files.toJSON(),
    history: Object.fromEntries([...world.history].map(([terminal, lines]) => [terminal, [...lines]])),
  };
}
