import { describe, expect, it } from 'vitest';
import { createWorld } from '../world/world';
import { dockerRun, pullRequest } from '../world/world.fixture';
import { viewEvents, viewOf, type Scheduler } from './world-view';
import type { WorldView } from './types';

/** A scheduler the test runs by hand: ticks happen only when the test says so. */
function manualScheduler(): { schedule: Scheduler; tick: () => void; pending: () => number } {
  const queue: (() => void)[] = [];
  return {
    schedule: (run) => void queue.push(run),
    tick: () => queue.splice(0).forEach((run) => run()),
    pending: () => queue.length,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('viewOf', { timeout: 60_000 }, () => {
  it('shows a fresh world: three machines with nothing on them, the hub full, every link up', async () => {
    const world = await createWorld({ seed: 'view-fresh' });
    const view = await viewOf(world);
    expect(view.hosts.map((h) => [h.name, h.up, h.daemonUp, h.images.length, h.containers.length])).toEqual([
      ['laptop', true, true, 0, 0],
      ['cloud-vm', true, true, 0, 0],
      ['onprem-1', true, true, 0, 0],
    ]);
    expect(view.registries.map((r) => r.name)).toEqual(['docker.io', 'registry.example.com', 'cr.example.net']);
    const hub = view.registries[0]!;
    const hello = hub.repositories.find((r) => r.name === 'library/hello-world');
    expect(hello?.tags.map((t) => t.tag)).toContain('latest');
    const latest = hello!.tags.find((t) => t.tag === 'latest')!;
    expect(latest.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(latest.platforms).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(latest.layers).toBe(1);
    expect(latest.size).toBeGreaterThan(0);
    expect(view.registries[1]!.repositories).toEqual([]);
    // Realm hosts fold into their registry: one link per machine and registry, machines first.
    expect(view.links).toContainEqual({ a: 'laptop', b: 'docker.io', up: true, latencyMs: 40 });
    expect(view.links).toContainEqual({ a: 'cloud-vm', b: 'laptop', up: true, latencyMs: 25 });
    expect(view.links.some((l) => l.b.startsWith('auth.'))).toBe(false);
    expect(view.links).toHaveLength(3 + 3 * 3);
    expect(view.terminals).toEqual([{ name: 'laptop', host: 'laptop', daemon: 'laptop', busy: false }]);
    expect(view.time).toBe(world.clock.now());
    world.stop();
  });

  it('shows the image and the exited container after `docker run hello-world`, adding nothing to the trace', async () => {
    const world = await createWorld({ seed: 'view-run' });
    await world.run(dockerRun('hello-world'));
    const before = world.trace.lastSeq;
    const view = await viewOf(world);
    expect(world.trace.lastSeq).toBe(before);
    expect(view.seq).toBe(before);
    const laptop = view.hosts[0]!;
    expect(laptop.images).toHaveLength(1);
    const image = laptop.images[0]!;
    expect(image.repoTags).toEqual(['hello-world:latest']);
    expect(image.id).toMatch(/^sha256:/);
    expect(image.layers).toHaveLength(1);
    expect(image.layers[0]!.digest).toMatch(/^sha256:/);
    expect(image.layers[0]!.digest).not.toBe(image.layers[0]!.diffId);
    expect(image.layers[0]!.sharedWith).toEqual([]);
    expect(image.size).toBe(image.layers[0]!.size);
    expect(laptop.containers).toHaveLength(1);
    const container = laptop.containers[0]!;
    expect(container).toMatchObject({ image: 'hello-world', imageId: image.id, state: 'exited', exitCode: 0 });
    expect(container.status).toMatch(/^Exited \(0\) .* ago$/);
    expect(container.command).toBe('/hello');
    expect(container.pid).toBeUndefined();
    expect(container.hostname).toBe(container.id.slice(0, 12));
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    world.stop();
  });

  it('marks layers that two images stack as shared, in both directions', async () => {
    const world = await createWorld({ seed: 'view-shared' });
    await world.run(pullRequest('docker.io/library/alpine', 'latest'));
    await world.run(pullRequest('docker.io/library/nginx', 'alpine'));
    const { images } = (await viewOf(world)).hosts[0]!;
    const alpine = images.find((i) => i.repoTags.includes('alpine:latest'))!;
    const nginx = images.find((i) => i.repoTags.includes('nginx:alpine'))!;
    expect(alpine.layers[0]!.sharedWith).toEqual([nginx.id]);
    expect(nginx.layers[0]!.sharedWith).toEqual([alpine.id]);
    expect(nginx.layers[0]!.chainId).toBe(alpine.layers[0]!.chainId);
    expect(nginx.layers.at(-1)!.sharedWith).toEqual([]);
    world.stop();
  });

  it('reports a cut link and a stopped daemon', async () => {
    const world = await createWorld({ seed: 'view-faults' });
    world.send({ type: 'link.down', a: 'laptop', b: 'auth.docker.io' });
    world.send({ type: 'daemon.stop', host: 'onprem-1' });
    const view = await viewOf(world);
    expect(view.links.find((l) => l.a === 'laptop' && l.b === 'docker.io')?.up).toBe(false);
    expect(view.links.find((l) => l.a === 'cloud-vm' && l.b === 'docker.io')?.up).toBe(true);
    expect(view.hosts.find((h) => h.name === 'onprem-1')).toMatchObject({ up: false, daemonUp: false });
    world.stop();
  });
});

describe('viewEvents', { timeout: 60_000 }, () => {
  it('gives one view per scheduler tick however many trace entries arrive, and stops when told', async () => {
    const world = await createWorld({ seed: 'view-events' });
    const { schedule, tick, pending } = manualScheduler();
    const views: WorldView[] = [];
    const stop = viewEvents(world, (v) => views.push(v), schedule);
    await world.run(dockerRun('hello-world'));
    expect(world.trace.lastSeq).toBeGreaterThan(10);
    expect(pending()).toBe(1);
    tick();
    await settle();
    expect(views).toHaveLength(1);
    expect(views[0]!.seq).toBe(world.trace.lastSeq);
    expect(views[0]!.hosts[0]!.containers[0]!.state).toBe('exited');
    stop();
    await world.run(dockerRun('hello-world'));
    expect(pending()).toBe(0);
    world.stop();
  });
});
