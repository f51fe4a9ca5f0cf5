import { describe, expect, it, vi } from 'vitest';
import { yieldToEventLoop } from '../../engine/runtime/clock';
import type { TraceEntry } from '../trace/types';
import { rateOf, type Ticker } from './driver';
import { createWorld, WORLD_START } from './world';
import { pullRequest } from './world.fixture';

const messages = (entries: readonly TraceEntry[]) => entries.filter((e) => e.kind !== 'event');
const line = (e: TraceEntry) => `${e.time - WORLD_START} ${e.kind} ${'summary' in e ? e.summary : ''}`;

async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await yieldToEventLoop();
}

// Each test builds a whole world (the hub's catalogue, six accounts' password hashes): give it time.
describe('pacing', { timeout: 30_000 }, () => {
  it('pauses: the clock stands still and no message moves', async () => {
    const world = await createWorld({ seed: 'pause' });
    world.pause();
    const pending = world.run(pullRequest('docker.io/library/alpine'));
    await turns(50);
    expect(world.trace.entries()).toEqual([]);
    expect(world.clock.now()).toBe(WORLD_START);
    expect(world.network.inFlight).toBe(1);
    world.resume();
    const result = await pending;
    expect(fromStatus(result.answers)).toEqual([200]);
    world.stop();
  });

  it('steps one message at a time, in the order and at the times an unpaused run delivers them', async () => {
    const reference = await createWorld({ seed: 'step' });
    await reference.run(pullRequest('docker.io/library/hello-world'));
    const expected = messages(reference.trace.entries()).map(line);
    reference.stop();

    const world = await createWorld({ seed: 'step' });
    world.pause();
    const pending = world.run(pullRequest('docker.io/library/hello-world'));
    const stepped: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      expect(await world.step()).toBe(true);
      const now = messages(world.trace.entries());
      expect(now).toHaveLength(i + 1);
      stepped.push(line(now.at(-1)!));
    }
    expect(stepped).toEqual(expected);
    expect(await world.step()).toBe(false);
    world.resume();
    await pending;
    expect(messages(world.trace.entries()).map(line)).toEqual(expected);
    world.stop();
  });

  it('refuses to step a running network', async () => {
    const world = await createWorld({ seed: 'no-step' });
    await expect(world.step()).rejects.toThrow('pause the network first');
    world.stop();
  });

  it('moves the clock with real time, or slower in slow motion', async () => {
    let real = 0;
    let tick: () => void = () => undefined;
    const ticker: Ticker = (t) => {
      tick = t;
      return () => (tick = () => undefined);
    };
    const world = await createWorld({ seed: 'pace', speed: 'realtime', ticker, realNow: () => real });
    const pending = world.run(pullRequest('docker.io/library/hello-world'));
    real += 1;
    tick();
    await vi.waitFor(() => expect(world.trace.entries()).toHaveLength(1));
    expect(world.clock.now()).toBe(WORLD_START + 1);
    // The daemon's first registry request takes 40 ms to arrive: 39 ms of real time is not enough.
    real += 39;
    tick();
    await vi.waitFor(() => expect(world.clock.now()).toBe(WORLD_START + 40));
    await turns(20);
    expect(messages(world.trace.entries()).map((e) => e.summary)).toEqual([
      expect.stringContaining('POST /v1.50/images/create'),
    ]);
    real += 1;
    tick();
    await vi.waitFor(() => expect(messages(world.trace.entries())).toHaveLength(2));

    world.setSpeed({ slow: 4 });
    const before = world.clock.now();
    real += 40;
    tick();
    await vi.waitFor(() => expect(world.clock.now()).toBe(before + 10));

    world.setSpeed('instant');
    await pending;
    world.stop();
  });

  it('knows how fast each speed is', () => {
    expect(rateOf('instant')).toBe(Infinity);
    expect(rateOf('realtime')).toBe(1);
    expect(rateOf({ slow: 8 })).toBe(0.125);
    expect(() => rateOf({ slow: 0.5 })).toThrow(RangeError);
  });
});

function fromStatus(answers: { status: number }[]): number[] {
  return answers.map((a) => a.status);
}
