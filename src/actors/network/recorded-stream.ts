// A streamed body on its way to the client, watched as it passes. The network hands the client
// this stream in place of the daemon's: each chunk is shown to the watcher the moment the client
// reads it and handed on at once — nothing is held back, so `docker attach`, `docker logs -f` and
// a pull's progress stay live — and the watcher learns how the stream ended.
//
// It is a plain iterator, not an async generator, so that a reader who stops (Ctrl-C on
// `docker events`) reaches the daemon's stream at once: a generator would queue that `return()`
// behind the `next()` still waiting for a chunk that may never come.
import type { Bytes } from '../../engine/bytes';

export interface StreamWatcher {
  /** A chunk passed to the reader. */
  chunk(bytes: Bytes): void;
  /** The stream is over: `ended` by the sender, `closed` by the reader, `failed` with an error. */
  end(how: 'ended' | 'closed' | 'failed'): void;
}

export function recordedStream(source: AsyncIterable<Bytes>, watcher: StreamWatcher): AsyncIterable<Bytes> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<Bytes> {
      const inner = source[Symbol.asyncIterator]();
      let over = false;
      const finish = (how: 'ended' | 'closed' | 'failed') => {
        if (over) return;
        over = true;
        watcher.end(how);
      };
      return {
        async next(): Promise<IteratorResult<Bytes>> {
          let result: IteratorResult<Bytes>;
          try {
            result = await inner.next();
          } catch (err) {
            finish('failed');
            throw err;
          }
          if (result.done) {
            finish('ended');
            return { done: true, value: undefined };
          }
          // A chunk that arrives after the reader hung up is not handed on: the reader has gone.
          if (over) return { done: true, value: undefined };
          watcher.chunk(result.value);
          return result;
        },
        async return(): Promise<IteratorResult<Bytes>> {
          finish('closed');
          await inner.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
