// What the trace keeps of a streamed body. Docker streams whenever an answer comes in pieces over
// time: a pull's or push's progress messages, a build's output, `docker logs` and `docker attach`
// (8-byte multiplexed frames, or a TTY's raw bytes), `/events`, `/stats`. The trace keeps such a
// body as the chunks the client received, each with the virtual time it passed, so the inspector
// can show what the daemon said and when.
//
// A stream may never end (`docker logs -f`, `docker events`), so the record is bounded: it keeps
// the first `streamBytes` bytes (cutting the chunk that crosses the line) and at most
// `streamChunks` chunks, and only counts the rest. When the trace compacts its command, the kept
// chunks go too, and later chunks are only counted.
import type { StreamChunk, StreamRecord } from './types';

export interface StreamLimits {
  /** Bytes of one streamed body the trace keeps (default 64 KiB). */
  streamBytes: number;
  /** Chunks of one streamed body the trace keeps (default 1,000). */
  streamChunks: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { streamBytes: 64 * 1024, streamChunks: 1000 };

/** A record for a stream that has just begun. */
export function openStreamRecord(): StreamRecord {
  return { chunks: [], keptBytes: 0, droppedChunks: 0, droppedBytes: 0, compacted: false, state: 'streaming' };
}

/** Whether the record has stopped keeping chunks (limit reached, or compacted). */
function full(record: StreamRecord, limits: StreamLimits): boolean {
  return (
    record.compacted ||
    record.droppedChunks > 0 ||
    record.droppedBytes > 0 ||
    record.keptBytes >= limits.streamBytes ||
    record.chunks.length >= limits.streamChunks
  );
}

/**
 * Add a chunk that passed at `time`: kept while the record has room (the one crossing the byte
 * limit is cut there), counted once it has none. Only the first bytes are ever kept, in order.
 */
export function keepChunk(record: StreamRecord, bytes: Uint8Array, time: number, limits: StreamLimits): void {
  if (bytes.length === 0) return;
  if (full(record, limits)) {
    record.droppedChunks++;
    record.droppedBytes += bytes.length;
    return;
  }
  const room = limits.streamBytes - record.keptBytes;
  const kept = bytes.length <= room ? bytes : bytes.slice(0, room);
  const chunk: StreamChunk = { time, bytes: kept };
  record.chunks.push(chunk);
  record.keptBytes += kept.length;
  record.droppedBytes += bytes.length - kept.length;
}

/** The stream is over: `ended` by its sender, `closed` by its reader, or `failed`. */
export function endStreamRecord(record: StreamRecord, state: Exclude<StreamRecord['state'], 'streaming'>): void {
  if (record.state === 'streaming') record.state = state;
}

/** The trace compacts the record's command: drop its chunks, keep counting. */
export function compactStreamRecord(record: StreamRecord): void {
  if (record.compacted) return;
  record.droppedChunks += record.chunks.length;
  record.droppedBytes += record.keptBytes;
  record.chunks = [];
  record.keptBytes = 0;
  record.compacted = true;
}
