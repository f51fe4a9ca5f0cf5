// Build arguments: `ARG` in the Dockerfile, `--build-arg` on the command line (moby's classic
// builder `daemon/builder/dockerfile/buildargs.go`).
//
// An ARG is only visible to the instructions after it, and only in its own stage; the ARGs before
// the first FROM (meta args) are visible to FROM lines, and a stage re-declares one (`ARG VERSION`,
// no value) to use it inside. A `--build-arg NAME=value` overrides the ARG's default. The proxy
// variables (HTTP_PROXY, https_proxy, NO_PROXY…) are predefined: usable without an ARG, and left out
// of the image history unless the Dockerfile declares them. A `--build-arg` that no ARG declares
// earns, at the end of the build:
//
//   [Warning] One or more build-args [FOO] were not consumed
import { goList } from './go-text';
import { ShellLex, envFromRecord } from './shell-lex';
import type { ArgCommand } from './instructions/commands';
import { expandCommand, expanderFor } from './instructions/expand';

/** The predefined proxy args. */
export const BUILTIN_BUILD_ARGS: readonly string[] = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
];
const builtins = new Set(BUILTIN_BUILD_ARGS);

/** A value, or `null` for a declared-but-valueless arg (`ARG NAME`, `--build-arg NAME` with no env value). */
export type ArgValue = string | null;

/** The build args of one build (or, cloned, of one stage). */
export class BuildArgs {
  private allowed = new Map<string, ArgValue>();
  private readonly meta = new Map<string, ArgValue>();
  private readonly referenced = new Set<string>();

  /** `options` are the `--build-arg`s (the Engine API's `buildargs` JSON). */
  constructor(private readonly options: ReadonlyMap<string, ArgValue> = new Map()) {}

  static fromOptions(options: Readonly<Record<string, ArgValue>>): BuildArgs {
    return new BuildArgs(new Map(Object.entries(options)));
  }

  /** A copy for a new stage: same options, meta args and references; callers then resetAllowed(). */
  clone(): BuildArgs {
    const copy = new BuildArgs(this.options);
    for (const [k, v] of this.allowed) copy.allowed.set(k, v);
    for (const [k, v] of this.meta) copy.meta.set(k, v);
    for (const k of this.referenced) copy.referenced.add(k);
    return copy;
  }

  /** Take over the references a stage made, so the final warning knows every ARG used. */
  mergeReferencedArgs(other: BuildArgs): void {
    for (const k of other.referenced) this.referenced.add(k);
  }

  /** A new stage starts with no ARGs in scope. */
  resetAllowed(): void {
    this.allowed = new Map();
  }

  /** A global ARG (before the first FROM). */
  addMetaArg(key: string, value: ArgValue): void {
    this.meta.set(key, value);
  }

  /** An `ARG` instruction: the name comes into scope and counts as used. */
  addArg(key: string, value: ArgValue): void {
    this.allowed.set(key, value);
    this.referenced.add(key);
  }

  /** False only for a predefined proxy arg the Dockerfile never declared (kept out of history). */
  isReferencedOrNotBuiltin(key: string): boolean {
    return this.allowed.has(key) || !builtins.has(key);
  }

  /** The value an arg has now: the --build-arg, else its default, else the meta arg's value. */
  private value(key: string, source: ReadonlyMap<string, ArgValue>): ArgValue | undefined {
    const option = this.options.get(key);
    if (option !== undefined && option !== null) return option;
    const fallback = source.get(key);
    if (fallback === undefined || fallback === null) {
      const meta = this.meta.get(key);
      return meta === undefined || meta === null ? undefined : meta;
    }
    return fallback;
  }

  private allFrom(source: ReadonlyMap<string, ArgValue>): Map<string, string> {
    const out = new Map<string, string>();
    for (const key of new Set([...source.keys(), ...BUILTIN_BUILD_ARGS])) {
      const value = this.value(key, source);
      if (value !== undefined && value !== null) out.set(key, value);
    }
    return out;
  }

  /** Every arg in scope with a value (including proxy args given as --build-arg). */
  getAllAllowed(): Map<string, string> {
    return this.allFrom(this.allowed);
  }

  /** Every global arg with a value: what FROM lines are expanded with. */
  getAllMeta(): Map<string, string> {
    return this.allFrom(this.meta);
  }

  /** `KEY=value` for each arg in scope that the ENV does not already set (ENV wins). */
  filterAllowed(env: readonly string[]): string[] {
    const set = new Set(env.map((e) => (e.includes('=') ? e.slice(0, e.indexOf('=')) : e)));
    return [...this.getAllAllowed()].filter(([k]) => !set.has(k)).map(([k, v]) => `${k}=${v}`);
  }

  /** The end-of-build warning about --build-args no ARG declared, or undefined when all were used. */
  unusedBuildArgsWarning(): string | undefined {
    const leftover = [...this.options.keys()].filter((k) => !this.referenced.has(k) && !builtins.has(k)).sort();
    return leftover.length === 0
      ? undefined
      : `[Warning] One or more build-args ${goList(leftover)} were not consumed\n`;
  }
}

/** A global ARG line: expand it with the args so far, then declare each name as arg and meta arg. */
export function processMetaArg(command: ArgCommand, args: BuildArgs, escapeToken = '\\'): ArgCommand {
  const lex = new ShellLex(escapeToken);
  const expanded = expandCommand(command, expanderFor(lex, envFromRecord(args.getAllAllowed())));
  for (const arg of expanded.args) {
    args.addArg(arg.key, arg.value ?? null);
    args.addMetaArg(arg.key, arg.value ?? null);
  }
  return expanded;
}
