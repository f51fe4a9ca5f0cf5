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

/** Catch `signals`; each arrival is queued and handed out by `next()` in order. */
export function catchSignals(ctx: ProcessContext, signals: readonly SignalName[]): SignalQueue {
  const arrived: SignalName[] = [];
  let waiting: ((s: SignalName) => void) | undefined;
  const push = (s: SignalName) => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(s);
    } else arrived.push(s);
  };
  const onAbort = () => push(asSignalName(ctx.signal.reason));
  if (ctx.signal.aborted) onAbort();
  else ctx.signal.addEventListener('abort', onAbort, { once: true });
  for (const s of signals) ctx.onSignal?.(s, (got) => push(got));
  return {
    next: () => {
      const first = arrived.shift();
      return first !== undefined ? Promise.resolve(first) : new Promise((resolve) => (waiting = resolve));
    },
    dispose: () => {
      ctx.signal.removeEventListener('abort', onAbort);
      for (const s of signals) ctx.onSignal?.(s, undefined);
    },
  };
}
