import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { DigestMismatchError, sha256Of, type Digest } from '../digest';
import { generateOfficialCatalogue, outlineOfficialCatalogue, type DeferredBlob } from '../image/official';
import { MediaType } from '../image/media-types';
import { MemoryBlobStore } from '../store/memory-blob-store';
import { DeferredBlobStore } from './deferred-blobs';
import { seedOfficialImages } from './seed';
import { RegistryState } from './state';

/** A deferred blob whose build is counted and returns `bytes`. */
function counted(bytes: Uint8Array): DeferredBlob & { builds: number } {
  const blob = {
    mediaType: MediaType.ociLayerGzip,
    size: bytes.length,
    builds: 0,
    materialise: () => {
      blob.builds++;
      return Promise.resolve(Uint8Array.from(bytes));
    },
  };
  return blob;
}

describe('a blob store with deferred blobs', () => {
  it('answers get and stat for a deferred blob, builds it once, and lists it only once built', async () => {
    const bytes = utf8('a layer, built late');
    const digest = await sha256Of(bytes);
    const blob = counted(bytes);
    const store = new DeferredBlobStore(async () => new Map([[digest, blob]]));
    expect(await store.list()).toEqual([]);
    expect(await store.stat(digest)).toEqual({ digest, size: bytes.length });
    expect(blob.builds).toBe(0);
    expect(await store.get(digest)).toEqual(bytes);
    expect(await store.get(digest)).toEqual(bytes);
    expect(blob.builds).toBe(1);
    expect(await store.list()).toEqual([digest]);
  });

  it('asks its source only when a blob is missing', async () => {
    let asked = 0;
    const store = new DeferredBlobStore(async () => {
      asked++;
      return undefined;
    });
    const stored = await store.put(utf8('stored'));
    expect(await store.get(stored)).toEqual(utf8('stored'));
    expect(asked).toBe(0);
    const unknown = `sha256:${'0'.repeat(64)}` as Digest;
    expect([await store.get(unknown), await store.stat(unknown)]).toEqual([undefined, undefined]);
    expect(asked).toBe(2);
  });

  it('refuses a built blob that does not hash to its name, and stores nothing', async () => {
    const digest = await sha256Of(utf8('what the manifest promised'));
    const store = new DeferredBlobStore(async () => new Map([[digest, counted(utf8('something else'))]]));
    await expect(store.get(digest)).rejects.toThrow(DigestMismatchError);
    expect(await store.list()).toEqual([]);
  });
});

describe('the hub seeded from the outline', () => {
  it('links every layer without building one; a read builds the bytes of the full catalogue', async () => {
    const outline = await outlineOfficialCatalogue();
    const store = new DeferredBlobStore(async () => outline.deferred);
    const state = new RegistryState(store);
    await seedOfficialImages(state, outline);
    const stored = new Set(await store.list());
    expect([...outline.deferred!.keys()].filter((d) => stored.has(d))).toEqual([]);
    expect(stored).toEqual(new Set(outline.blobs.keys()));

    const full = await generateOfficialCatalogue();
    const layer = [...state.repository('library/busybox')!.blobs].find((d) => outline.deferred!.has(d))!;
    expect(await store.get(layer)).toEqual(full.blobs.get(layer)!.bytes);
    expect(await store.list()).toContain(layer);
  }, 120_000);

  it('builds the layers at once into a store that cannot defer them', async () => {
    const outline = await outlineOfficialCatalogue();
    const hello = outline.repositories.get('library/hello-world')!;
    const store = new MemoryBlobStore();
    const state = new RegistryState(store);
    await seedOfficialImages(state, { ...outline, repositories: new Map([['library/hello-world', hello]]) });
    const linked = [...state.repository('library/hello-world')!.blobs];
    expect(linked.some((d) => outline.deferred!.has(d))).toBe(true);
    for (const digest of linked) expect(await store.stat(digest)).toBeDefined();
  });
});
