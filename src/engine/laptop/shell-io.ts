// The plumbing of a command line: the three streams a command gets, the pipe `|` puts between two
// commands (what the left writes, the right reads; when the right is done, the left is stopped as
// SIGPIPE would stop it), and reading a whole input while Ctrl+C can still interrupt.
import type { Bytes } from '../bytes';
import { concatBytes, utf8 } from '../bytes';
import type { InputStream, OutputStream } from '../client/cli/streams';

export type { InputStream, OutputStream };

/** The streams of one command, and the signal Ctrl+C aborts. */
export interface ShellIO {
  out: OutputStream;
  err: OutputStream;
  in: InputStream;
  signal?: AbortSignal;
}

/** Nothing to read. */
export const emptyInput: InputStream = {
  isTerminal: false,
  async read() {
    return undefined;
  },
};

/** Output thrown away (`> /dev/null`). */
export const nullOutput: OutputStream = { isTerminal: false, write() {} };

/** Input given up front: a file (`< notes.txt`), a here-document. */
export function bytesInput(data: Bytes | string): InputStream {
  let pending: Bytes | undefined = typeof data === 'string' ? utf8(data) : data;
  if (pending.length === 0) pending = undefined;
  return {
    isTerminal: false,
    async read() {
      const chunk = pending;
      pending = undefined;
      return chunk;
    },
  };
}

/** An output that keeps what it gets (command substitution `$(…)`). */
export class CaptureOutput implements OutputStream {
  readonly isTerminal = false;
  private readonly chunks: Bytes[] = [];
  write(data: string | Bytes): void {
    this.chunks.push(typeof data === 'string' ? utf8(data) : data);
  }
  bytes(): Bytes {
    return concatBytes(this.chunks);
  }
}

/** `a | b`: a pipe whose write end is a's stdout and whose read end is b's stdin. */
export class Pipe {
  private readonly chunks: Bytes[] = [];
  private wake: (() => void) | undefined;
  private closed = false;
  private readerGone = false;
  /** Called when the reader has gone and the writer writes on (the writer is then stopped). */
  onBrokenPipe: () => void = () => {};

  readonly writer: OutputStream = {
    isTerminal: false,
    write: (data) => {
      if (this.readerGone) {
        this.onBrokenPipe();
        return;
      }
      this.chunks.push(typeof data === 'string' ? utf8(data) : data);
      this.notify();
    },
  };

  readonly reader: InputStream = {
    isTerminal: false,
    read: async () => {
      while (this.chunks.length === 0 && !this.closed) {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
      return this.chunks.shift();
    },
  };

  /** The writer is done: the reader sees the end once it has read everything. */
  closeWriter(): void {
    this.closed = true;
    this.notify();
  }

  /** The reader is done: anything written from now on breaks the pipe. */
  closeReader(): void {
    this.readerGone = true;
    this.chunks.length = 0;
    if (this.closed) return;
    this.onBrokenPipe();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/** The next chunk, or undefined at the end — or when `signal` aborts (Ctrl+C). */
export function readOrAbort(input: InputStream, signal?: AbortSignal): Promise<Bytes | undefined> {
  if (!signal) return input.read();
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    input.read().then(
      (chunk) => {
        signal.removeEventListener('abort', onAbort);
        resolve(chunk);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** Everything on an input until its end (or Ctrl+C). */
export async function readAll(input: InputStream, signal?: AbortSignal): Promise<Bytes> {
  const parts: Bytes[] = [];
  for (let chunk = await readOrAbort(input, signal); chunk !== undefined; chunk = await readOrAbort(input, signal)) {
    parts.push(chunk);
  }
  return concatBytes(parts);
}
