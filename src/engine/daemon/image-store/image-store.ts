// The classic image store of a Docker daemon (the graphdriver back-end, overlay2):
//
//   image store      image ID (= sha256 of the config) → config, parent
//   layer store      chain ID → diff (an uncompressed tar, kept in the blob store under its DiffID)
//   reference store  `docker.io/library/alpine:latest`, `…alpine@sha256:<manifest>` → image ID
//   v2 metadata      DiffID → the compressed blobs it was pulled from or pushed as, per repository
//
// An image is accepted only when every layer its config's `rootfs.diff_ids` names is already in
// the layer store (a pull registers layers first, then the image); adding the same config twice
// is a no-op. Removing an image drops its names and frees every layer that no other image uses.
// Everything but the blobs is plain data (`toData`), so the store survives a page reload over an
// IndexedDB blob store.
import type { Bytes } from '../../bytes';
import { asBytes } from '../../bytes';
import type { Digest } from '../../digest';
import { parseConfig } from '../../image/config';
import { chainIds, imageId } from '../../image/identity';
import type { ImageConfig } from '../../image/types';
import type { Snapshot } from '../../layer/snapshot';
import { fullString, parseReference, type ImageReference } from '../../reference';
import type { FullBlobStore } from '../../store/blob-store';
import { checkStoreData } from './data';
import { ImageRejectedError, ImageStoreCorruptError, LayerNotFoundError } from './errors';
import { LayerStore } from './layers';
import { lookupImage } from './lookup';
import { ReferenceStore } from './references';
import { SnapshotCache } from './snapshots';
import type { BlobSource, ImageRecord, ImageStoreData, LayerRecord } from './types';

/** What the store keeps per image besides its names. */
export interface StoredImage {
  id: Digest;
  configBytes: Bytes;
  config: ImageConfig;
  /** Chain IDs, base first. */
  chain: Digest[];
  loadedAt: number;
  parent?: Digest;
  lastTagTime?: number;
}

export interface ImageStoreOptions {
  /** Milliseconds since the epoch, for `loadedAt`. */
  now?: () => number;
}

export class ImageStore {
  private readonly images = new Map<Digest, StoredImage>();
  private readonly layers: LayerStore;
  private readonly references = new ReferenceStore();
  private readonly sources = new Map<Digest, BlobSource[]>();
  private readonly snapshots = new SnapshotCache();
  private readonly now: () => number;

  private constructor(
    readonly blobs: FullBlobStore,
    options: ImageStoreOptions,
  ) {
    this.layers = new LayerStore(blobs);
    this.now = options.now ?? (() => Date.now());
  }

  /** A store over `blobs`, restored from `data` when given (throws ImageStoreCorruptError if inconsistent). */
  static async open(blobs: FullBlobStore, data?: ImageStoreData, options: ImageStoreOptions = {}): Promise<ImageStore> {
    const store = new ImageStore(blobs, options);
    if (data !== undefined) await store.restore(checkStoreData(data));
    return store;
  }

  private async restore(data: ImageStoreData): Promise<void> {
    for (const layer of data.layers) this.layers.restore(layer);
    for (const layer of data.layers) {
      if (layer.parent !== undefined && !this.layers.has(layer.parent)) corrupt(`layer ${layer.chainId} has no parent`);
      if (!(await this.blobs.stat(layer.diffId))) corrupt(`the tar of layer ${layer.chainId} is missing`);
    }
    for (const saved of data.images) {
      const configBytes = await this.blobs.get(saved.id);
      if (!configBytes) corrupt(`the config of image ${saved.id} is missing`);
      const config = parseConfig(configBytes);
      const chain = await chainIds(config.rootfs.diff_ids);
      const top = chain.at(-1);
      if (top !== undefined && !this.layers.has(top)) corrupt(`image ${saved.id} lacks layer ${top}`);
      this.images.set(saved.id, { ...saved, configBytes, config, chain });
    }
    for (const { ref, id } of data.references) {
      if (!this.images.has(id)) corrupt(`reference ${ref} points at a missing image`);
      const parsed = parseReference(ref);
      if (parsed.digest === undefined) this.references.addTag(parsed, id);
      else this.references.addDigest(parsed, id);
    }
    for (const { diffId, ...source } of data.blobSources) this.recordBlobSource(diffId, source);
  }

