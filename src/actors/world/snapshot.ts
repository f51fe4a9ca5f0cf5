// A world as data: everything needed to rebuild it exactly — each daemon's image store and blobs,
// each registry's repositories and blobs, the links and which hosts are down, the clock, the ID
// streams' counters and the trace's numbering. Blobs are not inlined: the snapshot names them by
// digest, and their bytes go into a content store (memory in tests, IndexedDB in the page), where
// two daemons and a registry holding the same layer share one copy.
//
// A snapshot is taken between commands, when nothing is on the wire. Restoring it gives a world
// that answers `docker images` the same, lists the same tags, and — given the same commands —
// writes the same trace as the world it was taken from would have.
//
// Not (yet) kept: containers (the daemon's container store has no plain-data form yet), each
// daemon's past events for `docker events --since`, and registry upload sessions left open.
import * as v from 'valibot';
import { isDigest, type Digest } from '../../engine/digest';
import type { DaemonSnapshot } from './daemons';
import type { RegistrySnapshot } from './registries';
import type { TerminalSpec } from '../machines/world-machine';

export const SNAPSHOT_VERSION = 1;

export interface WorldSnapshot {
  version: typeof SNAPSHOT_VERSION;
  seed: string;
  /** The world clock, ms since the epoch. */
  time: number;
  /** Draws taken from each ID stream. */
  ids: Record<string, number>;
  topology: { links: { a: string; b: string; latencyMs: number; up: boolean }[]; hostsDown: string[] };
  daemons: Record<string, DaemonSnapshot>;
  registries: Record<string, RegistrySnapshot>;
  /** Where numbering resumes: trace entries, exchanges, commands. */
  trace: { seq: number; exchange: number; command: number };
  terminals: TerminalSpec[];
}

/** A snapshot that cannot be restored: its shape, or its content store, is wrong. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Taking a snapshot while messages are on the wire would lose them. */
export class WorldBusyError extends Error {
  override name = 'WorldBusyError';
}

const digest = v.custom<Digest>((value) => typeof value === 'string' && isDigest(value), 'invalid digest');
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const host = v.picklist(['laptop', 'cloud-vm', 'onprem-1']);

const schema = v.object({
  version: v.literal(SNAPSHOT_VERSION),
  seed: v.string(),
  time: v.pipe(v.number(), v.finite()),
  ids: v.record(v.string(), count),
  topology: v.object({
    links: v.array(
      v.object({ a: v.string(), b: v.string(), latencyMs: v.pipe(v.number(), v.minValue(0)), up: v.boolean() }),
    ),
    hostsDown: v.array(v.string()),
  }),
  daemons: v.record(v.string(), v.object({ images: v.unknown(), blobs: v.array(digest) })),
  registries: v.record(
    v.string(),
    v.object({
      state: v.object({
        repositories: v.record(
          v.string(),
          v.object({
            blobs: v.array(digest),
            manifests: v.record(v.string(), v.object({ mediaType: v.string(), size: count })),
            tags: v.record(v.string(), digest),
          }),
        ),
      }),
      blobs: v.array(digest),
    }),
  ),
  trace: v.object({ seq: count, exchange: count, command: count }),
  terminals: v.array(v.object({ terminal: v.string(), host, daemon: host })),
});

/** The snapshot if it has the right shape; else SnapshotError naming the first problem. */
export function checkSnapshot(data: unknown): WorldSnapshot {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output as WorldSnapshot;
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new SnapshotError(`world snapshot is invalid${where ? ` at ${where}` : ''}: ${issue.message}`);
}
