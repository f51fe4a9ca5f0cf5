// The shell's tokenizer (XCU 2.3, "Token Recognition"). Characters become operators (`&&`, `|`,
// `>>`, `<<-`…), newlines and words; a word runs until an unquoted blank or operator character.
// Inside a word the scanner already recognises what expansion will do later — quotes, `$name`,
// `${…}`, `$(…)`, backquotes, `$((…))`, a leading `~` — so a word reaches the parser as parts that
// remember their quoting. Here-document bodies are read when the line that announced them ends.

import type { List, Redirect, Word, WordPart } from './ast';
import { ShellSyntaxError } from './syntax-error';

export type Token =
  | { kind: 'word'; word: Word; line: number }
  | { kind: 'op'; op: string; line: number }
  | { kind: 'io'; fd: number; line: number }
  | { kind: 'newline'; line: number }
  | { kind: 'eof'; line: number };

const OPERATORS = [
  '<<-',
  '&&',
  '||',
  ';;',
  ';&',
  '<<',
  '>>',
  '<&',
  '>&',
  '<>',
  '>|',
  '&>',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
type ScanMode = 'word' | 'dquote' | 'brace' | 'dbrace' | 'heredoc';

const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '-', '$', '!']);

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  strip: boolean;
  quoted: boolean;
}

/** Parses `$(…)` bodies with the same scanner: supplied by the parser. */
export type SubstitutionParser = () => List;

export class Scanner {
  pos = 0;
  line: number;
  private readonly heredocs: PendingHeredoc[] = [];
  parseSubstitution: SubstitutionParser = () => {
    throw new Error('no parser attached');
  };

  constructor(
    readonly src: string,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  private error(problem: ConstructorParameters<typeof ShellSyntaxError>[0]): ShellSyntaxError {
    return new ShellSyntaxError(problem, this.line);
  }

  /** Remember a here-document to read after the current line. */
  queueHeredoc(redirect: Redirect, rawDelimiter: string, strip: boolean): void {
    const quoted = /['"\\]/.test(rawDelimiter);
    const delimiter = rawDelimiter.replace(/\\(.)/g, '$1').replace(/['"]/g, '');
    this.heredocs.push({ redirect, delimiter, strip, quoted });
  }

  /** The next token. */
  next(): Token {
    this.skipBlanks();
    const line = this.line;
    if (this.pos >= this.src.length) {
      if (this.heredocs.length > 0) this.readHeredocs();
      return { kind: 'eof', line };
    }
    const c = this.src[this.pos] as string;
    if (c === '\n') {
      this.pos++;
      this.line++;
      this.readHeredocs();
      return { kind: 'newline', line };
    }
    const io = /^\d+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 4));
    if (io !== null) {
      this.pos += io[0].length;
      return { kind: 'io', fd: Number(io[0]), line };
    }
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { kind: 'op', op, line };
      }
    }
    return { kind: 'word', word: this.scanWord(), line };
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  /** An unquoted word at the current position. */
  scanWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    if (this.src[this.pos] === '~') parts.push(this.scanTilde());
    this.scanParts(parts, 'word');
    return { parts, text: this.src.slice(start, this.pos) };
  }

  private scanTilde(): WordPart {
    const m = /^~([A-Za-z0-9_.-]*)(?=\/|$|[\s;&|<>()])/.exec(this.src.slice(this.pos));
    if (m === null) return { type: 'literal', value: '', quoted: false };
    this.pos += m[0].length;
    return { type: 'tilde', user: m[1] as string };
  }

