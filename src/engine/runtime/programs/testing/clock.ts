// A hand-driven clock for tests of long-running programs: time moves only when the test says so.
// `sleep` queues a wake-up; `advance(ms)` moves time forward and wakes sleepers in time order,
// letting each one run (microtasks flushed) before the next is woken — like the simulation's clock.
import type { Clock } from '../../contract';

interface Sleeper {
  at: number;
  seq: number;
  wake: () => void;
}

/** Let pending promise callbacks run (a few macrotask turns, so chained awaits settle). */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((r) => setTimeout(r, 0));
}

export class TestClock implements Clock {
  private time: number;
  private seq = 0;
  private sleepers: Sleeper[] = [];

  /**
   * `auto`: time jumps forward by itself whenever something sleeps (for programs that run to
   * completion, like `apk add`, whose waits only stand for network time).
   */
  constructor(
    start: number | string = '2025-02-20T10:00:00Z',
    private readonly auto = false,
  ) {
    this.time = typeof start === 'number' ? start : Date.parse(start);
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.auto) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      this.time += Math.max(0, ms);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const sleeper: Sleeper = { at: this.time + Math.max(0, ms), seq: this.seq++, wake: resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Move time forward by `ms`, waking every sleeper whose time has come, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const next = this.sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.time = Math.max(this.time, next.at);
      next.wake();
      await settle();
    }
    this.time = end;
  }

  /** How many sleeps are waiting (a long-running program parked on the clock). */
  get pending(): number {
    return this.sleepers.length;
  }
}
