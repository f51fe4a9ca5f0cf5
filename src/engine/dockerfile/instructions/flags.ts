// Builder flags: the `--name=value` words before an instruction's arguments (BuildKit
// `instructions/bflag.go`).
//
// Each instruction declares the flags it accepts — COPY takes `--from`, `--chown`, `--chmod`,
// `--link` — and anything else is refused with Docker's words:
//
//   COPY --form=build . .     unknown flag: --form (did you mean from?)
//   COPY --chown . .          missing a value on flag: --chown
//   COPY --link=yes . .       expecting boolean value for flag --link, not: yes
//   COPY --from=a --from=b    duplicate flag specified: --from
//
// A boolean flag alone means true (`--link`); string flags need `=` (`--chown=` sets it empty); a
// repeatable flag (`RUN --mount=… --mount=…`) collects every value.
import { InstructionError } from '../errors';
import { suggest, withSuggestion } from '../suggest';

type FlagKind = 'bool' | 'string' | 'strings';

interface FlagState {
  readonly kind: FlagKind;
  value: string;
  readonly values: string[];
}

/** The flags one instruction was given, checked against the flags it accepts. */
export class BuilderFlags {
  private readonly declared = new Map<string, FlagState>();
  private readonly usedNames: string[] = [];

  constructor(readonly args: readonly string[]) {}

  /** Accept `--name` / `--name=true|false`. */
  addBool(name: string, defaultValue = false): this {
    return this.add(name, 'bool', defaultValue ? 'true' : 'false');
  }

  /** Accept `--name=value`. */
  addString(name: string, defaultValue = ''): this {
    return this.add(name, 'string', defaultValue);
  }

  /** Accept `--name=value`, any number of times. */
  addStrings(name: string): this {
    return this.add(name, 'strings', '');
  }

  private add(name: string, kind: FlagKind, value: string): this {
    if (this.declared.has(name)) throw new Error(`Duplicate flag defined: ${name}`); // a bug in this module
    this.declared.set(name, { kind, value, values: [] });
    return this;
  }

  /** Check the given flags against the declared ones; throws InstructionError with Docker's message. */
  parse(): this {
    for (const arg of this.args) {
      if (arg === '--') return this; // POSIX: `--` ends the options
      if (!arg.startsWith('--')) throw new InstructionError(`arg should start with -- : ${arg}`);
      const eq = arg.indexOf('=');
      const flagName = eq < 0 ? arg : arg.slice(0, eq);
      const value = eq < 0 ? '' : arg.slice(eq + 1);
      const name = flagName.slice(2);
      const flag = this.declared.get(name);
      if (!flag) {
        const hint = suggest(name, [...this.declared.keys()], true);
        throw new InstructionError(withSuggestion(`unknown flag: ${flagName}`, hint));
      }
      const seen = this.usedNames.includes(name);
      if (seen && flag.kind !== 'strings') throw new InstructionError(`duplicate flag specified: ${flagName}`);
      if (!seen) this.usedNames.push(name);
      if (flag.kind === 'bool') {
        if (eq >= 0 && value === '') throw new InstructionError(`missing a value on flag: ${flagName}`);
        const lower = value.toLowerCase();
        if (lower !== '' && lower !== 'true' && lower !== 'false') {
          throw new InstructionError(`expecting boolean value for flag ${flagName}, not: ${value}`);
        }
        flag.value = lower === 'false' ? 'false' : 'true';
      } else {
        if (eq < 0) throw new InstructionError(`missing a value on flag: ${flagName}`);
        if (flag.kind === 'string') flag.value = value;
        else flag.values.push(value);
      }
    }
    return this;
  }

  /** The names (without `--`) of the flags that were given, in the order first given. */
  used(): string[] {
    return [...this.usedNames];
  }

  isUsed(name: string): boolean {
    return this.usedNames.includes(name);
  }

  bool(name: string): boolean {
    return this.state(name).value === 'true';
  }

  string(name: string): string {
    return this.state(name).value;
  }

  strings(name: string): string[] {
    return [...this.state(name).values];
  }

  private state(name: string): FlagState {
    const flag = this.declared.get(name);
    if (!flag) throw new Error(`flag --${name} was never declared`); // a bug in this module
    return flag;
  }
}
