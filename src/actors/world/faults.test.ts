import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../engine/bytes';
import { createWorld } from './world';
import { dockerRun, imagesRequest, pullRequest } from './world.fixture';

const stateOf = (world: Awaited<ReturnType<typeof createWorld>>, id: string) =>
  world.actor.system.get(id)?.getSnapshot().value;

// Each test builds a whole world (the hub's catalogue, six accounts' password hashes): give it time.
describe('faults', { timeout: 30_000 }, () => {
  it('a stopped daemon: the client cannot connect, and can again once it is started', async () => {
    const world = await createWorld({ seed: 'daemon-down' });
    world.send({ type: 'daemon.stop', host: 'laptop' });
    expect(stateOf(world, 'daemon:laptop')).toBe('down');
    const failed = await world.run(dockerRun('hello-world'));
    expect(failed.exitCode).toBe(1);
    expect(failed.error).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    );
    expect(world.trace.ofCommand(failed.command).map((e) => `${e.kind} ${'summary' in e ? e.summary : ''}`)).toEqual([
      'request POST /v1.50/containers/create',
      'failure connection refused',
    ]);
    world.send({ type: 'daemon.start', host: 'laptop' });
    expect(stateOf(world, 'daemon:laptop')).toBe('up');
    const ok = await world.run(imagesRequest);
    expect(ok.answers[0]!.status).toBe(200);
    world.stop();
  });

  it('a cut link to a remote daemon: the client gives up after the dial timeout', async () => {
    const world = await createWorld({ seed: 'remote' });
    world.openTerminal('ops', { host: 'laptop', daemon: 'cloud-vm' });
    world.send({ type: 'link.down', a: 'laptop', b: 'cloud-vm' });
    const before = world.clock.now();
    const failed = await world.run(imagesRequest, { terminal: 'ops' });
    expect(failed.error).toBe(
      'Cannot connect to the Docker daemon at tcp://cloud-vm:2375. Is the docker daemon running?',
    );
    expect(world.clock.now() - before).toBeGreaterThanOrEqual(30_000);
    world.send({ type: 'link.up', a: 'laptop', b: 'cloud-vm' });
    const ok = await world.run(imagesRequest, { terminal: 'ops' });
    expect(ok.answers[0]!.status).toBe(200);
    expect(world.trace.ofCommand(ok.command).map((e) => e.time - world.trace.ofCommand(ok.command)[0]!.time)).toEqual([
      0, 25,
    ]);
    world.stop();
  });

  it('a cut link to the hub: the pull fails with the daemon’s words, and succeeds once the link is back', async () => {
    const world = await createWorld({ seed: 'link-down' });
    world.send({ type: 'link.down', a: 'laptop', b: 'docker.io' });
    const failed = await world.run(pullRequest('docker.io/library/alpine'));
    const text = fromUtf8(failed.answers[0]!.body);
    expect(failed.answers[0]!.status).toBe(500);
    expect(text).toContain(
      'Get \\"https://registry-1.docker.io/v2/\\": dial tcp registry-1.docker.io:443: i/o timeout',
    );
    expect(failed.exitCode).toBe(1);
    world.send({ type: 'link.up', a: 'laptop', b: 'docker.io' });
    const ok = await world.run(pullRequest('docker.io/library/alpine'));
    expect(fromUtf8(ok.answers[0]!.body)).toContain('Status: Downloaded newer image for alpine:latest');
    world.stop();
  });

  it('a registry taken down refuses connections on all its hosts, and serves again once up', async () => {
    const world = await createWorld({ seed: 'registry-down' });
    world.send({ type: 'registry.down', name: 'docker.io' });
    expect(stateOf(world, 'registry:docker.io')).toBe('down');
    expect(world.topology.hostsDown()).toEqual(['auth.docker.io', 'docker.io', 'index.docker.io']);
    const failed = await world.run(pullRequest('docker.io/library/alpine'));
    expect(fromUtf8(failed.answers[0]!.body)).toContain('connect: connection refused');
    world.send({ type: 'registry.up', name: 'docker.io' });
    expect(stateOf(world, 'registry:docker.io')).toBe('up');
    expect(world.topology.hostsDown()).toEqual([]);
    const ok = await world.run(pullRequest('docker.io/library/alpine'));
    expect(fromUtf8(ok.answers[0]!.body)).toContain('Status: Downloaded newer image for alpine:latest');
    world.stop();
  });
});
