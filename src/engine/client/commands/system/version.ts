// `docker version`: the client's own version, then the daemon's from `GET /version` — two
// programs, two versions, the client/server split in one screen. The daemon's half also says
// which API version the two agreed on ("downgraded from 1.50" when the daemon is older).
//
//   Client:
//    Version:           28.2.2
//    API version:       1.50
//   …
//   Server: Docker Engine - Community
//    Engine:
//     Version:          28.2.2
//     API version:      1.50 (minimum version 1.24)
import { CLIENT_API_VERSION, CLIENT_VERSION } from '../../api/api-client';
import { noArgs, type CommandSpec, type Invocation } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { StatusError } from '../../cli/status-error';
import { OrderedObject } from '../../format/go-json';
import { GoMap, GoPointerNil, GoStruct } from '../../format/go-values';
import { tabwrite } from '../../format/tabwriter';
import { GoTemplate, TemplateError } from '../../format/template/template';
import { inspectFormatFlag } from '../shared/format-flag';

const DEFAULT_TEMPLATE = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:\t{{.Version}}
 API version:\t{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:\t{{.GoVersion}}
 Git commit:\t{{.GitCommit}}
 Built:\t{{.BuildTime}}
 OS/Arch:\t{{.Os}}/{{.Arch}}
 Context:\t{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:\t{{.Version}}
  API version:\t{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:\t{{index .Details "GoVersion"}}
  Git commit:\t{{index .Details "GitCommit"}}
  Built:\t{{index .Details "BuildTime"}}
  OS/Arch:\t{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:\t{{index .Details "Experimental"}}
  {{- else }}
  Version:\t{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:\t{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

/** getDetailsOrder: a component's detail keys, sorted. */
const detailsOrder = new Map([
  ['getDetailsOrder', (c: unknown) => ((c as GoStruct).get('Details') as GoMap).sorted().map(([k]) => k)],
]);

export interface VersionOptions {
  format: string;
}

/** The client's facts (docker/cli version.go); its build date printed as Go's ANSIC. */
const CLIENT = {
  GoVersion: 'go1.24.3',
  GitCommit: 'e6534b4',
  BuildTime: 'Fri May 30 12:07:14 2025',
  Os: 'linux',
  Arch: 'amd64',
};

/** RFC 3339 → Go's time.ANSIC (`Mon Jan _2 15:04:05 2006`), as the CLI reformats build dates. */
export function ansic(text: string): string {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, ' ')} ${time} ${date.getUTCFullYear()}`;
}

function clientVersion(apiVersion: string, context: string): GoStruct {
  const fields: [string, unknown][] = [
    ['Platform', new GoPointerNil('*system.platformInfo')],
    ['Version', CLIENT_VERSION],
    ['APIVersion', apiVersion],
    ['DefaultAPIVersion', CLIENT_API_VERSION],
    ['GitCommit', CLIENT.GitCommit],
    ['GoVersion', CLIENT.GoVersion],
    ['Os', CLIENT.Os],
    ['Arch', CLIENT.Arch],
    ['BuildTime', CLIENT.BuildTime],
    ['Context', context],
  ];
  const json = new OrderedObject([
    ['Version', CLIENT_VERSION],
    ['ApiVersion', apiVersion],
    ['DefaultAPIVersion', CLIENT_API_VERSION],
    ['GitCommit', CLIENT.GitCommit],
    ['GoVersion', CLIENT.GoVersion],
    ['Os', CLIENT.Os],
    ['Arch', CLIENT.Arch],
    ['BuildTime', CLIENT.BuildTime],
    ['Context', context],
  ]);
  return new GoStruct('system.clientVersion', fields, json);
}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function component(raw: Json): GoStruct {
  const details = Object.entries((raw['Details'] ?? {}) as Record<string, unknown>).map(([k, v]): [string, unknown] => [
    k,
    str(v),
  ]);
  const name = str(raw['Name']);
  if (name === 'Engine') {
    const bt = details.find(([k]) => k === 'BuildTime');
    if (bt) bt[1] = ansic(String(bt[1]));
  }
  const map = new GoMap(details, 'map[string]string');
  const json = new OrderedObject([
    ['Name', name],
    ['Version', str(raw['Version'])],
    ...(details.length ? [['Details', new OrderedObject(map.sorted())] as [string, unknown]] : []),
  ]);
  return new GoStruct(
    'types.ComponentVersion',
    [
      ['Name', name],
      ['Version', str(raw['Version'])],
      ['Details', map],
    ],
    json,
  );
}

/** The daemon's `types.Version`, with an Engine component made up when an old daemon sends none. */
function serverVersion(raw: Json): GoStruct {
  const components = ((raw['Components'] ?? []) as Json[]).map(component);
  if (!components.some((c) => c.get('Name') === 'Engine')) {
    components.push(
      component({
        Name: 'Engine',
        Version: raw['Version'],
        Details: {
          ApiVersion: raw['ApiVersion'],
          MinAPIVersion: raw['MinAPIVersion'],
          GitCommit: raw['GitCommit'],
          GoVersion: raw['GoVersion'],
          Os: raw['Os'],
          Arch: raw['Arch'],
          BuildTime: raw['BuildTime'],
          Experimental: String(raw['Experimental'] === true),
        },
      }),
    );
  }
  const platform = new GoStruct('struct { Name string }', [['Name', str((raw['Platform'] as Json)?.['Name'])]]);
  const plain = (key: string) => str(raw[key]);
  const fields: [string, unknown][] = [
    ['Platform', platform],
    ['Components', components],
    ['Version', plain('Version')],
    ['APIVersion', plain('ApiVersion')],
    ['MinAPIVersion', plain('MinAPIVersion')],
    ['GitCommit', plain('GitCommit')],
    ['GoVersion', plain('GoVersion')],
    ['Os', plain('Os')],
    ['Arch', plain('Arch')],
    ['KernelVersion', plain('KernelVersion')],
    ['Experimental', raw['Experimental'] === true],
    ['BuildTime', plain('BuildTime')],
  ];
  const json = new OrderedObject([
    ['Platform', new OrderedObject([['Name', platform.get('Name')]])],
    ['Components', components.map((c) => c.json)],
    ...fields
      .slice(2)
      .filter(([k, v]) => !((k === 'Experimental' && v === false) || (k === 'BuildTime' && v === '')))
      .map(([k, v]): [string, unknown] => [k === 'APIVersion' ? 'ApiVersion' : k, v]),
  ]);
  return new GoStruct('*types.Version', fields, json);
}

export async function runVersion(cli: DockerCli, options: VersionOptions): Promise<void> {
  const format = options.format === '' ? DEFAULT_TEMPLATE : options.format === 'json' ? '{{json .}}' : options.format;
  let template: GoTemplate;
  try {
    template = GoTemplate.parse(format, 'version', detailsOrder);
  } catch (err) {
    if (err instanceof TemplateError) throw new StatusError(`template parsing error: ${err.message}`, 64);
    throw err;
  }
  // A context that cannot be resolved fails before anything is printed.
  void cli.api;
  let server: GoStruct | null = null;
  let failure: unknown;
  try {
    server = serverVersion(await cli.api.json<Json>('GET', '/version'));
  } catch (err) {
    failure = err;
  }
  let apiVersion = CLIENT_API_VERSION;
  try {
    apiVersion = await cli.api.version();
  } catch {
    // the daemon could not be reached: the client's own version stays
  }
  const data = new GoStruct(
    'system.versionInfo',
    [
      ['Client', clientVersion(apiVersion, cli.currentContext)],
      ['Server', server ?? new GoPointerNil('*types.Version')],
    ],
    new OrderedObject([
      ['Client', clientVersion(apiVersion, cli.currentContext).json],
      ['Server', server ? server.json : null],
    ]),
  );
  let text = '';
  let templateFailure: unknown;
  try {
    text = template.execute(data);
  } catch (err) {
    templateFailure = err;
  }
  cli.out.write(tabwrite(text + '\n', { minWidth: 20, padding: 1, padChar: ' ' }));
  if (failure) throw failure;
  if (templateFailure) throw templateFailure;
}

export function versionCommand(): CommandSpec {
  return {
    name: 'version',
    use: 'version [OPTIONS]',
    short: 'Show the Docker version information',
    args: noArgs,
    top: 11,
    flags: [inspectFormatFlag('f')],
    run: ({ cli, flags }: Invocation) => runVersion(cli, { format: flags.string('format') }),
  };
}
