// Signals as the Engine API takes them (`kill?signal=`, `stop?signal=`, a container's StopSignal):
// moby's `signal.ParseSignal` accepts a number (`9`), or a name with or without `SIG`, in any case
// (`KILL`, `SIGKILL`, `sigterm`); anything else, and 0, is `Invalid signal: <text>`. The numbers are
// Linux's on x86-64 and arm64.
import { DaemonError } from '../api/errors';

/** Linux signal numbers by name without `SIG` (the runtime's own table lives in runtime/signals.ts). */
export const SIGNAL_NUMBERS: Readonly<Record<string, number>> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  IOT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  STKFLT: 16,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  XCPU: 24,
  XFSZ: 25,
  VTALRM: 26,
  PROF: 27,
  WINCH: 28,
  IO: 29,
  POLL: 29,
  PWR: 30,
  SYS: 31,
};

export const SIGKILL = 9;
export const SIGTERM = 15;

/** moby signal.ParseSignal; 400 `Invalid signal: …` for anything it does not know. */
export function parseSignal(text: string): number {
  if (/^[+-]?\d+$/.test(text)) {
    const n = Number(text);
    if (n === 0 || n < 0 || n > 64) throw DaemonError.invalidParameter(`Invalid signal: ${text}`);
    return n;
  }
  const upper = text.toUpperCase();
  const number = SIGNAL_NUMBERS[upper.startsWith('SIG') ? upper.slice(3) : upper];
  if (number === undefined) throw DaemonError.invalidParameter(`Invalid signal: ${text}`);
  return number;
}
