// The daemon in Chromium: its image store over the browser's real IndexedDB survives a reopen,
// and the Engine API answers there exactly as in Node (the same IDs, the same JSON).
import { afterAll, describe, expect, it } from 'vitest';
import { deleteBlobStoreDatabase, IndexedDbBlobStore } from '../store/indexeddb-blob-store';
import { addImage, baseLayer, call, dir, file } from './daemon.fixture';
import { createDaemon } from './daemon';
import { ImageStore } from './image-store';

const name = `dockyard-daemon-${Date.now()}`;

afterAll(async () => {
  await deleteBlobStoreDatabase(name);
});

describe('daemon in the browser', () => {
  it('keeps images across a reopen of IndexedDB and lists them through the API', async () => {
    const blobs = await IndexedDbBlobStore.open(name);
    const store = await ImageStore.open(blobs);
    const image = await addImage(store, [baseLayer, [dir('app'), file('app/run', 'run\n')]], { tags: ['app:1'] });
    // The same fixture image has the same ID in Node (see image-store.test.ts): config bytes are deterministic.
    expect(image.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const data = JSON.parse(JSON.stringify(store.toData()));
    blobs.close();

    const reopened = await ImageStore.open(await IndexedDbBlobStore.open(name), data);
    const daemon = createDaemon({ store: reopened, transport: async () => ({ status: 404, headers: {} }) });
    const listed = await call(daemon, 'GET', '/v1.50/images/json');
    expect((listed.json as { Id: string; RepoTags: string[] }[]).map((i) => [i.Id, i.RepoTags])).toEqual([
      [image.id, ['app:1']],
    ]);
    const removed = await call(daemon, 'DELETE', '/v1.50/images/app:1');
    expect(removed.json).toEqual([
      { Untagged: 'app:1' },
      { Deleted: image.id },
      ...[...image.layers].reverse().map((l) => ({ Deleted: l.chainId })),
    ]);
    expect(await reopened.blobs.list()).toEqual([]);
  });
});
