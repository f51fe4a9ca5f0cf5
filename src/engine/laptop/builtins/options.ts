// Options as GNU tools read them: short letters that combine (`ls -la`, `rm -rf`), long names
// (`--all`, `--recursive`), values attached or separate (`head -n 5`, `head -n5`, `--lines=5`),
// `--` ending the options, and a lone `-` meaning stdin. A bad option gets GNU's two lines —
// `ls: invalid option -- 'z'` and `Try 'ls --help' for more information.` — and the tool's status.
import { utf8 } from '../../bytes';
import type { OutputStream } from '../shell-io';

export interface OptionSpec {
  /** Letters that are switches: `'laA1h'`. */
  flags?: string;
  /** Letters that take a value: `'n'`. */
  valued?: string;
  /** Long names and the letter each stands for: `{ all: 'a', lines: 'n' }`. */
  long?: Readonly<Record<string, string>>;
  /** Status for a usage error (GNU ls and grep say 2, most tools 1). */
  usageStatus?: number;
}

export interface Parsed {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

/** A usage problem, already printed: return `status`. */
export class UsageFailure {
  constructor(readonly status: number) {}
}

export function writeText(stream: OutputStream, text: string): void {
  if (text !== '') stream.write(utf8(text));
}

/** Print `tool: message` and the `Try 'tool --help'` line. */
export function usageError(err: OutputStream, tool: string, message: string, status = 1): UsageFailure {
  writeText(err, `${tool}: ${message}\nTry '${tool} --help' for more information.\n`);
  return new UsageFailure(status);
}

export function parseOptions(
  tool: string,
  args: readonly string[],
  spec: OptionSpec,
  err: OutputStream,
): Parsed | UsageFailure {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  const status = spec.usageStatus ?? 1;
  const set = (letter: string, value?: string) => (value === undefined ? flags.add(letter) : values.set(letter, value));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(spec.long ?? {}).filter((l) => l === name || l.startsWith(name));
      const exact = matches.includes(name) ? name : matches.length === 1 ? matches[0] : undefined;
      if (exact === undefined) {
        const why = matches.length > 1 ? `option '${arg}' is ambiguous` : `unrecognized option '${arg}'`;
        return usageError(err, tool, why, status);
      }
      const letter = (spec.long ?? {})[exact] as string;
      if ((spec.valued ?? '').includes(letter)) {
        const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined) return usageError(err, tool, `option '--${exact}' requires an argument`, status);
        set(letter, value);
      } else {
        if (eq >= 0) return usageError(err, tool, `option '--${exact}' doesn't allow an argument`, status);
        set(letter);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] as string;
        if ((spec.valued ?? '').includes(letter)) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) return usageError(err, tool, `option requires an argument -- '${letter}'`, status);
          set(letter, value);
          break;
        }
        if (!(spec.flags ?? '').includes(letter)) return usageError(err, tool, `invalid option -- '${letter}'`, status);
        set(letter);
      }
      continue;
    }
    operands.push(arg);
  }
  return { flags, values, operands };
}
