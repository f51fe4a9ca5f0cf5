// `docker pull alpine`: the client names the image in full and asks its daemon to fetch it —
// `POST /images/create?fromImage=docker.io/library/alpine&tag=latest`, with the credentials for
// that registry in `X-Registry-Auth`. The daemon talks to the registry; the client only renders
// the daemon's progress stream, then prints the image's full name:
//
//   Using default tag: latest
//   latest: Pulling from library/alpine
//   c7b7f7d2a3b1: Pull complete
//   Digest: sha256:b18d…
//   Status: Downloaded newer image for alpine:latest
//   docker.io/library/alpine:latest
import {
  fullString,
  isNameOnly,
  parseReference,
  toImageCreateQuery,
  withDefaultTag,
  type ImageReference,
} from '../../../reference';
import { exactArgs, type CommandSpec, type Invocation } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import type { OutputStream } from '../../cli/streams';
import { displayJsonMessages } from '../../format/json-messages';
import { registryAuthFor } from '../shared/registry-auth';

export interface PullOptions {
  remote: string;
  all: boolean;
  quiet: boolean;
  platform: string;
}

/** A stream that drops everything (`pull -q`), still "not a terminal". */
const discard: OutputStream = { isTerminal: false, write: () => undefined };

/**
 * Ask the daemon to pull `ref` and render its progress on `out` (moby ImagePull + jsonmessage).
 * `docker run` uses it too, with stderr as `out`.
 */
export async function pullImage(
  cli: DockerCli,
  ref: ImageReference,
  out: OutputStream,
  options: { all?: boolean; platform?: string } = {},
): Promise<void> {
  const query = toImageCreateQuery(ref, { allTags: options.all ?? false });
  const response = await cli.api.request('POST', '/images/create', {
    query: {
      fromImage: query.fromImage,
      tag: query.tag,
      platform: options.platform ? options.platform.toLowerCase() : undefined,
    },
    headers: { 'X-Registry-Auth': await registryAuthFor(cli, ref) },
  });
  await displayJsonMessages(response.body ?? new Uint8Array(0), out, { now: () => cli.now() });
}

export async function runPull(cli: DockerCli, options: PullOptions): Promise<void> {
  let ref = parseReference(options.remote);
  if (options.all && !isNameOnly(ref)) throw new Error("tag can't be used with --all-tags/-a");
  if (!options.all && isNameOnly(ref)) {
    ref = withDefaultTag(ref);
    if (!options.quiet) cli.out.write(`Using default tag: ${ref.tag}\n`);
  }
  await pullImage(cli, ref, options.quiet ? discard : cli.out, {
    all: options.all,
    ...(options.platform ? { platform: options.platform } : {}),
  });
  cli.out.write(fullString(ref) + '\n');
}

export function pullOptions({ flags, args }: Invocation): PullOptions {
  return {
    remote: args[0]!,
    all: flags.bool('all-tags'),
    quiet: flags.bool('quiet'),
    platform: flags.string('platform'),
  };
}

/** `docker pull` and `docker image pull`. */
export function pullCommand(): CommandSpec {
  return {
    name: 'pull',
    use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
    short: 'Download an image from a registry',
    aliasesText: 'docker image pull, docker pull',
    top: 5,
    args: exactArgs(1),
    flags: [
      bool('all-tags', 'a', 'Download all tagged images in the repository'),
      bool('disable-content-trust', '', 'Skip image verification', { default: 'true' }),
      string('platform', '', 'Set platform if server is multi-platform capable'),
      bool('quiet', 'q', 'Suppress verbose output'),
    ],
    run: (inv) => runPull(inv.cli, pullOptions(inv)),
  };
}
