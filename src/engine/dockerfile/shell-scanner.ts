// The two small machines under word expansion (BuildKit `shell/lex.go`): a scanner that reads a
// word one Unicode character at a time, and a splitter that collects the characters into words.
//
// The splitter is how `processWords` honours quotes: characters from inside quotes or after an
// escape are "raw" (a space there does not end the word), while characters written plainly — and
// the text a `$VAR` expands to — are split at spaces. So with `X="a b"`, `$X` gives two words and
// `"$X"` gives one.
import { isGoSpace } from './go-text';

/** Reads a word by Unicode code point; `undefined` is the end. */
export class ShellScanner {
  private readonly chars: string[];
  private pos = 0;

  constructor(text: string) {
    this.chars = Array.from(text);
  }

  peek(): string | undefined {
    return this.chars[this.pos];
  }

  next(): string | undefined {
    const ch = this.chars[this.pos];
    if (ch !== undefined) this.pos++;
    return ch;
  }
}

/** Collects characters into words, splitting at unquoted spaces. */
export class WordSplitter {
  private readonly words: string[] = [];
  private current = '';
  private inWord = false;

  /** A plain character: a space ends the current word. */
  addChar(ch: string): void {
    if (isGoSpace(ch)) {
      if (this.inWord && this.current.length > 0) {
        this.words.push(this.current);
        this.current = '';
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }

  /** A quoted or escaped character: always part of the word. */
  addRawChar(ch: string): void {
    this.current += ch;
    this.inWord = true;
  }

  /** Expanded text: split like plain characters. */
  addString(text: string): void {
    for (const ch of text) this.addChar(ch);
  }

  /** Quoted text: kept whole. */
  addRawString(text: string): void {
    this.current += text;
    this.inWord = true;
  }

  /** The words so far, including an unfinished last one. */
  finish(): string[] {
    if (this.current.length > 0) {
      this.words.push(this.current);
      this.current = '';
      this.inWord = false;
    }
    return this.words;
  }
}
