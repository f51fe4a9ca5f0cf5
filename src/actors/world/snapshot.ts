// A world as data: everything needed to rebuild it exactly — each daemon's image store and blobs,
// networks, volumes, containers (running ones come back running) and recent events, each
// registry's repositories and blobs, the links and which hosts are down, the clock, the ID streams'
// counters, the trace's numbering, the terminals, the laptop's files (logins and contexts are files
// there) and each terminal's history. Blobs are not inlined: the snapshot names them by
// digest, and their bytes go into a content store (memory in tests, IndexedDB in the page), where
// two daemons and a registry holding the same layer share one copy.
//
// A snapshot is taken between commands, when nothing is on the wire. Restoring it gives a world
// that answers `docker images` the same, lists the same tags, and — given the same commands —
// writes the same trace as the world it was taken from would have.
//
// Not kept, as Docker does not keep them across a restart: exec instances, a registry's upload
// sessions left open, and the trace itself (numbering goes on from where it was).
//
// The format has a version; a snapshot of another version, or of the wrong shape, or whose content
// store lacks a blob, is refused with SnapshotError before anything is built.
import * as v from 'valibot';
import { isDigest, type Digest } from '../../engine/digest';
import type { DaemonSnapshot } from './daemon-snapshot';
import type { RegistrySnapshot } from './registries';
import type { TerminalSpec } from '../machines/world-machine';

export const SNAPSHOT_VERSION = 2;

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
  /** The laptop's files (`LaptopFiles.toJSON()`), with `~/.docker/config.json` (logins, contexts). */
  files?: unknown;
  /** Each terminal's shell history, oldest first. */
  history?: Record<string, string[]>;
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

const record = v.record(v.string(), v.unknown());
// Loose objects: only what restoring relies on is checked, and nothing else is dropped.
const daemonSchema = v.looseObject({
  images: v.unknown(),
  blobs: v.array(digest),
  networks: v.array(v.looseObject({ id: v.string(), name: v.string() })),
  volumes: v.array(v.looseObject({ name: v.string(), createdAt: v.number(), content: digest })),
  containers: v.array(
    v.looseObject({
      id: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
      name: v.pipe(v.string(), v.startsWith('/')),
      created: v.number(),
      imageId: digest,
      config: record,
      hostConfig: v.looseObject({ raw: record }),
      state: v.looseObject({ running: v.boolean(), pid: count, exitCode: v.number(), startedAt: v.number() }),
      upper: v.looseObject({
        layer: digest,
        root: v.looseObject({ mode: count, uid: count, gid: count, mtime: v.number() }),
      }),
      logs: digest,
      initLayer: v.optional(digest),
      image: v.optional(digest),
      networks: v.looseObject({
        attachments: v.array(v.tuple([v.string(), v.unknown()])),
        endpoints: v.array(v.unknown()),
      }),
      mounts: v.array(v.looseObject({ type: v.picklist(['volume', 'bind', 'tmpfs']), destination: v.string() })),
    }),
  ),
  events: v.array(
    v.looseObject({ Type: v.string(), Action: v.string(), timeNano: v.pipe(v.string(), v.regex(/^\d+$/)) }),
  ),
  lastPid: count,
});

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
  daemons: v.record(v.string(), daemonSchema),
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
  files: v.optional(v.unknown()),
  history: v.optional(v.record(v.string(), v.array(v.string()))),
});

/** The snapshot if it has the right shape; else SnapshotError naming the first problem. */
export function checkSnapshot(data: unknown): WorldSnapshot {
  const version = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  if (version !== SNAPSHOT_VERSION) {
    throw new SnapshotError(
      typeof version === 'number'
        ? `world snapshot version ${version} is not supported (this Dockyard reads version ${SNAPSHOT_VERSION})`
        : 'world snapshot is invalid: it has no version',
    );
  }
  const result = v.safeParse(schema, data);
  if (result.success) return result.output as unknown as WorldSnapshot;
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw new SnapshotError(`world snapshot is invalid${where ? ` at ${where}` : ''}: ${issue.message}`);
}
