// The image store survives a reload: its plain data and an IndexedDB blob store (fake-indexeddb
// here) give back the same images, names, layers and sources; inconsistent data is refused.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sha256Of } from '../../digest';
import { IndexedDbBlobStore } from '../../store/indexeddb-blob-store';
import { MemoryBlobStore } from '../../store/memory-blob-store';
import { addImage, baseLayer, dir, file } from '../daemon.fixture';
import { ImageStoreCorruptError } from './errors';
import { ImageStore } from './image-store';
import type { ImageStoreData } from './types';

const appLayer = [dir('app'), file('app/run', 'run\n')];

describe('toData / open', () => {
  it('round-trips through JSON over IndexedDB', async () => {
    const indexedDB = new IDBFactory();
    const blobs = await IndexedDbBlobStore.open('daemon', { indexedDB });
    const store = await ImageStore.open(blobs, undefined, { now: () => 1234 });
    const app = await addImage(store, [baseLayer, appLayer], { tags: ['app:1', 'app:latest'] });
    const base = await addImage(store, [baseLayer], { tags: ['registry.example.com/base:v2'] });
    const manifest = await sha256Of('manifest');
    store.addRepoDigest(app.id, `app@${manifest}`);
    store.setLastTagTime(app.id, 5678);
    const source = { digest: await sha256Of('gz'), registry: 'docker.io', repository: 'library/app' };
    store.recordBlobSource(app.layers[1]!.diffId, source);
    const data = JSON.parse(JSON.stringify(store.toData())) as ImageStoreData;
    const appTar = await store.layerTar(app.layers[1]!.chainId);
    const images = store.list();
    blobs.close();

    const reopened = await ImageStore.open(await IndexedDbBlobStore.open('daemon', { indexedDB }), data);
    expect(reopened.list()).toEqual(images);
    expect(reopened.resolve('app')?.id).toBe(app.id);
    expect(reopened.resolve(`app@${manifest}`)?.id).toBe(app.id);
    expect(reopened.get(app.id)?.lastTagTime).toBe(5678);
    expect(reopened.get(app.id)?.loadedAt).toBe(1234);
    expect(reopened.resolve('registry.example.com/base:v2')?.id).toBe(base.id);
    expect(reopened.blobSources(app.layers[1]!.diffId)).toEqual([source]);
    expect(await reopened.layerTar(app.layers[1]!.chainId)).toEqual(appTar);
    const snapshot = await reopened.snapshot(app.id);
    expect([...snapshot.root.children.keys()].sort()).toEqual(['app', 'etc']);
    expect(reopened.toData()).toEqual(data);
  });

  it('refuses data whose blobs are gone', async () => {
    const blobs = new MemoryBlobStore();
    const store = await ImageStore.open(blobs);
    const app = await addImage(store, [baseLayer]);
    const data = store.toData();
    await blobs.delete(app.id);
    await expect(ImageStore.open(blobs, data)).rejects.toThrow(ImageStoreCorruptError);
    await expect(ImageStore.open(blobs, data)).rejects.toThrow(/the config of image sha256:[0-9a-f]{64} is missing/);
  });

  it('refuses data of the wrong shape, saying where', async () => {
    const bad = {
      version: 1,
      layers: [{ chainId: 'nope', diffId: 'nope', size: 1 }],
      images: [],
      references: [],
      blobSources: [],
    };
    await expect(ImageStore.open(new MemoryBlobStore(), bad as unknown as ImageStoreData)).rejects.toThrow(
      'image store data is invalid at layers.0.chainId: invalid digest',
    );
    await expect(ImageStore.open(new MemoryBlobStore(), { version: 2 } as unknown as ImageStoreData)).rejects.toThrow(
      ImageStoreCorruptError,
    );
  });

  it('refuses references to images it does not have', async () => {
    const data: ImageStoreData = {
      version: 1,
      layers: [],
      images: [],
      references: [{ ref: 'docker.io/library/ghost:latest', id: await sha256Of('ghost') }],
      blobSources: [],
    };
    await expect(ImageStore.open(new MemoryBlobStore(), data)).rejects.toThrow(
      'image store data is inconsistent: reference docker.io/library/ghost:latest points at a missing image',
    );
  });
});
