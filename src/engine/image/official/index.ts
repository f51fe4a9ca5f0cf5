// The official images catalogue: Docker Hub's `library/` repositories, generated deterministically
// inside the engine, with no network. Seeded into the simulated public hub, it is what students
// pull, inspect and run: real OCI indexes, manifests and configs, real tar.gz layers with real
// sha256 digests, each image about 1/1000 of the real one's size, with shared base layers shared
// for real. A few community images (`acme/…`, built FROM official ones) come with it, as on the
// real hub. Generation takes a moment and is done once per module (memoised). Worlds start from the
// catalogue's outline instead (outline.ts): the same indexes, manifests and configs, with each
// layer's bytes built only when a registry is first asked for them.
//
//   repositories  'library/alpine' → 'latest' → index digest
//   blobs         digest → { mediaType, bytes }   every index, manifest, config and layer
import type { Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import { BlobCollector } from './assemble';
import { collectHub } from './collect-hub';
import type { DeferredBlob } from './outline';

export { programOf, libraryOf, elfMachineOf, PROGRAM_MARKER } from './elf';
export { communityImages, hubImages, officialImages, type OfficialImage } from './catalogue';
export { platforms, type TargetPlatform } from './platforms';
export { DuplicateTagError } from './collect-hub';
export { outlineOfficialCatalogue, StaleLayerTableError, type DeferredBlob } from './outline';

export interface Catalogue {
  /** Every index, manifest, config and layer blob, by digest. */
  blobs: ReadonlyMap<Digest, { mediaType: string; bytes: Bytes }>;
  /** Repository (`library/alpine`) → tag → digest of the tag's image index. */
  repositories: ReadonlyMap<string, ReadonlyMap<string, Digest>>;
  /** Blobs named but not built yet (an outline's layers): build one with `materialise`. */
  deferred?: ReadonlyMap<Digest, DeferredBlob>;
}

/** Build the catalogue from scratch (tests use this to check determinism). */
export async function buildOfficialCatalogue(): Promise<Catalogue> {
  const collector = new BlobCollector();
  return { blobs: collector.blobs, repositories: await collectHub(collector) };
}

let memo: Promise<Catalogue> | undefined;

/** The catalogue, generated on first use and shared afterwards. Deterministic. */
export function generateOfficialCatalogue(): Promise<Catalogue> {
  memo ??= buildOfficialCatalogue().catch((error: unknown) => {
    memo = undefined;
    throw error;
  });
  return memo;
}
