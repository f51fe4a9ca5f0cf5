// `docker import rootfs.tar myimage:v1`: make an image of one layer from a tar of files — the
// reverse of `docker export`. The client sends the tar (a file, or stdin with `-`) to
// `POST /images/create?fromSrc=-&repo=myimage:v1` (with `message` and `changes` — Dockerfile
// instructions like `CMD ["sh"]` — when given) and prints the daemon's answer, the new image's ID.
import type { Bytes } from '../../../bytes';
import { parseReference } from '../../../reference';
import { rangeArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { list, string } from '../../cli/flag';
import { chunksOf } from '../../cli/streams';
import { displayJsonMessages } from '../../format/json-messages';

export interface ImportOptions {
  source: string;
  reference: string;
  changes: string[];
  message: string;
  platform: string;
}

export async function runImport(cli: DockerCli, options: ImportOptions): Promise<void> {
  let body: Bytes | AsyncIterable<Bytes> | undefined;
  let fromSrc = '-';
  if (options.source === '-') body = chunksOf(cli.in);
  else if (/^https?:\/\//.test(options.source)) fromSrc = options.source;
  else body = await cli.files.readFile(options.source);
  if (options.reference !== '') parseReference(options.reference);
  const response = await cli.api.request('POST', '/images/create', {
    query: {
      fromSrc,
      repo: options.reference || undefined,
      message: options.message || undefined,
      platform: options.platform ? options.platform.toLowerCase() : undefined,
      changes: options.changes,
    },
    headers: { 'Content-Type': 'text/plain' },
    ...(body !== undefined ? { body } : {}),
  });
  await displayJsonMessages(response.body ?? new Uint8Array(0), cli.out, { now: () => cli.now() });
}

/** `docker import` and `docker image import`. */
export function importCommand(): CommandSpec {
  return {
    name: 'import',
    use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
    short: 'Import the contents from a tarball to create a filesystem image',
    aliasesText: 'docker image import, docker import',
    args: rangeArgs(1, 2),
    flags: [
      list('change', 'c', 'Apply Dockerfile instruction to the created image'),
      string('message', 'm', 'Set commit message for imported image'),
      string('platform', '', 'Set platform if server is multi-platform capable'),
    ],
    run: ({ cli, args, flags }) =>
      runImport(cli, {
        source: args[0]!,
        reference: args[1] ?? '',
        changes: flags.list('change'),
        message: flags.string('message'),
        platform: flags.string('platform'),
      }),
  };
}
