// Pulling the layers of one image (moby `pullSchema2Layers` and `xfer/download.go`), the heart of
// `docker pull`:
//
//   1. If the image (its config digest is its ID) is already here, nothing is fetched at all.
//   2. From the base up, a layer whose chain is already in the layer store `Already exists` — the
//      daemon knows which DiffID a compressed blob unpacks to from what it pulled before ("v2
//      metadata"). The first missing layer ends the run: everything above it is downloaded.
//   3. Each missing layer says `Pulling fs layer`; at most three download at once, the rest say
//      `Waiting`. The config is fetched alongside. A transfer cut off is tried again
//      (`Retrying in N seconds`, ./layer-download.ts).
//   4. Every download is hashed and must match its digest (`Verifying Checksum`), else the pull
//      fails. Layers are then unpacked and registered strictly in order, each on its parent
//      (`Extracting`, `Pull complete`).
//   5. The DiffIDs unpacked must be exactly the config's `rootfs.diff_ids`; then the image is added.
//
// Downloads really run in parallel (three requests in flight), but their events are reported in
// layer order, so the same pull always tells the same story. A failure anywhere releases every
// layer this pull registered: a failed pull leaves nothing behind.
import type { Bytes } from '../../bytes';
import { sha256Of, type Digest } from '../../digest';
import { parseConfig } from '../../image/config';
import type { Descriptor } from '../../image/types';
import { gunzip, isGzip } from '../../layer/gzip';
import type { ImageRecord, ImageStore } from '../image-store';
import { download, fetchConfig, layerEvent, settle, type Downloaded, type Sleep } from './layer-download';
import { checkSupportedMediaType } from './media-support';
import type { PullEvent } from './pull-events';
import { ProgressMeter, readPieces } from './progress-meter';
import type { Repository } from './repository';

/** How many layers download at once (dockerd's default max-concurrent-downloads). */
export const MAX_CONCURRENT_DOWNLOADS = 3;

export interface LayerPull {
  store: ImageStore;
  repository: Repository;
  /** Where the blobs come from, recorded as each layer's source: `docker.io`, `library/alpine`. */
  source: { registry: string; repository: string };
  now: () => number;
  /** Waits on the daemon's clock between attempts of a failed download. */
  sleep: Sleep;
}

