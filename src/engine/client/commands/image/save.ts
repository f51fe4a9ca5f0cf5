// `docker save -o alpine.tar alpine`: the daemon writes the images as one tar archive
// (`GET /images/get?names=alpine`) and the client copies it to a file — or to stdout when it is
// not a terminal (`docker save alpine > alpine.tar`). The archive is an OCI layout that skopeo
// and umoci read, and that `docker load` reads back.
import { minArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { dirOf } from '../../cli/file-system';
import { string } from '../../cli/flag';

export interface SaveOptions {
  images: string[];
  output: string;
  platform: string;
}

/** docker/cli ValidateOutputPath: the directory must exist. */
async function validateOutputPath(cli: DockerCli, path: string): Promise<void> {
  const dir = dirOf(path);
  if (dir !== '.' && (await cli.files.stat(dir)) === undefined) {
    throw new Error(`failed to save image: invalid output path: stat ${dir}: no such file or directory`);
  }
}

export async function runSave(cli: DockerCli, options: SaveOptions): Promise<void> {
  if (options.output === '' && cli.out.isTerminal) {
    throw new Error('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  }
  if (options.output !== '') await validateOutputPath(cli, options.output);
  const response = await cli.api.request('GET', '/images/get', {
    query: { names: options.images, platform: options.platform || undefined },
  });
  const body = response.body ?? new Uint8Array(0);
  if (options.output !== '') return cli.files.writeFile(options.output, body);
  if (body instanceof Uint8Array) return cli.out.write(body as Parameters<typeof cli.out.write>[0]);
  for await (const chunk of body) cli.out.write(chunk);
}

export function saveCommand(): CommandSpec {
  return {
    name: 'save',
    use: 'save [OPTIONS] IMAGE [IMAGE...]',
    short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
    aliasesText: 'docker image save, docker save',
    args: minArgs(1),
    flags: [
      string('output', 'o', 'Write to a file, instead of STDOUT'),
      string(
        'platform',
        '',
        'Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
      ),
    ],
    run: ({ cli, args, flags }) =>
      runSave(cli, { images: args, output: flags.string('output'), platform: flags.string('platform') }),
  };
}
