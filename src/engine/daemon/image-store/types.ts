// What the classic image store holds, as plain data (see image-store.ts for the model).
import type { Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import type { ImageConfig } from '../../image/types';

/** A layer as the layer store registers it: one diff on top of a parent chain. */
export interface LayerRecord {
  /** The name of this layer *and everything below it* (image-spec ChainID). */
  chainId: Digest;
  /** sha256 of the uncompressed tar of this one layer. */
  diffId: Digest;
  /** Chain ID of the layer below; absent for a base layer. */
  parent?: Digest;
  /** Bytes the unpacked diff takes, counted as overlay2 counts them (image/size.ts). */
  size: number;
}

/** An image: its config (whose sha256 is the ID), the layers it stacks, and the names it has. */
export interface ImageRecord {
  id: Digest;
  configBytes: Bytes;
  config: ImageConfig;
  /** Base first, one per `rootfs.diff_ids` entry. */
  layers: LayerRecord[];
  /** Full tagged references, sorted: `docker.io/library/alpine:latest`. */
  repoTags: string[];
  /** Full digest references, sorted: `docker.io/library/alpine@sha256:…`. */
  repoDigests: string[];
  /** Sum of the layers' sizes. */
  size: number;
  /** When it entered this store (ms since the epoch). */
  loadedAt: number;
  /** The image it was built on (legacy builder and `docker commit`); absent for pulled images. */
  parent?: Digest;
  /** When `docker tag` last named it (ms); absent if never (pull and load do not count). */
  lastTagTime?: number;
}

/** Where a layer's compressed blob came from: moby's "v2 metadata", for `Already exists` and mounts. */
export interface BlobSource {
  digest: Digest;
  registry: string;
  repository: string;
}

/** The store as plain data, for persistence; blobs (configs, layer tars) stay in the blob store. */
export interface ImageStoreData {
  version: 1;
  layers: LayerRecord[];
  images: { id: Digest; loadedAt: number; parent?: Digest; lastTagTime?: number }[];
  /** Full reference → image ID, tags and digests alike. */
  references: { ref: string; id: Digest }[];
  blobSources: ({ diffId: Digest } & BlobSource)[];
}
