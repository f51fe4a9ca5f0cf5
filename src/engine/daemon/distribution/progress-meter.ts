// When the daemon reports how far a transfer has got (moby `pkg/progress` progressreader). Data
// is read in pieces — 32 KiB at a time, Go's io.Copy buffer — and after each piece the reader may
// report the running total: only once more than 1 % of the size (at most 512 KiB) has been read
// since the last report, and then only if the rate limiter (one report per 100 ms) allows or the
// end was reached. Reaching end of file always reports. A fast transfer of a small layer therefore
// says "Downloading n/n" twice: at the last piece, and at end of file.
//
// Time is the daemon's clock, so the simulation decides how many reports a slow link produces.

/** Go's io.Copy buffer size: how much one read takes. */
export const READ_SIZE = 32 * 1024;
const UPDATE_EVERY = 512 * 1024;
const RATE_MS = 100;

export class ProgressMeter {
  private current = 0;
  private lastUpdate = 0;
  private tokens = 1;
  private lastRefill: number;
  private readonly updateEvery: number;

  constructor(
    /** Expected total bytes (0 when unknown). */
    readonly size: number,
    private readonly now: () => number,
  ) {
    this.lastRefill = now();
    const onePercent = Math.trunc(0.01 * size);
    this.updateEvery = size > 0 && onePercent < UPDATE_EVERY ? onePercent : UPDATE_EVERY;
  }

  /** `n` more bytes were read; returns the total to report, or undefined to stay quiet. */
  read(n: number): number | undefined {
    this.current += n;
    if (this.current - this.lastUpdate <= this.updateEvery) return undefined;
    this.lastUpdate = this.current;
    return this.current === this.size || this.allow() ? this.current : undefined;
  }

  /** End of file: always report. */
  end(): number {
    this.lastUpdate = this.current;
    return this.current;
  }

  /** golang.org/x/time/rate with one token per 100 ms and a burst of one. */
  private allow(): boolean {
    const now = this.now();
    this.tokens = Math.min(1, this.tokens + (now - this.lastRefill) / RATE_MS);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Split bytes into the pieces a 32 KiB read loop takes. */
export function* readPieces(total: number, size = READ_SIZE): Generator<number> {
  for (let at = 0; at < total; at += size) yield Math.min(size, total - at);
}
