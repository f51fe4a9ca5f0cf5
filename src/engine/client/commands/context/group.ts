// `docker context …`: switching the client between daemons — the laptop's own (`default`), the
// cloud VM's, the on-premises server's. ls/create/use/inspect/rm/show are simulated; export,
// import and update keep their real help and say they are not.
import type { CommandSpec } from '../../cli/command';
import { contextCatalogue } from '../catalogue/context';
import { contextCreateCommand } from './create';
import { contextInspectCommand } from './inspect';
import { contextListCommand } from './list';
import { contextRemoveCommand } from './remove';
import { contextShowCommand } from './show';
import { contextUseCommand } from './use';

export function contextCommands(): CommandSpec[] {
  return [
    {
      name: 'context',
      use: 'context',
      short: 'Manage contexts',
      subcommands: [
        contextCreateCommand(),
        contextInspectCommand(),
        contextListCommand(),
        contextRemoveCommand(),
        contextShowCommand(),
        contextUseCommand(),
        ...contextCatalogue(),
      ],
    },
  ];
}
