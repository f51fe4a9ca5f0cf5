// `docker system prune`: everything unused, in the CLI's order (docker/cli `system/prune.go`) —
// stopped containers (`POST /containers/prune`), unused networks (`/networks/prune`), with
// `--volumes` anonymous volumes (`/volumes/prune`), dangling images — every unused one with `-a`
// (`/images/prune`) — and the build cache (`/build/prune`). It asks first, unless `-f`:
//
//   WARNING! This will remove:
//     - all stopped containers
//     - all networks not used by at least one container
//     - all dangling images
//     - unused build cache
//
//   Are you sure you want to continue? [y/N]
//
// then lists what each step deleted and the space reclaimed in all.
import { humanSize } from '../../../image/size';
import { noArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, filter } from '../../cli/flag';
import { filtersParam } from '../shared/filters';
import { confirm } from '../shared/prompt';

export interface SystemPruneOptions {
  all: boolean;
  force: boolean;
  volumes: boolean;
  filters: string[];
}

/** What one prune step reclaimed and printed. */
interface Pruned {
  space: number;
  output: string;
}

function warning(options: SystemPruneOptions): string {
  const items = [
    'all stopped containers',
    'all networks not used by at least one container',
    ...(options.volumes ? ['all anonymous volumes not used by at least one container'] : []),
    options.all ? 'all images without at least one container associated to them' : 'all dangling images',
    options.all ? 'all build cache' : 'unused build cache',
  ];
  let text = 'WARNING! This will remove:\n' + items.map((i) => `  - ${i}\n`).join('');
  if (options.filters.length > 0) {
    text +=
      '\n  Items to be pruned will be filtered with:\n' +
      [...options.filters]
        .sort()
        .map((f) => `  - ${f}\n`)
        .join('');
  }
  return text + '\nAre you sure you want to continue?';
}

const listed = (title: string, lines: readonly string[]) =>
  lines.length > 0 ? `${title}:\n${lines.map((l) => l + '\n').join('')}` : '';

async function pruneContainers(cli: DockerCli, filters: string[]): Promise<Pruned> {
  const r = await cli.api.json<{ ContainersDeleted?: string[] | null; SpaceReclaimed?: number }>(
    'POST',
    '/containers/prune',
    { query: { filters: filtersParam(filters) } },
  );
  const deleted = r?.ContainersDeleted ?? [];
  return { space: deleted.length > 0 ? (r?.SpaceReclaimed ?? 0) : 0, output: listed('Deleted Containers', deleted) };
}

async function pruneNetworks(cli: DockerCli, filters: string[]): Promise<Pruned> {
  const r = await cli.api.json<{ NetworksDeleted?: string[] | null }>('POST', '/networks/prune', {
    query: { filters: filtersParam(filters) },
  });
  return { space: 0, output: listed('Deleted Networks', r?.NetworksDeleted ?? []) };
}

async function pruneVolumes(cli: DockerCli, filters: string[]): Promise<Pruned> {
  const r = await cli.api.json<{ VolumesDeleted?: string[] | null; SpaceReclaimed?: number }>(
    'POST',
    '/volumes/prune',
    { query: { filters: filtersParam(filters) } },
  );
  const deleted = r?.VolumesDeleted ?? [];
  return { space: deleted.length > 0 ? (r?.SpaceReclaimed ?? 0) : 0, output: listed('Deleted Volumes', deleted) };
}

async function pruneImages(cli: DockerCli, filters: string[], all: boolean): Promise<Pruned> {
  const r = await cli.api.json<{
    ImagesDeleted?: { Untagged?: string; Deleted?: string }[] | null;
    SpaceReclaimed?: number;
  }>('POST', '/images/prune', { query: { filters: filtersParam([...filters, `dangling=${String(!all)}`]) } });
  const deleted = r?.ImagesDeleted ?? [];
  const lines = deleted.map((d) => (d.Untagged ? `untagged: ${d.Untagged}` : `deleted: ${d.Deleted ?? ''}`));
  return { space: deleted.length > 0 ? (r?.SpaceReclaimed ?? 0) : 0, output: listed('Deleted Images', lines) };
}

async function pruneBuildCache(cli: DockerCli, filters: string[], all: boolean): Promise<Pruned> {
  const r = await cli.api.json<{ CachesDeleted?: string[] | null; SpaceReclaimed?: number }>('POST', '/build/prune', {
    query: { all: all ? '1' : undefined, filters: filtersParam(filters) ?? '' },
  });
  const deleted = r?.CachesDeleted ?? [];
  return { space: r?.SpaceReclaimed ?? 0, output: listed('Deleted build cache objects', deleted) };
}

export async function runSystemPrune(cli: DockerCli, options: SystemPruneOptions): Promise<void> {
  if (options.volumes && options.filters.some((f) => f.startsWith('until='))) {
    throw new Error('ERROR: The "until" filter is not supported with "--volumes"');
  }
  if (!options.force && !(await confirm(cli.in, cli.out, warning(options)))) return;
  const { filters, all } = options;
  const steps = [
    () => pruneContainers(cli, filters),
    () => pruneNetworks(cli, filters),
    ...(options.volumes ? [() => pruneVolumes(cli, filters)] : []),
    () => pruneImages(cli, filters, all),
    () => pruneBuildCache(cli, filters, all),
  ];
  let space = 0;
  for (const step of steps) {
    const pruned = await step();
    space += pruned.space;
    if (pruned.output !== '') cli.out.write(pruned.output + '\n');
  }
  cli.out.write(`Total reclaimed space: ${humanSize(space, 4)}\n`);
}

export function systemPruneCommand(): CommandSpec {
  return {
    name: 'prune',
    use: 'prune [OPTIONS]',
    short: 'Remove unused data',
    args: noArgs,
    flags: [
      bool('all', 'a', 'Remove all unused images not just dangling ones'),
      filter('filter', '', 'Provide filter values (e.g. "label=<key>=<value>")'),
      bool('force', 'f', 'Do not prompt for confirmation'),
      bool('volumes', '', 'Prune anonymous volumes'),
    ],
    run: ({ cli, flags }) =>
      runSystemPrune(cli, {
        all: flags.bool('all'),
        force: flags.bool('force'),
        volumes: flags.bool('volumes'),
        filters: flags.list('filter'),
      }),
  };
}
