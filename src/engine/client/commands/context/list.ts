// `docker context ls`: every context, the one in use marked `*`, sorted by name as people sort
// (`node2` before `node10`). A context that cannot be loaded still gets a row, with the reason in
// the ERROR column, cut to 45 characters:
//
//   NAME        DESCRIPTION                               DOCKER ENDPOINT               ERROR
//   cloud       The cloud VM                              tcp://cloud-vm:2376
//   default *   Current DOCKER_HOST based configuration   unix:///var/run/docker.sock
//
// With DOCKER_HOST set, the CLI warns on stderr that it overrides the context chosen with `use`.
import { noArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool } from '../../cli/flag';
import { formatContext, formatRows, TABLE_FORMAT_KEY } from '../../format/formatter';
import { ellipsis } from '../../format/text';
import { tableFormatFlag } from '../shared/format-flag';
import { defaultContext } from './default-context';

const TABLE = 'table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}';
const HEADER = { Name: 'NAME', Description: 'DESCRIPTION', DockerEndpoint: 'DOCKER ENDPOINT', Error: 'ERROR' };

export const HOST_OVERRIDE_WARNING =
  'Warning: DOCKER_HOST environment variable overrides the active context. ' +
  'To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.';

interface Row {
  name: string;
  description: string;
  endpoint: string;
  current: boolean;
  error: string;
}

/** Natural order (github.com/fvbommel/sortorder): runs of digits compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) {
      const [m, n] = [p.replace(/^0+/, ''), q.replace(/^0+/, '')];
      if (m.length !== n.length) return m.length < n.length;
      if (m !== n) return m < n;
      return p.length < q.length;
    }
    return p < q;
  }
  return x.length < y.length;
}

function rowContext(row: Row) {
  return formatContext('*formatter.clientContextContext', {
    Current: () => row.current,
    Description: () => row.description,
    DockerEndpoint: () => row.endpoint,
    Error: () => ellipsis(row.error, 45),
    Name: () => row.name,
  });
}

export async function runContextList(cli: DockerCli, options: { format: string; quiet: boolean }): Promise<void> {
  const current = cli.currentContext;
  const fallback = defaultContext(cli);
  const rows: Row[] = [fallback, ...(await cli.contexts.list())].map((c) => ({
    name: c.name,
    description: c.description,
    endpoint: c.host,
    current: c.name === current,
    error: '',
  }));
  if (!rows.some((r) => r.current)) {
    let error = '';
    try {
      await cli.contexts.get(current);
    } catch (err) {
      error = (err as Error).message;
    }
    rows.push({ name: current, description: '', endpoint: '', current: true, error });
  }
  rows.sort((a, b) => (naturalLess(a.name, b.name) ? -1 : naturalLess(b.name, a.name) ? 1 : 0));
  const format = options.quiet
    ? '{{.Name}}'
    : !options.format || options.format === TABLE_FORMAT_KEY
      ? TABLE
      : options.format;
  cli.out.write(formatRows(format, rows.map(rowContext), HEADER));
  if (cli.env['DOCKER_HOST']) cli.err.write(HOST_OVERRIDE_WARNING + '\n');
}

export function contextListCommand(): CommandSpec {
  return {
    name: 'ls',
    use: 'ls [OPTIONS]',
    short: 'List contexts',
    aliasesText: 'docker context ls, docker context list',
    aliases: ['list'],
    args: noArgs,
    flags: [tableFormatFlag(), bool('quiet', 'q', 'Only show context names')],
    run: ({ cli, flags }) => runContextList(cli, { format: flags.string('format'), quiet: flags.bool('quiet') }),
  };
}
