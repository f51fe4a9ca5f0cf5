// `docker volume prune`: `POST /volumes/prune` removes the volumes no container uses — only the
// anonymous ones, unless `-a` (filter `all=true`) says every unused volume. It asks first, unless
// `-f`, then lists what went and what that freed:
//
//   WARNING! This will remove anonymous local volumes not used by at least one container.
//   Are you sure you want to continue? [y/N] y
//   Deleted Volumes:
//   4d1c2b3a…
//
//   Total reclaimed space: 12.35kB
import { humanSize } from '../../../image/size';
import { noArgs, type CommandSpec } from '../../cli/command';
import { bool, filter } from '../../cli/flag';
import { StatusError } from '../../cli/status-error';
import { filtersParam } from '../shared/filters';
import { confirm } from '../shared/prompt';

const ANONYMOUS_WARNING =
  'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?';
const ALL_WARNING =
  'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?';

export function volumePruneCommand(): CommandSpec {
  return {
    name: 'prune',
    use: 'prune [OPTIONS]',
    short: 'Remove unused local volumes',
    args: noArgs,
    flags: [
      bool('all', 'a', 'Remove all unused volumes, not just anonymous ones'),
      filter('filter', '', 'Provide filter values (e.g. "label=<label>")'),
      bool('force', 'f', 'Do not prompt for confirmation'),
    ],
    async run({ cli, flags }) {
      const filters = [...flags.list('filter')];
      let warning = ANONYMOUS_WARNING;
      if (flags.bool('all')) {
        if (filters.some((f) => f.startsWith('all='))) {
          throw new StatusError('conflicting options: cannot specify both --all and --filter all=1', 1);
        }
        filters.push('all=true');
        warning = ALL_WARNING;
      }
      if (!flags.bool('force') && !(await confirm(cli.in, cli.out, warning))) return;
      const report = await cli.api.json<{ VolumesDeleted?: string[] | null; SpaceReclaimed?: number }>(
        'POST',
        '/volumes/prune',
        { query: { filters: filtersParam(filters) } },
      );
      const deleted = report?.VolumesDeleted ?? [];
      if (deleted.length > 0) cli.out.write(`Deleted Volumes:\n${deleted.map((v) => `${v}\n`).join('')}\n`);
      cli.out.write(`Total reclaimed space: ${humanSize(deleted.length > 0 ? (report?.SpaceReclaimed ?? 0) : 0, 4)}\n`);
    },
  };
}
