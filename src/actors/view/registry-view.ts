// A registry as the stage draws it: its repositories (distribution's per-repository links), each
// tag with the manifest it points at, how many layers that image has and how many compressed bytes
// they are. An official image's tag points at an index (one manifest per platform): its platforms
// are listed and the first platform's manifest counted. Manifests are read from the registry's blob
// store, not requested over the network, so looking adds nothing to the trace. A manifest never
// changes under its digest, so what was read once is remembered (bounded) across views and worlds.
import type { WorldRegistry } from '../world/registries';
import { parseManifestOrIndex } from '../../engine/image/parse-any';
import type { Digest } from '../../engine/digest';
import type { RepositoryView, TagView } from './types';

type ManifestFacts = Omit<TagView, 'tag' | 'digest'>;

const remembered = new Map<string, ManifestFacts>();
const REMEMBERED_MAX = 2_000;

function remember(digest: string, facts: ManifestFacts): ManifestFacts {
  if (remembered.size >= REMEMBERED_MAX) remembered.delete(remembered.keys().next().value as string);
  remembered.set(digest, facts);
  return facts;
}

async function factsOf(registry: WorldRegistry, digest: Digest, mediaType: string): Promise<ManifestFacts> {
  const known = remembered.get(digest);
  if (known) return known;
  const unknown: ManifestFacts = { mediaType, layers: 0, size: 0, platforms: [] };
  const bytes = await registry.blobs.get(digest);
  if (!bytes) return unknown;
  try {
    const parsed = parseManifestOrIndex(bytes, mediaType);
    if (parsed.kind === 'manifest') {
      const { config, layers } = parsed.manifest;
      const size = config.size + layers.reduce((sum, l) => sum + l.size, 0);
      return remember(digest, { mediaType, layers: layers.length, size, platforms: [] });
    }
    const entries = parsed.index.manifests;
    const platforms = entries.flatMap((m) =>
      m.platform
        ? [`${m.platform.os}/${m.platform.architecture}${m.platform.variant ? `/${m.platform.variant}` : ''}`]
        : [],
    );
    const first = entries[0];
    const inner = first ? await factsOf(registry, first.digest, first.mediaType) : unknown;
    return remember(digest, { mediaType, layers: inner.layers, size: inner.size, platforms });
  } catch {
    return unknown;
  }
}

/** Every repository of the registry, sorted by name, tags sorted. */
export async function repositoriesOf(registry: WorldRegistry): Promise<RepositoryView[]> {
  const out: RepositoryView[] = [];
  for (const name of [...registry.state.repositories.keys()].sort()) {
    const repo = registry.state.repositories.get(name)!;
    const tags: TagView[] = [];
    for (const tag of [...repo.tags.keys()].sort()) {
      const digest = repo.tags.get(tag)!;
      const mediaType = repo.manifests.get(digest)?.mediaType ?? '';
      tags.push({ tag, digest, ...(await factsOf(registry, digest, mediaType)) });
    }
    out.push({ name, tags, blobs: repo.blobs.size, manifests: repo.manifests.size });
  }
  return out;
}
