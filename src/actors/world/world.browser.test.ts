// The world in a real browser: the same seed and commands give the same trace as in Node, paced by
// the same driver (MessageChannel turns instead of setImmediate, animation frames for real time).
import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../engine/bytes';
import { createWorld } from './world';
import { dockerRun, pullRequest } from './world.fixture';

describe('a world in Chromium', { timeout: 60_000 }, () => {
  it('runs hello-world and pulls alpine, deterministically, with step and pause', async () => {
    const record = async () => {
      const world = await createWorld({ seed: 'browser' });
      const ran = await world.run(dockerRun('hello-world'));
      world.pause();
      const pull = world.run(pullRequest('docker.io/library/alpine'));
      expect(await world.step()).toBe(true);
      expect(world.trace.ofCommand(ran.command + 1)).toHaveLength(1);
      world.resume();
      const pulled = await pull;
      expect(fromUtf8(pulled.answers[0]!.body)).toContain('Status: Downloaded newer image for alpine:latest');
      const lines = world.trace.entries().map((e) => `${e.time} ${e.kind} ${'summary' in e ? e.summary : ''}`);
      world.stop();
      return lines;
    };
    const first = await record();
    expect(first.length).toBeGreaterThan(40);
    expect(await record()).toEqual(first);
  });

  it('moves in real time on animation frames', async () => {
    const world = await createWorld({ seed: 'frames', speed: 'realtime' });
    const started = performance.now();
    const result = await world.run({ method: 'GET', url: '/v1.50/version', headers: {} });
    expect(result.answers[0]!.status).toBe(200);
    // Two legs of 1 ms each over the unix socket: at least 2 ms of real time.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2);
    world.stop();
  });
});
