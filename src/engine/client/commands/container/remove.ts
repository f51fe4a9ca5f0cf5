// `docker rm web`: `DELETE /containers/web` — refused while it runs, unless `-f` (which kills it
// first); `-v` removes its anonymous volumes too. With `-f`, a name that does not exist is only
// reported.
import { isNotFound } from '../../api/api-error';
import { minArgs, type CommandSpec } from '../../cli/command';
import { bool } from '../../cli/flag';
import { forEachContainer } from './for-each';

/** `docker rm` (name `rm`) and `docker container rm` (alias `remove`). */
export function removeContainersCommand(inGroup: boolean): CommandSpec {
  return {
    name: 'rm',
    use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Remove one or more containers',
    ...(inGroup ? { aliases: ['remove'] } : {}),
    aliasesText: 'docker container rm, docker container remove, docker rm',
    args: minArgs(1),
    flags: [
      bool('force', 'f', 'Force the removal of a running container (uses SIGKILL)'),
      bool('link', 'l', 'Remove the specified link'),
      bool('volumes', 'v', 'Remove anonymous volumes associated with the container'),
    ],
    run: ({ cli, args, flags }) => {
      const force = flags.bool('force');
      return forEachContainer(
        cli,
        args,
        async (name) => {
          const id = name.replace(/^\/+|\/+$/g, '');
          if (id === '') throw new Error('Container name cannot be empty');
          await cli.api.request('DELETE', `/containers/${id}`, {
            query: {
              force: force ? '1' : undefined,
              link: flags.bool('link') ? '1' : undefined,
              v: flags.bool('volumes') ? '1' : undefined,
            },
          });
        },
        (_name, err) => {
          if (force && isNotFound(err)) {
            cli.err.write((err as Error).message + '\n');
            return 'skip';
          }
          return 'report';
        },
      );
    },
  };
}
