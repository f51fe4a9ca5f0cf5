// `docker image prune`: remove the images nothing needs — dangling ones, or with `-a` every image
// no container uses (`POST /images/prune?filters={"dangling":{"true":true}}`). It asks first,
// unless `-f`:
//
//   WARNING! This will remove all dangling images.
//   Are you sure you want to continue? [y/N]
import { humanSize } from '../../../image/size';
import { noArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, filter } from '../../cli/flag';
import { filtersParam } from '../shared/filters';
import { confirm } from '../shared/prompt';

export interface ImagePruneOptions {
  all: boolean;
  force: boolean;
  filters: string[];
}

const DANGLING_WARNING = 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';
const ALL_WARNING =
  'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?';

interface PruneReport {
  ImagesDeleted?: { Untagged?: string; Deleted?: string }[] | null;
  SpaceReclaimed?: number;
}

export async function runImagePrune(cli: DockerCli, options: ImagePruneOptions): Promise<void> {
  const filters = [...options.filters, `dangling=${String(!options.all)}`];
  if (!options.force && !(await confirm(cli.in, cli.out, options.all ? ALL_WARNING : DANGLING_WARNING))) return;
  const report = await cli.api.json<PruneReport>('POST', '/images/prune', {
    query: { filters: filtersParam(filters) },
  });
  const deleted = report?.ImagesDeleted ?? [];
  let reclaimed = 0;
  if (deleted.length > 0) {
    let text = 'Deleted Images:\n';
    for (const d of deleted) text += d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted ?? ''}\n`;
    cli.out.write(text + '\n');
    reclaimed = report?.SpaceReclaimed ?? 0;
  }
  cli.out.write(`Total reclaimed space: ${humanSize(reclaimed, 4)}\n`);
}

export function imagePruneCommand(): CommandSpec {
  return {
    name: 'prune',
    use: 'prune [OPTIONS]',
    short: 'Remove unused images',
    args: noArgs,
    flags: [
      bool('all', 'a', 'Remove all unused images, not just dangling ones'),
      filter('filter', '', 'Provide filter values (e.g. "until=<timestamp>")'),
      bool('force', 'f', 'Do not prompt for confirmation'),
    ],
    run: ({ cli, flags }) =>
      runImagePrune(cli, { all: flags.bool('all'), force: flags.bool('force'), filters: flags.list('filter') }),
  };
}
