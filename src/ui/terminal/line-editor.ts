// The shell's line editor — what readline does for bash on the student's laptop: the line being
// typed after the prompt, the cursor in it (←/→, Home/End, Ctrl+A/E), deleting (Backspace, Delete,
// Ctrl+U/K/W), the history (↑/↓, with the half-typed line kept as a draft), Tab completion, Ctrl+C
// and Ctrl+L. It knows nothing of xterm: it takes keys and returns what to write to the terminal
// (text and ANSI cursor movements, redrawn correctly when the line wraps past the last column)
// and what the shell should do (run a line, complete a word, clear the screen).
import type { Key } from './keys';

export type LineEffect =
  | { kind: 'write'; data: string }
  | { kind: 'submit'; line: string }
  | { kind: 'complete'; line: string; cursor: number }
  | { kind: 'interrupt' }
  | { kind: 'eof' };

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  /** Whole words that could replace it. */
  candidates: readonly string[];
}

// Terminal escape sequences start with ESC: control characters are the point here.
// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-9;?]*[@-~]|\x1b\][^\x07]*\x07/g;

/** Columns a string takes on the terminal: escape sequences take none, each code point one. */
export function visibleWidth(text: string): number {
  return [...text.replace(ansi, '')].length;
}

/** The longest start every string shares. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

const HISTORY_LIMIT = 1000;

export class LineEditor {
  #chars: string[] = [];
  #cursor = 0;
  #prompt = '';
  #columns: number;
  #history: string[];
  #historyIndex: number;
  #draft: string[] = [];
  /** Row of the terminal's cursor, counted from the row the prompt starts on. */
  #row = 0;

  constructor(options: { history?: readonly string[]; columns?: number } = {}) {
    this.#history = [...(options.history ?? [])].slice(-HISTORY_LIMIT);
    this.#historyIndex = this.#history.length;
    this.#columns = Math.max(1, options.columns ?? 80);
  }

  get text(): string {
    return this.#chars.join('');
  }

  get cursor(): number {
    return this.#cursor;
  }

  get history(): readonly string[] {
    return this.#history;
  }

  set columns(columns: number) {
    this.#columns = Math.max(1, Math.floor(columns));
  }

  /** Start an empty line after `prompt` (the cursor must be at the start of a row). */
  begin(prompt: string): string {
    this.#prompt = prompt;
    this.#chars = [];
    this.#cursor = 0;
    this.#row = 0;
    this.#historyIndex = this.#history.length;
    return prompt;
  }

  /** Remember a line that was run, as bash does with `HISTCONTROL=ignoreboth`. */
  record(line: string): void {
    const trimmed = line.replace(/\s+$/, '');
    if (!trimmed || /^\s/.test(line) || this.#history.at(-1) === trimmed) return;
    this.#history.push(trimmed);
    if (this.#history.length > HISTORY_LIMIT) this.#history.shift();
    this.#historyIndex = this.#history.length;
  }

  /** Draw the prompt and line again on a fresh row (after a completion list or a cleared screen). */
  reprint(): string {
    this.#row = 0;
    return this.#render(true);
  }

  key(key: Key): LineEffect[] {
    switch (key.kind) {
      case 'text':
        this.#chars.splice(this.#cursor, 0, ...key.text);
        this.#cursor += [...key.text].length;
        return this.#redraw();
      case 'enter': {
        const line = this.text;
        const data = this.#moveToEnd() + '\r\n';
        this.#row = 0;
        this.#chars = [];
        this.#cursor = 0;
        return [
          { kind: 'write', data },
          { kind: 'submit', line },
        ];
      }
      case 'backspace':
        if (this.#cursor === 0) return [];
        this.#chars.splice(--this.#cursor, 1);
        return this.#redraw();
      case 'delete':
        if (this.#cursor >= this.#chars.length) return [];
        this.#chars.splice(this.#cursor, 1);
        return this.#redraw();
      case 'eof':
        if (this.#chars.length === 0) return [{ kind: 'eof' }];
        return this.key({ kind: 'delete' });
      case 'left':
        return this.#moveTo(this.#cursor - 1);
      case 'right':
        return this.#moveTo(this.#cursor + 1);
      case 'home':
        return this.#moveTo(0);
      case 'end':
        return this.#moveTo(this.#chars.length);
      case 'word-left':
        return this.#moveTo(this.#wordStart());
      case 'word-right':
        return this.#moveTo(this.#wordEnd());
      case 'up':
        return this.#recall(this.#historyIndex - 1);
      case 'down':
        return this.#recall(this.#historyIndex + 1);
      case 'kill-before':
        this.#chars.splice(0, this.#cursor);
        this.#cursor = 0;
        return this.#redraw();
      case 'kill-after':
        this.#chars.splice(this.#cursor);
        return this.#redraw();
      case 'delete-word': {
        const start = this.#wordStart();
        this.#chars.splice(start, this.#cursor - start);
        this.#cursor = start;
        return this.#redraw();
      }
      case 'tab':
        return [{ kind: 'complete', line: this.text, cursor: this.#cursor }];
      case 'interrupt': {
        const data = this.#moveToEnd() + '^C\r\n';
        this.#row = 0;
        this.#chars = [];
        this.#cursor = 0;
        return [{ kind: 'write', data }, { kind: 'interrupt' }];
      }
      case 'clear-screen':
        this.#row = 0;
        return [{ kind: 'write', data: '\x1b[H\x1b[2J\x1b[3J' + this.#render(true) }];
      case 'ignored':
        return [];
    }
  }

  /**
   * Apply what `complete` found, as bash does: one candidate replaces the word (and a space
   * follows unless it is a directory); several fill in their common start, or — when that adds
   * nothing — are listed below the line. Nothing found rings the bell.
   */
  complete(result: Completion): string {
    const { from, candidates } = result;
    if (candidates.length === 0 || from < 0 || from > this.#cursor) return '\x07';
    const typed = this.#chars.slice(from, this.#cursor).join('');
    if (candidates.length === 1) {
      const word = candidates[0]!;
      return this.#replaceWord(from, word.endsWith('/') ? word : `${word} `);
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > typed.length && prefix.startsWith(typed)) return this.#replaceWord(from, prefix);
    return this.#moveToEnd() + '\r\n' + this.#columnsOf(candidates) + this.reprint();
  }

  #replaceWord(from: number, word: string): string {
    const inserted = [...word];
    this.#chars.splice(from, this.#cursor - from, ...inserted);
    this.#cursor = from + inserted.length;
    return this.#render(false);
  }

  #columnsOf(words: readonly string[]): string {
    const width = Math.max(...words.map(visibleWidth)) + 2;
    const perRow = Math.max(1, Math.floor(this.#columns / width));
    const rows: string[] = [];
    for (let i = 0; i < words.length; i += perRow) {
      rows.push(
        words
          .slice(i, i + perRow)
          .map((w) => w + ' '.repeat(width - visibleWidth(w)))
          .join('')
          .trimEnd(),
      );
    }
    return rows.map((r) => r + '\r\n').join('');
  }

  #recall(index: number): LineEffect[] {
    if (index < 0 || index > this.#history.length || index === this.#historyIndex) return [];
    if (this.#historyIndex === this.#history.length) this.#draft = [...this.#chars];
    this.#historyIndex = index;
    this.#chars = index === this.#history.length ? [...this.#draft] : [...this.#history[index]!];
    this.#cursor = this.#chars.length;
    return this.#redraw();
  }

  #wordStart(): number {
    let i = this.#cursor;
    while (i > 0 && /\s/.test(this.#chars[i - 1]!)) i--;
    while (i > 0 && !/\s/.test(this.#chars[i - 1]!)) i--;
    return i;
  }

  #wordEnd(): number {
    let i = this.#cursor;
    while (i < this.#chars.length && /\s/.test(this.#chars[i]!)) i++;
    while (i < this.#chars.length && !/\s/.test(this.#chars[i]!)) i++;
    return i;
  }

  #moveTo(position: number): LineEffect[] {
    const target = Math.min(Math.max(position, 0), this.#chars.length);
    if (target === this.#cursor) return [];
    this.#cursor = target;
    return [{ kind: 'write', data: this.#positionCursor() }];
  }

  #moveToEnd(): string {
    this.#cursor = this.#chars.length;
    return this.#positionCursor();
  }

  #redraw(): LineEffect[] {
    return [{ kind: 'write', data: this.#render(false) }];
  }

  /** Move the terminal's cursor to where the line's cursor is, from wherever it is in the line. */
  #positionCursor(): string {
    const offset = visibleWidth(this.#prompt) + this.#cursor;
    const row = Math.floor(offset / this.#columns);
    const col = offset % this.#columns;
    let out = '';
    if (row < this.#row) out += `\x1b[${this.#row - row}A`;
    if (row > this.#row) out += `\x1b[${row - this.#row}B`;
    out += '\r' + (col > 0 ? `\x1b[${col}C` : '');
    this.#row = row;
    return out;
  }

  /** Rewrite prompt and line from the prompt's first row, erase what was below, place the cursor. */
  #render(fresh: boolean): string {
    let out = fresh ? '' : (this.#row > 0 ? `\x1b[${this.#row}A` : '') + '\r';
    out += this.#prompt + this.text;
    const end = visibleWidth(this.#prompt) + this.#chars.length;
    // Text that ends exactly at the last column leaves the cursor waiting to wrap: make it wrap.
    if (end > 0 && end % this.#columns === 0) out += ' \r';
    out += '\x1b[J';
    this.#row = Math.floor(end / this.#columns);
    return out + this.#positionCursor();
  }
}
