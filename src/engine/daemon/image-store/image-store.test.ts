// The classic image store: layer chains and their deduplication, sizes, images that need their
// layers, names, removal that frees exactly what nothing else uses, and failures that leave
// nothing behind.
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { sha256Of } from '../../digest';
import { fixtureImage } from '../../image/archive/fixture-images';
import { layerDiffSize } from '../../image/size';
import { TarError, writeTar } from '../../layer/tar';
import { addImage, baseLayer, dir, file, memoryStore } from '../daemon.fixture';
import { ImageRejectedError, LayerNotFoundError, ReferenceConflictError } from './errors';

const appLayer = [dir('app'), file('app/main.sh', 'echo hello\n', 0o755)];
const webLayer = [dir('srv'), file('srv/index.html', '<h1>hi</h1>\n')];

describe('layers', () => {
  it('names a base layer by its DiffID and a layer on top by sha256("<parent> <diffId>")', async () => {
    const { store } = await memoryStore();
    const baseTar = writeTar(baseLayer);
    const appTar = writeTar(appLayer);
    const base = await store.addLayer(undefined, baseTar);
    const app = await store.addLayer(base.chainId, appTar);
    expect(base.chainId).toBe(await sha256Of(baseTar));
    expect(base.diffId).toBe(base.chainId);
    expect(base.parent).toBeUndefined();
    expect(app.diffId).toBe(await sha256Of(appTar));
    expect(app.chainId).toBe(await sha256Of(`${base.chainId} ${app.diffId}`));
    expect(app.parent).toBe(base.chainId);
  });

  it('counts sizes as overlay2 does and stores the tar under its DiffID once', async () => {
    const { store, blobs } = await memoryStore();
    const tar = writeTar(appLayer);
    const first = await store.addLayer(undefined, tar);
    const again = await store.addLayer(undefined, tar);
    expect(again).toEqual(first);
    expect(first.size).toBe(layerDiffSize(appLayer));
    expect(first.size).toBe('echo hello\n'.length);
    expect(blobs.count).toBe(1);
    expect(await store.layerTar(first.chainId)).toEqual(tar);
  });

  it('stores one tar for the same diff on two different parents', async () => {
    const { store, blobs } = await memoryStore();
    const a = await store.addLayer(undefined, writeTar(baseLayer));
    const b = await store.addLayer(undefined, writeTar(webLayer));
    const onA = await store.addLayer(a.chainId, writeTar(appLayer));
    const onB = await store.addLayer(b.chainId, writeTar(appLayer));
    expect(onA.chainId).not.toBe(onB.chainId);
    expect(onA.diffId).toBe(onB.diffId);
    expect(blobs.count).toBe(3);
  });

  it('refuses a parent it does not have, and a broken tar, storing nothing', async () => {
    const { store, blobs } = await memoryStore();
    const missing = await sha256Of('no such layer');
    await expect(store.addLayer(missing, writeTar(appLayer))).rejects.toThrow(LayerNotFoundError);
    await expect(store.addLayer(undefined, utf8('not a tar at all'))).rejects.toThrow(TarError);
    expect(blobs.count).toBe(0);
    expect(store.list()).toEqual([]);
  });
});

