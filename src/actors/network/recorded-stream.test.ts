import { describe, expect, it } from 'vitest';
import { utf8, type Bytes } from '../../engine/bytes';
import { Channel } from '../../engine/daemon/containers/channel';
import { recordedStream } from './recorded-stream';

function watched(source: AsyncIterable<Bytes>) {
  const seen: string[] = [];
  const stream = recordedStream(source, {
    chunk: (b) => seen.push(new TextDecoder().decode(b)),
    end: (how) => seen.push(`<${how}>`),
  });
  return { seen, iterator: stream[Symbol.asyncIterator]() };
}

describe('a recorded stream', () => {
  it('hands each chunk on as it comes, without waiting for the next, and notes the end', async () => {
    const channel = new Channel<Bytes>();
    const { seen, iterator } = watched(channel);
    channel.push(utf8('one'));
    expect(new TextDecoder().decode((await iterator.next()).value as Bytes)).toBe('one');
    expect(seen).toEqual(['one']);
    // The second chunk does not exist yet; the reader already has the first.
    const second = iterator.next();
    channel.push(utf8('two'));
    channel.end();
    expect((await second).done).toBe(false);
    expect((await iterator.next()).done).toBe(true);
    expect(seen).toEqual(['one', 'two', '<ended>']);
  });

  it('passes a reader who stops straight to the source, even while a read is waiting', async () => {
    const channel = new Channel<Bytes>();
    let cancelled = false;
    channel.onCancel(() => (cancelled = true));
    const { seen, iterator } = watched(channel);
    const pending = iterator.next();
    await iterator.return!();
    expect(cancelled).toBe(true);
    expect((await pending).done).toBe(true);
    expect(seen).toEqual(['<closed>']);
  });

  it('notes a source that fails and passes the error on', async () => {
    const failing: AsyncIterable<Bytes> = {
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.reject(new Error('unexpected EOF')),
      }),
    };
    const { seen, iterator } = watched(failing);
    await expect(iterator.next()).rejects.toThrow('unexpected EOF');
    expect(seen).toEqual(['<failed>']);
  });
});
