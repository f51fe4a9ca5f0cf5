// Which daemon a docker command talks to. docker/cli (`cli/command/cli.go`, resolveContextName)
// decides the context first, in this order:
//
//   1. `--context NAME` (`-c`)                      — with `-H` too: "conflicting options"
//   2. `-H/--host ADDR`                              → the default context
//   3. DOCKER_HOST                                   → the default context
//   4. DOCKER_CONTEXT
//   5. `currentContext` in config.json (`docker context use`)
//   6. `default`
//
// then the address: the default context's is the `-H` address, else DOCKER_HOST, else the local
// socket `unix:///var/run/docker.sock`; any other context's is the `Host` in its meta.json. So
// `DOCKER_HOST=tcp://onprem-1:2376` beats `docker context use cloud`, and `--context cloud` beats
// both — the order a student meets in the lesson on remote daemons.
import { DEFAULT_DOCKER_HOST, normalizeHost } from '../cli/environment';
import { DEFAULT_CONTEXT, type ContextStore } from './context-store';

/** What the global options say about the connection. */
export interface ConnectionFlags {
  /** `-H` values, as typed. */
  hosts: readonly string[];
  /** `--context`, or ''. */
  context: string;
}

/** The connection options given together: an error of docker itself, before any command runs. */
export class ConflictingOptionsError extends Error {
  override name = 'ConflictingOptionsError';
}

/** The name of the context in use (steps 1–6 above). Throws ConflictingOptionsError for `-H` with `--context`. */
export function resolveContextName(
  flags: ConnectionFlags,
  env: Readonly<Record<string, string>>,
  currentContext: string,
): string {
  if (flags.context !== '' && flags.hosts.length > 0) {
    throw new ConflictingOptionsError('conflicting options: cannot specify both --host and --context');
  }
  if (flags.context !== '') return flags.context;
  if (flags.hosts.length > 0) return DEFAULT_CONTEXT;
  if (env['DOCKER_HOST']) return DEFAULT_CONTEXT;
  if (env['DOCKER_CONTEXT']) return env['DOCKER_CONTEXT'];
  if (currentContext !== '') return currentContext;
  return DEFAULT_CONTEXT;
}

/** The default context's address: `-H` (only one), DOCKER_HOST, or the local socket. */
export function defaultContextHost(flags: ConnectionFlags, env: Readonly<Record<string, string>>): string {
  if (flags.hosts.length > 1) throw new Error('Specify only one -H');
  if (flags.hosts.length === 1) return normalizeHost(flags.hosts[0]!);
  const fromEnv = env['DOCKER_HOST'];
  return fromEnv ? normalizeHost(fromEnv) : DEFAULT_DOCKER_HOST;
}

/**
 * The daemon address of context `name`; a failure reads as the CLI's
 * `unable to resolve docker endpoint: …` (the caller adds `Failed to initialize: `).
 */
export async function resolveHost(
  name: string,
  flags: ConnectionFlags,
  env: Readonly<Record<string, string>>,
  store: ContextStore,
): Promise<string> {
  try {
    if (name === DEFAULT_CONTEXT) return defaultContextHost(flags, env);
    return (await store.get(name)).host;
  } catch (err) {
    throw new Error(`unable to resolve docker endpoint: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The current context's name as `docker context show` prints it, from the environment and the
 * text of config.json (undefined when there is none) — for the terminal's prompt, which shows
 * `(cloud)` when it is not `default`. No flags: a prompt has none.
 */
export function currentContextName(env: Readonly<Record<string, string>>, configJson: string | undefined): string {
  let current = '';
  try {
    const parsed = configJson ? (JSON.parse(configJson) as { currentContext?: unknown }) : undefined;
    if (typeof parsed?.currentContext === 'string') current = parsed.currentContext;
  } catch {
    // A broken config.json: every docker command would say so; the prompt just shows no context.
  }
  return resolveContextName({ hosts: [], context: '' }, env, current);
}
