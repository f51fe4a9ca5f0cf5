// The IndexedDB store in Node, over fake-indexeddb. `auto` installs the IDB classes idb checks
// against; each test still gets its own factory, so no state leaks between tests.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { describeBlobStoreContract } from './blob-store.contract';
import { BlobStoreUnavailableError, deleteBlobStoreDatabase, IndexedDbBlobStore } from './indexeddb-blob-store';

describeBlobStoreContract('IndexedDbBlobStore (fake-indexeddb)', () =>
  IndexedDbBlobStore.open('dockyard-test', { indexedDB: new IDBFactory() }),
);

describe('IndexedDbBlobStore', () => {
  it('keeps blobs across a close and reopen, and forgets them when the database is deleted', async () => {
    const indexedDB = new IDBFactory();
    const first = await IndexedDbBlobStore.open('content', { indexedDB });
    const digest = await first.put(utf8('persisted'));
    first.close();
    const second = await IndexedDbBlobStore.open('content', { indexedDB });
    expect(await second.stat(digest)).toEqual({ digest, size: 9 });
    second.close();
    await deleteBlobStoreDatabase('content', { indexedDB });
    const third = await IndexedDbBlobStore.open('content', { indexedDB });
    expect(await third.get(digest)).toBeUndefined();
    third.close();
  });

  it('keeps separate databases apart', async () => {
    const indexedDB = new IDBFactory();
    const a = await IndexedDbBlobStore.open('a', { indexedDB });
    const b = await IndexedDbBlobStore.open('b', { indexedDB });
    const digest = await a.put(utf8('only in a'));
    expect(await b.get(digest)).toBeUndefined();
  });

  it('uses the global indexedDB by default', async () => {
    const store = await IndexedDbBlobStore.open('global-default');
    const digest = await store.put(utf8('x'));
    expect(await store.list()).toEqual([digest]);
    store.close();
    await deleteBlobStoreDatabase('global-default');
  });

  it('says so when there is no IndexedDB at all', async () => {
    const saved = globalThis.indexedDB;
    try {
      (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
      await expect(IndexedDbBlobStore.open('x')).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
