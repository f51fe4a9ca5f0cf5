import { describe, expect, it } from 'vitest';
import { generateOfficialCatalogue } from '../../engine/image/official';
import { MemoryBlobStore } from '../../engine/store/memory-blob-store';
import { createWorld, restoreWorld } from './world';
import { pullRequest } from './world.fixture';

describe("a world's hub", { timeout: 60_000 }, () => {
  it('starts with every tag and manifest, and builds a layer only when it is pulled', async () => {
    const world = await createWorld({ seed: 'hub' });
    const hub = world.registries.get('docker.io')!;
    const full = await generateOfficialCatalogue();
    const layers = [...full.blobs].filter(([, b]) => b.mediaType === 'application/vnd.oci.image.layer.v1.tar+gzip');
    const stored = async () => new Set(await hub.blobs.list());
    const before = await stored();
    expect(layers.filter(([digest]) => before.has(digest))).toEqual([]);
    expect(before.size).toBe(full.blobs.size - layers.length);
    expect(hub.state.repository('library/alpine')!.tags.get('latest')).toBe(
      full.repositories.get('library/alpine')!.get('latest'),
    );

    const result = await world.run(pullRequest('docker.io/library/hello-world'));
    expect(result.error).toBeUndefined();
    const helloLayers = [...hub.state.repository('library/hello-world')!.blobs].filter((d) =>
      layers.some(([l]) => l === d),
    );
    const now = await stored();
    expect(helloLayers.filter((d) => now.has(d))).toHaveLength(1); // the amd64 layer, pulled
    world.stop();
  });

  it('after a restore, still serves the layers its snapshot never held, the same bytes', async () => {
    const world = await createWorld({ seed: 'hub-restore' });
    const content = new MemoryBlobStore();
    const snapshot = await world.snapshot(content);
    world.stop();
    const restored = await restoreWorld(JSON.parse(JSON.stringify(snapshot)), content);
    const result = await restored.run(pullRequest('docker.io/library/alpine'));
    expect(result.error).toBeUndefined();
    const full = await generateOfficialCatalogue();
    const hub = restored.registries.get('docker.io')!;
    for (const digest of await hub.blobs.list())
      expect(await hub.blobs.get(digest)).toEqual(full.blobs.get(digest)!.bytes);
    expect((await restored.daemons.get('laptop')!.blobs.list()).length).toBeGreaterThan(0);
    restored.stop();
  });
});