  toData(): ImageStoreData {
    return {
      version: 1,
      layers: this.layers.all().map((l) => ({ ...l })),
      images: [...this.images.values()].map(({ id, loadedAt, parent, lastTagTime }) => ({
        id,
        loadedAt,
        ...(parent === undefined ? {} : { parent }),
        ...(lastTagTime === undefined ? {} : { lastTagTime }),
      })),
      references: this.references.entries(),
      blobSources: [...this.sources.entries()].flatMap(([diffId, list]) => list.map((s) => ({ diffId, ...s }))),
    };
  }

  hasLayer(chainId: Digest): boolean {
    return this.layers.has(chainId);
  }

  layer(chainId: Digest): LayerRecord | undefined {
    return this.layers.get(chainId);
  }

  /** Register an uncompressed layer tar on `parent` (a chain ID); computes the DiffID, stores the tar. */
  addLayer(parent: Digest | undefined, tar: Uint8Array): Promise<LayerRecord> {
    return this.layers.register(parent, tar);
  }

  /** The uncompressed tar of the top layer of a chain. */
  layerTar(chainId: Digest): Promise<Bytes> {
    return this.layers.tar(chainId);
  }

  /**
   * Add an image by its config. Every layer of `rootfs.diff_ids` must be registered (else
   * `failed to get layer …: layer does not exist`); history may not claim more layers than there
   * are. Idempotent: the same config bytes give the same image.
   */
  async addImage(configBytes: Uint8Array, options: { parent?: Digest } = {}): Promise<ImageRecord> {
    const bytes = asBytes(configBytes).slice();
    const config = parseConfig(bytes);
    const id = await imageId(bytes);
    if (this.images.has(id)) return this.get(id)!;
    const nonEmpty = (config.history ?? []).filter((h) => !h.empty_layer).length;
    if (nonEmpty > config.rootfs.diff_ids.length) {
      throw new ImageRejectedError('too many non-empty layers in History section');
    }
    const chain = await chainIds(config.rootfs.diff_ids);
    const top = chain.at(-1);
    if (top !== undefined && !this.layers.has(top)) {
      throw new ImageRejectedError(`failed to get layer ${top}: layer does not exist`);
    }
    if (options.parent !== undefined && !this.images.has(options.parent)) {
      throw new ImageRejectedError(`failed to get parent image ${options.parent}: image does not exist`);
    }
    await this.blobs.put(bytes, id);
    if (!this.images.has(id)) {
      const stored: StoredImage = { id, configBytes: bytes, config, chain, loadedAt: this.now() };
      if (options.parent !== undefined) stored.parent = options.parent;
      this.images.set(id, stored);
    }
    return this.get(id)!;
  }

  get(id: Digest): ImageRecord | undefined {
    const image = this.images.get(id);
    return image && this.record(image);
  }

  list(): ImageRecord[] {
    return [...this.images.values()].map((image) => this.record(image));
  }

  /** Docker's lookup (lookup.ts); undefined when nothing matches, InvalidReferenceError for bad text. */
  resolve(nameOrId: string): ImageRecord | undefined {
    const id = lookupImage(nameOrId, this.references, this.images.keys());
    return id === undefined ? undefined : this.get(id);
  }

  /** Point a tag (`docker.io/library/alpine:latest`; a bare name means `:latest`) at an image. */
  tag(id: Digest, ref: string | ImageReference): void {
    this.mustHave(id);
    this.references.addTag(typeof ref === 'string' ? parseReference(ref) : ref, id);
  }

