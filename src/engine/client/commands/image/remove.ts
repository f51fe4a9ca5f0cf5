// `docker rmi alpine` / `docker image rm`: `DELETE /images/alpine` for each name. The daemon
// answers with what it did, and the CLI prints it in order:
//
//   Untagged: alpine:latest
//   Untagged: alpine@sha256:b18d…
//   Deleted: sha256:9d9e…
//
// A refusal (`conflict: unable to remove repository reference …`) is an error; with `-f` a
// missing image is only reported, on stderr.
import { isNotFound } from '../../api/api-error';
import { minArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, value } from '../../cli/flag';

export interface RemoveImagesOptions {
  force: boolean;
  noPrune: boolean;
}

interface DeleteResponse {
  Untagged?: string;
  Deleted?: string;
}

export async function runRemoveImages(cli: DockerCli, names: readonly string[], options: RemoveImagesOptions) {
  const errors: string[] = [];
  let fatal = false;
  for (const name of names) {
    try {
      const answer = await cli.api.json<DeleteResponse[]>('DELETE', `/images/${name}`, {
        query: { force: options.force ? '1' : undefined, noprune: options.noPrune ? '1' : undefined },
      });
      for (const item of answer ?? []) {
        cli.out.write(item.Deleted ? `Deleted: ${item.Deleted}\n` : `Untagged: ${item.Untagged ?? ''}\n`);
      }
    } catch (err) {
      if (!isNotFound(err)) fatal = true;
      errors.push((err as Error).message);
    }
  }
  if (errors.length === 0) return;
  if (!options.force || fatal) throw new Error(errors.join('\n'));
  cli.err.write(errors.join('\n') + '\n');
}

/** `docker rmi` (name `rmi`) and `docker image rm` (name `rm`, alias `remove`). */
export function removeImagesCommand(name: 'rmi' | 'rm'): CommandSpec {
  return {
    name,
    use: `${name} [OPTIONS] IMAGE [IMAGE...]`,
    short: 'Remove one or more images',
    ...(name === 'rm' ? { aliases: ['remove'] } : {}),
    aliasesText: 'docker image rm, docker image remove, docker rmi',
    args: minArgs(1),
    flags: [
      bool('force', 'f', 'Force removal of the image'),
      bool('no-prune', '', 'Do not delete untagged parents'),
      value(
        'strings',
        'platform',
        '',
        'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      ),
    ],
    run: ({ cli, args, flags }) =>
      runRemoveImages(cli, args, { force: flags.bool('force'), noPrune: flags.bool('no-prune') }),
  };
}
