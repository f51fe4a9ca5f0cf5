// Word expansion: how `ENV`, `ARG`, `COPY`, `WORKDIR`… substitute variables (BuildKit's
// `frontend/dockerfile/shell/lex.go`, `ProcessWord` and `ProcessWords`).
//
// The builder itself — not a shell — expands `$VAR` in the instructions that support it, with the
// image's ENV and the build's ARGs as the environment. It mimics a POSIX shell word:
//
//   'single quotes'   taken literally ('$HOME' stays $HOME)
//   "double quotes"   literal except $…, and \ before " $ or \ (others stay: "a\tb" → a\tb)
//   \c                outside quotes: c itself (the escape character is \, or ` after # escape=`)
//   $VAR ${VAR}       the value, or "" when unset;  $1 → "" (digits);  $$ $# $? … special, unset → ""
//   ${VAR:-word}      word if VAR is unset or empty      ${VAR-word}   word only if unset
//   ${VAR:+word}      word if VAR is set and not empty   ${VAR+word}   word if set
//   ${VAR:?msg}       error `VAR: msg` if unset or empty ${VAR?msg}    error only if unset
//   ${VAR#pat} ${VAR##pat} ${VAR%pat} ${VAR%%pat} ${VAR/pat/rep} ${VAR//pat/rep}   (see shell-pattern.ts)
//
// `processWord` returns one string (spaces kept); `processWords` splits the result into words
// *after* expansion, so an unquoted `$VAR` holding `a b` becomes two words (EXPOSE uses this).
// Errors read `failed to process "<word>": <reason>`, e.g. `syntax error: missing '}'`.
import { DockerfileError } from './errors';
import { goQuote } from './go-text';
import {
  ShellPatternError,
  replacePattern,
  reversePattern,
  trimPatternPrefix,
  trimPatternSuffix,
} from './shell-pattern';
import type { EnvGetter } from './shell-env';
import { ShellScanner, WordSplitter } from './shell-scanner';

export { emptyEnv, envFromList, envFromRecord, type EnvGetter } from './shell-env';

/** A variable expansion failed: `failed to process "${x": syntax error: missing '}'`. */
export class ShellExpansionError extends DockerfileError {
  override name = 'ShellExpansionError';
  readonly kind = 'expansion';
  constructor(
    readonly word: string,
    readonly reason: string,
  ) {
    super(`failed to process ${goQuote(word)}: ${reason}`);
  }
}

export interface LexOptions {
  /** Keep quote characters in the result (used to find heredoc markers). */
  readonly rawQuotes?: boolean;
  /** Keep escape characters in the result. */
  readonly rawEscapes?: boolean;
  /** Treat quotes as ordinary characters. */
  readonly skipProcessQuotes?: boolean;
  /** Leave `$VAR` and `${VAR…}` as written when VAR is unset. */
  readonly skipUnsetEnv?: boolean;
}

/** The outcome of one expansion, with the variables it found and did not find. */
export interface WordExpansion {
  readonly result: string;
  readonly words: readonly string[];
  readonly matched: ReadonlySet<string>;
  readonly unmatched: ReadonlySet<string>;
}

/** A word expander with Docker's rules; `escapeToken` is `\` or `` ` `` (the `# escape=` directive). */
export class ShellLex {
  constructor(
    readonly escapeToken: string = '\\',
    readonly options: LexOptions = {},
  ) {}

  /** Expand one word; quotes removed, spaces kept. */
  processWord(word: string, env: EnvGetter): string {
    return this.process(word, env).result;
  }

  /** Expand and split into words, honouring quotes. */
  processWords(word: string, env: EnvGetter): string[] {
    return [...this.process(word, env).words];
  }

  /** Expand one word and report which variables were looked up. */
  processWordWithMatches(word: string, env: EnvGetter): WordExpansion {
    return this.process(word, env);
  }

  private process(word: string, env: EnvGetter): WordExpansion {
    const expander = new Expansion(this, new ShellScanner(word), env);
    try {
      const [result, words] = expander.processStopOn(undefined, this.options.rawEscapes ?? false);
      return { result, words, matched: expander.matched, unmatched: expander.unmatched };
    } catch (error) {
      if (error instanceof LexFailure || error instanceof ShellPatternError) {
        throw new ShellExpansionError(word, error.message);
      }
      throw error;
    }
  }
}