  /** Remove a name — tag or digest reference; true when it existed. */
  untag(ref: string | ImageReference): boolean {
    return this.references.delete(typeof ref === 'string' ? parseReference(ref) : ref);
  }

  /** Record the manifest digest an image is known by in a repository (`…alpine@sha256:…`). */
  addRepoDigest(id: Digest, ref: string | ImageReference): void {
    this.mustHave(id);
    this.references.addDigest(typeof ref === 'string' ? parseReference(ref) : ref, id);
  }

  /** `docker tag` stamps the image (inspect → Metadata.LastTagTime); pull and load do not. */
  setLastTagTime(id: Digest, ms: number): void {
    this.mustHave(id).lastTagTime = ms;
  }

  /** The images built on `id` (legacy builder/commit parents). */
  children(id: Digest): Digest[] {
    return [...this.images.values()].filter((image) => image.parent === id).map((image) => image.id);
  }

  /**
   * Remove an image, every name pointing at it, and every layer of its chain that nothing else
   * uses. Returns the chain IDs freed, top first (`docker rmi` prints them as `Deleted:`).
   */
  async remove(id: Digest): Promise<Digest[]> {
    const image = this.mustHave(id);
    for (const ref of this.references.referencesOf(id)) this.references.delete(ref);
    this.images.delete(id);
    await this.blobs.delete(id);
    const freed = await this.layers.release([...image.chain].reverse(), this.layersInUse());
    this.snapshots.drop(freed);
    return freed;
  }

  /** Free layers registered for an image that never arrived (a failed pull or load). */
  async releaseLayers(chainIdsTopFirst: readonly Digest[]): Promise<Digest[]> {
    const freed = await this.layers.release(chainIdsTopFirst, this.layersInUse());
    this.snapshots.drop(freed);
    return freed;
  }

  recordBlobSource(diffId: Digest, source: BlobSource): void {
    const list = this.sources.get(diffId) ?? [];
    const same = (s: BlobSource) =>
      s.digest === source.digest && s.registry === source.registry && s.repository === source.repository;
    if (!list.some(same)) list.push({ ...source });
    this.sources.set(diffId, list);
  }

  blobSources(diffId: Digest): BlobSource[] {
    return (this.sources.get(diffId) ?? []).map((s) => ({ ...s }));
  }

  /** The merged root filesystem of an image. */
  snapshot(id: Digest): Promise<Snapshot> {
    const image = this.mustHave(id);
    return this.snapshots.of(
      image.chain.map((c) => this.layers.get(c)!),
      (chainId) => this.layers.entries(chainId),
    );
  }

  private mustHave(id: Digest): StoredImage {
    const image = this.images.get(id);
    if (!image) throw new ImageRejectedError(`image ${id} does not exist`);
    return image;
  }

  private layersInUse(): Set<Digest> {
    return new Set([...this.images.values()].flatMap((image) => image.chain));
  }

  private record(image: StoredImage): ImageRecord {
    const layers = image.chain.map((chainId) => {
      const layer = this.layers.get(chainId);
      if (!layer) throw new LayerNotFoundError(chainId);
      return { ...layer };
    });
    const refs = this.references.referencesOf(image.id);
    const record: ImageRecord = {
      id: image.id,
      configBytes: image.configBytes,
      config: image.config,
      layers,
      repoTags: refs.filter((r) => r.digest === undefined).map(fullString),
      repoDigests: refs.filter((r) => r.digest !== undefined).map(fullString),
      size: layers.reduce((sum, l) => sum + l.size, 0),
      loadedAt: image.loadedAt,
    };
    if (image.parent !== undefined) record.parent = image.parent;
    if (image.lastTagTime !== undefined) record.lastTagTime = image.lastTagTime;
    return record;
  }
}

function corrupt(message: string): never {
  throw new ImageStoreCorruptError(`image store data is inconsistent: ${message}`);
}
