// Filling the public hub: every image of the engine's catalogue — the official ones under
// `library/`, and the few community ones such as `acme/website` — is put into the registry's blob
// store and linked into its repository — the index, the manifest
// of each platform, each config and layer — with every tag the catalogue gives it. Blobs shared by
// several repositories (alpine's base layer under nginx:alpine and node:alpine) are stored once.
// Seeded from the catalogue's outline into a DeferredBlobStore that knows its deferred layers, a
// layer is linked without being built (the store builds it when first read); into any other store
// it is built and stored at once.
import type { Digest } from '../digest';
import type { Catalogue } from '../image/official';
import { parseManifestOrIndex } from '../image/parse-any';
import { DeferredBlobStore } from './deferred-blobs';
import type { RegistryState } from './state';

/** Store the blob `digest` of the catalogue in `state`, unless the store can build it when asked. */
async function storeBlob(state: RegistryState, catalogue: Catalogue, digest: Digest): Promise<void> {
  const content = catalogue.blobs.get(digest);
  if (content) {
    await state.blobs.put(content.bytes, digest);
    return;
  }
  const deferred = catalogue.deferred?.get(digest);
  if (!deferred) throw new Error(`catalogue lacks ${digest}`);
  if (state.blobs instanceof DeferredBlobStore && (await state.blobs.deferred(digest)) === deferred) return;
  await state.blobs.put(await deferred.materialise(), digest);
}

async function linkManifest(
  state: RegistryState,
  catalogue: Catalogue,
  repository: string,
  digest: Digest,
): Promise<void> {
  const repo = state.ensureRepository(repository);
  if (repo.manifests.has(digest)) return;
  const blob = catalogue.blobs.get(digest);
  if (!blob) throw new Error(`catalogue lacks ${digest}`);
  const parsed = parseManifestOrIndex(blob.bytes, blob.mediaType);
  const children = parsed.kind === 'index' ? parsed.index.manifests : [];
  for (const child of children) await linkManifest(state, catalogue, repository, child.digest);
  if (parsed.kind === 'manifest') {
    for (const d of [parsed.manifest.config, ...parsed.manifest.layers]) {
      await storeBlob(state, catalogue, d.digest);
      repo.blobs.add(d.digest);
    }
  }
  await state.blobs.put(blob.bytes, digest);
  repo.manifests.set(digest, { mediaType: blob.mediaType, size: blob.bytes.length });
}

/** Put the catalogue's images (official under `library/`, and community) in `state`. Idempotent. */
export async function seedOfficialImages(state: RegistryState, catalogue: Catalogue): Promise<void> {
  for (const [repository, tags] of catalogue.repositories) {
    for (const [tag, digest] of tags) {
      await linkManifest(state, catalogue, repository, digest);
      state.ensureRepository(repository).tags.set(tag, digest);
    }
  }
}
