// An output stream that passes everything to the terminal and keeps a copy of the text (up to a
// bound), so the session can tell lessons and quizzes what the last command printed.
import { fromUtf8, type Bytes } from '../../engine/bytes';
import type { OutputStream } from '../../engine/client';

export class TeeOutput implements OutputStream {
  #text = '';

  constructor(
    private readonly target: OutputStream,
    private readonly limit: number,
  ) {}

  get isTerminal(): boolean {
    return this.target.isTerminal;
  }

  get columns(): number | undefined {
    return this.target.columns;
  }

  write(data: string | Bytes): void {
    this.target.write(data);
    if (this.#text.length >= this.limit) return;
    const text = typeof data === 'string' ? data : fromUtf8(data);
    this.#text += text.slice(0, this.limit - this.#text.length);
  }

  /** What was written, as text (the first `limit` characters). */
  kept(): string {
    return this.#text;
  }
}
