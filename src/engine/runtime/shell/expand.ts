// Word expansion (XCU 2.6), in POSIX's order: tilde, parameters (`$x`, `${x:-d}`…), command
// substitution (`$(…)`, backquotes) and arithmetic (`$((…))`); then field splitting on $IFS of
// what the expansions produced — unquoted only — then pathname expansion of unquoted `*?[`, and
// quote removal. "$@" is the one expansion that makes several fields inside double quotes.

import type { List, Word, WordPart } from './ast';
import { evaluateArithmetic, type ArithVariables } from './arith';
import { expandPathname } from './glob';
import { removeAffix, replacePattern, type PatternPiece } from './pattern';
import type { ProcessContext } from '../contract';

/** What expansion needs from the shell. */
export interface ExpansionHost {
  readonly ctx: ProcessContext;
  /** A variable, special parameter (`?`, `$`, `!`, `#`, `-`) or positional parameter (`0`, `1`, `10`). */
  lookup(name: string): string | undefined;
  positional(): string[];
  assign(name: string, value: string): void;
  /** $IFS, or undefined when unset (then " \t\n"). */
  ifs(): string | undefined;
  /** `~` (the user's home: $HOME) and `~name` (from /etc/passwd). */
  home(user: string): string | undefined;
  readonly nounset: boolean;
  readonly noglob: boolean;
  /** Run a command substitution; its output (stdout) as text. */
  substitute(body: List): Promise<string>;
}

/** An expansion that fails: the shell reports it and (non-interactive) exits. */
export class ExpansionError extends Error {
  override name = 'ExpansionError';
  constructor(
    readonly kind: 'unset' | 'parameter' | 'arithmetic' | 'divide-by-zero' | 'bad-name',
    readonly parameter: string,
    /** `${x?message}`'s message, or the arithmetic expression. */
    readonly detail?: string,
    /** `${x:?…}` (null counts as unset) rather than `${x?…}`. */
    readonly colon = false,
  ) {
    super(detail ?? kind);
  }
}

interface Chunk {
  text: string;
  quoted: boolean;
  /** From an unquoted expansion: subject to field splitting. */
  split: boolean;
}

type Fields = Chunk[][];

const DEFAULT_IFS = ' \t\n';

export class Expander {
  constructor(private readonly host: ExpansionHost) {}

