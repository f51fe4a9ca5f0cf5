// `docker volume` and its subcommands (docker/cli `cli/command/volume`): one file per command in
// commands/volume/. Volumes are the data Docker keeps outside containers: it outlives `docker rm`.
// `update` concerns cluster volumes only (swarm managers), so it stays listed but not simulated.
import type { CommandSpec } from '../../cli/command';
import { string } from '../../cli/flag';
import { volumeCreateCommand } from '../volume/create';
import { volumeInspectCommand } from '../volume/inspect';
import { volumeListCommand } from '../volume/list';
import { volumePruneCommand } from '../volume/prune';
import { volumeRemoveCommand } from '../volume/remove';
import { notSimulated } from './not-simulated';

export function volumeCommands(): CommandSpec[] {
  return [
    {
      name: 'volume',
      use: 'volume',
      short: 'Manage volumes',
      subcommands: [
        volumeCreateCommand(),
        volumeInspectCommand(),
        volumeListCommand(),
        volumePruneCommand(),
        volumeRemoveCommand(),
        ...notSimulated([
          {
            name: 'update',
            use: 'update [OPTIONS] [VOLUME]',
            swarm: 'manager',
            short: 'Update a volume (cluster volumes only)',
            flags: [
              string('availability', '', 'Cluster Volume availability ("active", "pause", "drain")', {
                default: '"active"',
                annotations: { swarm: 'manager' },
              }),
            ],
          },
        ]),
      ],
    },
  ];
}
