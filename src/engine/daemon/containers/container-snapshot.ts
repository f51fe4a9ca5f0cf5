// A daemon's containers as data, and back — what dockerd finds in /var/lib/docker/containers when it
// starts again: each container's `config.v2.json` and `hostconfig.json` (who it is, what it runs, its
// state with exit code and times, its restart count), its `-json.log`, and its writable layer in
// overlay2's `diff/` directory (./writable-layer.ts). The bytes — layer, log, and the image's
// filesystem when the image itself is gone (`docker rmi -f` under a stopped container) — go to a
// content store and are named here by digest.
//
// Not kept, as dockerd does not keep them: exec instances (ExecIDs are empty after a restart) and
// anything attached to a container's output. The networks a container is configured for and the
// mounts it uses are kept; its live endpoints are not — a running container gets them back when it
// is revived (./container-revive.ts), with the same addresses and IDs.
import { fromUtf8, utf8, type Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import { fromBase64, toBase64 } from '../../registry/auth/base64';
import type { FsEntry } from '../../layer/entry';
import { applyLayer, snapshotFromEntries, type Snapshot } from '../../layer/snapshot';
import { snapshotToEntries, nodeEntry } from '../../layer/snapshot-entries';
import type { FsNode, NodeMeta } from '../../layer/snapshot-node';
import { readTar } from '../../layer/tar-read';
import { writeTar } from '../../layer/tar-write';
import type { Attachment } from '../networks/attachments';
import type { MountSpec } from '../volumes/mount-spec';
import { Container } from './container';
import type { CreateHostConfig } from './create-body';
import type { LogStream } from './log-buffer';
import type { ContainerConfig } from './merge-config';
import type { ContainerState } from './state';
import type { ContainerService } from './service';
import { fillWritableLayer, writableLayerTar } from './writable-layer';

/** A live endpoint of a running container, to be made again with the same ID and address. */
export interface EndpointData {
  networkId: string;
  endpointId: string;
  ipAddress: string;
}

export interface ContainerData {
  id: string;
  name: string;
  created: number;
  imageId: Digest;
  config: ContainerConfig;
  hostConfig: CreateHostConfig;
  networkingConfig: Record<string, unknown> | null;
  path: string;
  args: string[];
  layerCount: number;
  mountId: string;
  state: ContainerState;
  restartCount: number;
  hasBeenManuallyStopped: boolean;
  /** The restart policy's back-off and count (moby keeps them in the container's state). */
  restartManager: { timeoutMs: number; count: number; canceled: boolean };
  /** The writable layer's tar, and its root directory's metadata. */
  upper: { layer: Digest; root: NodeMeta & { opaque: boolean } };
  /** The init layer of a container that has run (/etc/hosts, /etc/hostname…), as a tar. */
  initLayer?: Digest;
  /** The image's filesystem as a tar, only when the image is no longer in the store. */
  image?: Digest;
  /** The log: a JSON list of [stream, ms, base64 line]. */
  logs: Digest;
  networks: { attachments: [string, Attachment][]; endpoints: EndpointData[]; sandboxId?: string };
  mounts: MountSpec[];
}

type Put = (bytes: Bytes) => Promise<Digest>;
type Get = (digest: Digest) => Promise<Bytes | undefined>;

/** What the init layer puts under a container's own layer (init-layer.ts), by path. */
const INIT_PATHS = [
  '.dockerenv',
  'dev/console',
  'dev/pts',
  'dev/shm',
  'etc/hostname',
  'etc/hosts',
  'etc/mtab',
  'etc/resolv.conf',
  'proc',
  'sys',
];

/** The restart manager's private memory (restart-policy.ts), read and written as data. */
interface RestartMemory {
  timeoutMs: number;
  count: number;
  canceled: boolean;
}

/** Every container of the daemon as data, oldest first; the bytes go through `put`. */
export async function containersToData(svc: ContainerService, put: Put): Promise<ContainerData[]> {
  const out: ContainerData[] = [];
  for (const c of [...svc.store.list()].reverse()) {
    const networking = svc.networking.attachments.of(c.id);
    const layer = writableLayerTar(c.upper);
    const memory = c.restartManager as unknown as RestartMemory;
    const data: ContainerData = {
      id: c.id,
      name: c.name,
      created: c.created,
      imageId: c.imageId,
      config: c.config,
      hostConfig: c.hostConfig,
      networkingConfig: c.networkingConfig,
      path: c.path,
      args: [...c.args],
      layerCount: c.layerCount,
      mountId: c.mountId,
      state: { ...c.state },
      restartCount: c.restartCount,
      hasBeenManuallyStopped: c.hasBeenManuallyStopped,
      restartManager: { timeoutMs: memory.timeoutMs, count: memory.count, canceled: memory.canceled },
      upper: { layer: await put(layer.tar), root: layer.root },
      logs: await put(logBytes(c)),
      networks: {
        attachments: [...(networking?.attachments ?? [])].map(([name, a]) => [name, { ...a }]),
        endpoints: [...(networking?.endpoints ?? [])].map(([networkId, ep]) => ({
          networkId,
          endpointId: ep.endpointId,
          ipAddress: ep.ipAddress,
        })),
        ...(networking?.sandboxId === undefined ? {} : { sandboxId: networking.sandboxId }),
      },
      mounts: svc.mounts.of(c.id).map((m) => ({ ...m })),
    };
    if (c.state.startedAt !== 0) data.initLayer = await put(writeTar(initEntries(c.rootfs.lower)));
    if (!svc.ctx.store.get(c.imageId)) data.image = await put(writeTar(snapshotToEntries(c.image)));
    out.push(JSON.parse(JSON.stringify(data)) as ContainerData);
  }
  return out;
}

/**
 * Put saved containers back into a fresh daemon, as they were (no events: nothing happened, it was
 * remembered). Running ones are only put back; ./container-revive.ts starts their processes.
 */
export async function containersFromData(
  svc: ContainerService,
  data: readonly ContainerData[],
  get: Get,
): Promise<void> {
  const need = async (digest: Digest, what: string, id: string): Promise<Bytes> => {
    const bytes = await get(digest);
    if (bytes === undefined)
      throw new Error(`container ${id.slice(0, 12)}: ${what} blob ${digest} is missing from the content store`);
    return bytes;
  };
  for (const original of data) {
    // Each restored daemon gets objects of its own: two worlds restored from one snapshot share nothing.
    const saved = structuredClone(original);
    let image: Snapshot;
    if (saved.image !== undefined) image = snapshotFromEntries(readTar(await need(saved.image, 'image', saved.id)));
    else if (svc.ctx.store.get(saved.imageId)) image = await svc.ctx.store.snapshot(saved.imageId);
    else throw new Error(`container ${saved.id.slice(0, 12)}: image ${saved.imageId} is missing`);
    let logClock: number | undefined;
    const container = new Container({
      ...saved,
      image,
      now: () => logClock ?? svc.now(),
    });
    fillWritableLayer(container.upper, await need(saved.upper.layer, 'writable layer', saved.id), saved.upper.root);
    if (saved.initLayer !== undefined) {
      const init = readTar(await need(saved.initLayer, 'init layer', saved.id));
      container.rootfs = container.mount(applyLayer(image, init));
    }
    Object.assign(container.state, saved.state);
    container.restartCount = saved.restartCount;
    container.hasBeenManuallyStopped = saved.hasBeenManuallyStopped;
    Object.assign(container.restartManager as unknown as RestartMemory, saved.restartManager);
    for (const [stream, at, line] of parseLog(await need(saved.logs, 'log', saved.id))) {
      logClock = at;
      container.logs.write(stream, line);
      container.logs.flush();
    }
    logClock = undefined;
    svc.store.add(container);
    svc.networking.attachments.record(container.id, new Map(saved.networks.attachments));
    svc.mounts.attach(container.id, saved.mounts);
  }
}

function logBytes(c: Container): Bytes {
  return utf8(JSON.stringify(c.logs.entries().map((e) => [e.stream, e.at, toBase64(e.line)])));
}

function parseLog(bytes: Bytes): [LogStream, number, Bytes][] {
  const rows = JSON.parse(fromUtf8(bytes)) as [LogStream, number, string][];
  return rows.map(([stream, at, line]) => [stream, at, fromBase64(line)]);
}

/** The init layer's entries as they are in a started container's lower filesystem. */
function initEntries(lower: Snapshot): FsEntry[] {
  const seen = new Map<object, string>();
  const out: FsEntry[] = [];
  for (const path of INIT_PATHS) {
    let node: FsNode | undefined = lower.root;
    for (const name of path.split('/')) node = node?.kind === 'dir' ? node.children.get(name) : undefined;
    if (node) out.push(nodeEntry(node, path, seen));
  }
  return out;
}
