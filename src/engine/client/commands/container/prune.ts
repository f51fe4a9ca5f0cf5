// `docker container prune`: remove every stopped container (`POST /containers/prune`), after
// asking — unless `-f`.
import { humanSize } from '../../../image/size';
import { noArgs, type CommandSpec } from '../../cli/command';
import { bool, filter } from '../../cli/flag';
import { filtersParam } from '../shared/filters';
import { confirm } from '../shared/prompt';

const WARNING = 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue?';

export function containerPruneCommand(): CommandSpec {
  return {
    name: 'prune',
    use: 'prune [OPTIONS]',
    short: 'Remove all stopped containers',
    args: noArgs,
    flags: [
      filter('filter', '', 'Provide filter values (e.g. "until=<timestamp>")'),
      bool('force', 'f', 'Do not prompt for confirmation'),
    ],
    async run({ cli, flags }) {
      if (!flags.bool('force') && !(await confirm(cli.in, cli.out, WARNING))) return;
      const report = await cli.api.json<{ ContainersDeleted?: string[] | null; SpaceReclaimed?: number }>(
        'POST',
        '/containers/prune',
        { query: { filters: filtersParam(flags.list('filter')) } },
      );
      const deleted = report?.ContainersDeleted ?? [];
      let reclaimed = 0;
      if (deleted.length > 0) {
        cli.out.write(`Deleted Containers:\n${deleted.map((id) => id + '\n').join('')}\n`);
        reclaimed = report?.SpaceReclaimed ?? 0;
      }
      cli.out.write(`Total reclaimed space: ${humanSize(reclaimed, 4)}\n`);
    },
  };
}
