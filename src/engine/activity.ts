// Work in flight that the simulation's clock must wait for. WebCrypto and IndexedDB answer on
// their own schedule, outside JavaScript's event loop order; if virtual time moved on while a
// daemon was still hashing a layer, two runs of the same commands could interleave differently.
// Every such call is wrapped in `tracked`, and the clock advances only once `isIdle()` — so the
// same commands always give the same trace, the same timestamps and the same IDs.

let busy = 0;
let waiters: (() => void)[] = [];

/** Count `work` as in flight until it settles. */
export function tracked<T>(work: Promise<T>): Promise<T> {
  busy++;
  const done = () => {
    busy--;
    if (busy === 0) {
      const ready = waiters;
      waiters = [];
      for (const wake of ready) wake();
    }
  };
  work.then(done, done);
  return work;
}

export function isIdle(): boolean {
  return busy === 0;
}

/** Resolves when no tracked work is in flight (at once if none is). */
export function whenIdle(): Promise<void> {
  return busy === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
}
