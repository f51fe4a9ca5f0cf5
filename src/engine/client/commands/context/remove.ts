// `docker context rm cloud onprem`: delete stored contexts, each name printed as it goes. The
// context in use is refused unless `-f` (which also resets `currentContext`); a missing one is an
// error unless `-f`. Every failure is reported, one per line, and the exit status is 1.
import { minArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool } from '../../cli/flag';
import { DEFAULT_CONTEXT } from '../../context/context-store';

async function removeOne(cli: DockerCli, name: string, force: boolean): Promise<void> {
  if (name === DEFAULT_CONTEXT) throw new Error(`context "${DEFAULT_CONTEXT}" cannot be removed`);
  const config = await cli.config();
  const inUse = name === cli.currentContext;
  if (inUse && !force) throw new Error(`context "${name}" is in use, set -f flag to force remove`);
  if (!(await cli.contexts.exists(name))) {
    if (force) return;
    throw new Error(`context "${name}" does not exist`);
  }
  if (config.currentContext === name) await config.setCurrentContext('');
  await cli.contexts.remove(name);
}

export async function runContextRemove(cli: DockerCli, names: readonly string[], force: boolean): Promise<void> {
  const errors: string[] = [];
  for (const name of names) {
    try {
      await removeOne(cli, name, force);
      cli.out.write(name + '\n');
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  if (errors.length > 0) throw new Error(errors.join('\n'));
}

export function contextRemoveCommand(): CommandSpec {
  return {
    name: 'rm',
    use: 'rm CONTEXT [CONTEXT...]',
    short: 'Remove one or more contexts',
    aliasesText: 'docker context rm, docker context remove',
    aliases: ['remove'],
    args: minArgs(1),
    flags: [bool('force', 'f', 'Force the removal of a context in use')],
    run: ({ cli, args, flags }) => runContextRemove(cli, args, flags.bool('force')),
  };
}
