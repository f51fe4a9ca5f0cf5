// The terminal's shell loop, between the screen (xterm in the page, a tiny emulator in tests) and
// the terminal session: print the prompt, edit a line (line-editor.ts), run it, and while it runs
// pass keys to it as its standard input (terminal-input.ts) — then the prompt again. Ctrl+C
// interrupts the running command through its AbortSignal (in raw mode it goes to the container as
// a key, as a real tty would send it); Tab asks the session for completions; a `clear` empties the
// screen. Lines typed or pasted ahead wait their turn, as a tty's type-ahead does.
import type { OutputStream } from '../../engine/client';
import type { WorkspaceSession } from '../workspace/contracts';
import { parseKeys, type Key } from './keys';
import { LineEditor } from './line-editor';
import { TerminalInput } from './terminal-input';

/** Where the terminal draws: xterm, or a test's screen. */
export interface Screen {
  write(data: string | Uint8Array): void;
  readonly columns: number;
}

export interface ControllerOptions {
  /** Lines run in earlier visits (restored from the browser's storage). */
  history?: readonly string[];
  /** Told after each line is added to the history. */
  onHistory?: (history: readonly string[]) => void;
}

const CLEAR = '\x1b[H\x1b[2J\x1b[3J';

export class TerminalController {
  readonly #editor: LineEditor;
  #input: TerminalInput | undefined;
  #abort: AbortController | undefined;
  #typeAhead: Key[] = [];
  #started = false;
  #unsubscribe: (() => void)[] = [];

  constructor(
    private readonly session: WorkspaceSession,
    private readonly screen: Screen,
    private readonly options: ControllerOptions = {},
  ) {
    this.#editor = new LineEditor({
      columns: screen.columns,
      ...(options.history ? { history: options.history } : {}),
    });
    this.#unsubscribe.push(session.onClear(() => screen.write(CLEAR)));
  }

  get running(): boolean {
    return this.#input !== undefined;
  }

  get history(): readonly string[] {
    return this.#editor.history;
  }

  /** The line being typed (for tests and the lesson panel). */
  get line(): string {
    return this.#editor.text;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#prompt();
  }

  resize(columns: number): void {
    this.#editor.columns = columns;
  }

  /** Type a whole line and press Enter, as a lesson's ▶ button does; queued if a command runs. */
  typeLine(line: string): void {
    this.input(`${line.replace(/[\r\n]+/g, ' ')}\r`);
  }

  /** Keys from the terminal (xterm's onData). */
  input(data: string): void {
    if (this.#input) {
      this.#inputWhileRunning(data);
      return;
    }
    this.#feed(parseKeys(data));
  }

  dispose(): void {
    for (const stop of this.#unsubscribe.splice(0)) stop();
    this.#abort?.abort();
    this.#input?.end();
  }

  #inputWhileRunning(data: string): void {
    const input = this.#input!;
    if (!input.raw && data.includes('\x03')) {
      this.screen.write('^C\r\n');
      this.#abort?.abort();
      input.end();
      return;
    }
    input.type(data);
  }

  #feed(keys: Key[]): void {
    while (keys.length > 0) {
      if (this.#input) {
        this.#typeAhead.push(...keys);
        return;
      }
      const key = keys.shift()!;
      for (const effect of this.#editor.key(key)) {
        switch (effect.kind) {
          case 'write':
            this.screen.write(effect.data);
            break;
          case 'submit':
            this.#editor.record(effect.line);
            this.options.onHistory?.(this.#editor.history);
            this.#run(effect.line);
            break;
          case 'complete':
            void this.#complete(effect.line, effect.cursor);
            break;
          case 'interrupt':
            this.#prompt();
            break;
          case 'eof':
            break;
        }
      }
    }
  }

  async #complete(line: string, cursor: number): Promise<void> {
    let result: { from: number; candidates: string[] };
    try {
      result = await this.session.complete(line, cursor);
    } catch {
      return;
    }
    // The student may have typed on meanwhile: a stale answer would complete the wrong word.
    if (this.#input || this.#editor.text !== line || this.#editor.cursor !== cursor) return;
    this.screen.write(this.#editor.complete(result));
  }

  #run(line: string): void {
    const screen = this.screen;
    const output = (): OutputStream => ({
      write: (data) => screen.write(data),
      isTerminal: true,
      get columns() {
        return screen.columns;
      },
    });
    const input = new TerminalInput((text) => screen.write(text), screen.columns);
    const abort = new AbortController();
    this.#input = input;
    this.#abort = abort;
    const finish = () => {
      input.end();
      this.#input = undefined;
      this.#abort = undefined;
      const leftover = input.raw ? '' : input.unread();
      this.#prompt();
      this.#feed([...parseKeys(leftover), ...this.#typeAhead.splice(0)]);
    };
    this.session
      .run(line, { out: output(), err: output(), in: input, signal: abort.signal })
      .catch((err: unknown) => screen.write(`${err instanceof Error ? err.message : String(err)}\r\n`))
      .finally(finish);
  }

  #prompt(): void {
    this.screen.write(this.#editor.begin(this.session.prompt()));
  }
}
