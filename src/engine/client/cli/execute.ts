// Running one docker command line from start to exit status, in the order docker/cli does it:
//
//   1. the global options (`-H`, `--context`, `--config`, `-D`…), up to the first word that is not
//      one; a bad one is a usage error of `docker` itself (status 125);
//   2. the connection and configuration they select;
//   3. the command the next words name (`docker container ls`), its own flags (usage error, 125),
//      `--help` (printed on stdout, status 0), its argument count (status 1);
//   4. the command itself; what it throws is printed on stderr, with its status (1 by default).
import { sha256Of } from '../../digest';
import { encodedOf } from '../../digest';
import { utf8 } from '../../bytes';
import { ApiClient } from '../api/api-client';
import { ConfigFile } from '../config/config-file';
import { checkArgs } from './args';
import { Command, type CommandSpec, type ServerFeatures } from './command';
import type { DockerCli } from './docker-cli';
import { DEFAULT_DOCKER_HOST, normalizeHost, type ClientEnvironment } from './environment';
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

/** The daemon address the global options and the environment select, or an initialisation error. */
async function resolveHost(globals: FlagValues, env: ClientEnvironment, configDir: string): Promise<string> {
  const hosts = globals.list('host');
  const context = globals.string('context') || env.env['DOCKER_CONTEXT'] || '';
  if (hosts.length > 0 && globals.changed('context')) {
    throw new Error('Failed to initialize: conflicting options: cannot specify both --host and --context');
  }
  if (hosts.length > 1) throw new Error('Failed to initialize: unable to resolve docker endpoint: Specify only one -H');
  if (hosts.length === 1) return normalizeHost(hosts[0]!);
  if (context !== '' && context !== 'default') {
    const id = encodedOf(await sha256Of(utf8(context)));
    throw new Error(
      `Failed to initialize: unable to resolve docker endpoint: context "${context}": context not found: ` +
        `open ${configDir}/contexts/meta/${id}/meta.json: no such file or directory`,
    );
  }
  const fromEnv = env.env['DOCKER_HOST'];
  return fromEnv ? normalizeHost(fromEnv) : DEFAULT_DOCKER_HOST;
}

function makeCli(env: ClientEnvironment, host: string, configDir: string): DockerCli {
  const version = env.env['DOCKER_API_VERSION'];
  const api = new ApiClient(env.connect(host), { host, ...(version ? { version } : {}) });
  let config: Promise<ConfigFile> | undefined;
  return {
    api,
    out: env.out,
    err: env.err,
    in: env.in,
    files: env.files,
    env: env.env,
    now: () => env.now(),
    ...(env.signal ? { signal: env.signal } : {}),
    config: () => (config ??= ConfigFile.load(env.configStorage(configDir))),
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
  const host = await resolveHost(globals.flags, env, configDir);
  const cli = makeCli(env, host, configDir);

  const found = traverse(root, globals.args);
  let wantsHelp = globals.flags.bool('help');
  for (const { command, flags } of found.passed) {
    const parsed = parseCommandLine(command.flags(), flags, { interspersed: true, context });
    for (const w of parsed.warnings) env.out.write(w + '\n');
    wantsHelp ||= parsed.flags.bool('help');
  }
  const { command } = found;
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