class LexFailure extends Error {}

const isSpecialParam = (ch: string): boolean => '@*#?-$!0'.includes(ch);
const isLetter = (ch: string): boolean => /^\p{L}$/u.test(ch);
const isDigit = (ch: string): boolean => /^\p{Nd}$/u.test(ch);

/** One run of the expander over one word (BuildKit's `shellWord`). */
class Expansion {
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private rawEscapes: boolean;

  constructor(
    private readonly lex: ShellLex,
    private readonly scanner: ShellScanner,
    private readonly env: EnvGetter,
  ) {
    this.rawEscapes = lex.options.rawEscapes ?? false;
  }

  /** Read until `stop` (or the end when `stop` is undefined); returns [text, words]. */
  processStopOn(stop: string | undefined, rawEscapes: boolean): [string, string[]] {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return this.readUntil(stop);
    } finally {
      this.rawEscapes = saved;
    }
  }

  private readUntil(stop: string | undefined): [string, string[]] {
    const words = new WordSplitter();
    const quotes = !this.lex.options.skipProcessQuotes;
    let result = '';
    for (let ch = this.scanner.peek(); ch !== undefined; ch = this.scanner.peek()) {
      if (stop !== undefined && ch === stop) {
        this.scanner.next();
        return [result, words.finish()];
      }
      if (ch === '$' || (quotes && (ch === "'" || ch === '"'))) {
        const piece = ch === '$' ? this.dollar() : ch === "'" ? this.singleQuote() : this.doubleQuote();
        result += piece;
        if (ch === '$') words.addString(piece);
        else words.addRawString(piece);
        continue;
      }
      let c = this.scanner.next()!;
      if (c === this.lex.escapeToken) {
        if (this.rawEscapes) {
          words.addRawChar(c);
          result += c;
        }
        const escaped = this.scanner.next();
        if (escaped === undefined) break;
        c = escaped;
        words.addRawChar(c);
      } else {
        words.addChar(c);
      }
      result += c;
    }
    if (stop !== undefined) throw new LexFailure(`unexpected end of statement while looking for matching ${stop}`);
    return [result, words.finish()];
  }

  /** The quote character itself: kept only with `rawQuotes`. */
  private openQuote(): string {
    const quote = this.scanner.next()!;
    return this.lex.options.rawQuotes ? quote : '';
  }

  private singleQuote(): string {
    const raw = this.lex.options.rawQuotes ?? false;
    let result = this.openQuote();
    for (;;) {
      const ch = this.scanner.next();
      if (ch === undefined) throw new LexFailure('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return raw ? result + ch : result;
      result += ch;
    }
  }

  private doubleQuote(): string {
    const raw = this.lex.options.rawQuotes ?? false;
    let result = this.openQuote();
    for (;;) {
      const peek = this.scanner.peek();
      if (peek === undefined)
        throw new LexFailure('unexpected end of statement while looking for matching double-quote');
      if (peek === '"') {
        const ch = this.scanner.next()!;
        return raw ? result + ch : result;
      }
      if (peek === '$') {
        result += this.dollar();
        continue;
      }
      let ch = this.scanner.next()!;
      if (ch === this.lex.escapeToken) {
        if (this.rawEscapes) result += ch;
        const after = this.scanner.peek();
        if (after === undefined) continue; // a trailing escape is dropped
        if (after === '"' || after === '$' || after === this.lex.escapeToken) ch = this.scanner.next()!;
      }
      result += ch;
    }
  }

  private lookup(name: string): string | undefined {
    const value = this.env.get(name);
    (value === undefined ? this.unmatched : this.matched).add(name);
    return value;
  }

  private dollar(): string {
    this.scanner.next(); // the $
    if (this.scanner.peek() !== '{') {
      const name = this.name();
      if (name === '') return '$';
      const value = this.lookup(name);
      if (value === undefined && this.lex.options.skipUnsetEnv) return '$' + name;
      return value ?? '';
    }
    this.scanner.next(); // the {
    const first = this.scanner.peek();
    if (first === undefined) throw new LexFailure("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new LexFailure('syntax error: bad substitution');
    return this.braced(this.name());
  }

  private braced(name: string): string {
    let ch = this.scanner.next();
    let modifier = ch ?? '\ufffd';
    if (ch === '}') {
      const value = this.lookup(name);
      if (value === undefined && this.lex.options.skipUnsetEnv) return `\${${name}}`;
      return value ?? '';
    }
    if (ch === '/') return this.replace(name);
    let nullIsUnset = false;
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.scanner.next();
      modifier += ch ?? '\ufffd';
    } else if (ch === undefined || !'+-?#%'.includes(ch)) {
      throw new LexFailure(`unsupported modifier (${modifier}) in substitution`);
    }
    const patternRemoval = ch === '#' || ch === '%';
    if (nullIsUnset && patternRemoval) throw new LexFailure(`unsupported modifier (${modifier}) in substitution`);
    const word = this.closing(() => this.processStopOn('}', patternRemoval)[0], "syntax error: missing '}'");
    const value = this.lookup(name);
    if (value === undefined && this.lex.options.skipUnsetEnv) return `\${${name}${modifier}${word}}`;
    const empty = value === undefined || (nullIsUnset && value === '');
    switch (ch) {
      case '-':
        return empty ? word : value!;
      case '+':
        return empty ? '' : word;
      case '?':
        if (value === undefined) throw new LexFailure(`${name}: ${word || 'is not allowed to be unset'}`);
        if (nullIsUnset && value === '') throw new LexFailure(`${name}: ${word || 'is not allowed to be empty'}`);
        return value;
      case '#':
      case '%':
        return this.removePattern(ch, word, value ?? '');
      default:
        throw new LexFailure(`unsupported modifier (${modifier}) in substitution`);
    }
  }

  /** `${VAR#pat}` `${VAR##pat}` `${VAR%pat}` `${VAR%%pat}`. */
  private removePattern(operator: '#' | '%', word: string, value: string): string {
    const greedy = word.startsWith(operator);
    const pattern = greedy ? word.slice(1) : word;
    try {
      return operator === '%' ? trimPatternSuffix(pattern, value, greedy) : trimPatternPrefix(pattern, value, greedy);
    } catch (error) {
      if (!(error instanceof ShellPatternError)) throw error;
      // BuildKit reports the pattern it compiled, which for a suffix is the reversed one.
      const shown = operator === '%' ? reversePattern(pattern) : pattern;
      throw new LexFailure(`invalid pattern (${shown}) in substitution: ${error.message}`);
    }
  }

  private replace(name: string): string {
    const all = this.scanner.peek() === '/';
    if (all) this.scanner.next();
    const pattern = this.closing(() => this.processStopOn('/', true)[0], "syntax error: missing '/' in ${}");
    const replacement = this.closing(() => this.processStopOn('}', true)[0], "syntax error: missing '}'");
    const value = this.lookup(name);
    if (value === undefined && this.lex.options.skipUnsetEnv) return `\${${name}/${pattern}/${replacement}}`;
    try {
      return replacePattern(value ?? '', pattern, replacement, all);
    } catch (error) {
      if (!(error instanceof ShellPatternError)) throw error;
      throw new LexFailure(`invalid pattern (${pattern}) in substitution: ${error.message}`);
    }
  }

  /** Run a nested read; running off the end becomes the given syntax error. */
  private closing(read: () => string, atEnd: string): string {
    try {
      return read();
    } catch (error) {
      if (error instanceof LexFailure && this.scanner.peek() === undefined) throw new LexFailure(atEnd);
      throw error;
    }
  }

  /** A variable name: letters, digits and _, or a run of digits, or one special parameter. */
  private name(): string {
    let name = '';
    for (let ch = this.scanner.peek(); ch !== undefined; ch = this.scanner.peek()) {
      if (name === '' && isDigit(ch)) {
        while (this.scanner.peek() !== undefined && isDigit(this.scanner.peek()!)) name += this.scanner.next();
        return name;
      }
      if (name === '' && isSpecialParam(ch)) return this.scanner.next()!;
      if (!isLetter(ch) && !isDigit(ch) && ch !== '_') break;
      name += this.scanner.next();
    }
    return name;
  }
}
