// `docker load -i alpine.tar`: the client sends an archive (from a file, or from stdin) to its
// daemon — `POST /images/load` — which unpacks it into images and says which:
// `Loaded image: alpine:latest`.
import type { Bytes } from '../../../bytes';
import { getHeader } from '../../../wire/message';
import { noArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import { chunksOf } from '../../cli/streams';
import { displayJsonMessages } from '../../format/json-messages';

export interface LoadOptions {
  input: string;
  quiet: boolean;
  platform: string;
}

export async function runLoad(cli: DockerCli, options: LoadOptions): Promise<void> {
  let body: Bytes | AsyncIterable<Bytes>;
  if (options.input !== '') body = await cli.files.readFile(options.input);
  else {
    if (cli.in.isTerminal) throw new Error('requested load from stdin, but stdin is empty');
    body = chunksOf(cli.in);
  }
  const quiet = options.quiet || !cli.out.isTerminal;
  const response = await cli.api.request('POST', '/images/load', {
    query: { quiet: quiet ? '1' : undefined, platform: options.platform || undefined },
    headers: { 'Content-Type': 'application/x-tar' },
    body,
  });
  const answer = response.body ?? new Uint8Array(0);
  if ((getHeader(response, 'Content-Type') ?? '').startsWith('application/json')) {
    return displayJsonMessages(answer, cli.out, { now: () => cli.now() });
  }
  if (answer instanceof Uint8Array) return cli.out.write(answer as Bytes);
  for await (const chunk of answer) cli.out.write(chunk);
}

export function loadCommand(): CommandSpec {
  return {
    name: 'load',
    use: 'load [OPTIONS]',
    short: 'Load an image from a tar archive or STDIN',
    aliasesText: 'docker image load, docker load',
    args: noArgs,
    flags: [
      string('input', 'i', 'Read from tar archive file, instead of STDIN'),
      string(
        'platform',
        '',
        'Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      ),
      bool('quiet', 'q', 'Suppress the load output'),
    ],
    run: ({ cli, flags }) =>
      runLoad(cli, { input: flags.string('input'), quiet: flags.bool('quiet'), platform: flags.string('platform') }),
  };
}
