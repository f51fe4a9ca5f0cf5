// `docker` itself: the global options every command line may start with, and the command tree.
// The tree is the real CLI's: shortcuts at the top (`docker ps`, `docker images`), management
// commands grouping the same operations by object (`docker container ls`, `docker image ls`).
// `docker` alone prints the help on stderr; an unknown word is `docker: unknown command: …`.
import { Command, type CommandSpec } from '../cli/command';
import { showHelp } from '../cli/execute';
import { bool, list, string, type FlagSpec } from '../cli/flag';
import { commandTree } from './tree';

function globalFlags(configDir: string): FlagSpec[] {
  return [
    string('config', '', 'Location of client config files', { default: JSON.stringify(configDir) }),
    string(
      'context',
      'c',
      'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")',
    ),
    bool('debug', 'D', 'Enable debug mode'),
    list('host', 'H', 'Daemon socket to connect to'),
    string('log-level', 'l', 'Set the logging level ("debug", "info", "warn", "error", "fatal")', {
      default: '"info"',
    }),
    bool('tls', '', 'Use TLS; implied by --tlsverify'),
    string('tlscacert', '', 'Trust certs signed only by this CA', { default: JSON.stringify(`${configDir}/ca.pem`) }),
    string('tlscert', '', 'Path to TLS certificate file', { default: JSON.stringify(`${configDir}/cert.pem`) }),
    string('tlskey', '', 'Path to TLS key file', { default: JSON.stringify(`${configDir}/key.pem`) }),
    bool('tlsverify', '', 'Use TLS and verify the remote'),
    bool('version', 'v', 'Print version information and quit'),
  ];
}

/** The root of the tree, its `--config` default being `configDir`. */
export function rootCommand(configDir: string): CommandSpec {
  return {
    name: 'docker',
    use: 'docker [OPTIONS] COMMAND [ARG...]',
    short: 'A self-sufficient runtime for containers',
    flags: globalFlags(configDir),
    interspersed: false,
    subcommands: commandTree(),
    async run({ cli, args, command }) {
      if (args.length === 0) return showHelp(command, cli, 'err');
      throw new Error(`docker: unknown command: docker ${args[0]}\n\nRun 'docker --help' for more information`);
    },
  };
}

/** The tree as Command objects (for completion and tests). */
export function rootTree(configDir: string): Command {
  return new Command(rootCommand(configDir));
}
