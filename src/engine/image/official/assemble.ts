// Assembling an official image the way a registry holds it: layers → config → manifest → index.
//
// Each platform's image is a list of history steps (the Dockerfile as BuildKit recorded it); steps
// that changed the filesystem carry a layer, the others are `empty_layer: true`. From the layers we
// get `rootfs.diff_ids` (digests of the uncompressed tars) and the manifest's layer descriptors
// (digests of the gzip blobs); the config is stored as a blob and named by its digest (the image
// ID); the manifest points at config and layers; the index points at one manifest per platform.
// Layers are memoised by key and platform, so images that share a base share the identical blob.
// A collector needs only a layer's facts (digest, DiffID, size) to write configs and manifests; the
// default one builds every layer, while the outline (outline.ts) takes the facts from a table and
// leaves the bytes to be built when first asked for.
import { utf8, type Bytes } from '../../bytes';
import { sha256Of, type Digest } from '../../digest';
import type { FsEntry } from '../../layer/entry';
import { buildLayer, type Layer } from '../../layer/layer';
import { MediaType } from '../media-types';
import type { ContainerConfig, Descriptor, HistoryEntry } from '../types';
import type { TargetPlatform } from './platforms';

/** The files of one layer, for one platform. `key` names the content (shared bases share a key). */
export interface LayerRecipe {
  key: string;
  entries: (p: TargetPlatform) => FsEntry[];
}

export interface Step {
  created: string;
  /** The history line; a function when it quotes the layer's own diff ID (legacy `ADD file:…`). */
  createdBy: string | ((diffId: Digest) => string);
  comment?: string;
  layer?: LayerRecipe;
}

/** One platform's image before it is written: what `docker history` and `docker inspect` show. */
export interface ImageDefinition {
  created: string;
  steps: readonly Step[];
  config: ContainerConfig;
  /** Manifest annotations (`org.opencontainers.image.version`, …). */
  annotations: Record<string, string>;
}

/** What configs and manifests say about a layer: its two digests and the compressed size. */
export type LayerFacts = Pick<Layer, 'digest' | 'diffId' | 'size'>;

export interface StoredBlob {
  mediaType: string;
  bytes: Bytes;
}

// Field order of the OCI ImageConfig structure, as BuildKit and Docker write it.
const containerConfigOrder: readonly (keyof ContainerConfig)[] = [
  'User',
  'ExposedPorts',
  'Env',
  'Entrypoint',
  'Cmd',
  'Volumes',
  'WorkingDir',
  'Labels',
  'StopSignal',
  'ArgsEscaped',
  'Shell',
  'Healthcheck',
  'OnBuild',
];

function ordered<T extends object>(value: T, order: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of order) if (value[k] !== undefined) out[k] = value[k];
  return out;
}

function sortedRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Collects every blob of the catalogue, writing each layer once however many images share it. */
export class BlobCollector {
  readonly blobs = new Map<Digest, StoredBlob>();
  private readonly layers = new Map<string, Promise<LayerFacts>>();

  private async put(mediaType: string, bytes: Bytes): Promise<Descriptor> {
    const digest = await sha256Of(bytes);
    if (!this.blobs.has(digest)) this.blobs.set(digest, { mediaType, bytes });
    return { mediaType, digest, size: bytes.length };
  }

  private putJson(mediaType: string, value: unknown): Promise<Descriptor> {
    return this.put(mediaType, utf8(JSON.stringify(value)));
  }

  /** The layer `recipe` describes for platform `p`, made once (keyed `recipe.key@arch`). */
  layer(recipe: LayerRecipe, p: TargetPlatform): Promise<LayerFacts> {
    const key = `${recipe.key}@${p.arch}`;
    let pending = this.layers.get(key);
    if (!pending) {
      pending = this.makeLayer(recipe, p, key);
      this.layers.set(key, pending);
    }
    return pending;
  }

  /** Every layer made so far, by key (`debian-bookworm@amd64`), in the order first asked for. */
  async layerFacts(): Promise<Map<string, LayerFacts>> {
    const out = new Map<string, LayerFacts>();
    for (const [key, pending] of this.layers) {
      const { digest, diffId, size } = await pending;
      out.set(key, { digest, diffId, size });
    }
    return out;
  }

  /** Build the layer and keep its blob (overridden by collectors that defer the bytes). */
  protected async makeLayer(recipe: LayerRecipe, p: TargetPlatform, _key: string): Promise<LayerFacts> {
    const layer = await buildLayer(recipe.entries(p));
    if (!this.blobs.has(layer.digest))
      this.blobs.set(layer.digest, { mediaType: MediaType.ociLayerGzip, bytes: layer.blob });
    return layer;
  }

  /** Write one platform's config and manifest; returns the manifest's index entry. */
  async image(def: ImageDefinition, p: TargetPlatform): Promise<Descriptor> {
    const layers: LayerFacts[] = [];
    const history: HistoryEntry[] = [];
    for (const step of def.steps) {
      const layer = step.layer ? await this.layer(step.layer, p) : undefined;
      if (layer) layers.push(layer);
      const createdBy = typeof step.createdBy === 'function' ? step.createdBy(layer!.diffId) : step.createdBy;
      const entry: HistoryEntry = { created: step.created, created_by: createdBy };
      if (step.comment !== undefined) entry.comment = step.comment;
      if (!layer) entry.empty_layer = true;
      history.push(entry);
    }
    // Top-level keys in alphabetical order, as BuildKit writes image configs.
    const config = {
      architecture: p.platform.architecture,
      config: ordered(def.config, containerConfigOrder),
      created: def.created,
      history,
      os: p.platform.os,
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      ...(p.platform.variant ? { variant: p.platform.variant } : {}),
    };
    const configDescriptor = await this.putJson(MediaType.ociConfig, config);
    const annotations = sortedRecord(def.annotations);
    const manifest = {
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: configDescriptor,
      layers: layers.map((l) => ({ mediaType: MediaType.ociLayerGzip, digest: l.digest, size: l.size })),
      annotations,
    };
    const m = await this.putJson(MediaType.ociManifest, manifest);
    return { ...m, annotations, platform: p.platform };
  }

  /** Write an image index over per-platform manifests; returns its digest (the tag's target). */
  async index(manifests: readonly Descriptor[]): Promise<Digest> {
    const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
    return (await this.putJson(MediaType.ociIndex, index)).digest;
  }
}
