// `docker context show`: the name of the context in use — what `--context`, `-H`, DOCKER_HOST,
// DOCKER_CONTEXT and `docker context use` add up to (see context/resolve.ts).
import { noArgs, type CommandSpec } from '../../cli/command';

export function contextShowCommand(): CommandSpec {
  return {
    name: 'show',
    use: 'show',
    short: 'Print the name of the current context',
    args: noArgs,
    run: async ({ cli }) => void cli.out.write(cli.currentContext + '\n'),
  };
}
