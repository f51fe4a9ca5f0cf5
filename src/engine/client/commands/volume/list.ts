// `docker volume ls`: `GET /volumes` (with `--filter`, e.g. `dangling=true` for volumes no
// container uses), sorted by name the way people count (`data9` before `data10`).
import { noArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, filter } from '../../cli/flag';
import { formatRows } from '../../format/formatter';
import { filtersParam } from '../shared/filters';
import { tableFormatFlag } from '../shared/format-flag';
import { naturalCompare } from '../shared/natural-order';
import { VOLUME_HEADER, volumeContext, volumeFormat, type VolumeSummary } from './volume-context';

export interface VolumeListOptions {
  quiet: boolean;
  format: string;
  filters: string[];
}

export async function runVolumeList(cli: DockerCli, options: VolumeListOptions): Promise<void> {
  const answer = await cli.api.json<{ Volumes?: VolumeSummary[] | null }>('GET', '/volumes', {
    query: { filters: filtersParam(options.filters) },
  });
  const volumes = [...(answer?.Volumes ?? [])].sort((a, b) => naturalCompare(a.Name, b.Name));
  const format = volumeFormat(options.format === '' ? 'table' : options.format, options.quiet);
  cli.out.write(formatRows(format, volumes.map(volumeContext), VOLUME_HEADER));
}

export function volumeListCommand(): CommandSpec {
  return {
    name: 'ls',
    use: 'ls [OPTIONS]',
    short: 'List volumes',
    aliasesText: 'docker volume ls, docker volume list',
    aliases: ['list'],
    args: noArgs,
    flags: [
      bool('cluster', '', 'Display only cluster volumes, and use cluster volume list formatting', {
        annotations: { swarm: 'manager' },
      }),
      filter('filter', 'f', 'Provide filter values (e.g. "dangling=true")'),
      tableFormatFlag(),
      bool('quiet', 'q', 'Only display volume names'),
    ],
    run: ({ cli, flags }) =>
      runVolumeList(cli, { quiet: flags.bool('quiet'), format: flags.string('format'), filters: flags.list('filter') }),
  };
}
