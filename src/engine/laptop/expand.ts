// Word expansion on the laptop, in bash's order: `~` (the home directory), parameters (`$HOME`,
// `${NAME:-default}`, `$?` — the last command's status), command substitution (`$(pwd)`),
// arithmetic (`$((1+2))`); then the unquoted results are split into words at blanks, globbed
// against the laptop's files (`*.txt`), and the quotes disappear. Quoting decides everything:
// `echo "$X"` keeps one word, `echo $X` may make several, `echo '$X'` prints `$X`.
import type { List, Word, WordPart } from '../runtime/shell/ast';
import { ArithError, evaluateArithmetic } from '../runtime/shell/arith';
import { removeAffix, replacePattern, type PatternPiece } from '../runtime/shell/pattern';
import { expandGlob } from './glob';
import type { ShellState } from './shell-state';

/** An expansion bash refuses; the message follows `bash: `. */
export class ExpansionFailure extends Error {
  override name = 'ExpansionFailure';
}

export interface ExpandHost {
  shell: ShellState;
  /** Run `$(…)`'s commands; their standard output. */
  substitute(body: List): Promise<string>;
}

interface Chunk {
  text: string;
  quoted: boolean;
  /** Came from an unquoted expansion: split at blanks. */
  split: boolean;
}

const BLANKS = /[ \t\n]+/;

function special(shell: ShellState, name: string): string | undefined {
  if (name === '?') return String(shell.status);
  if (name === '$') return '1337';
  if (name === '0') return 'bash';
  if (name === '#') return '0';
  if (name === '-') return 'himBHs';
  if (name === '@' || name === '*' || name === '!' || /^\d+$/.test(name)) return name === '!' ? undefined : '';
  return shell.vars.get(name);
}

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  /** A command's words: expanded, split, globbed. */
  async fields(words: readonly Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const word of words) {
      for (const field of splitFields(await this.chunks(word.parts))) {
        const matches = expandGlob(this.host.shell.files, this.host.shell.cwd, field.map(toPiece));
        out.push(...(matches ?? [field.map((c) => c.text).join('')]));
      }
    }
    return out;
  }

  /** One word as one string (assignments, redirection targets, here-documents). */
  async string(word: Word): Promise<string> {
    return (await this.chunks(word.parts)).map((c) => c.text).join('');
  }

  private async chunks(parts: readonly WordPart[]): Promise<Chunk[]> {
    const out: Chunk[] = [];
    for (const part of parts) out.push(...(await this.part(part)));
    return out;
  }

  private async part(part: WordPart): Promise<Chunk[]> {
    const { shell } = this.host;
    switch (part.type) {
      case 'literal':
        return [{ text: part.value, quoted: part.quoted, split: false }];
      case 'tilde': {
        const home =
          part.user === ''
            ? (shell.vars.get('HOME') ?? shell.home)
            : part.user === shell.user
              ? shell.home
              : part.user === 'root'
                ? '/root'
                : undefined;
        return [{ text: home ?? `~${part.user}`, quoted: true, split: false }];
      }
      case 'param':
        return [{ text: await this.param(part), quoted: part.quoted, split: !part.quoted }];
      case 'command': {
        const text = (await this.host.substitute(part.body)).replace(/\n+$/, '');
        return [{ text, quoted: part.quoted, split: !part.quoted }];
      }
      case 'arith': {
        const expr = await this.string(part.expr);
        return [{ text: String(this.arithmetic(expr)), quoted: part.quoted, split: !part.quoted }];
      }
    }
  }

  private arithmetic(expr: string): number {
    const { shell } = this.host;
    try {
      return evaluateArithmetic(expr, { get: (n) => special(shell, n), set: (n, value) => shell.setVar(n, value) });
    } catch (err) {
      if (!(err instanceof ArithError)) throw err;
      const why = err.kind === 'divide-by-zero' ? 'division by 0' : 'syntax error in expression';
      throw new ExpansionFailure(`${expr}: ${why}`);
    }
  }

  private async param(part: Extract<WordPart, { type: 'param' }>): Promise<string> {
    const { shell } = this.host;
    const value = special(shell, part.name);
    const unset = value === undefined || (part.colon === true && value === '');
    const arg = async () => (part.arg ? this.string(part.arg) : '');
    const pattern = async (): Promise<PatternPiece[]> =>
      part.arg ? (await this.chunks(part.arg.parts)).map(toPiece) : [];
    switch (part.op) {
      case undefined:
        return value ?? '';
      case '-':
        return unset ? arg() : (value ?? '');
      case '=': {
        if (!unset) return value ?? '';
        const assigned = await arg();
        shell.setVar(part.name, assigned);
        return assigned;
      }
      case '?': {
        if (!unset) return value ?? '';
        const message = await arg();
        throw new ExpansionFailure(`${part.name}: ${message || 'parameter null or not set'}`);
      }
      case '+':
        return unset ? '' : arg();
      case 'length':
        return String([...(value ?? '')].length);
      case '#':
      case '##':
        return removeAffix(value ?? '', await pattern(), 'prefix', part.op === '##');
      case '%':
      case '%%':
        return removeAffix(value ?? '', await pattern(), 'suffix', part.op === '%%');
      case '/':
      case '//': {
        const replacement = part.arg2 ? await this.string(part.arg2) : '';
        return replacePattern(value ?? '', await pattern(), replacement, part.op === '//');
      }
      case 'substring': {
        const text = value ?? '';
        const offset = this.arithmetic(await arg());
        const start = offset < 0 ? Math.max(0, text.length + offset) : Math.min(offset, text.length);
        if (!part.arg2) return text.slice(start);
        const length = this.arithmetic(await this.string(part.arg2));
        const end = length < 0 ? text.length + length : start + length;
        if (end < start) throw new ExpansionFailure(`${length}: substring expression < 0`);
        return text.slice(start, end);
      }
    }
  }
}

function toPiece(chunk: Chunk): PatternPiece {
  return { text: chunk.text, quoted: chunk.quoted };
}

/** Split chunks into fields at unquoted blanks; a field of nothing but empty expansions vanishes. */
function splitFields(chunks: readonly Chunk[]): Chunk[][] {
  const fields: Chunk[][] = [];
  let current: Chunk[] = [];
  let keep = false;
  const finish = () => {
    if (keep || current.some((c) => c.text !== '')) fields.push(current);
    current = [];
    keep = false;
  };
  for (const chunk of chunks) {
    if (!chunk.split) {
      current.push(chunk);
      if (chunk.quoted) keep = true;
      continue;
    }
    const pieces = chunk.text.split(BLANKS);
    pieces.forEach((text, i) => {
      if (i > 0) finish();
      if (text !== '') current.push({ text, quoted: false, split: true });
    });
  }
  finish();
  return fields;
}
