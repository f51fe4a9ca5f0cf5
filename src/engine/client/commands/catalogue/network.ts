// `docker network` and its subcommands, as the real CLI lists them (help, flags, aliases). Networks
// are simulated by their own issue; until then each subcommand says so when run.
import type { CommandSpec } from '../../cli/command';
import { bool, filter, int, list, map, string, value } from '../../cli/flag';
import { notSimulated } from './not-simulated';

export function networkCommands(): CommandSpec[] {
  return notSimulated([
    {
      name: 'network',
      use: 'network',
      short: 'Manage networks',
      subcommands: [
        {
          name: 'connect',
          use: 'connect [OPTIONS] NETWORK CONTAINER',
          short: 'Connect a container to a network',
          flags: [
            value('strings', 'alias', '', 'Add network-scoped alias for the container'),
            value('strings', 'driver-opt', '', 'driver options for the network'),
            int(
              'gw-priority',
              '',
              'Highest gw-priority provides the default gateway. Accepts positive and negative values.',
            ),
            string('ip', '', 'IPv4 address (e.g., "172.30.100.104")'),
            string('ip6', '', 'IPv6 address (e.g., "2001:db8::33")'),
            list('link', '', 'Add link to another container'),
            value('strings', 'link-local-ip', '', 'Add a link-local address for the container'),
          ],
        },
        {
          name: 'create',
          use: 'create [OPTIONS] NETWORK',
          short: 'Create a network',
          flags: [
            bool('attachable', '', 'Enable manual container attachment'),
            map('aux-address', '', 'Auxiliary IPv4 or IPv6 addresses used by Network driver', { default: 'map[]' }),
            string('config-from', '', 'The network from which to copy the configuration'),
            bool('config-only', '', 'Create a configuration only network'),
            string('driver', 'd', 'Driver to manage the Network', { default: '"bridge"' }),
            value('strings', 'gateway', '', 'IPv4 or IPv6 Gateway for the master subnet'),
            bool('ingress', '', 'Create swarm routing-mesh network'),
            bool('internal', '', 'Restrict external access to the network'),
            value('strings', 'ip-range', '', 'Allocate container ip from a sub-range'),
            string('ipam-driver', '', 'IP Address Management Driver', { default: '"default"' }),
            map('ipam-opt', '', 'Set IPAM driver specific options', { default: 'map[]' }),
            bool('ipv4', '', 'Enable or disable IPv4 address assignment', { default: 'true' }),
            bool('ipv6', '', 'Enable or disable IPv6 address assignment'),
            list('label', '', 'Set metadata on a network'),
            map('opt', 'o', 'Set driver specific options', { default: 'map[]' }),
            string('scope', '', "Control the network's scope"),
            value('strings', 'subnet', '', 'Subnet in CIDR format that represents a network segment'),
          ],
        },
        {
          name: 'disconnect',
          use: 'disconnect [OPTIONS] NETWORK CONTAINER',
          short: 'Disconnect a container from a network',
          flags: [bool('force', 'f', 'Force the container to disconnect from a network')],
        },
        {
          name: 'inspect',
          use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
          short: 'Display detailed information on one or more networks',
          flags: [
            string(
              'format',
              'f',
              "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
            bool('verbose', 'v', 'Verbose output for diagnostics'),
          ],
        },
        {
          name: 'ls',
          use: 'ls [OPTIONS]',
          short: 'List networks',
          aliasesText: 'docker network ls, docker network list',
          aliases: ['list'],
          flags: [
            filter('filter', 'f', 'Provide filter values (e.g. "driver=bridge")'),
            string(
              'format',
              '',
              "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
            bool('no-trunc', '', 'Do not truncate the output'),
            bool('quiet', 'q', 'Only display network IDs'),
          ],
        },
        {
          name: 'prune',
          use: 'prune [OPTIONS]',
          short: 'Remove all unused networks',
          flags: [
            filter('filter', '', 'Provide filter values (e.g. "until=<timestamp>")'),
            bool('force', 'f', 'Do not prompt for confirmation'),
          ],
        },
        {
          name: 'rm',
          use: 'rm NETWORK [NETWORK...]',
          short: 'Remove one or more networks',
          aliasesText: 'docker network rm, docker network remove',
          aliases: ['remove'],
          flags: [bool('force', 'f', 'Do not error if the network does not exist')],
        },
      ],
    },
  ]);
}
