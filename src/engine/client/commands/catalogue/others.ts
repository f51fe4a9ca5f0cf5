// Management commands Dockyard does not simulate (builder, checkpoint, manifest, plugin, trust),
// listed with the real CLI's words so `docker --help` reads as it does on a real machine.
import type { CommandSpec } from '../../cli/command';
import { bool, bytes, filter, int, string, value } from '../../cli/flag';
import { buildCommand } from '../image/build';
import { notSimulated } from './not-simulated';

export function otherCommands(): CommandSpec[] {
  return notSimulated([
    {
      name: 'builder',
      use: 'builder',
      short: 'Manage builds',
      subcommands: [
        { ...buildCommand(), top: undefined },
        {
          name: 'prune',
          use: 'prune',
          short: 'Remove build cache',
          flags: [
            bool('all', 'a', 'Remove all unused build cache, not just dangling ones'),
            filter('filter', '', 'Provide filter values (e.g. "until=24h")'),
            bool('force', 'f', 'Do not prompt for confirmation'),
            bytes('keep-storage', '', 'Amount of disk space to keep for cache'),
          ],
        },
      ],
    },
    {
      name: 'checkpoint',
      use: 'checkpoint',
      experimental: true,
      short: 'Manage checkpoints',
      subcommands: [
        {
          name: 'create',
          use: 'create [OPTIONS] CONTAINER CHECKPOINT',
          short: 'Create a checkpoint from a running container',
          flags: [
            string('checkpoint-dir', '', 'Use a custom checkpoint storage directory'),
            bool('leave-running', '', 'Leave the container running after checkpoint'),
          ],
        },
        {
          name: 'ls',
          use: 'ls [OPTIONS] CONTAINER',
          short: 'List checkpoints for a container',
          aliasesText: 'docker checkpoint ls, docker checkpoint list',
          aliases: ['list'],
          flags: [string('checkpoint-dir', '', 'Use a custom checkpoint storage directory')],
        },
        {
          name: 'rm',
          use: 'rm [OPTIONS] CONTAINER CHECKPOINT',
          short: 'Remove a checkpoint',
          aliasesText: 'docker checkpoint rm, docker checkpoint remove',
          aliases: ['remove'],
          flags: [string('checkpoint-dir', '', 'Use a custom checkpoint storage directory')],
        },
      ],
    },
    {
      name: 'manifest',
      use: 'manifest',
      experimentalCli: true,
      short: 'Manage Docker image manifests and manifest lists',
      long: 'The **docker manifest** command has subcommands for managing image manifests and\nmanifest lists. A manifest list allows you to use one name to refer to the same image\nbuilt for multiple architectures.\n\nTo see help for a subcommand, use:\n\n    docker manifest CMD --help\n\nFor full details on using docker manifest lists, see the registry v2 specification.',
      subcommands: [
        {
          name: 'annotate',
          use: 'annotate [OPTIONS] MANIFEST_LIST MANIFEST',
          short: 'Add additional information to a local image manifest',
          flags: [
            string('arch', '', 'Set architecture'),
            string('os', '', 'Set operating system'),
            value('strings', 'os-features', '', 'Set operating system feature'),
            string('os-version', '', 'Set operating system version'),
            string('variant', '', 'Set architecture variant'),
          ],
        },
        {
          name: 'create',
          use: 'create MANIFEST_LIST MANIFEST [MANIFEST...]',
          short: 'Create a local manifest list for annotating and pushing to a registry',
          flags: [
            bool('amend', 'a', 'Amend an existing manifest list'),
            bool('insecure', '', 'Allow communication with an insecure registry'),
          ],
        },
        {
          name: 'inspect',
          use: 'inspect [OPTIONS] [MANIFEST_LIST] MANIFEST',
          short: 'Display an image manifest, or manifest list',
          flags: [
            bool('insecure', '', 'Allow communication with an insecure registry'),
            bool('verbose', 'v', 'Output additional info including layers and platform'),
          ],
        },
        {
          name: 'push',
          use: 'push [OPTIONS] MANIFEST_LIST',
          short: 'Push a manifest list to a repository',
          flags: [
            bool('insecure', '', 'Allow push to an insecure registry'),
            bool('purge', 'p', 'Remove the local manifest list after push'),
          ],
        },
        {
          name: 'rm',
          use: 'rm MANIFEST_LIST [MANIFEST_LIST...]',
          short: 'Delete one or more manifest lists from local storage',
        },
      ],
    },
    {
      name: 'plugin',
      use: 'plugin',
      short: 'Manage plugins',
      subcommands: [
        {
          name: 'create',
          use: 'create [OPTIONS] PLUGIN PLUGIN-DATA-DIR',
          short:
            'Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.',
          flags: [bool('compress', '', 'Compress the context using gzip')],
        },
        {
          name: 'disable',
          use: 'disable [OPTIONS] PLUGIN',
          short: 'Disable a plugin',
          flags: [bool('force', 'f', 'Force the disable of an active plugin')],
        },
        {
          name: 'enable',
          use: 'enable [OPTIONS] PLUGIN',
          short: 'Enable a plugin',
          flags: [int('timeout', '', 'HTTP client timeout (in seconds)', { default: '30' })],
        },
        {
          name: 'inspect',
          use: 'inspect [OPTIONS] PLUGIN [PLUGIN...]',
          short: 'Display detailed information on one or more plugins',
          flags: [
            string(
              'format',
              'f',
              "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
          ],
        },
        {
          name: 'install',
          use: 'install [OPTIONS] PLUGIN [KEY=VALUE...]',
          short: 'Install a plugin',
          flags: [
            string('alias', '', 'Local name for plugin'),
            bool('disable', '', 'Do not enable the plugin on install'),
            bool('disable-content-trust', '', 'Skip image verification', { default: 'true' }),
            bool('grant-all-permissions', '', 'Grant all permissions necessary to run the plugin'),
          ],
        },
        {
          name: 'ls',
          use: 'ls [OPTIONS]',
          short: 'List plugins',
          aliasesText: 'docker plugin ls, docker plugin list',
          aliases: ['list'],
          flags: [
            filter('filter', 'f', 'Provide filter values (e.g. "enabled=true")'),
            string(
              'format',
              '',
              "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates",
            ),
            bool('no-trunc', '', "Don't truncate output"),
            bool('quiet', 'q', 'Only display plugin IDs'),
          ],
        },
        {
          name: 'push',
          use: 'push [OPTIONS] PLUGIN[:TAG]',
          short: 'Push a plugin to a registry',
          flags: [bool('disable-content-trust', '', 'Skip image signing', { default: 'true' })],
        },
        {
          name: 'rm',
          use: 'rm [OPTIONS] PLUGIN [PLUGIN...]',
          short: 'Remove one or more plugins',
          aliasesText: 'docker plugin rm, docker plugin remove',
          aliases: ['remove'],
          flags: [bool('force', 'f', 'Force the removal of an active plugin')],
        },
        {
          name: 'set',
          use: 'set PLUGIN KEY=VALUE [KEY=VALUE...]',
          short: 'Change settings for a plugin',
        },
        {
          name: 'upgrade',
          use: 'upgrade [OPTIONS] PLUGIN [REMOTE]',
          short: 'Upgrade an existing plugin',
          flags: [
            bool('disable-content-trust', '', 'Skip image verification', { default: 'true' }),
            bool('grant-all-permissions', '', 'Grant all permissions necessary to run the plugin'),
            bool('skip-remote-check', '', 'Do not check if specified remote plugin matches existing plugin image'),
          ],
        },
      ],
    },
    {
      name: 'trust',
      use: 'trust',
      short: 'Manage trust on Docker images',
      subcommands: [
        {
          name: 'key',
          use: 'key',
          short: 'Manage keys for signing Docker images',
          subcommands: [
            {
              name: 'generate',
              use: 'generate',
              short: 'Generate and load a signing key-pair',
            },
            {
              name: 'load',
              use: 'load',
              short: 'Load a private key file for signing',
            },
          ],
        },
        {
          name: 'signer',
          use: 'signer',
          short: 'Manage entities who can sign Docker images',
          subcommands: [
            {
              name: 'add',
              use: 'add',
              short: 'Add a signer',
            },
            {
              name: 'remove',
              use: 'remove',
              short: 'Remove a signer',
            },
          ],
        },
        {
          name: 'inspect',
          use: 'inspect IMAGE[:TAG] [IMAGE[:TAG]...]',
          short: 'Return low-level information about keys and signatures',
          flags: [bool('pretty', '', 'Print the information in a human friendly format')],
        },
        {
          name: 'revoke',
          use: 'revoke [OPTIONS] IMAGE[:TAG]',
          short: 'Remove trust for an image',
          flags: [bool('yes', 'y', 'Do not prompt for confirmation')],
        },
        {
          name: 'sign',
          use: 'sign IMAGE:TAG',
          short: 'Sign an image',
          flags: [bool('local', '', 'Sign a locally tagged image')],
        },
      ],
    },
  ]);
}
