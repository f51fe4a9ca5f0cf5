// `docker wait` and the `wait` of `docker run` (moby `State.Wait`): block until a container reaches
// a condition, then give its exit status.
//
//   not-running (default)  at once if it is not running, else at its next stop
//   next-exit              at its next stop, even if it is not running now
//   removed                when it is removed (`docker run --rm` waits for this)
//
// A stop includes entering `restarting`: the process did exit. Removal also ends every stop-wait,
// for a container removed before it ever ran. The answer carries an `Error` when the last start
// failed (`{"Error":{"Message":"…"},"StatusCode":127}`).
import { DaemonError } from '../api/errors';

export type WaitCondition = 'not-running' | 'next-exit' | 'removed';

export interface WaitResult {
  StatusCode: number;
  /** Present only when the container's last error is set (moby omits it otherwise). */
  Error?: { Message: string };
}

/** The `condition` query parameter; `invalid condition: "x"` (400) for anything else. */
export function parseWaitCondition(text: string | null): WaitCondition {
  if (text === null || text === '' || text === 'not-running') return 'not-running';
  if (text === 'next-exit' || text === 'removed') return text;
  throw DaemonError.invalidParameter(`invalid condition: ${JSON.stringify(text)}`);
}

type Waiter = (result: WaitResult) => void;

/** The waiters of one container. */
export class Waiters {
  private readonly onStop = new Set<Waiter>();
  private readonly onRemove = new Set<Waiter>();

  /**
   * A promise for `condition`, or the result at once (`current`) when it already holds; `cancel`
   * forgets the waiter (the client went away).
   */
  wait(
    condition: WaitCondition,
    running: boolean,
    current: () => WaitResult,
  ): { result: Promise<WaitResult>; cancel(): void } {
    if (condition === 'not-running' && !running) return { result: Promise.resolve(current()), cancel: () => {} };
    let waiter: Waiter = () => {};
    const result = new Promise<WaitResult>((resolve) => (waiter = resolve));
    if (condition !== 'removed') this.onStop.add(waiter);
    this.onRemove.add(waiter);
    return {
      result,
      cancel: () => {
        this.onStop.delete(waiter);
        this.onRemove.delete(waiter);
      },
    };
  }

  /** The main process exited (the container stopped or is about to restart). */
  stopped(result: WaitResult): void {
    const waiting = [...this.onStop];
    this.onStop.clear();
    for (const w of waiting) {
      this.onRemove.delete(w);
      w(result);
    }
  }

  /** The container is gone. */
  removed(result: WaitResult): void {
    const waiting = [...this.onRemove];
    this.onRemove.clear();
    this.onStop.clear();
    for (const w of waiting) w(result);
  }
}