describe('images', () => {
  it('is named by the sha256 of its config and sized as the sum of its layers', async () => {
    const { store } = await memoryStore();
    const image = await addImage(store, [baseLayer, appLayer], { tags: ['docker.io/library/app:latest'] });
    const fixture = await fixtureImage([baseLayer, appLayer]);
    expect(image.id).toBe(await sha256Of(fixture.config));
    expect(image.layers.map((l) => l.diffId)).toEqual(image.config.rootfs.diff_ids);
    expect(image.size).toBe(layerDiffSize(baseLayer) + layerDiffSize(appLayer));
    expect(image.repoTags).toEqual(['docker.io/library/app:latest']);
    expect(image.repoDigests).toEqual([]);
  });

  it('adding the same config twice gives the same image', async () => {
    const { store } = await memoryStore();
    const fixture = await fixtureImage([baseLayer]);
    await store.addLayer(undefined, fixture.layers[0]!);
    const a = await store.addImage(fixture.config);
    const b = await store.addImage(fixture.config);
    expect(b.id).toBe(a.id);
    expect(store.list()).toHaveLength(1);
  });

  it('refuses a config whose layers are missing, leaving no blob behind', async () => {
    const { store, blobs } = await memoryStore();
    const fixture = await fixtureImage([baseLayer, appLayer]);
    await store.addLayer(undefined, fixture.layers[0]!);
    await expect(store.addImage(fixture.config)).rejects.toThrow(
      /^failed to get layer sha256:[0-9a-f]{64}: layer does not exist$/,
    );
    expect(store.list()).toEqual([]);
    expect(blobs.count).toBe(1); // only the base layer's tar
  });

  it('refuses a config that is not a config, or whose history claims more layers than it has', async () => {
    const { store, blobs } = await memoryStore();
    await expect(store.addImage(utf8('{"architecture":"amd64"}'))).rejects.toThrow();
    const config = {
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      history: [{ created_by: 'RUN true' }],
    };
    await expect(store.addImage(utf8(JSON.stringify(config)))).rejects.toThrow(ImageRejectedError);
    await expect(store.addImage(utf8(JSON.stringify(config)))).rejects.toThrow(
      'too many non-empty layers in History section',
    );
    expect(blobs.count).toBe(0);
  });

  it('keeps names sorted, moves tags, and never moves a digest reference', async () => {
    const { store } = await memoryStore();
    const a = await addImage(store, [baseLayer], { tags: ['docker.io/library/zeta:1', 'docker.io/library/alpha:1'] });
    const b = await addImage(store, [appLayer]);
    expect(store.get(a.id)!.repoTags).toEqual(['docker.io/library/alpha:1', 'docker.io/library/zeta:1']);
    store.tag(b.id, 'alpha:1');
    expect(store.get(a.id)!.repoTags).toEqual(['docker.io/library/zeta:1']);
    expect(store.get(b.id)!.repoTags).toEqual(['docker.io/library/alpha:1']);
    const manifest = await sha256Of('a manifest');
    store.addRepoDigest(a.id, `docker.io/library/zeta@${manifest}`);
    expect(store.get(a.id)!.repoDigests).toEqual([`docker.io/library/zeta@${manifest}`]);
    expect(() => store.addRepoDigest(b.id, `zeta@${manifest}`)).toThrow(ReferenceConflictError);
    expect(() => store.addRepoDigest(b.id, `zeta@${manifest}`)).toThrow(`Cannot overwrite digest ${manifest}`);
    expect(store.untag('zeta:1')).toBe(true);
    expect(store.untag('zeta:1')).toBe(false);
    expect(store.untag(`zeta@${manifest}`)).toBe(true);
    expect(store.get(a.id)!.repoTags).toEqual([]);
  });
});

describe('remove', () => {
  it('frees the layers nothing else uses, top first, and their tars', async () => {
    const { store, blobs } = await memoryStore();
    const app = await addImage(store, [baseLayer, appLayer], { tags: ['app'] });
    const web = await addImage(store, [baseLayer, webLayer], { tags: ['web'] });
    const before = blobs.count; // 3 tars + 2 configs
    expect(before).toBe(5);
    const freed = await store.remove(app.id);
    expect(freed).toEqual([app.layers[1]!.chainId]);
    expect(store.hasLayer(app.layers[0]!.chainId)).toBe(true);
    expect(store.get(app.id)).toBeUndefined();
    expect(store.resolve('app')).toBeUndefined();
    expect(blobs.count).toBe(3);
    expect(await store.remove(web.id)).toEqual([web.layers[1]!.chainId, web.layers[0]!.chainId]);
    expect(blobs.count).toBe(0);
  });

  it('releases orphan layers of a failed pull but not layers an image uses', async () => {
    const { store, blobs } = await memoryStore();
    const app = await addImage(store, [baseLayer, appLayer]);
    const orphan = await store.addLayer(app.layers[0]!.chainId, writeTar(webLayer));
    const freed = await store.releaseLayers([orphan.chainId, app.layers[0]!.chainId]);
    expect(freed).toEqual([orphan.chainId]);
    expect(store.hasLayer(app.layers[0]!.chainId)).toBe(true);
    expect(blobs.count).toBe(3);
  });
});

describe('blob sources (v2 metadata)', () => {
  it('remembers each distinct source of a DiffID once', async () => {
    const { store } = await memoryStore();
    const diffId = await sha256Of('diff');
    const source = { digest: await sha256Of('blob'), registry: 'docker.io', repository: 'library/alpine' };
    store.recordBlobSource(diffId, source);
    store.recordBlobSource(diffId, { ...source });
    store.recordBlobSource(diffId, { ...source, repository: 'student/alpine' });
    expect(store.blobSources(diffId)).toEqual([source, { ...source, repository: 'student/alpine' }]);
    expect(store.blobSources(await sha256Of('other'))).toEqual([]);
  });
});

describe('snapshot', () => {
  it('is the layers applied in order, whiteouts included', async () => {
    const { store } = await memoryStore();
    const image = await addImage(store, [
      [...baseLayer, file('etc/motd', 'welcome\n')],
      [dir('etc'), file('etc/.wh.motd', ''), file('etc/hostname', 'box\n')],
    ]);
    const snap = await store.snapshot(image.id);
    const etc = snap.root.children.get('etc');
    expect(etc?.kind).toBe('dir');
    const names = etc && etc.kind === 'dir' ? [...etc.children.keys()].sort() : [];
    expect(names).toEqual(['hostname', 'os-release']);
    expect(await store.snapshot(image.id)).toBe(snap); // cached
  });
});
