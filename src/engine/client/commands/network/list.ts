// `docker network ls`: `GET /networks` (with `--filter` as the `filters` query), every network
// the daemon knows, sorted by name the way people count (`net9` before `net10`).
import { noArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, filter } from '../../cli/flag';
import { formatRows } from '../../format/formatter';
import { filtersParam } from '../shared/filters';
import { tableFormatFlag } from '../shared/format-flag';
import { naturalCompare } from '../shared/natural-order';
import { NETWORK_HEADER, networkContext, networkFormat, type NetworkSummary } from './network-context';

export interface NetworkListOptions {
  quiet: boolean;
  noTrunc: boolean;
  format: string;
  filters: string[];
}

export async function runNetworkList(cli: DockerCli, options: NetworkListOptions): Promise<void> {
  const networks =
    (await cli.api.json<NetworkSummary[] | null>('GET', '/networks', {
      query: { filters: filtersParam(options.filters) },
    })) ?? [];
  const format = options.format === '' ? 'table' : options.format;
  const sorted = [...networks].sort((a, b) => naturalCompare(a.Name, b.Name));
  const rows = sorted.map((n) => networkContext(n, !options.noTrunc));
  cli.out.write(formatRows(networkFormat(format, options.quiet), rows, NETWORK_HEADER));
}

export function networkListCommand(): CommandSpec {
  return {
    name: 'ls',
    use: 'ls [OPTIONS]',
    short: 'List networks',
    aliasesText: 'docker network ls, docker network list',
    aliases: ['list'],
    args: noArgs,
    flags: [
      filter('filter', 'f', 'Provide filter values (e.g. "driver=bridge")'),
      tableFormatFlag(),
      bool('no-trunc', '', 'Do not truncate the output'),
      bool('quiet', 'q', 'Only display network IDs'),
    ],
    run: ({ cli, flags }) =>
      runNetworkList(cli, {
        quiet: flags.bool('quiet'),
        noTrunc: flags.bool('no-trunc'),
        format: flags.string('format'),
        filters: flags.list('filter'),
      }),
  };
}
