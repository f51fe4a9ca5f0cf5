// The wall ticker ticks as soon as something is due, and otherwise only every `idleMs` (timers
// faked: the test moves time itself).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wallTicker } from './wall-ticker';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('wallTicker', () => {
  it('ticks every idleMs while nothing is due, at once when something is', () => {
    let due: number | undefined = undefined;
    const ticks: number[] = [];
    const stop = wallTicker({ nextDue: () => due, realNow: () => Date.now(), idleMs: 20 })(() =>
      ticks.push(Date.now()),
    );
    const t0 = Date.now();
    vi.advanceTimersByTime(45);
    expect(ticks.map((t) => t - t0)).toEqual([1, 21, 41]);
    due = Date.now() + 3;
    vi.advanceTimersByTime(5);
    // Due 3 ms from now: ticked on the first check at or after it, and on every check after.
    expect(ticks.map((t) => t - t0)).toEqual([1, 21, 41, 48, 49, 50]);
    stop();
    vi.advanceTimersByTime(100);
    expect(ticks.length).toBe(6);
  });
});
