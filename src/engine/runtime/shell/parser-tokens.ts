// The parser's view of the scanner: one token of lookahead, and the questions the grammar asks
// of a token — is it this operator, this reserved word, an assignment? Reserved words are plain
// unquoted words (`"if"` is not a keyword); `NAME=value` is an assignment only before the command
// name. Syntax errors name what was found the way the shells do (see ./syntax-error.ts).

import type { Assignment, Word } from './ast';
import type { Scanner, Token } from './scanner';
import { ShellSyntaxError, type Found } from './syntax-error';

export const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  '{',
  '}',
  '!',
]);
export const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-', '&>']);

/** The literal text of a word with no quoting or expansion, if that is all it is. */
export function plainText(word: Word): string | undefined {
  if (word.parts.length !== 1) return undefined;
  const part = word.parts[0];
  return part?.type === 'literal' && !part.quoted ? part.value : undefined;
}

export function isWord(t: Token, keyword: string): boolean {
  return t.kind === 'word' && plainText(t.word) === keyword;
}

export function isOp(t: Token, op: string): boolean {
  return t.kind === 'op' && t.op === op;
}

function found(t: Token): Found {
  switch (t.kind) {
    case 'eof':
      return { end: 'end of file' };
    case 'newline':
      return { end: 'newline' };
    case 'op':
      return { token: t.op };
    case 'io':
      return { end: 'word' };
    case 'word': {
      const text = plainText(t.word);
      return text !== undefined && RESERVED.has(text) ? { token: text } : { end: 'word' };
    }
  }
}

/** One token of lookahead over a scanner. */
export class TokenStream {
  protected ahead: Token | undefined;

  constructor(protected readonly scanner: Scanner) {}

  protected peek(): Token {
    this.ahead ??= this.scanner.next();
    return this.ahead;
  }

  protected take(): Token {
    const t = this.peek();
    this.ahead = undefined;
    return t;
  }

  protected unexpected(t: Token, expecting?: string): ShellSyntaxError {
    return new ShellSyntaxError(
      expecting === undefined
        ? { kind: 'unexpected', found: found(t) }
        : { kind: 'unexpected', found: found(t), expecting },
      t.line,
    );
  }

  protected expectWord(keyword: string): void {
    const t = this.take();
    if (!isWord(t, keyword)) throw this.unexpected(t, keyword);
  }

  protected linebreak(): void {
    while (this.peek().kind === 'newline') this.take();
  }
}

/** `NAME=value` at the start of a simple command. */
export function assignmentOf(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.type !== 'literal' || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.value);
  if (m === null) return undefined;
  const rest = first.value.slice(m[0].length);
  const parts = [...(rest === '' ? [] : [{ ...first, value: rest }]), ...word.parts.slice(1)];
  if (parts.length === 0) parts.push({ type: 'literal', value: '', quoted: true });
  const value: Word = { parts, text: word.text.slice(m[0].length) };
  if (rest.startsWith('~')) value.parts[0] = { type: 'tilde', user: /^~([^/:]*)/.exec(rest)?.[1] ?? '' };
  if (rest.startsWith('~')) {
    const tail = rest.replace(/^~[^/:]*/, '');
    if (tail !== '') value.parts.splice(1, 0, { type: 'literal', value: tail, quoted: false });
  }
  return { name: m[1] as string, value };
}
