// `docker context use cloud`: remember the context in config.json (`"currentContext": "cloud"`;
// `use default` removes the key). Later commands then talk to that context's daemon — unless
// DOCKER_HOST is set, which the CLI warns about. Output: the name on stdout, `Current context is
// now "cloud"` on stderr.
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { DEFAULT_CONTEXT } from '../../context/context-store';

export async function runContextUse(cli: DockerCli, name: string): Promise<void> {
  if (name !== DEFAULT_CONTEXT) await cli.contexts.get(name);
  const config = await cli.config();
  await config.setCurrentContext(name);
  cli.out.write(name + '\n');
  cli.err.write(`Current context is now "${name}"\n`);
  if (name !== DEFAULT_CONTEXT && cli.env['DOCKER_HOST']) {
    cli.err.write(
      `Warning: DOCKER_HOST environment variable overrides the active context. To use "${name}", either set the global --context flag, or unset DOCKER_HOST environment variable.\n`,
    );
  }
}

export function contextUseCommand(): CommandSpec {
  return {
    name: 'use',
    use: 'use CONTEXT',
    short: 'Set the current docker context',
    args: exactArgs(1),
    run: ({ cli, args }) => runContextUse(cli, args[0]!),
  };
}
