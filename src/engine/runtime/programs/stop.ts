// How a long-running server hears signals. `docker stop` sends the image's STOPSIGNAL (SIGQUIT for
// nginx, SIGWINCH for httpd, SIGTERM by default) and, after the grace period, SIGKILL; `nginx -s
// reload` sends SIGHUP. A server catches the signals it understands — sigaction(2), here
// `ctx.onSignal` — and reacts in its own way, printing its own log lines; SIGKILL cannot be
// caught, so a killed server just vanishes (the runtime aborts `ctx.signal`, seen here as SIGKILL).
import type { ProcessContext, SignalName } from '../contract';

export interface SignalQueue {
  /** The next signal that arrived (`SIGKILL` once the process has been killed outright). */
  next(): Promise<SignalName>;
  /** Uninstall the handlers. */
  dispose(): void;
}

const NAMES: readonly SignalName[] = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGKILL',
  'SIGUSR1',
  'SIGUSR2',
  'SIGTERM',
  'SIGWINCH',
  'SIGSTOP',
  'SIGCONT',
];

function asSignalName(reason: unknown): SignalName {
  if (typeof reason === 'string' && (NAMES as readonly string[]).includes(reason)) return reason as SignalName;
  if (typeof reason === 'object' && reason !== null && 'signal' in reason) {
    return asSignalName((reason as { signal: unknown }).signal);
  }
  return 'SIGKILL';
}

/**
 * How long one idle wait lasts before the server checks again. Waiting in slices keeps every wait on
 * the clock (where the runtime sees that the process sleeps, as sigsuspend(2) would) without asking
 * a wall clock for a timer longer than it can hold.
 */
const IDLE_SLICE_MS = 3600_000;

/** Catch `signals`; each arrival is queued and handed out by `next()` in order. */
export function catchSignals(ctx: ProcessContext, signals: readonly SignalName[]): SignalQueue {
  const arrived: SignalName[] = [];
  let wake: AbortController | undefined;
  let disposed = false;
  const push = (s: SignalName) => {
    arrived.push(s);
    wake?.abort();
  };
  const onAbort = () => push(asSignalName(ctx.signal.reason));
  if (ctx.signal.aborted) onAbort();
  else ctx.signal.addEventListener('abort', onAbort, { once: true });
  for (const s of signals) ctx.onSignal?.(s, (got) => push(got));
  return {
    next: async () => {
      for (;;) {
        const first = arrived.shift();
        if (first !== undefined) return first;
        if (disposed || ctx.signal.aborted) return 'SIGKILL';
        const own = new AbortController();
        wake = own;
        try {
          await ctx.clock.sleep(IDLE_SLICE_MS, own.signal);
        } catch {
          // woken by a signal (queued above), or killed (SIGKILL queued by onAbort)
        } finally {
          if (wake === own) wake = undefined;
        }
      }
    },
    dispose: () => {
      disposed = true;
      wake?.abort();
      ctx.signal.removeEventListener('abort', onAbort);
      for (const s of signals) ctx.onSignal?.(s, undefined);
    },
  };
}
