// Reading the catalogue back the way a client pulling from the hub does: tag → index digest →
// the manifest for a platform → its config and layers. Used by the tests, and handy for anyone
// seeding a registry or a daemon from the catalogue.
import { fromUtf8, type Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import type { Descriptor, ImageConfig, ImageIndex, ImageManifest } from '../types';
import type { Catalogue } from './index';

/** Thrown when a repository, tag, platform or blob is not in the catalogue. */
export class CatalogueLookupError extends Error {
  override name = 'CatalogueLookupError';
}

export interface ResolvedImage {
  indexDigest: Digest;
  index: ImageIndex;
  manifestDescriptor: Descriptor;
  manifest: ImageManifest;
  config: ImageConfig;
  /** Layer blobs (tar.gz), base first. */
  layers: Bytes[];
}

export function blobOf(catalogue: Catalogue, digest: Digest): Bytes {
  const blob = catalogue.blobs.get(digest);
  if (!blob) throw new CatalogueLookupError(`blob unknown to registry: ${digest}`);
  return blob.bytes;
}

export function jsonOf<T>(catalogue: Catalogue, digest: Digest): T {
  return JSON.parse(fromUtf8(blobOf(catalogue, digest))) as T;
}

/** Resolve `repository:tag` for an architecture (`amd64`, `arm64`) as a puller would. */
export function resolveImage(
  catalogue: Catalogue,
  repository: string,
  tag: string,
  architecture: string,
): ResolvedImage {
  const indexDigest = catalogue.repositories.get(repository)?.get(tag);
  if (!indexDigest) throw new CatalogueLookupError(`manifest for ${repository}:${tag} not found: manifest unknown`);
  const index = jsonOf<ImageIndex>(catalogue, indexDigest);
  const manifestDescriptor = index.manifests.find(
    (m) => m.platform?.architecture === architecture && m.platform.os === 'linux',
  );
  if (!manifestDescriptor)
    throw new CatalogueLookupError(`no matching manifest for linux/${architecture} in the manifest list entries`);
  const manifest = jsonOf<ImageManifest>(catalogue, manifestDescriptor.digest);
  const config = jsonOf<ImageConfig>(catalogue, manifest.config.digest);
  return {
    indexDigest,
    index,
    manifestDescriptor,
    manifest,
    config,
    layers: manifest.layers.map((l) => blobOf(catalogue, l.digest)),
  };
}
