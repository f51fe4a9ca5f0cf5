// Time inside a container. A real `sleep 5` asks the kernel to wake it five seconds later; here it
// asks a Clock. Two clocks share one interface (contract.ts `Clock`):
//
//   - `SimulatedClock` — virtual time that only moves when told (`advance(ms)`): the page's world
//     clock and the tests'. Sleeps wake in the order of their deadlines as the clock passes them,
//     and between two wake-ups the woken processes run until they wait again, so a loop of
//     `sleep 1; echo tick` prints exactly once per simulated second.
//   - `WallClock` — real time, for `npm run serve` where real clients wait on real sockets.
//
// Programs never call setTimeout: everything that waits goes through the clock, so time in the
// simulation can be paused, slowed down or run instantly.

import { isIdle, whenIdle } from '../activity';
import type { Clock } from './contract';

/** Let every queued promise job and pending I/O run: one turn of the event loop. */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  if (immediate) return new Promise((resolve) => void immediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The reason a sleep rejects with when its signal aborts without a reason of its own. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

interface Timer {
  at: number;
  seq: number;
  wake: () => void;
}

/** Virtual time: starts at `start` (ms since the epoch) and moves only with `advance`. */
export class SimulatedClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;

  constructor(start = Date.UTC(2025, 2, 1, 12, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** How many sleeps are waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** The deadline of the earliest sleep, if any. */
  get nextDeadline(): number | undefined {
    return this.timers[0]?.at;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const timer: Timer = { at: this.current + Math.max(0, ms), seq: this.seq++, wake: () => finish(resolve) };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        finish(() => reject(abortReason(signal as AbortSignal)));
      };
      const finish = (settle: () => void) => {
        signal?.removeEventListener('abort', onAbort);
        settle();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.insert(timer);
    });
  }

  private insert(timer: Timer): void {
    const i = this.timers.findIndex((t) => t.at > timer.at || (t.at === timer.at && t.seq > timer.seq));
    if (i < 0) this.timers.push(timer);
    else this.timers.splice(i, 0, timer);
  }

  /**
   * Move time forward by `ms`, waking each sleep whose deadline is passed, in deadline order, and
   * letting the woken programs run (they may sleep again within the same window) before the next.
   */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + Math.max(0, ms));
  }

  /** Move time forward to `target` (never backwards). */
  async advanceTo(target: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.timers[0];
      if (next === undefined || next.at > target) break;
      this.timers.shift();
      this.current = Math.max(this.current, next.at);
      next.wake();
      await settle();
    }
    this.current = Math.max(this.current, target);
    await settle();
  }

  /**
   * Run until `done` settles, jumping straight to each next deadline whenever every process is
   * waiting: how a build runs `RUN sleep 5` instantly, and how tests wait for a program to finish.
   * Gives up (rejects) after `limitMs` of simulated time, or when nothing can make progress.
   * `busy` says some process can still run without time passing (then time does not jump yet).
   */
  async runUntil<T>(done: Promise<T>, limitMs = 24 * 3600_000, busy: () => boolean = () => false): Promise<T> {
    let settled = false;
    done.then(
      () => (settled = true),
      () => (settled = true),
    );
    const deadline = this.current + limitMs;
    let idleTurns = 0;
    let busyTurns = 0;
    while (!settled) {
      await yieldToEventLoop();
      if (settled) break;
      // A process that can run gets the turn before time jumps — unless it has claimed to be busy
      // for so long that it must really be waiting on something the runtime cannot see.
      if (busy() && ++busyTurns < 2000) {
        idleTurns = 0;
        continue;
      }
      busyTurns = 0;
      const next = this.timers[0];
      if (next !== undefined && next.at <= deadline) {
        idleTurns = 0;
        await this.advanceTo(next.at);
      } else if (++idleTurns > 5000) {
        throw new Error(
          next === undefined
            ? 'runUntil: nothing left to wait for, and the operation did not finish'
            : `runUntil: still running after ${limitMs} ms of simulated time`,
        );
      }
    }
    return done;
  }
}

/**
 * Several event-loop turns — enough for chains of awaits started by a wake-up to reach their next
 * wait — and, in between, every tracked WebCrypto or IndexedDB call finished (see ../activity.ts):
 * virtual time must not move while work that takes real time is still running.
 */
async function settle(): Promise<void> {
  for (let quiet = 0; quiet < 3;) {
    await yieldToEventLoop();
    if (isIdle()) quiet++;
    else {
      quiet = 0;
      await whenIdle();
    }
  }
}

/** Real time: for the Node servers where real clients wait on real sockets. */
export class WallClock implements Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(handle);
        reject(abortReason(signal as AbortSignal));
      };
      const handle = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
