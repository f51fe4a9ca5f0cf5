// `docker stack`, `config` and `secret`: listed as the real CLI lists them, hidden as it hides them
// on a daemon that is not a swarm manager.
import type { CommandSpec } from '../../cli/command';
import { bool, filter, list, string, value } from '../../cli/flag';
import { notSimulated } from './not-simulated';

export function stackCommands(): CommandSpec[] {
  return notSimulated([
    {
      name: 'config',
      use: 'config',
      swarm: 'manager',
      short: 'Manage Swarm configs',
      subcommands: [
        {
          name: 'create',
          use: 'create [OPTIONS] CONFIG file|-',
          short: 'Create a config from a file or STDIN',
          flags: [list('label', 'l', 'Config labels'), string('template-driver', '', 'Template driver')],
        },
        {
          name: 'inspect',
          use: 'inspect [OPTIONS] CONFIG [CONFIG...]',
          short: 'Display detailed information on one or more configs',
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
          short: 'List configs',
          aliasesText: 'docker config ls, docker config list',
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
          name: 'rm',
          use: 'rm CONFIG [CONFIG...]',
          short: 'Remove one or more configs',
          aliasesText: 'docker config rm, docker config remove',
          aliases: ['remove'],
        },
      ],
    },
    {
      name: 'secret',
      use: 'secret',
      swarm: 'manager',
      short: 'Manage Swarm secrets',
      subcommands: [
        {
          name: 'create',
          use: 'create [OPTIONS] SECRET [file|-]',
          short: 'Create a secret from a file or STDIN as content',
          flags: [
            string('driver', 'd', 'Secret driver'),
            list('label', 'l', 'Secret labels'),
            string('template-driver', '', 'Template driver'),
          ],
        },
        {
          name: 'inspect',
          use: 'inspect [OPTIONS] SECRET [SECRET...]',
          short: 'Display detailed information on one or more secrets',
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
          short: 'List secrets',
          aliasesText: 'docker secret ls, docker secret list',
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
          name: 'rm',
          use: 'rm SECRET [SECRET...]',
          short: 'Remove one or more secrets',
          aliasesText: 'docker secret rm, docker secret remove',
          aliases: ['remove'],
        },
      ],
    },
    {
      name: 'stack',
      use: 'stack',
      swarm: 'manager',
      short: 'Manage Swarm stacks',
      subcommands: [
        {
          name: 'config',
          use: 'config [OPTIONS]',
          short: 'Outputs the final config file, after doing merges and interpolations',
          flags: [
            value('strings', 'compose-file', 'c', 'Path to a Compose file, or "-" to read from stdin'),
            bool('skip-interpolation', '', 'Skip interpolation and output only merged config'),
          ],
        },
        {
          name: 'deploy',
          use: 'deploy [OPTIONS] STACK',
          short: 'Deploy a new stack or update an existing stack',
          aliasesText: 'docker stack deploy, docker stack up',
          aliases: ['up'],
          flags: [
            value('strings', 'compose-file', 'c', 'Path to a Compose file, or "-" to read from stdin'),
            bool('detach', 'd', 'Exit immediately instead of waiting for the stack services to converge', {
              default: 'true',
            }),
            bool('prune', '', 'Prune services that are no longer referenced'),
            bool('quiet', 'q', 'Suppress progress output'),
            string(
              'resolve-image',
              '',
              'Query the registry to resolve image digest and supported platforms ("always", "changed", "never")',
              { default: '"always"' },
            ),
            bool('with-registry-auth', '', 'Send registry authentication details to Swarm agents'),
          ],
        },
        {
          name: 'ls',
          use: 'ls [OPTIONS]',
          short: 'List stacks',
          aliasesText: 'docker stack ls, docker stack list',
          aliases: ['list'],
          flags: [
            string(
              'format',
              '',
              "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
          ],
        },
        {
          name: 'ps',
          use: 'ps [OPTIONS] STACK',
          short: 'List the tasks in the stack',
          flags: [
            filter('filter', 'f', 'Filter output based on conditions provided'),
            string(
              'format',
              '',
              "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
            bool('no-resolve', '', 'Do not map IDs to Names'),
            bool('no-trunc', '', 'Do not truncate output'),
            bool('quiet', 'q', 'Only display task IDs'),
          ],
        },
        {
          name: 'rm',
          use: 'rm [OPTIONS] STACK [STACK...]',
          short: 'Remove one or more stacks',
          aliasesText: 'docker stack rm, docker stack remove, docker stack down',
          aliases: ['remove', 'down'],
          flags: [bool('detach', 'd', 'Do not wait for stack removal', { default: 'true' })],
        },
        {
          name: 'services',
          use: 'services [OPTIONS] STACK',
          short: 'List the services in the stack',
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
      ],
    },
  ]);
}
