import { describe, expect, it } from 'vitest';
import { SimulatedClock, WallClock } from './clock';

describe('SimulatedClock', () => {
  it('wakes sleeps in deadline order as time advances, and not before', async () => {
    const clock = new SimulatedClock(0);
    const woke: string[] = [];
    void clock.sleep(300).then(() => woke.push(`c@${clock.now()}`));
    void clock.sleep(100).then(() => woke.push(`a@${clock.now()}`));
    void clock.sleep(200).then(() => woke.push(`b@${clock.now()}`));
    await clock.advance(150);
    expect(woke).toEqual(['a@100']);
    await clock.advance(1000);
    expect(woke).toEqual(['a@100', 'b@200', 'c@300']);
    expect(clock.now()).toBe(1150);
  });

  it('lets a woken program sleep again within the same advance', async () => {
    const clock = new SimulatedClock(0);
    const ticks: number[] = [];
    void (async () => {
      for (let i = 0; i < 5; i++) {
        await clock.sleep(1000);
        ticks.push(clock.now());
      }
    })();
    await clock.advance(3500);
    expect(ticks).toEqual([1000, 2000, 3000]);
  });

  it('rejects a sleep when its signal aborts, and forgets the timer', async () => {
    const clock = new SimulatedClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort(new Error('killed'));
    await expect(sleeping).rejects.toThrow('killed');
    expect(clock.pending).toBe(0);
  });

  it('runUntil jumps to each deadline while everything waits', async () => {
    const clock = new SimulatedClock(0);
    const done = (async () => {
      await clock.sleep(60_000);
      await clock.sleep(5_000);
      return 'finished';
    })();
    await expect(clock.runUntil(done)).resolves.toBe('finished');
    expect(clock.now()).toBe(65_000);
  });

  it('runUntil gives up when nothing can make progress', async () => {
    const clock = new SimulatedClock(0);
    await expect(clock.runUntil(new Promise(() => undefined))).rejects.toThrow(/nothing left to wait for/);
  });
});

describe('WallClock', () => {
  it('sleeps in real time and can be aborted', async () => {
    const clock = new WallClock();
    const t0 = clock.now();
    await clock.sleep(5);
    expect(clock.now() - t0).toBeGreaterThanOrEqual(4);
    const controller = new AbortController();
    const p = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });
});
