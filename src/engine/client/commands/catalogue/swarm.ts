// `docker swarm` and `docker node`: listed as the real CLI lists them, hidden as it hides them on a
// daemon that is not a swarm manager.
import type { CommandSpec } from '../../cli/command';
import { bool, duration, filter, int, list, string, uint, value } from '../../cli/flag';
import { notSimulated } from './not-simulated';

export function swarmCommands(): CommandSpec[] {
  return notSimulated([
    {
      name: 'node',
      use: 'node',
      swarm: 'manager',
      short: 'Manage Swarm nodes',
      subcommands: [
        {
          name: 'demote',
          use: 'demote NODE [NODE...]',
          short: 'Demote one or more nodes from manager in the swarm',
        },
        {
          name: 'inspect',
          use: 'inspect [OPTIONS] self|NODE [NODE...]',
          short: 'Display detailed information on one or more nodes',
          flags: [
            string(
              'format',
              'f',
              "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
            bool('pretty', '', 'Print the information in a human friendly format'),
          ],
        },
        {
          name: 'ls',
          use: 'ls [OPTIONS]',
          short: 'List nodes in the swarm',
          aliasesText: 'docker node ls, docker node list',
          aliases: ['list'],
          flags: [
            filter('filter', 'f', 'Filter output based on conditions provided'),
            string(
              'format',
              '',
              "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
            bool('quiet', 'q', 'Only display IDs'),
          ],
        },
        {
          name: 'promote',
          use: 'promote NODE [NODE...]',
          short: 'Promote one or more nodes to manager in the swarm',
        },
        {
          name: 'ps',
          use: 'ps [OPTIONS] [NODE...]',
          short: 'List tasks running on one or more nodes, defaults to current node',
          flags: [
            filter('filter', 'f', 'Filter output based on conditions provided'),
            string('format', '', 'Pretty-print tasks using a Go template'),
            bool('no-resolve', '', 'Do not map IDs to Names'),
            bool('no-trunc', '', 'Do not truncate output'),
            bool('quiet', 'q', 'Only display task IDs'),
          ],
        },
        {
          name: 'rm',
          use: 'rm [OPTIONS] NODE [NODE...]',
          short: 'Remove one or more nodes from the swarm',
          aliasesText: 'docker node rm, docker node remove',
          aliases: ['remove'],
          flags: [bool('force', 'f', 'Force remove a node from the swarm')],
        },
        {
          name: 'update',
          use: 'update [OPTIONS] NODE',
          short: 'Update a node',
          flags: [
            string('availability', '', 'Availability of the node ("active", "pause", "drain")'),
            list('label-add', '', 'Add or update a node label ("key=value")'),
            list('label-rm', '', 'Remove a node label if exists'),
            string('role', '', 'Role of the node ("worker", "manager")'),
          ],
        },
      ],
    },
    {
      name: 'swarm',
      use: 'swarm',
      swarm: '',
      short: 'Manage Swarm',
      subcommands: [
        {
          name: 'ca',
          use: 'ca [OPTIONS]',
          swarm: 'manager',
          short: 'Display and rotate the root CA',
          flags: [
            value(
              'pem-file',
              'ca-cert',
              '',
              'Path to the PEM-formatted root CA certificate to use for the new cluster',
            ),
            value('pem-file', 'ca-key', '', 'Path to the PEM-formatted root CA key to use for the new cluster'),
            duration('cert-expiry', '', 'Validity period for node certificates (ns|us|ms|s|m|h)', {
              default: '2160h0m0s',
            }),
            bool('detach', 'd', 'Exit immediately instead of waiting for the root rotation to converge'),
            value('external-ca', 'external-ca', '', 'Specifications of one or more certificate signing endpoints'),
            bool('quiet', 'q', 'Suppress progress output'),
            bool(
              'rotate',
              '',
              'Rotate the swarm CA - if no certificate or key are provided, new ones will be generated',
            ),
          ],
        },
        {
          name: 'init',
          use: 'init [OPTIONS]',
          short: 'Initialize a swarm',
          flags: [
            string('advertise-addr', '', 'Advertised address (format: "<ip|interface>[:port]")'),
            bool('autolock', '', 'Enable manager autolocking (requiring an unlock key to start a stopped manager)'),
            string('availability', '', 'Availability of the node ("active", "pause", "drain")', {
              default: '"active"',
            }),
            duration('cert-expiry', '', 'Validity period for node certificates (ns|us|ms|s|m|h)', {
              default: '2160h0m0s',
            }),
            string(
              'data-path-addr',
              '',
              'Address or interface to use for data path traffic (format: "<ip|interface>")',
            ),
            value(
              'uint32',
              'data-path-port',
              '',
              'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.',
            ),
            value('ipNetSlice', 'default-addr-pool', '', 'default address pool in CIDR format', { default: '[]' }),
            value('uint32', 'default-addr-pool-mask-length', '', 'default address pool subnet mask length', {
              default: '24',
            }),
            duration('dispatcher-heartbeat', '', 'Dispatcher heartbeat period (ns|us|ms|s|m|h)', { default: '5s' }),
            value('external-ca', 'external-ca', '', 'Specifications of one or more certificate signing endpoints'),
            bool('force-new-cluster', '', 'Force create a new cluster from current state'),
            value('node-addr', 'listen-addr', '', 'Listen address (format: "<ip|interface>[:port]")', {
              default: '0.0.0.0:2377',
            }),
            uint('max-snapshots', '', 'Number of additional Raft snapshots to retain'),
            uint('snapshot-interval', '', 'Number of log entries between Raft snapshots', { default: '10000' }),
            int('task-history-limit', '', 'Task history retention limit', { default: '5' }),
          ],
        },
        {
          name: 'join',
          use: 'join [OPTIONS] HOST:PORT',
          short: 'Join a swarm as a node and/or manager',
          flags: [
            string('advertise-addr', '', 'Advertised address (format: "<ip|interface>[:port]")'),
            string('availability', '', 'Availability of the node ("active", "pause", "drain")', {
              default: '"active"',
            }),
            string(
              'data-path-addr',
              '',
              'Address or interface to use for data path traffic (format: "<ip|interface>")',
            ),
            value('node-addr', 'listen-addr', '', 'Listen address (format: "<ip|interface>[:port]")', {
              default: '0.0.0.0:2377',
            }),
            string('token', '', 'Token for entry into the swarm'),
          ],
        },
        {
          name: 'join-token',
          use: 'join-token [OPTIONS] (worker|manager)',
          swarm: 'manager',
          short: 'Manage join tokens',
          flags: [bool('quiet', 'q', 'Only display token'), bool('rotate', '', 'Rotate join token')],
        },
        {
          name: 'leave',
          use: 'leave [OPTIONS]',
          swarm: 'active',
          short: 'Leave the swarm',
          flags: [bool('force', 'f', 'Force this node to leave the swarm, ignoring warnings')],
        },
        {
          name: 'unlock',
          use: 'unlock',
          swarm: 'manager',
          short: 'Unlock swarm',
        },
        {
          name: 'unlock-key',
          use: 'unlock-key [OPTIONS]',
          swarm: 'manager',
          short: 'Manage the unlock key',
          flags: [bool('quiet', 'q', 'Only display token'), bool('rotate', '', 'Rotate unlock key')],
        },
        {
          name: 'update',
          use: 'update [OPTIONS]',
          swarm: 'manager',
          short: 'Update the swarm',
          flags: [
            bool('autolock', '', 'Change manager autolocking setting (true|false)'),
            duration('cert-expiry', '', 'Validity period for node certificates (ns|us|ms|s|m|h)', {
              default: '2160h0m0s',
            }),
            duration('dispatcher-heartbeat', '', 'Dispatcher heartbeat period (ns|us|ms|s|m|h)', { default: '5s' }),
            value('external-ca', 'external-ca', '', 'Specifications of one or more certificate signing endpoints'),
            uint('max-snapshots', '', 'Number of additional Raft snapshots to retain'),
            uint('snapshot-interval', '', 'Number of log entries between Raft snapshots', { default: '10000' }),
            int('task-history-limit', '', 'Task history retention limit', { default: '5' }),
          ],
        },
      ],
    },
  ]);
}
