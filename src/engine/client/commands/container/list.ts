// `docker ps` / `docker container ls`: `GET /containers/json` — running containers, or all of them
// with `-a`. STATUS is the daemon's own words (`Up 5 minutes`, `Exited (0) 3 seconds ago`); the
// CLI cuts, quotes and groups the rest (see container-context.ts).
import { noArgs, type CommandSpec, type Invocation } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, filter, int } from '../../cli/flag';
import { formatRows } from '../../format/formatter';
import { GoTemplate, TemplateError } from '../../format/template/template';
import { filtersParam } from '../shared/filters';
import { tableFormatFlag } from '../shared/format-flag';
import {
  CONTAINER_HEADER,
  DEFAULT_CONTAINER_FORMAT,
  containerContext,
  type ContainerSummary,
} from './container-context';

const RAW_FORMAT =
  'container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\n' +
  'state: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\n' +
  'ports: {{- pad .Ports 1 0}}\n';

export interface PsOptions {
  all: boolean;
  quiet: boolean;
  size: boolean;
  sizeChanged: boolean;
  noTrunc: boolean;
  latest: boolean;
  last: number;
  format: string;
  filters: string[];
}

/** Check a custom format on an empty row, and see whether it reads `.Size` (then ask for sizes). */
function checkFormat(format: string): { usesSize: boolean } {
  let template: GoTemplate;
  try {
    template = GoTemplate.parse(format);
  } catch (err) {
    if (err instanceof TemplateError) throw new Error(`failed to parse template: ${err.message}`, { cause: err });
    throw err;
  }
  let usesSize = false;
  const probe = containerContext({ Id: '', Image: '', Command: '', Created: 0, State: '', Status: '' }, true, 0);
  const sizeOf = Object.getOwnPropertyDescriptor(probe, 'Size')!.get!;
  Object.defineProperty(probe, 'Size', {
    get: () => {
      usesSize = true;
      return sizeOf();
    },
  });
  try {
    template.execute(probe);
  } catch (err) {
    if (err instanceof TemplateError) throw new Error(`failed to execute template: ${err.message}`, { cause: err });
    throw err;
  }
  return { usesSize };
}

export async function runPs(cli: DockerCli, options: PsOptions): Promise<void> {
  if (options.format !== '' && options.quiet) {
    cli.err.write('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
  }
  let size = options.size;
  if (options.format !== '') {
    const { usesSize } = checkFormat(options.format);
    if (!options.quiet && !size && !options.sizeChanged && usesSize) size = true;
  }
  const limit = options.latest && options.last === -1 ? 1 : options.last;
  const containers = await cli.api.json<ContainerSummary[]>('GET', '/containers/json', {
    query: {
      all: options.all ? '1' : undefined,
      limit: limit > 0 ? String(limit) : undefined,
      size: size ? '1' : undefined,
      filters: filtersParam(options.filters),
    },
  });
  let format = options.format;
  if (format === '' || format === 'table') {
    format = options.quiet ? '{{.ID}}' : DEFAULT_CONTAINER_FORMAT + (size ? '\t{{.Size}}' : '');
  } else if (format === 'raw') {
    format = options.quiet ? 'container_id: {{.ID}}' : RAW_FORMAT + (size ? 'size: {{.Size}}\n' : '');
  } else if (options.quiet) format = '{{.ID}}';
  const now = cli.now();
  const rows = (containers ?? []).map((c) => containerContext(c, !options.noTrunc, now));
  cli.out.write(formatRows(format, rows, CONTAINER_HEADER));
}

export function psOptions({ flags }: Invocation): PsOptions {
  return {
    all: flags.bool('all'),
    quiet: flags.bool('quiet'),
    size: flags.bool('size'),
    sizeChanged: flags.changed('size'),
    noTrunc: flags.bool('no-trunc'),
    latest: flags.bool('latest'),
    last: flags.number('last'),
    format: flags.string('format'),
    filters: flags.list('filter'),
  };
}

/** `docker ps` (name `ps`) and `docker container ls` (name `ls`, aliases `list`, `ps`). */
export function psCommand(name: 'ps' | 'ls'): CommandSpec {
  return {
    name,
    use: `${name} [OPTIONS]`,
    short: 'List containers',
    ...(name === 'ls' ? { aliases: ['list', 'ps'] } : { top: 3 }),
    aliasesText: 'docker container ls, docker container list, docker container ps, docker ps',
    args: noArgs,
    flags: [
      bool('all', 'a', 'Show all containers (default shows just running)'),
      filter('filter', 'f', 'Filter output based on conditions provided'),
      tableFormatFlag(),
      int('last', 'n', 'Show n last created containers (includes all states)', { default: '-1' }),
      bool('latest', 'l', 'Show the latest created container (includes all states)'),
      bool('no-trunc', '', "Don't truncate output"),
      bool('quiet', 'q', 'Only display container IDs'),
      bool('size', 's', 'Display total file sizes'),
    ],
    run: (inv) => runPs(inv.cli, psOptions(inv)),
  };
}
