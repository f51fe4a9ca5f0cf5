// What moves a world's clock under `npm run serve`, where real clients wait on real sockets.
//
// The world runs at `speed: 'realtime'`: its clock starts at the real time and each tick moves it
// by the real time elapsed since the last. The page ticks on animation frames, so a message whose
// link time has passed waits for the next frame; a real client would feel that on every request.
// This ticker instead looks every millisecond whether the world has anything due — a message at
// the end of its link, a container's `sleep 1` — and ticks at once if so; otherwise it ticks every
// `idleMs` anyway, so the clock keeps reading the real time (`docker ps`: "Up 3 seconds").
import type { Ticker } from '../actors/world/driver';

export interface WallTickerOptions {
  /** The virtual time of the world's earliest sleep, if any (read on every check). */
  nextDue: () => number | undefined;
  /** Real time in ms since the epoch (the world's clock started at it). */
  realNow?: () => number;
  /** Longest time between two ticks when nothing is due. */
  idleMs?: number;
}

export function wallTicker({ nextDue, realNow = () => Date.now(), idleMs = 20 }: WallTickerOptions): Ticker {
  return (tick) => {
    let last = -Infinity;
    const check = () => {
      const now = realNow();
      const due = nextDue();
      if ((due !== undefined && due <= now) || now - last >= idleMs) {
        last = now;
        tick();
      }
    };
    const handle = setInterval(check, 1);
    // Servers keep a serving process alive; a forgotten world must not.
    handle.unref();
    return () => clearInterval(handle);
  };
}
