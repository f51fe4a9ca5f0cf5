// Writing the hub's images into a collector: for each catalogue entry, one image per platform and
// the index over them, with every tag the entry gives it. The full catalogue (index.ts) and the
// outline (outline.ts) run the same walk, so they name every blob the same way.
import type { Digest } from '../../digest';
import type { BlobCollector } from './assemble';
import { hubImages } from './catalogue';
import { platforms } from './platforms';

/** Thrown when two catalogue entries claim the same repository and tag: a bug in the catalogue. */
export class DuplicateTagError extends Error {
  override name = 'DuplicateTagError';
}

/** Write every hub image (both platforms and its index) into `collector`; returns the tags. */
export async function collectHub(collector: BlobCollector): Promise<Map<string, Map<string, Digest>>> {
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
  return repositories;
}
