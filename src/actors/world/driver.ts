// Pacing: how fast the world's virtual clock moves, and so how fast messages travel.
//
//   instant    time jumps straight to the next thing that is due, for as long as someone awaits a
//              result (`until`) — how tests run a pull of many round trips in milliseconds;
//   realtime   one virtual millisecond per real one, advanced from a ticker (timers in Node,
//              animation frames in the page);
//   slow ×N    N real milliseconds per virtual one — slow motion for a class.
//
// Paused, the clock stands still: every message on a link stays on it and every operation waiting
// for one waits too. A leg whose time has come while paused is held at the network's gate; `step`
// lets exactly one message through — the next one due — and lets the work it sets off run until it
// waits again. Time only moves when real-time work (hashing, IndexedDB) has finished, so every run
// of the same commands interleaves the same way.
import { yieldToEventLoop, type SimulatedClock } from '../../engine/runtime/clock';
import type { Network } from '../network/network';
import type { Trace } from '../trace/trace';

export type Speed = 'instant' | 'realtime' | { slow: number };

/** Something that calls `tick` over and over until stopped: timers, or animation frames. */
export type Ticker = (tick: () => void) => () => void;

/** A ticker on timers (Node, and the page when it is hidden). */
export const timerTicker: Ticker = (tick) => {
  const handle = setInterval(tick, 16);
  return () => clearInterval(handle);
};

/** A ticker on animation frames where there are any, timers elsewhere. */
export const frameTicker: Ticker = (tick) => {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
  const cancel = (globalThis as { cancelAnimationFrame?: (h: number) => void }).cancelAnimationFrame;
  if (!raf || !cancel) return timerTicker(tick);
  let handle = 0;
  const loop = () => {
    tick();
    handle = raf(loop);
  };
  handle = raf(loop);
  return () => cancel(handle);
};

/** Virtual milliseconds per real millisecond. */
export function rateOf(speed: Speed): number {
  if (speed === 'instant') return Infinity;
  if (speed === 'realtime') return 1;
  if (!(speed.slow >= 1) || !Number.isFinite(speed.slow))
    throw new RangeError(`slow motion factor must be ≥ 1, got ${speed.slow}`);
  return 1 / speed.slow;
}

export interface DriverOptions {
  speed?: Speed;
  /** What drives real time and slow motion: animation frames where there are any, else timers. */
  ticker?: Ticker;
  /** Real time in milliseconds (performance.now by default). */
  realNow?: () => number;
  /** How much virtual time one awaited result may take before it is given up (default 24 h). */
  limitMs?: number;
}

interface Waiter {
  deadline: number;
  fail: (error: Error) => void;
}

export class Driver {
  #speed: Speed;
  #paused = false;
  #held: (() => void)[] = [];
  #waiters = new Set<Waiter>();
  #pumping = false;
  #stopTicker: (() => void) | undefined;
  #lastReal = 0;
  #carry = 0;
  #owed = 0;
  #advancing = false;
  #deliveries = 0;
  #stepping: Promise<boolean> = Promise.resolve(false);
  readonly #ticker: Ticker;
  readonly #realNow: () => number;
  readonly #limitMs: number;
  readonly #unsubscribe: (() => void)[] = [];

