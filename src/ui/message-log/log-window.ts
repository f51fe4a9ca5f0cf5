// The message log keeps the page light: it shows the newest entries of the trace only (the trace
// itself keeps far more), and says how many older ones it let go. Appending is pure, so a burst of
// messages from an instant-speed pull becomes one update of the list.
import type { TraceEntry } from '../../actors/trace/types';

export interface LogWindow {
  /** The newest entries, oldest first. */
  readonly entries: readonly TraceEntry[];
  /** How many earlier entries were let go from the page. */
  readonly dropped: number;
}

export const EMPTY_LOG: LogWindow = { entries: [], dropped: 0 };

/** Entries on the page at most. */
export const LOG_CAP = 400;

export function appendToLog(window: LogWindow, added: readonly TraceEntry[], cap = LOG_CAP): LogWindow {
  if (added.length === 0) return window;
  const all = [...window.entries, ...added];
  const excess = Math.max(0, all.length - cap);
  return { entries: excess ? all.slice(excess) : all, dropped: window.dropped + excess };
}

/** Whether an entry is a message on the wire (request, response, failure) rather than a state change. */
export function isMessage(entry: TraceEntry): boolean {
  return entry.kind !== 'event';
}
