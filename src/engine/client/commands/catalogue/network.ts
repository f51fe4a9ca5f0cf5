// `docker network` and its subcommands (docker/cli `cli/command/network`): one file per command in
// commands/network/. Networks are how containers reach each other: a user-defined bridge gives
// them names (DNS), the default bridge only addresses.
import type { CommandSpec } from '../../cli/command';
import { networkConnectCommand, networkDisconnectCommand } from '../network/connect';
import { networkCreateCommand } from '../network/create';
import { networkInspectCommand } from '../network/inspect';
import { networkListCommand } from '../network/list';
import { networkPruneCommand } from '../network/prune';
import { networkRemoveCommand } from '../network/remove';

export function networkCommands(): CommandSpec[] {
  return [
    {
      name: 'network',
      use: 'network',
      short: 'Manage networks',
      subcommands: [
        networkConnectCommand(),
        networkCreateCommand(),
        networkDisconnectCommand(),
        networkInspectCommand(),
        networkListCommand(),
        networkPruneCommand(),
        networkRemoveCommand(),
      ],
    },
  ];
}
