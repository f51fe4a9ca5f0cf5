import { describe, expect, it } from 'vitest';
import { createWorld } from '../world/world';
import { buildRequest, pullRequest } from '../world/world.fixture';
import { operationsOf } from './operations-view';

describe('operationsOf', { timeout: 60_000 }, () => {
  it('shows a finished pull with each layer at Pull complete, then a second pull with nothing to download', async () => {
    const world = await createWorld({ seed: 'ops-pull' });
    expect(operationsOf(world)).toEqual([]);
    const first = await world.run(pullRequest('docker.io/library/nginx', 'alpine'));
    const [pull] = operationsOf(world);
    expect(pull).toMatchObject({ kind: 'pull', command: first.command, terminal: 'laptop', state: 'complete' });
    expect(pull!.layers.length).toBeGreaterThan(1);
    for (const layer of pull!.layers) {
      expect(layer.id).toMatch(/^[0-9a-f]{12}$/);
      expect(layer.phase).toBe('pullComplete');
    }
    await world.run(pullRequest('docker.io/library/alpine', 'latest'));
    const second = operationsOf(world)[1]!;
    expect(second.layers.map((l) => l.phase)).toEqual(['alreadyExists']);
    world.stop();
  });

  it('shows a build with its steps in the classic builder’s words', async () => {
    const world = await createWorld({ seed: 'ops-build' });
    await world.run(pullRequest('docker.io/library/alpine', 'latest'));
    await world.run(buildRequest('demo:v1', { Dockerfile: 'FROM alpine\nRUN echo hi > /greeting\n' }));
    const build = operationsOf(world).find((o) => o.kind === 'build');
    expect(build?.steps).toEqual(['Step 1/2 : FROM alpine', 'Step 2/2 : RUN echo hi > /greeting']);
    world.stop();
  });
});
