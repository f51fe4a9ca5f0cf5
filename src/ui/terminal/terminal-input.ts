// A running command's standard input when it is the terminal: what the student types reaches the
// command as a stream of chunks (a `docker login` prompt reading a line, `docker run -it alpine sh`
// reading every key). Like a tty in cooked mode, typed keys are echoed and handed over a line at a
// time, Backspace edits, Ctrl+D ends the input; in raw mode (which `docker run -it` asks for) each
// key goes through untouched and unechoed — the container's shell does its own echo.
import { utf8, type Bytes } from '../../engine/bytes';
import type { InputStream } from '../../engine/client';

export class TerminalInput implements InputStream {
  readonly isTerminal = true;
  #chunks: Bytes[] = [];
  #waiting: ((chunk: Bytes | undefined) => void)[] = [];
  #ended = false;
  #raw = false;
  #line = '';

  constructor(
    /** How to echo in cooked mode. */
    private readonly echo: (text: string) => void,
    readonly columns?: number,
  ) {}

  get raw(): boolean {
    return this.#raw;
  }

  get ended(): boolean {
    return this.#ended;
  }

  setRaw(raw: boolean): void {
    this.#raw = raw;
  }

  read(): Promise<Bytes | undefined> {
    const chunk = this.#chunks.shift();
    if (chunk) return Promise.resolve(chunk);
    if (this.#ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Keys typed while the command runs, as the terminal sends them. */
  type(data: string): void {
    if (this.#ended) return;
    if (this.#raw) {
      this.#deliver(utf8(data));
      return;
    }
    for (const ch of data) {
      if (ch === '\r' || ch === '\n') {
        this.echo('\r\n');
        this.#deliver(utf8(this.#line + '\n'));
        this.#line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (!this.#line) continue;
        this.#line = [...this.#line].slice(0, -1).join('');
        this.echo('\b \b');
      } else if (ch === '\x04') {
        if (!this.#line) {
          this.end();
          return;
        }
        this.#deliver(utf8(this.#line));
        this.#line = '';
      } else if (ch >= ' ') {
        this.#line += ch;
        this.echo(ch);
      }
    }
  }

  /** End of input: the command reads nothing more. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    for (const resolve of this.#waiting.splice(0)) resolve(undefined);
  }

  /** Lines typed that the command never read (given back to the shell, as a tty's type-ahead is). */
  unread(): string {
    const decoder = new TextDecoder();
    const text = this.#chunks.map((c) => decoder.decode(c, { stream: true })).join('') + decoder.decode();
    this.#chunks = [];
    return text;
  }

  #deliver(chunk: Bytes): void {
    const waiter = this.#waiting.shift();
    if (waiter) waiter(chunk);
    else this.#chunks.push(chunk);
  }
}
