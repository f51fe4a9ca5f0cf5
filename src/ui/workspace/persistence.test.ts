import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, restoreWorld, type World } from '../../actors/world/world';
import { imagesRequest, pullRequest } from '../../actors/world/world.fixture';
import { fromUtf8, utf8 } from '../../engine/bytes';
import { describeStorageError, digestsIn, WorkspaceStore } from './persistence';

const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.stop();
});

async function world(): Promise<World> {
  const w = await createWorld({ seed: 'persistence' });
  worlds.push(w);
  return w;
}

const images = async (w: World) => JSON.parse(fromUtf8((await w.run(imagesRequest)).answers[0]!.body)) as unknown[];

describe('WorkspaceStore', { timeout: 60_000 }, () => {
  it('saves a world with its blobs, files and history, and a reopened store restores it', async () => {
    const indexedDB = new IDBFactory();
    const original = await world();
    await original.run(pullRequest('docker.io/library/alpine'));
    original.files.writeFile('/home/student/Dockerfile', 'FROM alpine\n');

    const store = await WorkspaceStore.open({ indexedDB });
    await store.save(original, { history: ['docker pull alpine'] });
    store.close();

    const again = await WorkspaceStore.open({ indexedDB });
    const saved = await again.load();
    expect(saved?.history).toEqual(['docker pull alpine']);
    const restored = await restoreWorld(saved!.world, again.content);
    worlds.push(restored);
    expect(restored.files.readText('/home/student/Dockerfile')).toBe('FROM alpine\n');
    const listed = await images(restored);
    expect(listed).toHaveLength(1);
    expect(listed).toEqual(await images(original));
    again.close();
  });

  it('has nothing to load at first, and nothing after clear', async () => {
    const indexedDB = new IDBFactory();
    const store = await WorkspaceStore.open({ indexedDB });
    expect(await store.load()).toBeUndefined();
    await store.save(await world(), { history: ['ls'] });
    expect(await store.load()).toBeDefined();
    await store.clear();
    const fresh = await WorkspaceStore.open({ indexedDB });
    expect(await fresh.load()).toBeUndefined();
    expect(await fresh.content.list()).toEqual([]);
    fresh.close();
  });

  it('deletes blobs no saved snapshot names any more', async () => {
    const indexedDB = new IDBFactory();
    const store = await WorkspaceStore.open({ indexedDB });
    const stray = await store.content.put(utf8('a layer nobody references'));
    const record = await store.save(await world(), { history: [] });
    const kept = await store.content.list();
    expect(kept).not.toContain(stray);
    // Everything kept is named by the snapshot, and every blob the snapshot stores is kept (the
    // hub's layers never built are named in its state but stored nowhere: they are made on demand).
    const named = digestsIn(record.world);
    for (const digest of kept) expect(named.has(digest)).toBe(true);
    const snapshot = record.world as {
      daemons: Record<string, { blobs: string[] }>;
      registries: Record<string, { blobs: string[] }>;
    };
    const stored = [...Object.values(snapshot.daemons), ...Object.values(snapshot.registries)].flatMap((p) => p.blobs);
    expect(stored.length).toBeGreaterThan(0);
    expect(new Set(kept)).toEqual(new Set(stored));
    store.close();
  });

  it('ignores a record of another version', async () => {
    const indexedDB = new IDBFactory();
    const store = await WorkspaceStore.open({ indexedDB });
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('dockyard-workspace');
      r.onsuccess = () => resolve(r.result);
    });
    await new Promise((resolve) => {
      const tx = db.transaction('workspace', 'readwrite');
      tx.objectStore('workspace').put({ version: 99, world: {} }, 'current');
      tx.oncomplete = resolve;
    });
    db.close();
    expect(await store.load()).toBeUndefined();
    store.close();
  });

  it('says plainly that there is no storage when IndexedDB is missing', async () => {
    const saved = globalThis.indexedDB;
    try {
      (globalThis as { indexedDB?: IDBFactory }).indexedDB = undefined;
      const error = await WorkspaceStore.open().catch((e: unknown) => e);
      expect(describeStorageError(error)).toMatch(/does not let Dockyard store data/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('describeStorageError', () => {
  it.each([
    [new DOMException('The quota has been exceeded.', 'QuotaExceededError'), /storage for this site is full/],
    [new Error('x', { cause: new DOMException('', 'QuotaExceededError') }), /storage for this site is full/],
    [new Error('blocked by another Dockyard tab'), /Another Dockyard tab/],
    [new DOMException('denied', 'SecurityError'), /private browsing/],
    [new Error('disk on fire'), /could not be saved \(disk on fire\)/],
  ])('%s', (error, expected) => {
    expect(describeStorageError(error)).toMatch(expected);
  });
});
