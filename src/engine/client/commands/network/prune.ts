// `docker network prune`: `POST /networks/prune` removes every user-defined network no container
// is attached to (the default `bridge`, `host` and `none` stay). It asks first, unless `-f`:
//
//   WARNING! This will remove all custom networks not used by at least one container.
//   Are you sure you want to continue? [y/N]
import { noArgs, type CommandSpec } from '../../cli/command';
import { bool, filter } from '../../cli/flag';
import { filtersParam } from '../shared/filters';
import { confirm } from '../shared/prompt';

const WARNING =
  'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?';

export function networkPruneCommand(): CommandSpec {
  return {
    name: 'prune',
    use: 'prune [OPTIONS]',
    short: 'Remove all unused networks',
    args: noArgs,
    flags: [
      filter('filter', '', 'Provide filter values (e.g. "until=<timestamp>")'),
      bool('force', 'f', 'Do not prompt for confirmation'),
    ],
    async run({ cli, flags }) {
      if (!flags.bool('force') && !(await confirm(cli.in, cli.out, WARNING))) return;
      const report = await cli.api.json<{ NetworksDeleted?: string[] | null }>('POST', '/networks/prune', {
        query: { filters: filtersParam(flags.list('filter')) },
      });
      const deleted = report?.NetworksDeleted ?? [];
      if (deleted.length > 0) cli.out.write(`Deleted Networks:\n${deleted.map((n) => `${n}\n`).join('')}\n`);
    },
  };
}
