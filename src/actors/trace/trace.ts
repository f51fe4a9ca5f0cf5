// The trace store: an append-only, subscribable log with bounded memory. Entries keep their full
// messages for the most recent commands only; older commands are compacted (bodies and headers
// dropped, one-line summaries kept), and beyond a hard limit the oldest entries go altogether.
import type { TraceEntry } from './types';

export interface TraceLimits {
  /** Commands whose entries keep their full messages (default 20). */
  detailedCommands: number;
  /** Entries kept at most; older ones are dropped (default 50,000). */
  maxEntries: number;
}

type Listener = (entry: TraceEntry) => void;

/** What every entry of the trace is made from, before the store numbers it. */
export type NewEntry = TraceEntry extends infer E ? (E extends TraceEntry ? Omit<E, 'seq'> : never) : never;

export class Trace {
  #entries: TraceEntry[] = [];
  #seq = 0;
  #listeners = new Set<Listener>();
  /** Entries before this index have been compacted already. */
  #compactedUpTo = 0;
  readonly limits: TraceLimits;

  constructor(limits: Partial<TraceLimits> = {}) {
    this.limits = { detailedCommands: 20, maxEntries: 50_000, ...limits };
  }

  /** Number, store and announce an entry; returns it as stored. */
  append(entry: NewEntry): TraceEntry {
    const stored = { ...entry, seq: ++this.#seq } as TraceEntry;
    this.#entries.push(stored);
    this.#compact(stored.command);
    for (const listener of this.#listeners) listener(stored);
    return stored;
  }

  /** Every entry still held, oldest first. */
  entries(): readonly TraceEntry[] {
    return this.#entries;
  }

  /** Entries of one command, in order. */
  ofCommand(command: number): TraceEntry[] {
    return this.#entries.filter((e) => e.command === command);
  }

  /** Entries after a position (`seq`), e.g. since a lesson step began. */
  since(seq: number): TraceEntry[] {
    return this.#entries.filter((e) => e.seq > seq);
  }

  /** The seq of the newest entry (0 when empty). */
  get lastSeq(): number {
    return this.#seq;
  }

  /**
   * Continue numbering after `seq`: a world restored from a snapshot picks up where it left off,
   * so the entries it adds carry the numbers they would have had. (Added for world snapshots.)
   */
  continueFrom(seq: number): void {
    this.#seq = Math.max(this.#seq, seq);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#entries = [];
    this.#compactedUpTo = 0;
  }

  // Amortised O(1): a pointer walks forward over entries of commands that left the detailed window.
  #compact(current: number | undefined): void {
    const excess = this.#entries.length - this.limits.maxEntries;
    if (excess > 0) {
      this.#entries.splice(0, excess);
      this.#compactedUpTo = Math.max(0, this.#compactedUpTo - excess);
    }
    if (current === undefined) return;
    const oldestDetailed = current - this.limits.detailedCommands + 1;
    while (this.#compactedUpTo < this.#entries.length) {
      const e = this.#entries[this.#compactedUpTo]!;
      if ((e.command ?? -Infinity) >= oldestDetailed) break;
      // Assigning keeps the object's shape (V8 stores objects that lose a property less compactly).
      if ((e.kind === 'request' || e.kind === 'response') && e.message) e.message = undefined;
      this.#compactedUpTo++;
    }
  }
}
