// The three standard streams of the docker command, and whether each is a terminal. That one bit
// changes what docker prints: on a terminal, pull redraws each layer's line in place with progress
// bars; into a pipe or a file, it prints plain status lines. The terminal's width matters too —
// progress bars need more than 110 columns, help text wraps to it.
import { fromUtf8, utf8, type Bytes } from '../../bytes';

export interface OutputStream {
  write(data: string | Bytes): void;
  readonly isTerminal: boolean;
  /** The terminal's width in columns, when it is one. */
  readonly columns?: number;
}

export interface InputStream {
  /** The next chunk the user typed or piped in; undefined at the end. */
  read(): Promise<Bytes | undefined>;
  readonly isTerminal: boolean;
  readonly columns?: number;
  /** Put a terminal in raw mode (keys go through as typed) or back; for `docker run -it`. */
  setRaw?(raw: boolean): void;
}

/** Everything written, kept in memory (tests, and the page's terminal before it draws). */
export class MemoryOutput implements OutputStream {
  private readonly chunks: Bytes[] = [];

  constructor(
    readonly isTerminal = false,
    readonly columns?: number,
  ) {}

  write(data: string | Bytes): void {
    this.chunks.push(typeof data === 'string' ? utf8(data) : data);
  }

  bytes(): Bytes {
    const total = this.chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of this.chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
  }

  text(): string {
    return fromUtf8(this.bytes());
  }
}

/** Input given up front (a pipe: `echo secret | docker login --password-stdin`), or none. */
export class MemoryInput implements InputStream {
  private readonly chunks: Bytes[];

  constructor(
    data: string | Bytes = '',
    readonly isTerminal = false,
    readonly columns?: number,
  ) {
    const bytes = typeof data === 'string' ? utf8(data) : data;
    this.chunks = bytes.length > 0 ? [bytes] : [];
  }

  async read(): Promise<Bytes | undefined> {
    return this.chunks.shift();
  }
}

/** All of an input stream, as bytes. */
export async function readAllBytes(input: InputStream): Promise<Bytes> {
  const parts: Bytes[] = [];
  for (let chunk = await input.read(); chunk !== undefined; chunk = await input.read()) parts.push(chunk);
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of parts) {
    out.set(c, off);
    off += c.length;
  }
  return out as Bytes;
}

/** All of an input stream, as text. */
export async function readAllText(input: InputStream): Promise<string> {
  const parts: Bytes[] = [];
  for (let chunk = await input.read(); chunk !== undefined; chunk = await input.read()) parts.push(chunk);
  const total = parts.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of parts) {
    out.set(c, off);
    off += c.length;
  }
  return fromUtf8(out);
}

/** An input stream as an async iterable of chunks (what a hijacked connection sends upstream). */
export async function* chunksOf(input: InputStream): AsyncGenerator<Bytes> {
  for (let chunk = await input.read(); chunk !== undefined; chunk = await input.read()) yield chunk;
}
