// The content store contract against Chromium's real IndexedDB (and the memory store, in the same
// engine). Each test opens a fresh, uniquely named database; they are deleted afterwards.
import { afterAll } from 'vitest';
import { describeBlobStoreContract } from './blob-store.contract';
import { deleteBlobStoreDatabase, IndexedDbBlobStore } from './indexeddb-blob-store';
import { MemoryBlobStore } from './memory-blob-store';

const opened: { name: string; store: IndexedDbBlobStore }[] = [];
let counter = 0;

describeBlobStoreContract('IndexedDbBlobStore (Chromium)', async () => {
  const name = `dockyard-contract-${Date.now()}-${counter++}`;
  const store = await IndexedDbBlobStore.open(name);
  opened.push({ name, store });
  return store;
});

describeBlobStoreContract('MemoryBlobStore (Chromium)', async () => new MemoryBlobStore());

afterAll(async () => {
  for (const { name, store } of opened) {
    store.close();
    await deleteBlobStoreDatabase(name);
  }
});
