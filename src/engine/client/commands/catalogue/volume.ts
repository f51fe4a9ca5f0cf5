// `docker volume` and its subcommands, as the real CLI lists them (help, flags, aliases). Volumes
// are simulated by their own issue; until then each subcommand says so when run.
import type { CommandSpec } from '../../cli/command';
import { bool, bytes, filter, list, map, string } from '../../cli/flag';
import { notSimulated } from './not-simulated';

export function volumeCommands(): CommandSpec[] {
  return notSimulated([
    {
      name: 'volume',
      use: 'volume',
      short: 'Manage volumes',
      subcommands: [
        {
          name: 'create',
          use: 'create [OPTIONS] [VOLUME]',
          short: 'Create a volume',
          flags: [
            string('availability', '', 'Cluster Volume availability ("active", "pause", "drain")', {
              default: '"active"',
              annotations: { swarm: 'manager' },
            }),
            string('driver', 'd', 'Specify volume driver name', { default: '"local"' }),
            string('group', '', 'Cluster Volume group (cluster volumes)', { annotations: { swarm: 'manager' } }),
            list('label', '', 'Set metadata for a volume'),
            bytes('limit-bytes', '', 'Minimum size of the Cluster Volume in bytes', {
              annotations: { swarm: 'manager' },
            }),
            map('opt', 'o', 'Set driver specific options', { default: 'map[]' }),
            bytes('required-bytes', '', 'Maximum size of the Cluster Volume in bytes', {
              annotations: { swarm: 'manager' },
            }),
            string('scope', '', 'Cluster Volume access scope ("single", "multi")', {
              default: '"single"',
              annotations: { swarm: 'manager' },
            }),
            map('secret', '', 'Cluster Volume secrets', { default: 'map[]', annotations: { swarm: 'manager' } }),
            string('sharing', '', 'Cluster Volume access sharing ("none", "readonly", "onewriter", "all")', {
              default: '"none"',
              annotations: { swarm: 'manager' },
            }),
            list('topology-preferred', '', 'A topology that the Cluster Volume would be preferred in', {
              annotations: { swarm: 'manager' },
            }),
            list('topology-required', '', 'A topology that the Cluster Volume must be accessible from', {
              annotations: { swarm: 'manager' },
            }),
            string('type', '', 'Cluster Volume access type ("mount", "block")', {
              default: '"block"',
              annotations: { swarm: 'manager' },
            }),
          ],
        },
        {
          name: 'inspect',
          use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
          short: 'Display detailed information on one or more volumes',
          flags: [
            string(
              'format',
              'f',
              "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
          ],
        },
        {
          name: 'ls',
          use: 'ls [OPTIONS]',
          short: 'List volumes',
          aliasesText: 'docker volume ls, docker volume list',
          aliases: ['list'],
          flags: [
            bool('cluster', '', 'Display only cluster volumes, and use cluster volume list formatting', {
              annotations: { swarm: 'manager' },
            }),
            filter('filter', 'f', 'Provide filter values (e.g. "dangling=true")'),
            string(
              'format',
              '',
              "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
            bool('quiet', 'q', 'Only display volume names'),
          ],
        },
        {
          name: 'prune',
          use: 'prune [OPTIONS]',
          short: 'Remove unused local volumes',
          flags: [
            bool('all', 'a', 'Remove all unused volumes, not just anonymous ones'),
            filter('filter', '', 'Provide filter values (e.g. "label=<label>")'),
            bool('force', 'f', 'Do not prompt for confirmation'),
          ],
        },
        {
          name: 'rm',
          use: 'rm [OPTIONS] VOLUME [VOLUME...]',
          short: 'Remove one or more volumes',
          long: 'Remove one or more volumes. You cannot remove a volume that is in use by a container.',
          aliasesText: 'docker volume rm, docker volume remove',
          aliases: ['remove'],
          flags: [bool('force', 'f', 'Force the removal of one or more volumes')],
        },
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
      ],
    },
  ]);
}
