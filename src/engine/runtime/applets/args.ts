// Command-line options the way getopt(3) reads them: `-la` is `-l -a`, `-n 5` and `-n5` give an
// option its value, `--` ends the options, and (GNU) options may follow operands and have long
// forms (`--all`). Unknown options are errors in each flavour's words:
//
//   BusyBox  ls: unrecognized option: z          (then its usage, exit 1)
//   GNU      ls: invalid option -- 'z'
//            Try 'ls --help' for more information.

import type { Tool } from './registry';

export interface OptionSpec {
  /** Letters of flags without a value (`'laR1h'`). */
  flags?: string;
  /** Letters of options taking a value (`'nc'`). */
  values?: string;
  /** Long options (GNU style): `--name` → letter (or the long name itself), `name=` takes a value. */
  long?: Record<string, string>;
  /** Stop at the first operand (BusyBox, POSIX); GNU permutes unless this is set. */
  posix?: boolean;
  /** Accept `-NUM` as the value of this letter (`head -5`, `tail -20`). */
  numberOption?: string;
}

export interface ParsedArgs {
  /** Flags and options seen, by letter (value `true` for flags; the last value for options). */
  options: Map<string, string | true>;
  /** Every value of an option that may repeat (`-e a -e b`). */
  all: Map<string, string[]>;
  operands: string[];
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parse `args`; on a bad option prints the flavour's error and throws UsageError. */
export function parseArgs(tool: Tool, args: readonly string[], spec: OptionSpec): ParsedArgs {
  const options = new Map<string, string | true>();
  const all = new Map<string, string[]>();
  const operands: string[] = [];
  const flags = spec.flags ?? '';
  const values = spec.values ?? '';
  const set = (k: string, v: string | true) => {
    options.set(k, v);
    if (typeof v === 'string') all.set(k, [...(all.get(k) ?? []), v]);
  };
  const bad = (message: string): never => {
    if (tool.gnu) tool.err(`${tool.name}: ${message}\nTry '${tool.name} --help' for more information.\n`);
    else tool.err(`${tool.name}: ${message}\n`);
    throw new UsageError(message);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const long = spec.long ?? {};
      const key = Object.keys(long).find((k) => k.replace(/=$/, '') === name);
      if (key === undefined) bad(tool.gnu ? `unrecognized option '${a}'` : `unrecognized option '${a}'`);
      const letter = long[key as string] as string;
      if ((key as string).endsWith('=')) {
        const value = inline ?? args[++i];
        if (value === undefined) bad(`option '--${name}' requires an argument`);
        set(letter, value as string);
      } else set(letter, inline ?? true);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numberOption !== undefined && /^-\d+$/.test(a)) {
        set(spec.numberOption, a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (values.includes(c)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined)
            bad(tool.gnu ? `option requires an argument -- '${c}'` : `option requires an argument -- '${c}'`);
          set(c, value as string);
          break;
        }
        if (!flags.includes(c)) bad(tool.gnu ? `invalid option -- '${c}'` : `unrecognized option: ${c}`);
        set(c, true);
      }
      continue;
    }
    if (spec.posix || !tool.gnu) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(a);
  }
  return { options, all, operands };
}

/** Run an applet body, turning a UsageError into its exit status (GNU uses 2 for some tools). */
export async function withUsage(tool: Tool, body: () => Promise<number>, status = 1): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof UsageError) return status;
    throw err;
  }
}