/** Unpacking or registering a layer failed (`failed to register layer: …`). */
export class LayerRegistrationError extends Error {
  override name = 'LayerRegistrationError';
  constructor(cause: unknown) {
    super(`failed to register layer: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** The rootfs the layers unpack to is not the one the config describes. */
export class RootFsMismatchError extends Error {
  override name = 'RootFsMismatchError';
  constructor() {
    super("layers from manifest don't match image configuration");
  }
}

/** The DiffID a compressed blob unpacks to, if this daemon has seen it before (v2 metadata). */
function knownDiffId(store: ImageStore, digest: Digest): Digest | undefined {
  const seen = new Set<Digest>();
  for (const image of store.list()) {
    for (const layer of image.layers) {
      if (seen.has(layer.diffId)) continue;
      seen.add(layer.diffId);
      if (store.blobSources(layer.diffId).some((s) => s.digest === digest)) return layer.diffId;
    }
  }
  return undefined;
}

async function chainOf(parent: Digest | undefined, diffId: Digest): Promise<Digest> {
  return parent === undefined ? diffId : sha256Of(`${parent} ${diffId}`);
}

/** Decompress (when gzip) and register one layer on `parent`; `Extracting` progress on the way. */
async function* extract(
  pull: LayerPull,
  layer: Descriptor,
  compressed: Bytes,
  size: number,
  parent: Digest | undefined,
) {
  const meter = new ProgressMeter(size, pull.now);
  for (const n of readPieces(compressed.length)) {
    const current = meter.read(n);
    if (current !== undefined) yield layerEvent(layer, 'extracting', current, size);
  }
  yield layerEvent(layer, 'extracting', meter.end(), size);
  let tar: Bytes;
  try {
    tar = isGzip(compressed) ? gunzip(compressed) : compressed;
  } catch (err) {
    throw new LayerRegistrationError(err);
  }
  const diffId = await sha256Of(tar);
  const chainId = await chainOf(parent, diffId);
  const existed = pull.store.hasLayer(chainId);
  try {
    await pull.store.addLayer(parent, tar);
  } catch (err) {
    throw new LayerRegistrationError(err);
  }
  return { diffId, chainId, added: !existed };
}

/**
 * Pull the layers and config a manifest names and add the image; yields the progress events and
 * returns the image. `config` is the manifest's config descriptor (its digest is the image ID).
 */
export async function* pullLayers(
  pull: LayerPull,
  config: Descriptor,
  layers: readonly Descriptor[],
): AsyncGenerator<PullEvent, ImageRecord> {
  const { store } = pull;
  const present = store.get(config.digest);
  if (present) return present;
  checkSupportedMediaType(config.mediaType);
  for (const layer of layers) checkSupportedMediaType(layer.mediaType);

  // Already exists: the run of base layers whose chains this daemon already has.
  const diffIds: Digest[] = [];
  let parent: Digest | undefined;
  let first = 0;
  for (; first < layers.length; first++) {
    const layer = layers[first]!;
    const diffId = knownDiffId(store, layer.digest);
    if (diffId === undefined) break;
    const chainId = await chainOf(parent, diffId);
    if (!store.hasLayer(chainId)) break;
    yield layerEvent(layer, 'already-exists');
    diffIds.push(diffId);
    parent = chainId;
  }

  // One download per distinct blob, in the order the layers need them.
  const missing = layers.slice(first);
  const unique: Descriptor[] = [];
  for (const layer of missing) if (!unique.some((u) => u.digest === layer.digest)) unique.push(layer);
  for (const layer of unique) yield layerEvent(layer, 'pulling-fs-layer');
  for (const layer of unique.slice(MAX_CONCURRENT_DOWNLOADS)) yield layerEvent(layer, 'waiting');

  const configTask = settle(fetchConfig(pull.repository, config.digest, pull.sleep));
  const tasks: Promise<Downloaded>[] = [];
  const start = (i: number) => {
    if (i < unique.length) tasks[i] = download(pull.repository, unique[i]!, pull.now, pull.sleep);
  };
  for (let i = 0; i < MAX_CONCURRENT_DOWNLOADS; i++) start(i);

  const added: Digest[] = [];
  let completed = false;
  try {
    const configResult = await configTask;
    if ('error' in configResult) throw configResult.error;
    const configBytes = configResult.value;
    const imageConfig = parseConfig(configBytes);

    const downloads: Downloaded[] = [];
    for (const layer of missing) {
      const index = unique.findIndex((u) => u.digest === layer.digest);
      while (downloads.length <= index) {
        const done = await tasks[downloads.length]!;
        start(downloads.length + MAX_CONCURRENT_DOWNLOADS);
        downloads.push(done);
        yield* done.events;
        if (done.error !== undefined) throw done.error;
      }
      const { bytes, size } = downloads[index]!;
      const registered = yield* extract(pull, layer, bytes!, size, parent);
      if (registered.added) added.push(registered.chainId);
      diffIds.push(registered.diffId);
      parent = registered.chainId;
      yield layerEvent(layer, 'pull-complete');
    }

    const expected = imageConfig.rootfs.diff_ids;
    if (expected.length !== diffIds.length || expected.some((d, i) => d !== diffIds[i]))
      throw new RootFsMismatchError();
    const image = await store.addImage(configBytes);
    completed = true;
    for (const [i, layer] of layers.entries())
      store.recordBlobSource(diffIds[i]!, { digest: layer.digest, ...pull.source });
    return image;
  } finally {
    if (!completed && added.length > 0) await store.releaseLayers([...added].reverse());
  }
}