  constructor(
    readonly clock: SimulatedClock,
    readonly network: Network,
    trace: Trace,
    options: DriverOptions = {},
  ) {
    this.#speed = options.speed ?? 'instant';
    rateOf(this.#speed);
    this.#ticker = options.ticker ?? frameTicker;
    this.#realNow = options.realNow ?? (() => performance.now());
    this.#limitMs = options.limitMs ?? 24 * 3600_000;
    network.holdDelivery = () => (this.#paused ? new Promise<void>((release) => this.#held.push(release)) : undefined);
    this.#unsubscribe.push(network.onDelivery(() => this.#deliveries++));
    this.#unsubscribe.push(trace.subscribe((e) => void (e.kind === 'failure' && this.#deliveries++)));
    this.#run();
  }

  get speed(): Speed {
    return this.#speed;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Messages whose time has come, held at the gate while paused. */
  get held(): number {
    return this.#held.length;
  }

  setSpeed(speed: Speed): void {
    rateOf(speed);
    this.#speed = speed;
    this.#halt();
    this.#run();
  }

  pause(): void {
    this.#paused = true;
    this.#halt();
  }

  resume(): void {
    this.#paused = false;
    const held = this.#held;
    this.#held = [];
    for (const release of held) release();
    this.#run();
  }

  /**
   * Deliver exactly the next message (only while paused), then let the work it sets off run until
   * it waits again. Resolves true if a message was delivered, false if nothing was on its way.
   */
  step(): Promise<boolean> {
    if (!this.#paused) return Promise.reject(new Error('step: pause the network first'));
    this.#stepping = this.#stepping.then(
      () => this.#stepOnce(),
      () => this.#stepOnce(),
    );
    return this.#stepping;
  }

  /** Resolve with `work` once it settles, moving time as the speed says (instant: as fast as it can). */
  until<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = { deadline: this.clock.now() + this.#limitMs, fail: reject };
      this.#waiters.add(waiter);
      work.then(
        (value) => {
          this.#waiters.delete(waiter);
          resolve(value);
        },
        (error: unknown) => {
          this.#waiters.delete(waiter);
          reject(error);
        },
      );
      this.#run();
    });
  }

  /** Stop the ticker for good (the world is being thrown away). */
  stop(): void {
    this.#halt();
    this.#paused = true;
    for (const off of this.#unsubscribe) off();
    if (this.network.holdDelivery) delete this.network.holdDelivery;
  }

  async #stepOnce(): Promise<boolean> {
    const before = this.#deliveries;
    await this.clock.advance(0);
    for (let turns = 0; turns < 100_000; turns++) {
      if (this.#deliveries > before) return true;
      const release = this.#held.shift();
      if (release) {
        release();
        await this.clock.advance(0);
        return true;
      }
      const due = this.network.nextLegDue() ?? this.clock.nextDeadline;
      if (due === undefined || due > this.clock.now() + this.#limitMs) return false;
      await this.clock.advanceTo(due);
    }
    return false;
  }

  #run(): void {
    if (this.#paused) return;
    if (this.#speed === 'instant') void this.#pump();
    else this.#startTicker();
  }

  #halt(): void {
    this.#stopTicker?.();
    this.#stopTicker = undefined;
    this.#owed = 0;
    this.#carry = 0;
  }

  /** Instant mode: jump to each next deadline while anyone is waiting for a result. */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      let idle = 0;
      while (this.#waiters.size > 0 && this.#speed === 'instant' && !this.#paused) {
        await yieldToEventLoop();
        if (this.#waiters.size === 0) break;
        const next = this.clock.nextDeadline;
        if (next !== undefined) {
          idle = 0;
          for (const w of [...this.#waiters]) {
            if (next > w.deadline) this.#giveUp(w, `still running after ${this.#limitMs} ms of simulated time`);
          }
          await this.clock.advanceTo(next);
        } else if (++idle > 5000) {
          for (const w of [...this.#waiters]) this.#giveUp(w, 'nothing left to wait for, and the work did not finish');
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  #giveUp(waiter: Waiter, why: string): void {
    this.#waiters.delete(waiter);
    waiter.fail(new Error(`world: ${why}`));
  }

  /** Real time or slow motion: each tick moves the clock by the real time since the last one, scaled. */
  #startTicker(): void {
    if (this.#stopTicker) return;
    this.#lastReal = this.#realNow();
    this.#stopTicker = this.#ticker(() => void this.#tick());
  }

  async #tick(): Promise<void> {
    const now = this.#realNow();
    this.#carry += (now - this.#lastReal) * rateOf(this.#speed);
    this.#lastReal = now;
    const whole = Math.floor(this.#carry);
    this.#carry -= whole;
    this.#owed += whole;
    if (this.#advancing) return;
    this.#advancing = true;
    try {
      while (this.#owed > 0 && !this.#paused && this.#speed !== 'instant') {
        const ms = this.#owed;
        this.#owed = 0;
        await this.clock.advance(ms);
      }
    } finally {
      this.#advancing = false;
    }
  }
}
