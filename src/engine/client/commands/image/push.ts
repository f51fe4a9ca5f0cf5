// `docker push registry.example.com/student/alpine:v1`: the client asks its daemon to upload
// the image — `POST /images/registry.example.com/student/alpine/push?tag=v1`, the credentials for
// that registry in `X-Registry-Auth` — and renders the daemon's progress:
//
//   The push refers to repository [registry.example.com/student/alpine]
//   352c5f4a880c: Pushed
//   v1: digest: sha256:69f3… size: 525
import { fullName, fullString, isNameOnly, parseReference, withDefaultTag } from '../../../reference';
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import type { OutputStream } from '../../cli/streams';
import { displayJsonMessages } from '../../format/json-messages';
import { registryAuthFor } from '../shared/registry-auth';

export interface PushOptions {
  remote: string;
  all: boolean;
  quiet: boolean;
}

const discard: OutputStream = { isTerminal: false, write: () => undefined };

export async function runPush(cli: DockerCli, options: PushOptions): Promise<void> {
  let ref = parseReference(options.remote);
  if (options.all && !isNameOnly(ref)) throw new Error("tag can't be used with --all-tags/-a");
  if (!options.all && isNameOnly(ref)) {
    ref = withDefaultTag(ref);
    if (!options.quiet) cli.out.write(`Using default tag: ${ref.tag}\n`);
  }
  if (ref.digest !== undefined) throw new Error('cannot push a digest reference');
  const response = await cli.api.request('POST', `/images/${fullName(ref)}/push`, {
    query: { tag: options.all ? undefined : ref.tag },
    headers: { 'X-Registry-Auth': await registryAuthFor(cli, ref) },
  });
  await displayJsonMessages(response.body ?? new Uint8Array(0), options.quiet ? discard : cli.out, {
    now: () => cli.now(),
  });
  if (options.quiet) cli.out.write(fullString(ref) + '\n');
}

/** `docker push` and `docker image push`. */
export function pushCommand(): CommandSpec {
  return {
    name: 'push',
    use: 'push [OPTIONS] NAME[:TAG]',
    short: 'Upload an image to a registry',
    aliasesText: 'docker image push, docker push',
    top: 6,
    args: exactArgs(1),
    flags: [
      bool('all-tags', 'a', 'Push all tags of an image to the repository'),
      bool('disable-content-trust', '', 'Skip image signing', { default: 'true' }),
      string(
        'platform',
        '',
        "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
      ),
      bool('quiet', 'q', 'Suppress verbose output'),
    ],
    run: ({ cli, args, flags }) =>
      runPush(cli, { remote: args[0]!, all: flags.bool('all-tags'), quiet: flags.bool('quiet') }),
  };
}
