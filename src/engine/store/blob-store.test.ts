// The capability guards: a backend that only implements `get` is still a BlobStore, and the
// helpers fall back to what it has.
import { describe, expect, it } from 'vitest';
import { utf8, type Bytes } from '../bytes';
import { sha256Of, type Digest } from '../digest';
import { canDelete, canList, canPut, canStat, hasBlob, listAll, type BlobStore, type ListCapable } from './blob-store';
import { MemoryBlobStore } from './memory-blob-store';

const hello = utf8('hello');

/** The least a backend can be: a read-only map. */
class ReadOnlyStore implements BlobStore {
  constructor(private readonly blobs: Map<Digest, Bytes>) {}
  async get(digest: Digest): Promise<Bytes | undefined> {
    return this.blobs.get(digest);
  }
}

/** A store whose list is a stream, as a large backend's might be. */
class StreamingStore extends ReadOnlyStore implements ListCapable {
  constructor(private readonly digests: Digest[]) {
    super(new Map());
  }
  async *list(): AsyncIterable<Digest> {
    yield* this.digests;
  }
}

describe('capability guards', () => {
  it('find nothing optional on a get-only store', () => {
    const store = new ReadOnlyStore(new Map());
    expect([canStat(store), canPut(store), canDelete(store), canList(store)]).toEqual([false, false, false, false]);
  });

  it('find everything on the memory store', () => {
    const store = new MemoryBlobStore();
    expect([canStat(store), canPut(store), canDelete(store), canList(store)]).toEqual([true, true, true, true]);
  });
});

describe('hasBlob', () => {
  it('falls back to get when the store cannot stat', async () => {
    const digest = await sha256Of(hello);
    const store = new ReadOnlyStore(new Map([[digest, hello]]));
    expect(await hasBlob(store, digest)).toBe(true);
    expect(await hasBlob(store, ('sha256:' + '0'.repeat(64)) as Digest)).toBe(false);
  });
});

describe('listAll', () => {
  it('collects a streamed list', async () => {
    const digests = [await sha256Of('a'), await sha256Of('b')];
    expect(await listAll(new StreamingStore(digests))).toEqual(digests);
  });

  it('returns an array list as it is', async () => {
    const store = new MemoryBlobStore();
    const digest = await store.put(hello);
    expect(await listAll(store)).toEqual([digest]);
  });
});