  /** A command's words: expanded, split into fields and globbed. */
  async fields(words: readonly Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const word of words) {
      for (const pieces of this.splitFields(await this.chunks(word))) {
        const matches = this.host.noglob ? undefined : expandPathname(this.host.ctx, pieces);
        if (matches !== undefined) out.push(...matches);
        else out.push(pieces.map((p) => p.text).join(''));
      }
    }
    return out;
  }

  /** One word as one string: no splitting, no globbing (assignments, redirection targets, `case`). */
  async string(word: Word): Promise<string> {
    return (await this.chunks(word)).map((field) => field.map((c) => c.text).join('')).join(' ');
  }

  /** A word as a pattern: unquoted characters (literal or expanded) keep their special meaning. */
  async pattern(word: Word): Promise<PatternPiece[]> {
    return (await this.chunks(word)).flatMap((field, i) => [
      ...(i > 0 ? [{ text: ' ', quoted: true }] : []),
      ...field.map((c) => ({ text: c.text, quoted: c.quoted })),
    ]);
  }

  /** `$((…))`'s value. */
  async arithmetic(expr: Word): Promise<number> {
    const text = await this.string(expr);
    const vars: ArithVariables = {
      get: (name) => this.host.lookup(name),
      set: (name, value) => this.host.assign(name, value),
    };
    try {
      return evaluateArithmetic(text, vars);
    } catch (err) {
      if (err instanceof Error && err.name === 'ArithError') {
        const kind = (err as { kind?: string }).kind === 'divide-by-zero' ? 'divide-by-zero' : 'arithmetic';
        throw new ExpansionError(kind, '', text.trim());
      }
      throw err;
    }
  }

  private async chunks(word: Word): Promise<Fields> {
    const fields: Fields = [[]];
    const current = () => fields[fields.length - 1] as Chunk[];
    for (const part of word.parts) {
      const produced = await this.part(part);
      if (Array.isArray(produced[0])) {
        const many = produced as Fields;
        if (many.length === 0) {
          current().push({ text: '', quoted: false, split: true });
          continue;
        }
        many.forEach((f, i) => {
          if (i === 0) current().push(...f);
          else fields.push([...f]);
        });
      } else current().push(...(produced as Chunk[]));
    }
    return fields;
  }

  private async part(part: WordPart): Promise<Chunk[] | Fields> {
    switch (part.type) {
      case 'literal':
        return [{ text: part.value, quoted: part.quoted, split: false }];
      case 'tilde': {
        const home = this.host.home(part.user);
        return [
          home === undefined
            ? { text: `~${part.user}`, quoted: false, split: false }
            : { text: home, quoted: true, split: false },
        ];
      }
      case 'command': {
        const text = (await this.host.substitute(part.body)).replace(/\n+$/, '');
        return [{ text, quoted: part.quoted, split: !part.quoted }];
      }
      case 'arith': {
        const value = await this.arithmetic(part.expr);
        return [{ text: String(value), quoted: part.quoted, split: !part.quoted }];
      }
      case 'param':
        return this.parameter(part);
    }
  }

  private async parameter(part: Extract<WordPart, { type: 'param' }>): Promise<Chunk[] | Fields> {
    const { name, quoted } = part;
    const many = name === '@' || name === '*';
    if (many && part.op === undefined) {
      const params = this.host.positional();
      if (quoted && name === '*') return [{ text: params.join(this.joiner()), quoted: true, split: false }];
      return params.map((p) => [{ text: p, quoted, split: !quoted }]);
    }
    const value = many ? this.host.positional().join(this.joiner()) : this.host.lookup(name);
    const chunk = (text: string): Chunk[] => [{ text, quoted, split: !quoted }];
    const isUnset = value === undefined || (part.colon === true && value === '');
    const arg = part.arg;
    switch (part.op) {
      case undefined:
        if (value === undefined && this.host.nounset && !/^[@*#?$!-]$/.test(name))
          throw new ExpansionError('unset', name);
        return chunk(value ?? '');
      case 'length':
        return chunk(String(many ? this.host.positional().length : [...(value ?? '')].length));
      case '-':
        return isUnset ? this.argChunks(arg, quoted) : chunk(value ?? '');
      case '+':
        if (!isUnset) return this.argChunks(arg, quoted);
        return quoted ? chunk('') : [];
      case '=': {
        if (!isUnset) return chunk(value ?? '');
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ExpansionError('bad-name', name);
        const assigned = arg === undefined ? '' : await this.string(arg);
        this.host.assign(name, assigned);
        return chunk(assigned);
      }
      case '?': {
        if (!isUnset) return chunk(value ?? '');
        const message = arg === undefined || arg.parts.length === 0 ? undefined : await this.string(arg);
        throw new ExpansionError('parameter', name, message, part.colon === true);
      }
      case '#':
      case '##':
      case '%':
      case '%%': {
        const pattern = arg === undefined ? [] : await this.pattern(arg);
        const side = part.op.startsWith('#') ? 'prefix' : 'suffix';
        return chunk(removeAffix(value ?? '', pattern, side, part.op.length === 2));
      }
      case '/':
      case '//': {
        const pattern = arg === undefined ? [] : await this.pattern(arg);
        const replacement = part.arg2 === undefined ? '' : await this.string(part.arg2);
        return chunk(replacePattern(value ?? '', pattern, replacement, part.op === '//'));
      }
      case 'substring': {
        const text = value ?? '';
        let offset = arg === undefined ? 0 : await this.arithmetic(arg);
        if (offset < 0) offset = Math.max(0, text.length + offset);
        let end = text.length;
        if (part.arg2 !== undefined) {
          const length = await this.arithmetic(part.arg2);
          end = length < 0 ? text.length + length : offset + length;
        }
        return chunk(text.slice(offset, Math.max(offset, end)));
      }
    }
  }

  /** The word of `${x:-word}`: its own quoting kept; unquoted text splits like any expansion. */
  /** Inside double quotes an empty word still makes an (empty) field: `[ -n "${x:-}" ]` has 2 args. */
  private async argChunks(arg: Word | undefined, quoted: boolean): Promise<Chunk[]> {
    const chunks =
      arg === undefined
        ? []
        : (await this.chunks(arg))
            .flat()
            .map((c) => ({ text: c.text, quoted: c.quoted || quoted, split: !(c.quoted || quoted) }));
    return quoted && chunks.length === 0 ? [{ text: '', quoted: true, split: false }] : chunks;
  }

  private joiner(): string {
    const ifs = this.host.ifs();
    return ifs === undefined ? ' ' : (ifs[0] ?? '');
  }

  /** Field splitting (XCU 2.6.5) of the unquoted expansion results, then the fields as pattern pieces. */
  private splitFields(fields: Fields): PatternPiece[][] {
    const ifs = this.host.ifs() ?? DEFAULT_IFS;
    const out: PatternPiece[][] = [];
    for (const field of fields) {
      let cur: PatternPiece[] = [];
      let has = false;
      let last: 'none' | 'white' | 'other' = 'none';
      const push = () => {
        out.push(cur);
        cur = [];
        has = false;
      };
      const add = (text: string, quoted: boolean) => {
        const prev = cur[cur.length - 1];
        if (prev !== undefined && prev.quoted === quoted) prev.text += text;
        else cur.push({ text, quoted });
      };
      for (const chunk of field) {
        if (!chunk.split || ifs === '') {
          add(chunk.text, chunk.quoted);
          if (!chunk.split || chunk.text !== '') {
            has = true;
            last = 'none';
          }
          continue;
        }
        for (const c of chunk.text) {
          if (!ifs.includes(c)) {
            add(c, false);
            has = true;
            last = 'none';
          } else if (' \t\n'.includes(c)) {
            if (has) {
              push();
              last = 'white';
            }
          } else {
            if (has || last !== 'white') push();
            last = 'other';
          }
        }
      }
      if (has) push();
    }
    return out;
  }
}
