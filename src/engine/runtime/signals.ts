// Signals: how the kernel interrupts a process. Each has a number (Linux's, on x86-64 and arm64
// alike) and a default action — terminate, ignore, stop or continue. A process may catch most of
// them with a handler; SIGKILL and SIGSTOP it can never catch. A process killed by signal N exits
// with status 128+N as its parent's shell reports it: 137 for SIGKILL (`docker kill`, the OOM
// killer), 143 for SIGTERM (`docker stop`), 130 for SIGINT (Ctrl-C).
//
// PID 1 is special: the kernel delivers to a namespace's init only the signals it has a handler
// for (SIGKILL and SIGSTOP from outside excepted). That is why `docker stop` on a container whose
// PID 1 is `sleep 100` waits ten seconds and then kills it: the SIGTERM is simply ignored.

import type { SignalName } from './contract';

/** Signal names without `SIG`, by number, as `kill -l` lists them (1–31, then the real-time range). */
export const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  1: 'HUP',
  2: 'INT',
  3: 'QUIT',
  4: 'ILL',
  5: 'TRAP',
  6: 'ABRT',
  7: 'BUS',
  8: 'FPE',
  9: 'KILL',
  10: 'USR1',
  11: 'SEGV',
  12: 'USR2',
  13: 'PIPE',
  14: 'ALRM',
  15: 'TERM',
  16: 'STKFLT',
  17: 'CHLD',
  18: 'CONT',
  19: 'STOP',
  20: 'TSTP',
  21: 'TTIN',
  22: 'TTOU',
  23: 'URG',
  24: 'XCPU',
  25: 'XFSZ',
  26: 'VTALRM',
  27: 'PROF',
  28: 'WINCH',
  29: 'IO',
  30: 'PWR',
  31: 'SYS',
  34: 'RTMIN',
  64: 'RTMAX',
};

export type DefaultAction = 'terminate' | 'ignore' | 'stop' | 'continue';

const IGNORED = new Set([17, 23, 28]); // CHLD, URG, WINCH
const STOPPING = new Set([19, 20, 21, 22]); // STOP, TSTP, TTIN, TTOU

/** What happens to a process that does not handle signal `n`. */
export function defaultAction(n: number): DefaultAction {
  if (IGNORED.has(n)) return 'ignore';
  if (STOPPING.has(n)) return 'stop';
  if (n === 18) return 'continue';
  return 'terminate';
}

/** Linux's number for a signal: `signalNumber('SIGTERM')` = 15. Accepts `TERM`, `SIGTERM`, `15`. */
export function signalNumber(name: string): number | undefined {
  if (/^\d+$/.test(name)) {
    const n = Number(name);
    return n >= 0 && n <= 64 ? n : undefined;
  }
  const bare = name.toUpperCase().replace(/^SIG/, '');
  if (bare === 'POLL') return 29;
  if (bare === 'IOT') return 6;
  if (bare === 'CLD') return 17;
  for (const [n, signame] of Object.entries(SIGNAL_NAMES)) if (signame === bare) return Number(n);
  return undefined;
}

/** The bare name of signal `n` (`TERM`), or undefined. */
export function signalName(n: number): string | undefined {
  return SIGNAL_NAMES[n];
}

/** The contract's name for signal `n` when it has one (`SIGTERM`). */
export function contractSignal(n: number): SignalName | undefined {
  const name = `SIG${SIGNAL_NAMES[n] ?? ''}`;
  const known: readonly string[] = [
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
  return known.includes(name) ? (name as SignalName) : undefined;
}

/** The exit status of a process killed by signal `n`, as `$?` and `docker wait` report it. */
export function statusForSignal(n: number): number {
  return 128 + n;
}

/**
 * Why a process stopped running before its program returned: the reason its AbortSignal carries.
 * `status` is what its parent sees (137 for SIGKILL); `message`, when present, is the one-line
 * explanation already printed on its stderr (the runtime's limits).
 */
export class ProcessKilled extends Error {
  override name = 'ProcessKilled';

  constructor(
    readonly signal: number,
    readonly status: number = statusForSignal(signal),
    message = `killed by SIG${SIGNAL_NAMES[signal] ?? signal}`,
  ) {
    super(message);
  }
}

/** True when `err` is the reason of a killed process (or wraps one). */
export function isProcessKilled(err: unknown): err is ProcessKilled {
  return err instanceof ProcessKilled;
}
