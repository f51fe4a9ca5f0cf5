// A sed script, parsed: commands with their addresses (`3`, `$`, `/re/`, ranges, `!`), the `s`
// command's expression, replacement and flags, `y`, the `a`/`i`/`c` texts and `{ }` groups.
// Errors use GNU sed's phrases (`unterminated `s' command`, `unknown command: `k'`).

import { posixRegex, RegexError } from './regex';

export type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

export interface SedCommand {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  name: string;
  /** s: pattern, replacement, flags; y: from/to; a/i/c: text; {: the commands inside. */
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  text?: string;
  from?: string;
  to?: string;
  block?: SedCommand[];
  /** Range state: inside addr1,addr2. */
  active?: boolean;
}

export class SedError extends Error {
  override name = 'SedError';
}

export class ScriptParser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly extended: boolean,
  ) {}

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private skip(chars = ' \t'): void {
    while (this.i < this.src.length && chars.includes(this.src[this.i] as string)) this.i++;
  }

  /** Text up to an unescaped delimiter, with `\delim` unescaped. */
  private delimited(delim: string, keepEscapes: boolean, forAddress = false): string {
    let out = '';
    for (; this.i < this.src.length; this.i++) {
      const c = this.src[this.i] as string;
      if (c === '\\' && this.i + 1 < this.src.length) {
        const n = this.src[++this.i] as string;
        if (n === delim) out += delim === '&' ? '\\&' : delim;
        else if (n === 'n' && !keepEscapes) out += '\n';
        else out += `\\${n}`;
        continue;
      }
      if (c === delim) {
        this.i++;
        return out;
      }
      if (c === '\n' && !keepEscapes) throw new SedError(`unterminated \`s' command`);
      out += c;
    }
    throw new SedError(forAddress ? 'unterminated address regex' : `unterminated \`s' command`);
  }

  private regex(source: string, ignoreCase = false, global = false): RegExp {
    try {
      return posixRegex(source, { extended: this.extended, ignoreCase, global });
    } catch (err) {
      if (err instanceof RegexError) throw new SedError(`bad regex '${source}': ${err.message}`);
      throw err;
    }
  }

  private address(): Address | undefined {
    const c = this.peek();
    if (c === undefined) return undefined;
    if (/\d/.test(c)) {
      const m = /^\d+/.exec(this.src.slice(this.i)) as RegExpExecArray;
      this.i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (c === '$') {
      this.i++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      const delim = c === '\\' ? (this.src[++this.i] as string) : '/';
      this.i++;
      const source = this.delimited(delim, true, true);
      let ignore = false;
      if (this.peek() === 'I') {
        ignore = true;
        this.i++;
      }
      return { kind: 're', re: this.regex(source, ignore) };
    }
    return undefined;
  }

  parse(endOnBrace = false): SedCommand[] {
    const commands: SedCommand[] = [];
    for (;;) {
      this.skip(' \t\n;');
      const c = this.peek();
      if (c === undefined) {
        if (endOnBrace) throw new SedError("unmatched `{'");
        return commands;
      }
      if (c === '}') {
        if (!endOnBrace) throw new SedError("unexpected `}'");
        this.i++;
        return commands;
      }
      if (c === '#') {
        while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
        continue;
      }
      const cmd: SedCommand = { negate: false, name: '' };
      cmd.a1 = this.address();
      if (cmd.a1 !== undefined && this.peek() === ',') {
        this.i++;
        cmd.a2 = this.address();
        if (cmd.a2 === undefined) throw new SedError("unexpected `,'");
      }
      this.skip();
      if (this.peek() === '!') {
        cmd.negate = true;
        this.i++;
        this.skip();
      }
      const name = this.src[this.i++];
      if (name === undefined) throw new SedError('missing command');
      cmd.name = name;
      this.command(cmd);
      commands.push(cmd);
    }
  }

  private command(cmd: SedCommand): void {
    switch (cmd.name) {
      case 's': {
        const delim = this.src[this.i++];
        if (delim === undefined || delim === '\n' || delim === '\\') throw new SedError(`unterminated \`s' command`);
        const pattern = this.delimited(delim, true);
        cmd.replacement = this.delimited(delim, false);
        let ignore = false;
        for (let f = this.peek(); f !== undefined && /[gipIw0-9]/.test(f); f = this.peek()) {
          this.i++;
          if (f === 'g') cmd.global = true;
          else if (f === 'p') cmd.print = true;
          else if (f === 'i' || f === 'I') ignore = true;
          else if (/\d/.test(f)) cmd.occurrence = Number(f);
        }
        cmd.re = this.regex(pattern, ignore, true);
        return;
      }
      case 'y': {
        const delim = this.src[this.i++] as string;
        cmd.from = this.delimited(delim, false);
        cmd.to = this.delimited(delim, false);
        if ([...cmd.from].length !== [...cmd.to].length)
          throw new SedError("strings for `y' command are different lengths");
        return;
      }
      case 'a':
      case 'i':
      case 'c': {
        this.skip();
        if (this.peek() === '\\') {
          this.i++;
          if (this.peek() === '\n') this.i++;
        }
        const end = this.src.indexOf('\n', this.i);
        cmd.text = this.src.slice(this.i, end < 0 ? undefined : end).replace(/\\(.)/g, '$1');
        this.i = end < 0 ? this.src.length : end;
        return;
      }
      case '{':
        cmd.block = this.parse(true);
        return;
      case 'd':
      case 'D':
      case 'p':
      case 'P':
      case 'q':
      case 'Q':
      case '=':
      case 'n':
      case 'N':
      case 'h':
      case 'H':
      case 'g':
      case 'G':
      case 'x':
        return;
      default:
        throw new SedError(`unknown command: \`${cmd.name}'`);
    }
  }
}
