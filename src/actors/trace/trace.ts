// The trace store: an append-only, subscribable log with bounded memory. Entries keep their full
// messages for the most recent commands only; older commands are compacted (bodies and headers
// dropped, one-line summaries kept), and beyond a hard limit the oldest entries go altogether.
// A streamed response keeps the chunks that passed to the client, bounded per stream
// (stream-record.ts), and they are compacted with their command.
import {
  compactStreamRecord,
  DEFAULT_STREAM_LIMITS,
  endStreamRecord,
  keepChunk,
  openStreamRecord,
  type StreamLimits,
} from './stream-record';
import type { StreamRecord, TraceEntry, TraceResponse } from './types';

export interface TraceLimits extends StreamLimits {
  /** Commands whose entries keep their full messages (default 20). */
  detailedCommands: number;
  /** Entries kept at most; older ones are dropped (default 50,000). */
  maxEntries: number;
}

type Listener = (entry: TraceEntry) => void;
/** Told when a streamed response gains a chunk or ends (its entry is the same object, updated). */
type StreamListener = (entry: TraceResponse) => void;

/** What every entry of the trace is made from, before the store numbers it. */
export type NewEntry = TraceEntry extends infer E ? (E extends TraceEntry ? Omit<E, 'seq'> : never) : never;

export class Trace {
  #entries: TraceEntry[] = [];
  #seq = 0;
  #listeners = new Set<Listener>();
  #streamListeners = new Set<StreamListener>();
  /** Entries before this index have been compacted already. */
  #compactedUpTo = 0;
  readonly limits: TraceLimits;

  constructor(limits: Partial<TraceLimits> = {}) {
    this.limits = { detailedCommands: 20, maxEntries: 50_000, ...DEFAULT_STREAM_LIMITS, ...limits };
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

  /**
   * A chunk of `entry`'s streamed body passed at `time`: keep it (within the limits) in the
   * entry's stream record. The entry gets a record on its first chunk if it had none.
   */
  recordChunk(entry: TraceResponse, bytes: Uint8Array, time: number): void {
    keepChunk(this.#streamOf(entry), bytes, time, this.limits);
    for (const listener of this.#streamListeners) listener(entry);
  }

  /** `entry`'s streamed body is over: `ended` by its sender, `closed` by its reader, or `failed`. */
  endStream(entry: TraceResponse, state: Exclude<StreamRecord['state'], 'streaming'>): void {
    endStreamRecord(this.#streamOf(entry), state);
    for (const listener of this.#streamListeners) listener(entry);
  }

  /** Be told of each chunk and end of a streamed body (the entry list itself does not change). */
  subscribeStreams(listener: StreamListener): () => void {
    this.#streamListeners.add(listener);
    return () => this.#streamListeners.delete(listener);
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
  #streamOf(entry: TraceResponse): StreamRecord {
    if (entry.stream) return entry.stream;
    const record = openStreamRecord();
    // An entry already compacted (or gone) keeps no chunks.
    const at = this.#entries.indexOf(entry);
    if (at < 0 || at < this.#compactedUpTo) compactStreamRecord(record);
    entry.stream = record;
    return record;
  }

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
      if (e.kind === 'response' && e.stream) compactStreamRecord(e.stream);
      this.#compactedUpTo++;
    }
  }
}