  /**
   * Collect the parts of a word into `parts` until the mode's end: an unquoted metacharacter
   * ('word'), the closing `"` ('dquote'), an unquoted `}` or `stop` character ('brace' for
   * `${x:-…}` outside double quotes, 'dbrace' inside them), or the end of the text ('heredoc').
   */
  scanParts(parts: WordPart[], mode: ScanMode, stop?: string): void {
    const quoted = mode === 'dquote' || mode === 'dbrace' || mode === 'heredoc';
    const literal = (value: string, q: boolean) => {
      const last = parts[parts.length - 1];
      if (last?.type === 'literal' && last.quoted === q) last.value += value;
      else parts.push({ type: 'literal', value, quoted: q });
    };
    const braced = mode === 'brace' || mode === 'dbrace';
    for (;;) {
      if (this.pos >= this.src.length) {
        if (mode === 'dquote') throw this.error({ kind: 'unterminated-quote', quote: '"' });
        if (braced) throw this.error({ kind: 'missing-brace' });
        return;
      }
      const c = this.src[this.pos] as string;
      if (mode === 'word' && META.has(c)) return;
      if (mode === 'dquote' && c === '"') return;
      if (braced && (c === '}' || c === stop)) return;
      if (c === '\n') this.line++;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === undefined) {
          literal('\\', quoted);
          this.pos++;
          continue;
        }
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        const escapes =
          mode === 'word' || mode === 'brace'
            ? true
            : mode === 'heredoc'
              ? '$`\\'.includes(n)
              : '$`"\\'.includes(n) || (mode === 'dbrace' && n === '}');
        literal(escapes ? n : `\\${n}`, true);
        this.pos += 2;
        continue;
      }
      if (c === "'" && (mode === 'word' || mode === 'brace')) {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw this.error({ kind: 'unterminated-quote', quote: "'" });
        const value = this.src.slice(this.pos + 1, end);
        this.line += value.split('\n').length - 1;
        if (value === '') parts.push({ type: 'literal', value: '', quoted: true });
        else literal(value, true);
        this.pos = end + 1;
        continue;
      }
      if (c === '"' && (mode === 'word' || braced)) {
        this.pos++;
        const before = parts.length;
        this.scanParts(parts, 'dquote');
        this.pos++; // the closing quote
        if (parts.length === before) parts.push({ type: 'literal', value: '', quoted: true });
        continue;
      }
      if (c === '`') {
        parts.push(this.scanBackquote(quoted));
        continue;
      }
      if (c === '$') {
        const part = this.scanDollar(quoted);
        if (part !== undefined) {
          parts.push(part);
          continue;
        }
      }
      literal(c, quoted);
      this.pos++;
    }
  }

  private scanBackquote(quoted: boolean): WordPart {
    let body = '';
    let i = this.pos + 1;
    for (;;) {
      const c = this.src[i];
      if (c === undefined) throw this.error({ kind: 'unterminated-backquote' });
      if (c === '`') break;
      if (
        c === '\\' &&
        this.src[i + 1] !== undefined &&
        ('$`\\'.includes(this.src[i + 1] as string) || (quoted && this.src[i + 1] === '"'))
      ) {
        body += this.src[i + 1];
        i += 2;
        continue;
      }
      body += c;
      i++;
    }
    const line = this.line;
    this.line += body.split('\n').length - 1;
    this.pos = i + 1;
    return { type: 'command', body: parseNested(body, line), quoted };
  }

  /** `$…` at the current position, or undefined when the `$` is just a character. */
  private scanDollar(quoted: boolean): WordPart | undefined {
    const n = this.src[this.pos + 1];
    if (n === '(' && this.src[this.pos + 2] === '(') {
      const end = this.arithmeticEnd(this.pos + 3);
      if (end !== undefined) {
        const text = this.src.slice(this.pos + 3, end);
        const line = this.line;
        this.pos = end + 2;
        this.line += text.split('\n').length - 1;
        return { type: 'arith', expr: parseFragment(text, line), quoted };
      }
    }
    if (n === '(') {
      this.pos += 2;
      const body = this.parseSubstitution();
      return { type: 'command', body, quoted };
    }
    if (n === '{') return this.scanBraced(quoted);
    if (n !== undefined && (SPECIAL_PARAMS.has(n) || /[0-9]/.test(n))) {
      this.pos += 2;
      return { type: 'param', name: n, quoted };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos + 1, this.pos + 257));
    if (m === null) return undefined;
    this.pos += 1 + m[0].length;
    return { type: 'param', name: m[0], quoted };
  }

  /** Where `))` closes an arithmetic expansion starting at `from`, or undefined if `$((` is `$( (`. */
  private arithmeticEnd(from: number): number | undefined {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return this.src[i + 1] === ')' ? i : undefined;
        depth--;
      }
    }
    return undefined;
  }

  private scanBraced(quoted: boolean): WordPart {
    const start = this.pos;
    this.pos += 2;
    const bad = () => {
      const close = this.src.indexOf('}', start);
      return this.error({ kind: 'bad-substitution', text: this.src.slice(start, close < 0 ? undefined : close + 1) });
    };
    let length = false;
    if (this.src[this.pos] === '#' && this.src[this.pos + 1] !== '}' && this.src[this.pos + 1] !== undefined) {
      length = true;
      this.pos++;
    }
    const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|\d+|[@*#?\-$!])/.exec(this.src.slice(this.pos, this.pos + 256));
    if (m === null) {
      if (this.pos >= this.src.length) throw this.error({ kind: 'missing-brace' });
      throw bad();
    }
    const name = m[0];
    this.pos += name.length;
    const c = this.src[this.pos];
    if (c === '}') {
      this.pos++;
      return length ? { type: 'param', name, op: 'length', quoted } : { type: 'param', name, quoted };
    }
    if (length || c === undefined) throw c === undefined ? this.error({ kind: 'missing-brace' }) : bad();
    let op: string;
    let colon = false;
    const rest = this.src.slice(this.pos, this.pos + 2);
    if (/^:[-=?+]/.test(rest)) {
      colon = true;
      op = rest[1] as string;
    } else if (rest === '##' || rest === '%%' || rest === '//') op = rest;
    else if ('-=?+#%/'.includes(c)) op = c;
    else if (c === ':') op = 'substring';
    else throw bad();
    this.pos += op === 'substring' ? 1 : op.length + (colon ? 1 : 0);
    const separator = op === '/' || op === '//' ? '/' : op === 'substring' ? ':' : undefined;
    const arg = this.scanBraceWord(quoted, separator);
    let arg2: Word | undefined;
    if ((op === '/' || op === '//' || op === 'substring') && this.src[this.pos] === (op === 'substring' ? ':' : '/')) {
      this.pos++;
      arg2 = this.scanBraceWord(quoted, undefined);
    }
    if (this.src[this.pos] !== '}') throw this.error({ kind: 'missing-brace' });
    this.pos++;
    const part: WordPart = { type: 'param', name, op: op as never, arg, quoted };
    if (colon) part.colon = true;
    if (arg2 !== undefined) part.arg2 = arg2;
    return part;
  }

  private scanBraceWord(quoted: boolean, stop: string | undefined): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    this.scanParts(parts, quoted ? 'dbrace' : 'brace', stop);
    return { parts, text: this.src.slice(start, this.pos) };
  }

  /** Read the bodies of the here-documents announced on the line just ended. */
  private readHeredocs(): void {
    for (const doc of this.heredocs.splice(0)) {
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) break;
        const nl = this.src.indexOf('\n', this.pos);
        const raw = this.src.slice(this.pos, nl < 0 ? undefined : nl);
        this.pos = nl < 0 ? this.src.length : nl + 1;
        this.line++;
        const text = doc.strip ? raw.replace(/^\t+/, '') : raw;
        if (text === doc.delimiter) break;
        lines.push(text);
      }
      const body = lines.map((l) => `${l}\n`).join('');
      doc.redirect.heredoc = {
        body: doc.quoted
          ? { parts: [{ type: 'literal', value: body, quoted: true }], text: body }
          : parseHeredocBody(body),
        quoted: doc.quoted,
      };
    }
  }
}

/** A nested script (`` `…` `` bodies): parsed by the parser module, set at load time to avoid a cycle. */
export let parseNested: (source: string, line: number) => List = () => {
  throw new Error('parser not loaded');
};

export function setNestedParser(parse: (source: string, line: number) => List): void {
  parseNested = parse;
}

/** Text with expansions but no quote removal of `"` (arithmetic, here-documents). */
export function parseFragment(text: string, line = 1): Word {
  const scanner = new Scanner(text, line);
  scanner.parseSubstitution = () => parseNestedAt(scanner);
  const parts: WordPart[] = [];
  scanner.scanParts(parts, 'heredoc');
  return { parts, text };
}

function parseHeredocBody(body: string): Word {
  return parseFragment(body);
}

/** `$(…)` inside a fragment: parsed by the parser module (set at load time). */
export let parseNestedAt: (scanner: Scanner) => List = () => {
  throw new Error('parser not loaded');
};

export function setSubstitutionParser(parse: (scanner: Scanner) => List): void {
  parseNestedAt = parse;
}
