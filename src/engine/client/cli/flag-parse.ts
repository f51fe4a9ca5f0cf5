// Reading a command line the way the docker CLI's flag library (spf13/pflag) reads it:
//
//   --name web   --name=web      a long flag and its value, two ways
//   -e A=1  -eA=1  -e=A=1        a shorthand and its value, three ways
//   -it                          shorthands combined (bools first; the last may take a value)
//   --rm  --rm=false             bools need no value, but take one after `=`
//   --                           the end of flags: everything after it is an argument
//
// Some commands stop reading flags at their first argument ("not interspersed"): in
// `docker run alpine ls -l`, `-l` belongs to `ls`, not to docker. Every refusal is pflag's own
// sentence (`unknown flag: --bad`, `flag needs an argument: 'e' in -e`); the command turns it into
// Docker's usage error, exit status 125.
import type { FlagContext, FlagSpec } from './flag';
import { FlagValues } from './flag';
import { FlagValueError, goQuote, goQuoteByte } from './go-strconv';
import { utf8 } from '../../bytes';

/** A command line the flag library refused; `message` is pflag's sentence. */
export class FlagError extends Error {
  override name = 'FlagError';
}

export interface ParsedCommandLine {
  flags: FlagValues;
  /** The arguments left once flags are taken out, in order. */
  args: string[];
  /** Messages about deprecated flags the command line used (pflag prints them after parsing). */
  warnings: string[];
}

export interface ParseOptions {
  /** May flags come after the first argument? (false for `run`, `exec`, `create` and the root) */
  interspersed: boolean;
  context: FlagContext;
}

class Parser {
  readonly flags: FlagValues;
  readonly args: string[] = [];
  readonly warnings: string[] = [];
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShort = new Map<string, FlagSpec>();

  constructor(
    specs: readonly FlagSpec[],
    private readonly options: ParseOptions,
  ) {
    this.flags = new FlagValues(specs);
    for (const flag of specs) {
      this.byName.set(flag.name, flag);
      if (flag.short) this.byShort.set(flag.short, flag);
    }
  }

  parse(argv: readonly string[]): void {
    let rest = [...argv];
    while (rest.length > 0) {
      const arg = rest.shift()!;
      if (arg.length < 2 || !arg.startsWith('-')) {
        this.args.push(arg);
        if (!this.options.interspersed) {
          this.args.push(...rest);
          return;
        }
        continue;
      }
      if (arg === '--') {
        this.args.push(...rest);
        return;
      }
      rest = arg.startsWith('--') ? this.parseLong(arg, rest) : this.parseShorts(arg, rest);
    }
  }

  private parseLong(arg: string, rest: string[]): string[] {
    const body = arg.slice(2);
    if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${arg}`);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const flag = this.byName.get(name);
    if (!flag) throw new FlagError(`unknown flag: --${name}`);
    if (eq >= 0) this.set(flag, body.slice(eq + 1));
    else if (flag.noOptDefault !== undefined) this.set(flag, flag.noOptDefault);
    else if (rest.length > 0) this.set(flag, rest.shift()!);
    else throw new FlagError(`flag needs an argument: ${arg}`);
    return rest;
  }

  /** `-abc`: each letter a flag, until one of them takes the rest (or the next argument) as its value. */
  private parseShorts(arg: string, rest: string[]): string[] {
    let shorthands = arg.slice(1);
    while (shorthands.length > 0) {
      const letter = shorthands[0]!;
      const flag = this.byShort.get(letter);
      if (!flag) {
        // pflag looks at bytes: the first byte of a multi-byte letter is what it quotes.
        const char = String.fromCodePoint(shorthands.codePointAt(0)!);
        throw new FlagError(`unknown shorthand flag: ${goQuoteByte(utf8(char)[0]!)} in -${shorthands}`);
      }
      let consumedAll = false;
      if (shorthands.length > 2 && shorthands[1] === '=') {
        this.set(flag, shorthands.slice(2));
        consumedAll = true;
      } else if (flag.noOptDefault !== undefined) {
        this.set(flag, flag.noOptDefault);
      } else if (shorthands.length > 1) {
        this.set(flag, shorthands.slice(1));
        consumedAll = true;
      } else if (rest.length > 0) {
        this.set(flag, rest.shift()!);
      } else {
        throw new FlagError(`flag needs an argument: ${goQuoteByte(letter.charCodeAt(0))} in -${shorthands}`);
      }
      if (flag.name === 'help' && letter === 'h')
        this.warnings.push('Flag shorthand -h has been deprecated, use --help');
      shorthands = consumedAll ? '' : shorthands.slice(1);
    }
    return rest;
  }

  private set(flag: FlagSpec, text: string): void {
    try {
      this.flags.apply(flag, text, this.options.context);
    } catch (err) {
      if (!(err instanceof FlagValueError)) throw err;
      const label = flag.short ? `-${flag.short}, --${flag.name}` : `--${flag.name}`;
      throw new FlagError(`invalid argument ${goQuote(text)} for ${goQuote(label)} flag: ${err.message}`);
    }
    if (flag.deprecated) this.warnings.push(`Flag --${flag.name} has been deprecated, ${flag.deprecated}`);
  }
}

/** Parse `argv` against `specs`; throws FlagError with pflag's words. */
export function parseCommandLine(
  specs: readonly FlagSpec[],
  argv: readonly string[],
  options: ParseOptions,
): ParsedCommandLine {
  const parser = new Parser(specs, options);
  parser.parse(argv);
  return { flags: parser.flags, args: parser.args, warnings: parser.warnings };
}
