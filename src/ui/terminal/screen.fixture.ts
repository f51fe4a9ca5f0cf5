// A tiny terminal for tests: enough of a VT100 (printing with auto-wrap, CR, LF, backspace, cursor
// movement, erase) to replay what the line editor writes and look at the screen a student would
// see — rows of text and where the cursor is — instead of comparing escape sequences.

export class TinyScreen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  #wrapPending = false;

  constructor(readonly columns = 80) {}

  write(data: string | Uint8Array): void {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '\x1b') {
        // Terminal escape sequences start with ESC: control characters are the point here.
        // eslint-disable-next-line no-control-regex
        const m = /^\x1b\[([0-9;]*)([@-~])/.exec(text.slice(i));
        if (!m) throw new Error(`TinyScreen: unsupported escape at ${JSON.stringify(text.slice(i, i + 6))}`);
        this.#csi(m[1] ? Number(m[1].split(';')[0]) : undefined, m[2]!);
        i += m[0].length;
        continue;
      }
      if (ch === '\r') {
        this.col = 0;
        this.#wrapPending = false;
      } else if (ch === '\n') {
        this.#down();
        this.#wrapPending = false;
      } else if (ch === '\b') {
        this.col = Math.max(0, this.col - 1);
        this.#wrapPending = false;
      } else if (ch === '\x07') {
        // bell
      } else {
        this.#print(ch);
      }
      i++;
    }
  }

  /** The screen's text, trailing spaces trimmed, trailing empty rows dropped. */
  lines(): string[] {
    const out = this.rows.map((r) =>
      r
        .map((c) => c || ' ')
        .join('')
        .trimEnd(),
    );
    while (out.length > 1 && out.at(-1) === '') out.pop();
    return out;
  }

  #line(r: number): string[] {
    while (this.rows.length <= r) this.rows.push([]);
    return this.rows[r]!;
  }

  #print(ch: string): void {
    if (this.#wrapPending) {
      this.#down();
      this.col = 0;
      this.#wrapPending = false;
    }
    this.#line(this.row)[this.col] = ch;
    if (this.col === this.columns - 1) this.#wrapPending = true;
    else this.col++;
  }

  #down(): void {
    this.row++;
    this.#line(this.row);
  }

  #csi(n: number | undefined, final: string): void {
    this.#wrapPending = false;
    const count = n ?? 1;
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - count);
        break;
      case 'B':
        this.row += count;
        this.#line(this.row);
        break;
      case 'C':
        this.col = Math.min(this.columns - 1, this.col + count);
        break;
      case 'D':
        this.col = Math.max(0, this.col - count);
        break;
      case 'H':
        this.row = 0;
        this.col = 0;
        break;
      case 'J':
        if (n === 2 || n === 3) {
          this.rows = this.rows.map(() => []);
        } else {
          this.#line(this.row).length = Math.min(this.#line(this.row).length, this.col);
          this.rows.length = this.row + 1;
        }
        break;
      case 'K':
        this.#line(this.row).length = Math.min(this.#line(this.row).length, this.col);
        break;
      default:
        throw new Error(`TinyScreen: unsupported CSI ${final}`);
    }
  }
}
