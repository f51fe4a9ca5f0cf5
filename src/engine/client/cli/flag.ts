// A command-line flag as the docker CLI declares it (spf13/pflag): a long name, maybe a one-letter
// shorthand, a usage line, the type name the help shows (`string`, `list`, `filter`, `duration`),
// and what one occurrence on the command line does to its value. Bool flags need no value
// (`--rm`, `-d`) but take one after `=` (`--rm=false`); `list` flags grow with every occurrence
// (`-e A=1 -e B=2`); `filter` flags collect `name=value` pairs (`-f dangling=true`).
//
// The constructors below are named after the types the help shows, so a command's flag table reads
// like its `--help`.
import {
  FlagValueError,
  parseGoBool,
  parseGoDuration,
  parseGoFloat,
  parseGoInt,
  parseGoUint,
  parseRamInBytes,
} from './go-strconv';

export type FlagValue = boolean | string | number | string[];

/** What a flag's value parser may consult: the environment (`-e NAME` copies NAME's value). */
export interface FlagContext {
  env: Readonly<Record<string, string>>;
}

/** When a flag exists only for some daemons: the CLI hides it from help (and refuses it) elsewhere. */
export interface FlagAnnotations {
  /** Only on a daemon of this OS (`windows` for `--cpu-count`). */
  ostype?: string;
  /** Only on a daemon with experimental features. */
  experimental?: boolean;
  /** Only on a swarm node in this role (`manager`). */
  swarm?: string;
}

export interface FlagSpec {
  name: string;
  /** One letter, or '' when the flag has no shorthand. */
  short: string;
  /** The type word in help (`string`, `list`); '' for bools, which show none. */
  type: string;
  usage: string;
  /** The default as help prints it after `(default …)`, when it is not the type's zero value. */
  defaultText?: string;
  /** What `--flag` alone means (bools: `true`); absent when a value is required. */
  noOptDefault?: string;
  hidden?: boolean;
  /** pflag's "Flag --x has been deprecated, …" message; deprecated flags are hidden. */
  deprecated?: string;
  annotations?: FlagAnnotations;
  initial: FlagValue;
  /** The value after one more occurrence with `text`; throws FlagValueError with pflag's words. */
  set(text: string, current: FlagValue, ctx: FlagContext): FlagValue;
}

type Extra = Partial<Pick<FlagSpec, 'hidden' | 'deprecated' | 'annotations' | 'noOptDefault'>> & {
  default?: string;
};

function spec(
  name: string,
  short: string,
  type: string,
  usage: string,
  initial: FlagValue,
  set: FlagSpec['set'],
  extra: Extra = {},
): FlagSpec {
  const { default: defaultText, ...rest } = extra;
  return { name, short, type, usage, initial, set, ...(defaultText !== undefined ? { defaultText } : {}), ...rest };
}

export function bool(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  const initial = extra.default === 'true';
  return spec(name, short, '', usage, initial, (text) => parseGoBool(text), { noOptDefault: 'true', ...extra });
}

export function string(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  const initial = extra.default?.startsWith('"') ? (JSON.parse(extra.default) as string) : '';
  return spec(name, short, 'string', usage, initial, (text) => text, extra);
}

export function int(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  const initial = extra.default ? Number(extra.default) : 0;
  return spec(name, short, 'int', usage, initial, (text) => parseGoInt(text), extra);
}

export function uint(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  return spec(name, short, 'uint', usage, 0, (text) => parseGoUint(text), extra);
}

export function uint16(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  return spec(name, short, 'uint16', usage, 0, (text) => parseGoUint(text, 16), extra);
}

/** `--cpus 1.5`: a decimal number (docker's NanoCPUs). */
export function decimal(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  return spec(
    name,
    short,
    'decimal',
    usage,
    0,
    (text) => {
      try {
        return parseGoFloat(text);
      } catch {
        throw new FlagValueError(`failed to parse ${text} as a rational number`);
      }
    },
    extra,
  );
}

/** `-m 512m`: go-units RAMInBytes (docker's MemBytes). */
export function bytes(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  return spec(name, short, 'bytes', usage, 0, (text) => parseRamInBytes(text), extra);
}

/** A Go duration, kept in nanoseconds. */
export function duration(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  return spec(name, short, 'duration', usage, 0, (text) => parseGoDuration(text), extra);
}

/** A repeated flag (docker's ListOpts); `validate` may rewrite or refuse each occurrence. */
export function list(
  name: string,
  short: string,
  usage: string,
  extra: Extra & { validate?: (text: string, ctx: FlagContext) => string; type?: string } = {},
): FlagSpec {
  const { validate, type = 'list', ...rest } = extra;
  return spec(
    name,
    short,
    type,
    usage,
    [],
    (text, current, ctx) => [...(current as string[]), validate ? validate(text, ctx) : text],
    rest,
  );
}

/** `key=value` pairs (docker's MapOpts), kept as the list of `key=value` texts in order. */
export function map(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  return list(name, short, usage, { type: 'map', ...extra });
}

/** `-f name=value` (docker's FilterOpt): lower-cased, trimmed name and trimmed value, kept in order. */
export function filter(name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  return spec(
    name,
    short,
    'filter',
    usage,
    [],
    (text, current) => {
      if (text === '') return current;
      const eq = text.indexOf('=');
      if (eq < 0) throw new FlagValueError('bad format of filter (expected name=value)');
      return [...(current as string[]), `${text.slice(0, eq).trim().toLowerCase()}=${text.slice(eq + 1).trim()}`];
    },
    extra,
  );
}

/** Any other value type (`ulimit`, `mount`, `port`…): repeated, shown with its own type word. */
export function value(type: string, name: string, short: string, usage: string, extra: Extra = {}): FlagSpec {
  return list(name, short, usage, { type, ...extra });
}

/** The values of one parse: every flag's value, and which ones the command line set. */
export class FlagValues {
  private readonly values = new Map<string, FlagValue>();
  private readonly set = new Set<string>();

  constructor(private readonly specs: readonly FlagSpec[]) {
    for (const flag of specs) this.values.set(flag.name, flag.initial);
  }

  /** Record one occurrence (the parser calls this). */
  apply(flag: FlagSpec, text: string, ctx: FlagContext): void {
    this.values.set(flag.name, flag.set(text, this.values.get(flag.name) ?? flag.initial, ctx));
    this.set.add(flag.name);
  }

  changed(name: string): boolean {
    return this.set.has(name);
  }

  bool(name: string): boolean {
    return this.values.get(name) === true;
  }

  string(name: string): string {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : '';
  }

  number(name: string): number {
    const v = this.values.get(name);
    return typeof v === 'number' ? v : 0;
  }

  list(name: string): string[] {
    const v = this.values.get(name);
    return Array.isArray(v) ? v : [];
  }

  has(name: string): boolean {
    return this.specs.some((f) => f.name === name);
  }
}
