// `docker context` and its subcommands, as the real CLI lists them (help, flags, aliases). Contexts
// (the laptop, cloud-vm, onprem-1) come with their own issue; until then each subcommand says so.
import type { CommandSpec } from '../../cli/command';
import { bool, string, value } from '../../cli/flag';
import { notSimulated } from './not-simulated';

export function contextCommands(): CommandSpec[] {
  return notSimulated([
    {
      name: 'context',
      use: 'context',
      short: 'Manage contexts',
      subcommands: [
        {
          name: 'create',
          use: 'create [OPTIONS] CONTEXT',
          short: 'Create a context',
          long: 'Create a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context\'s Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context create my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"',
          flags: [
            string('description', '', 'Description of the context'),
            value('stringToString', 'docker', '', 'set the docker endpoint', { default: '[]' }),
            string('from', '', 'create context from a named context'),
          ],
        },
        {
          name: 'export',
          use: 'export [OPTIONS] CONTEXT [FILE|-]',
          short: 'Export a context to a tar archive FILE or a tar stream on STDOUT.',
        },
        {
          name: 'import',
          use: 'import CONTEXT FILE|-',
          short: 'Import a context from a tar or zip file',
        },
        {
          name: 'inspect',
          use: 'inspect [OPTIONS] [CONTEXT] [CONTEXT...]',
          short: 'Display detailed information on one or more contexts',
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
          short: 'List contexts',
          aliasesText: 'docker context ls, docker context list',
          aliases: ['list'],
          flags: [
            string(
              'format',
              '',
              "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
            bool('quiet', 'q', 'Only show context names'),
          ],
        },
        {
          name: 'rm',
          use: 'rm CONTEXT [CONTEXT...]',
          short: 'Remove one or more contexts',
          aliasesText: 'docker context rm, docker context remove',
          aliases: ['remove'],
          flags: [bool('force', 'f', 'Force the removal of a context in use')],
        },
        {
          name: 'show',
          use: 'show',
          short: 'Print the name of the current context',
        },
        {
          name: 'update',
          use: 'update [OPTIONS] CONTEXT',
          short: 'Update a context',
          long: 'Update a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context\'s Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context update my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"',
          flags: [
            string('description', '', 'Description of the context'),
            value('stringToString', 'docker', '', 'set the docker endpoint', { default: '[]' }),
          ],
        },
        {
          name: 'use',
          use: 'use CONTEXT',
          short: 'Set the current docker context',
        },
      ],
    },
  ]);
}
