// `docker info`: the client's side (version, context, plugins), then the daemon's (`GET /info`):
// how many containers and images it holds, its storage driver, its runtimes, the registries it
// trusts without TLS — the daemon is a program with its own configuration, not part of the CLI.
// Laid out as docker/cli's prettyPrintInfo does it, one fact per line.
import { CLIENT_VERSION } from '../../api/api-client';
import { noArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { StatusError } from '../../cli/status-error';
import { OrderedObject, parseOrdered } from '../../format/go-json';
import { bool, field, map, ptr, slice, string, struct, typed, any, type GoType } from '../../format/go-typed';
import { GoStruct, GoNil } from '../../format/go-values';
import { GoTemplate, TemplateError } from '../../format/template/template';
import { inspectFormatFlag } from '../shared/format-flag';
import { prettyPrintServerInfo } from './info-server';

const strings: GoType = slice(string);

/** The parts of system.Info whose Go types templates can tell apart (nil slices, maps, pointers). */
const infoType = struct('system.Info', [
  field('ID', string),
  field('DriverStatus', slice(strings)),
  field('SystemStatus', slice(strings), { omitempty: true }),
  field(
    'Plugins',
    struct('system.PluginsInfo', [
      field('Volume', strings),
      field('Network', strings),
      field('Authorization', strings),
      field('Log', strings),
    ]),
  ),
  field(
    'RegistryConfig',
    ptr(
      struct('registry.ServiceConfig', [
        field('InsecureRegistryCIDRs', strings),
        field('IndexConfigs', map(any)),
        field('Mirrors', strings),
      ]),
    ),
  ),
  field('GenericResources', slice(any)),
  field('Labels', strings),
  field('ExperimentalBuild', bool),
  field('Runtimes', map(any)),
  field('SecurityOptions', strings),
  field('CDISpecDirs', strings),
  field('Warnings', strings),
]);

function clientInfo(apiVersion: string): GoStruct {
  const version = new GoStruct('system.clientVersion', [
    ['Platform', null],
    ['Version', CLIENT_VERSION],
    ['APIVersion', apiVersion],
    ['DefaultAPIVersion', '1.50'],
    ['GitCommit', 'e6534b4'],
    ['GoVersion', 'go1.24.3'],
    ['Os', 'linux'],
    ['Arch', 'amd64'],
    ['BuildTime', 'Fri May 30 12:07:14 2025'],
    ['Context', 'default'],
  ]);
  const json = new OrderedObject([
    ['Debug', false],
    ['Version', CLIENT_VERSION],
    ...(apiVersion ? [['ApiVersion', apiVersion] as [string, unknown]] : []),
    ['DefaultAPIVersion', '1.50'],
    ['GitCommit', 'e6534b4'],
    ['GoVersion', 'go1.24.3'],
    ['Os', 'linux'],
    ['Arch', 'amd64'],
    ['BuildTime', 'Fri May 30 12:07:14 2025'],
    ['Context', 'default'],
    ['Plugins', []],
    ['Warnings', null],
  ]);
  return new GoStruct(
    'system.clientInfo',
    [
      ['Debug', false],
      ['clientVersion', version],
      ['Plugins', []],
      ['Warnings', new GoNil('slice')],
    ],
    json,
    new Map([['clientVersion', { embedded: true }]]),
  );
}

/** Does the template read anything but the client's half? (docker/cli needsServerInfo) */
function needsServer(format: string): boolean {
  if (format === '' || !/\.[a-zA-Z]/.test(format)) return true;
  try {
    GoTemplate.parse(format).execute(
      new GoStruct('system.sparseInfo', [
        ['ClientInfo', clientInfo('')],
        ['ClientErrors', new GoNil('slice')],
      ]),
    );
    return false;
  } catch {
    return true;
  }
}

function prettyPrintClient(cli: DockerCli): void {
  cli.out.write('Client:\n');
  cli.out.write(` Version:    ${CLIENT_VERSION}\n`);
  cli.out.write(' Context:    default\n');
  cli.out.write(' Debug Mode: false\n');
}

export async function runInfo(cli: DockerCli, format: string): Promise<void> {
  let template: GoTemplate | undefined;
  if (format !== '') {
    try {
      template = GoTemplate.parse(format === 'json' ? '{{json .}}' : format);
    } catch (err) {
      if (err instanceof TemplateError) throw new StatusError(`template parsing error: ${err.message}`, 64);
      throw err;
    }
  }
  let raw: OrderedObject | undefined;
  let failure: unknown;
  let apiVersion = '';
  if (needsServer(format)) {
    try {
      raw = parseOrdered(await cli.api.text('GET', '/info')) as OrderedObject;
    } catch (err) {
      failure = err;
    }
    apiVersion = await cli.api.version().catch(() => '1.50');
  }
  if (!template) {
    prettyPrintClient(cli);
    cli.out.write('\nServer:\n');
    if (failure) throw failure;
    const username = (await cli.config()).credentials('https://index.docker.io/v1/')?.username ?? '';
    prettyPrintServerInfo(cli, raw ?? new OrderedObject([]), username);
    return;
  }
  if (failure) cli.err.write(`${(failure as Error).message}\n`);
  const info = typed(raw ?? new OrderedObject([]), infoType) as GoStruct;
  const client = clientInfo(apiVersion);
  const data = new GoStruct(
    'system.dockerInfo',
    [
      ['Info', info],
      ['ServerErrors', failure ? [(failure as Error).message] : new GoNil('slice')],
      ['ClientInfo', client],
      ['ClientErrors', new GoNil('slice')],
    ],
    new OrderedObject([
      ...(raw ? raw.entries : []),
      ...(failure ? [['ServerErrors', [(failure as Error).message]] as [string, unknown]] : []),
      ['ClientInfo', client.json],
    ]),
    new Map([['Info', { embedded: true }]]),
  );
  let text = '';
  let error: unknown;
  try {
    text = template.execute(data);
  } catch (err) {
    error = err;
  }
  cli.out.write(text + '\n');
  if (error) throw error;
  if (failure) throw new StatusError('', 1);
}

/** `docker info` and `docker system info`. */
export function infoCommand(): CommandSpec {
  return {
    name: 'info',
    use: 'info [OPTIONS]',
    short: 'Display system-wide information',
    aliasesText: 'docker system info, docker info',
    top: 12,
    args: noArgs,
    flags: [inspectFormatFlag('f')],
    run: ({ cli, flags }) => runInfo(cli, flags.string('format')),
  };
}
