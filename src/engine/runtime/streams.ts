// Standard streams and pipes. A process reads stdin and writes stdout and stderr; the shell joins
// processes with pipes (`ps | grep sh`), where one side's writes become the other side's reads.
// A pipe here buffers without limit (a real one holds 64 KiB and then blocks the writer); when the
// reader is gone, a write fails with EPIPE and the writer dies of SIGPIPE, which is how `yes | head
// -1` ends. End of input is `undefined` from `read()`, once every writer has closed.

import { concatBytes, fromUtf8, utf8, type Bytes } from '../bytes';
import type { InputStream, OutputStream } from './contract';

/** Thrown by a write into a pipe nobody reads any more (the writer then exits with 141, SIGPIPE). */
export class BrokenPipeError extends Error {
  override name = 'BrokenPipeError';
  readonly code = 'EPIPE';
  constructor() {
    super('Broken pipe');
  }
}

export function toBytes(data: Bytes | string): Bytes {
  return typeof data === 'string' ? utf8(data) : data;
}

/** Input with one-chunk pushback: what a `read` builtin needs to take one line and leave the rest. */
export interface PushbackInput extends InputStream {
  unread(data: Bytes): void;
}

/** Wrap any input so that what a reader took too much of can be given back. */
export function pushbackInput(source: InputStream): PushbackInput {
  if ('unread' in source && typeof (source as PushbackInput).unread === 'function') return source as PushbackInput;
  const held: Bytes[] = [];
  return {
    read: async () => (held.length > 0 ? held.shift() : source.read()),
    unread: (data: Bytes) => {
      if (data.length > 0) held.unshift(data);
    },
  };
}

/** An input that is already at its end (`</dev/null`, a detached container's stdin). */
export const emptyInput: InputStream = { read: async () => undefined };

/** An output that keeps nothing (`>/dev/null`). */
export const nullOutput: OutputStream = { write: () => undefined };

/** An input serving fixed bytes once (a here-document, `<<<`, a test's stdin). */
export function inputOf(data: Bytes | string): InputStream {
  let left: Bytes | undefined = toBytes(data);
  if (left.length === 0) left = undefined;
  return {
    read: async () => {
      const chunk = left;
      left = undefined;
      return chunk;
    },
  };
}

export interface Pipe {
  reader: InputStream & { close(): void };
  writer: OutputStream & { close(): void };
}

/** A pipe: bytes written to `writer` are read from `reader`, in order. */
export function createPipe(): Pipe {
  const chunks: Bytes[] = [];
  let writerClosed = false;
  let readerClosed = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  return {
    writer: {
      write(data) {
        if (readerClosed) throw new BrokenPipeError();
        if (writerClosed) return;
        const bytes = toBytes(data);
        if (bytes.length === 0) return;
        chunks.push(bytes.slice());
        notify();
      },
      close() {
        writerClosed = true;
        notify();
      },
    },
    reader: {
      async read() {
        while (chunks.length === 0 && !writerClosed && !readerClosed) {
          await new Promise<void>((resolve) => (wake = resolve));
        }
        return readerClosed ? undefined : chunks.shift();
      },
      close() {
        readerClosed = true;
        chunks.length = 0;
        notify();
      },
    },
  };
}

/** Everything left on an input, as bytes. */
export async function readAll(input: InputStream): Promise<Bytes> {
  const parts: Bytes[] = [];
  for (let chunk = await input.read(); chunk !== undefined; chunk = await input.read()) parts.push(chunk);
  return concatBytes(parts);
}

/** Everything left on an input, as text (invalid UTF-8 is replaced rather than failing). */
export async function readAllText(input: InputStream): Promise<string> {
  return decodeLenient(await readAll(input));
}

/** Decode UTF-8, falling back to U+FFFD for bytes that are not UTF-8 (binary files through `cat`). */
export function decodeLenient(bytes: Uint8Array): string {
  try {
    return fromUtf8(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * One line from an input, without its newline; `undefined` at end of input. Reads only what it
 * needs: the rest of a chunk is pushed back for the next reader (`read` then `cat` on one stdin).
 */
export async function readLine(input: PushbackInput): Promise<{ line: string; complete: boolean } | undefined> {
  const parts: Bytes[] = [];
  for (;;) {
    const chunk = await input.read();
    if (chunk === undefined) {
      if (parts.length === 0) return undefined;
      return { line: decodeLenient(concatBytes(parts)), complete: false };
    }
    const nl = chunk.indexOf(10);
    if (nl < 0) {
      parts.push(chunk);
      continue;
    }
    parts.push(chunk.subarray(0, nl));
    input.unread(chunk.slice(nl + 1));
    return { line: decodeLenient(concatBytes(parts)), complete: true };
  }
}

/** Collects what a process writes: for tests, command substitution and captured output. */
export class OutputBuffer implements OutputStream {
  private readonly chunks: Bytes[] = [];
  private size = 0;

  write(data: Bytes | string): void {
    const bytes = toBytes(data);
    this.chunks.push(bytes.slice());
    this.size += bytes.length;
  }

  get length(): number {
    return this.size;
  }

  get bytes(): Bytes {
    return concatBytes(this.chunks);
  }

  get text(): string {
    return decodeLenient(this.bytes);
  }
}

/** An output that hands each write to a callback (the daemon's log and attach streams). */
export function callbackOutput(onData: (data: Bytes) => void): OutputStream {
  return { write: (data) => onData(toBytes(data).slice()) };
}
