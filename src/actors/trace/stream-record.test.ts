import { describe, expect, it } from 'vitest';
import { compactStreamRecord, endStreamRecord, keepChunk, openStreamRecord } from './stream-record';
import { Trace } from './trace';
import type { TraceResponse } from './types';

const bytes = (n: number, fill = 0x61) => new Uint8Array(n).fill(fill);
const limits = { streamBytes: 10, streamChunks: 3 };

/** Feed chunks of the given sizes, one ms apart; report what was kept and counted. */
function feed(sizes: number[]) {
  const record = openStreamRecord();
  sizes.forEach((n, i) => keepChunk(record, bytes(n), i, limits));
  return {
    kept: record.chunks.map((c) => c.bytes.length),
    times: record.chunks.map((c) => c.time),
    keptBytes: record.keptBytes,
    droppedChunks: record.droppedChunks,
    droppedBytes: record.droppedBytes,
  };
}

describe('a stream record', () => {
  it.each([
    // sizes fed                kept chunks    dropped chunks, bytes
    [[4, 4], [4, 4], 0, 0],
    [[4, 6], [4, 6], 0, 0],
    [[4, 6, 1], [4, 6], 1, 1],
    [[4, 8], [4, 6], 0, 2], // the chunk crossing the limit is cut there
    [[4, 8, 3, 3], [4, 6], 2, 8], // and nothing after the cut is kept
    [[25], [10], 0, 15],
    [[1, 1, 1, 1, 1], [1, 1, 1], 2, 2], // at most streamChunks chunks
    [[0, 2, 0], [2], 0, 0], // empty chunks are nothing
  ])('fed %j keeps %j and counts %d chunks / %d bytes dropped', (sizes, kept, droppedChunks, droppedBytes) => {
    const r = feed(sizes);
    expect(r.kept).toEqual(kept);
    expect(r.keptBytes).toBe(kept.reduce((a, b) => a + b, 0));
    expect([r.droppedChunks, r.droppedBytes]).toEqual([droppedChunks, droppedBytes]);
    // Kept plus dropped is every byte fed.
    expect(r.keptBytes + r.droppedBytes).toBe(sizes.reduce((a, b) => a + b, 0));
  });

  it('keeps the time each chunk passed', () => {
    expect(feed([1, 2, 3]).times).toEqual([0, 1, 2]);
  });

  it('keeps the first end it is told of', () => {
    const record = openStreamRecord();
    expect(record.state).toBe('streaming');
    endStreamRecord(record, 'closed');
    endStreamRecord(record, 'ended');
    expect(record.state).toBe('closed');
  });

  it('drops its chunks when compacted, and only counts the ones after', () => {
    const record = openStreamRecord();
    keepChunk(record, bytes(3), 0, limits);
    compactStreamRecord(record);
    compactStreamRecord(record);
    keepChunk(record, bytes(2), 1, limits);
    expect(record).toMatchObject({ chunks: [], keptBytes: 0, droppedChunks: 2, droppedBytes: 5, compacted: true });
  });
});

describe('the trace with streamed responses', () => {
  const response = (command: number): Omit<TraceResponse, 'seq'> => ({
    kind: 'response',
    exchange: command,
    from: { host: 'laptop', role: 'daemon' },
    to: { host: 'laptop', role: 'client' },
    status: 200,
    summary: '200 OK (stream)',
    streamed: true,
    stream: openStreamRecord(),
    time: 0,
    command,
    message: { status: 200, headers: {} },
  });

  it('records chunks on the stored entry, within its limits, and tells stream listeners', () => {
    const trace = new Trace({ streamBytes: 4 });
    const entry = trace.append(response(1)) as TraceResponse;
    const told: number[] = [];
    trace.subscribeStreams((e) => told.push(e.seq));
    trace.recordChunk(entry, bytes(3), 5);
    trace.recordChunk(entry, bytes(3), 6);
    trace.endStream(entry, 'ended');
    const stored = trace.entries()[0] as TraceResponse;
    expect(stored.stream).toMatchObject({ keptBytes: 4, droppedBytes: 2, state: 'ended' });
    expect(stored.stream!.chunks.map((c) => c.time)).toEqual([5, 6]);
    expect(told).toEqual([1, 1, 1]);
  });

  it('compacts a stream with its command, and keeps counting what a long stream sends after', () => {
    const trace = new Trace({ detailedCommands: 1 });
    const logs = trace.append(response(1)) as TraceResponse;
    trace.recordChunk(logs, bytes(5), 1);
    trace.append(response(2)); // the next command: the first leaves the detailed window
    trace.recordChunk(logs, bytes(7), 2);
    expect(logs.message).toBeUndefined();
    expect(logs.stream).toMatchObject({ chunks: [], droppedChunks: 2, droppedBytes: 12, compacted: true });
  });

  it('gives an entry without a record one on its first chunk, compacted if the entry is', () => {
    const trace = new Trace({ detailedCommands: 1 });
    const { stream: _omit, ...bare } = response(1);
    const old = trace.append(bare) as TraceResponse;
    trace.append(response(2));
    trace.recordChunk(old, bytes(2), 1);
    expect(old.stream).toMatchObject({ chunks: [], droppedChunks: 1, compacted: true });
    const fresh = trace.append({ ...bare, command: 3 }) as TraceResponse;
    trace.recordChunk(fresh, bytes(2), 2);
    expect(fresh.stream).toMatchObject({ keptBytes: 2, compacted: false });
  });
});
