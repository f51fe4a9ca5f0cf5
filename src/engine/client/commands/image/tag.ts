// `docker tag alpine registry.example.com/student/alpine:v1`: a new name for an image the daemon
// already has — `POST /images/alpine/tag?repo=registry.example.com/student/alpine&tag=v1`. The
// client checks both names first and sends the target in full (`docker.io/library/x` for `x`).
import { fullName, parseAnyReference, parseReference, withDefaultTag } from '../../../reference';
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';

/** moby ImageTag, with its client-side checks and wording. */
export async function tagImage(cli: DockerCli, source: string, target: string): Promise<void> {
  try {
    parseAnyReference(source);
  } catch (err) {
    throw new Error(`Error parsing reference: "${source}" is not a valid repository/tag: ${(err as Error).message}`, {
      cause: err,
    });
  }
  let ref;
  try {
    ref = parseReference(target);
  } catch (err) {
    throw new Error(`Error parsing reference: "${target}" is not a valid repository/tag: ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (ref.digest !== undefined) throw new Error('refusing to create a tag with a digest reference');
  ref = withDefaultTag(ref);
  await cli.api.request('POST', `/images/${source}/tag`, { query: { repo: fullName(ref), tag: ref.tag } });
}

export function tagCommand(): CommandSpec {
  return {
    name: 'tag',
    use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
    short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
    aliasesText: 'docker image tag, docker tag',
    args: exactArgs(2),
    run: ({ cli, args }) => tagImage(cli, args[0]!, args[1]!),
  };
}
