// The official images catalogue: Docker Hub's `library/` repositories, generated deterministically
// inside the engine, with no network. Seeded into the simulated public hub, it is what students
// pull, inspect and run: real OCI indexes, manifests and configs, real tar.gz layers with real
// sha256 digests, each image about 1/1000 of the real one's size, with shared base layers shared
// for real. A few community images (`acme/…`, built FROM official ones) come with it, as on the
// real hub. Generation takes a moment and is done once per module (memoised).
//
//   repositories  'library/alpine' → 'latest' → index digest
//   blobs         digest → { mediaType, bytes }   every index, manifest, config and layer
import type { Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import { BlobCollector } from './assemble';
import { hubImages } from './catalogue';
import { platforms } from './platforms';

export { programOf, libraryOf, elfMachineOf, PROGRAM_MARKER } from './elf';
export { communityImages, hubImages, officialImages, type OfficialImage } from './catalogue';
export { platforms, type TargetPlatform } from './platforms';

export interface Catalogue {
  /** Every index, manifest, config and layer blob, by digest. */
  blobs: ReadonlyMap<Digest, { mediaType: string; bytes: Bytes }>;
  /** Repository (`library/alpine`) → tag → digest of the tag's image index. */
  repositories: ReadonlyMap<string, ReadonlyMap<string, Digest>>;
}

/** Thrown when two catalogue entries claim the same repository and tag: a bug in the catalogue. */
export class DuplicateTagError extends Error {
  override name = 'DuplicateTagError';
}

/** Build the catalogue from scratch (tests use this to check determinism). */
export async function buildOfficialCatalogue(): Promise<Catalogue> {
  const collector = new BlobCollector();
  const repositories = new Map<string, Map<string, Digest>>();
  for (const entry of hubImages) {
    const manifests = [];
    for (const p of platforms) manifests.push(await collector.image(entry.image(p), p));
    const digest = await collector.index(manifests);
    const tags = repositories.get(entry.repository) ?? new Map<string, Digest>();
    for (const tag of entry.tags) {
      if (tags.has(tag)) throw new DuplicateTagError(`duplicate tag ${entry.repository}:${tag}`);
      tags.set(tag, digest);
    }
    repositories.set(entry.repository, tags);
  }
  return { blobs: collector.blobs, repositories };
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
