// Running one docker command line from start to exit status, in the order docker/cli does it:
//
//   1. the global options (`-H`, `--context`, `--config`, `-D`…), up to the first word that is not
//      one; a bad one is a usage error of `docker` itself (status 125);
//   2. the connection and configuration they select;
//   3. the command the next words name (`docker container ls`), its own flags (usage error, 125),
//      `--help` (printed on stdout, status 0), its argument count (status 1);
//   4. the command itself; what it throws is printed on stderr, with its status (1 by default).
import { ApiClient } from '../api/api-client';
import { ConfigFile } from '../config/config-file';
import { checkArgs } from './args';
import { Command, type CommandSpec, type ServerFeatures } from './command';
import type { DockerCli } from './docker-cli';
import { ContextStore } from '../context/context-store';
import { resolveContextName, resolveHost, type ConnectionFlags } from '../context/resolve';
import type { ClientEnvironment } from './environment';
import type { FlagValues } from './flag';
import { FlagError, parseCommandLine } from './flag-parse';
import { helpText } from './help';
import { StatusError, exitFor } from './status-error';
import { traverse } from './traverse';

export const VERSION_LINE = 'Docker version 28.2.2, build e6534b4';

/** cobra's flag error, as docker/cli words it (FlagErrorFunc): status 125. */
export function flagError(command: Command, message: string): StatusError {
  return new StatusError(
    `${message}\n\nUsage:  ${command.useLine()}\n\nRun '${command.path()} --help' for more information`,
    125,
  );
}

/** The context the global options and the environment select, and its daemon address. */
async function resolveConnection(
  globals: FlagValues,
  env: ClientEnvironment,
  config: () => Promise<ConfigFile>,
  store: ContextStore,
): Promise<{ flags: ConnectionFlags; name: string; host: string | Error }> {
  const flags: ConnectionFlags = { hosts: globals.list('host'), context: globals.string('context') };
  // -H with --context fails every command; other problems only those that reach the daemon.
  const quickName = () => resolveContextName(flags, env.env, '');
  if (flags.context !== '' && flags.hosts.length > 0) quickName();
  let current = '';
  if (flags.context === '' && flags.hosts.length === 0 && !env.env['DOCKER_HOST'] && !env.env['DOCKER_CONTEXT']) {
    current = (await config()).currentContext;
  }
  const name = resolveContextName(flags, env.env, current);
  const host = await resolveHost(name, flags, env.env, store).catch(
    (err: Error) => new Error(`Failed to initialize: ${err.message}`),
  );
  return { flags, name, host };
}

function makeCli(
  env: ClientEnvironment,
  connection: { flags: ConnectionFlags; name: string; host: string | Error },
  config: () => Promise<ConfigFile>,
  contexts: ContextStore,
): DockerCli {
  const version = env.env['DOCKER_API_VERSION'];
  let api: ApiClient | undefined;
  return {
    get api() {
      if (connection.host instanceof Error) throw connection.host;
      api ??= new ApiClient(env.connect(connection.host), { host: connection.host, ...(version ? { version } : {}) });
      return api;
    },
    currentContext: connection.name,
    contexts,
    connection: connection.flags,
    out: env.out,
    err: env.err,
    in: env.in,
    files: env.files,
    env: env.env,
    now: () => env.now(),
    ...(env.signal ? { signal: env.signal } : {}),
    config,
  };
}

async function featuresFor(command: Command, cli: DockerCli): Promise<ServerFeatures> {
  let annotated = false;
  for (let c: Command | undefined = command; c; c = c.parent)
    annotated ||= c === command ? c.dependsOnServer() : !!c.spec.experimental;
  if (!annotated) return {};
  try {
    const ping = await cli.api.ping();
    return {
      experimental: ping.experimental,
      ...(ping.osType ? { osType: ping.osType } : {}),
      ...(ping.swarm ? { swarm: ping.swarm } : {}),
    };
  } catch {
    return {};
  }
}

/** `X is only supported on a Docker daemon with experimental features enabled`, if that is so. */
function unsupported(command: Command, features: ServerFeatures): string | undefined {
  for (let c: Command | undefined = command; c; c = c.parent) {
    if (c.spec.experimental && features.experimental === false) {
      return `${command.path()} is only supported on a Docker daemon with experimental features enabled`;
    }
  }
  return undefined;
}

/** Print `command`'s help on `to` (stdout for --help, stderr when a command is only a group). */
export async function showHelp(command: Command, cli: DockerCli, to: 'out' | 'err'): Promise<void> {
  const stream = to === 'out' ? cli.out : cli.err;
  const features = await featuresFor(command, cli);
  const refusal = unsupported(command, features);
  if (refusal) return void cli.out.write(refusal + '\n');
  const columns = cli.in.isTerminal ? cli.in.columns : undefined;
  stream.write(helpText(command, { ...(columns ? { columns } : {}), terminal: stream.isTerminal, features }));
}

async function run(rootSpec: CommandSpec, argv: readonly string[], env: ClientEnvironment): Promise<void> {
  const root = new Command(rootSpec);
  const context = { env: env.env };
  let globals;
  try {
    globals = parseCommandLine(root.flags(), argv, { interspersed: false, context });
  } catch (err) {
    if (err instanceof FlagError) throw flagError(root, err.message);
    throw err;
  }
  for (const w of globals.warnings) env.out.write(w + '\n');
  const configDir = globals.flags.string('config');
  let configFile: Promise<ConfigFile> | undefined;
  const config = () => (configFile ??= ConfigFile.load(env.configStorage(configDir)));
  const contexts = new ContextStore(env.files, configDir);
  const cli = makeCli(env, await resolveConnection(globals.flags, env, config, contexts), config, contexts);

  const found = traverse(root, globals.args);
  let wantsHelp = globals.flags.bool('help');
  for (const { command, flags } of found.passed) {
    const parsed = parseCommandLine(command.flags(), flags, { interspersed: true, context });
    for (const w of parsed.warnings) env.out.write(w + '\n');
    wantsHelp ||= parsed.flags.bool('help');
  }
  const { command } = found;
  command.spec.beforeParse?.({ env: env.env, err: env.err });
  let parsed;
  if (command === root) parsed = { flags: globals.flags, args: found.args, warnings: [] };
  else {
    try {
      parsed = parseCommandLine(command.flags(), found.args, {
        interspersed: command.spec.interspersed ?? true,
        context,
      });
    } catch (err) {
      if (err instanceof FlagError) throw flagError(command, err.message);
      throw err;
    }
  }
  for (const w of parsed.warnings) env.out.write(w + '\n');
  if (wantsHelp || parsed.flags.bool('help')) return showHelp(command, cli, 'out');
  if (command === root && globals.flags.bool('version')) return void env.out.write(VERSION_LINE + '\n');
  const refusal = unsupported(command, await featuresFor(command, cli));
  if (refusal) throw new Error(refusal);
  const problem = checkArgs(command, parsed.args);
  if (problem) throw new Error(problem);
  if (command.spec.run) {
    await command.spec.run({ cli, args: parsed.args, flags: parsed.flags, command });
  } else {
    await showHelp(command, cli, 'err');
  }
}

/** Run `docker <argv…>` in `env`; resolves with the exit status. Never throws. */
export async function execute(rootSpec: CommandSpec, argv: readonly string[], env: ClientEnvironment): Promise<number> {
  try {
    await run(rootSpec, argv, env);
    return 0;
  } catch (err) {
    if (env.signal?.aborted) return 130;
    const { code, text } = exitFor(err);
    if (text !== '') env.err.write(text + '\n');
    return code;
  }
}
