import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../engine/bytes';
import { MemoryBlobStore } from '../../engine/store/memory-blob-store';
import { SnapshotError, WorldBusyError } from './snapshot';
import { createWorld, restoreWorld, type World } from './world';
import { imagesRequest, pullRequest, pushRequest, studentAuth, tagRequest } from './world.fixture';

const auth = studentAuth('registry.example.com');

async function images(world: World): Promise<string> {
  return fromUtf8((await world.run(imagesRequest)).answers[0]!.body);
}

const tagsOf = (world: World) =>
  [...world.registries].map(([name, r]) => [name, r.state.toData().repositories] as const);

const traceLines = (world: World, after: number) =>
  world.trace
    .since(after)
    .map(
      (e) =>
        `${e.seq} ${e.time} ${e.kind} ${'exchange' in e ? e.exchange : ''} ${e.command ?? ''} ${'summary' in e ? e.summary : ''}`,
    );

// Each test builds a whole world (the hub's catalogue, six accounts' password hashes): give it time.
describe('world snapshots', { timeout: 30_000 }, () => {
  it('restore to the same world: same images, same tags, and the same trace from there on', async () => {
    const world = await createWorld({ seed: 'snap' });
    await world.run(pullRequest('docker.io/library/alpine'));
    await world.run(tagRequest('alpine', 'registry.example.com/student/alpine', 'v1'));
    await world.run(pushRequest('registry.example.com/student/alpine', 'v1', auth));
    world.send({ type: 'link.down', a: 'onprem-1', b: 'docker.io' });

    const content = new MemoryBlobStore();
    const snapshot = await world.snapshot(content);
    // Plain data: it survives JSON.
    const restored = await restoreWorld(JSON.parse(JSON.stringify(snapshot)), content);

    expect(restored.clock.now()).toBe(world.clock.now());
    expect(restored.topology.links()).toEqual(world.topology.links());
    expect(tagsOf(restored)).toEqual(tagsOf(world));
    const mark = world.trace.lastSeq;
    expect(restored.trace.lastSeq).toBe(mark);
    expect(await images(restored)).toEqual(await images(world));

    // Going on: the same commands give the same messages, numbers, times, upload IDs and digests.
    const goOn = async (w: World) => {
      await w.run(pullRequest('docker.io/library/nginx', 'alpine'));
      await w.run(tagRequest('nginx:alpine', 'registry.example.com/student/web', 'v2'));
      await w.run(pushRequest('registry.example.com/student/web', 'v2', auth));
    };
    await goOn(world);
    await goOn(restored);
    const original = traceLines(world, mark);
    expect(original.length).toBeGreaterThan(60);
    expect(original.some((l) => l.includes('/blobs/uploads/'))).toBe(true);
    expect(traceLines(restored, mark)).toEqual(original);
    expect(await images(restored)).toEqual(await images(world));
    world.stop();
    restored.stop();
  });

  it('is refused while a command is running', async () => {
    const world = await createWorld({ seed: 'busy' });
    world.pause();
    const pending = world.run(pullRequest('docker.io/library/alpine'));
    await expect(world.snapshot(new MemoryBlobStore())).rejects.toBeInstanceOf(WorldBusyError);
    world.resume();
    await pending;
    world.stop();
  });

  it('rejects a snapshot of the wrong shape or with missing blobs, with a clear error', async () => {
    const world = await createWorld({ seed: 'bad' });
    await world.run(pullRequest('docker.io/library/hello-world'));
    const content = new MemoryBlobStore();
    const snapshot = await world.snapshot(content);
    world.stop();
    await expect(restoreWorld({ ...snapshot, version: 1 }, content)).rejects.toThrow(
      'world snapshot version 1 is not supported (this Dockyard reads version 2)',
    );
    await expect(restoreWorld({ ...snapshot, version: undefined }, content)).rejects.toThrow(SnapshotError);
    await expect(restoreWorld({ ...snapshot, trace: { seq: -1, exchange: 0, command: 0 } }, content)).rejects.toThrow(
      /at trace\.seq/,
    );
    const missing = restoreWorld(snapshot, new MemoryBlobStore());
    await expect(missing).rejects.toBeInstanceOf(SnapshotError);
    await expect(missing).rejects.toThrow(/blob sha256:[0-9a-f]{64} is missing from the content store/);
  });
});
