// `docker export -o web.tar web`: the container's whole filesystem — image layers and its own
// changes merged — as one tar (`GET /containers/web/export`), to a file or to stdout. Like
// `docker save`, it refuses to pour a tar onto a terminal.
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { dirOf } from '../../cli/file-system';
import { string } from '../../cli/flag';

export async function runExport(cli: DockerCli, container: string, output: string): Promise<void> {
  if (output === '' && cli.out.isTerminal) {
    throw new Error('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  }
  if (output !== '') {
    const dir = dirOf(output);
    if (dir !== '.' && (await cli.files.stat(dir)) === undefined) {
      throw new Error(`failed to export container: invalid output path: stat ${dir}: no such file or directory`);
    }
  }
  const response = await cli.api.request('GET', `/containers/${container}/export`);
  const body = response.body ?? new Uint8Array(0);
  if (output !== '') return cli.files.writeFile(output, body);
  if (body instanceof Uint8Array) return cli.out.write(body as Parameters<typeof cli.out.write>[0]);
  for await (const chunk of body) cli.out.write(chunk);
}

/** `docker export` and `docker container export`. */
export function exportCommand(): CommandSpec {
  return {
    name: 'export',
    use: 'export [OPTIONS] CONTAINER',
    short: "Export a container's filesystem as a tar archive",
    aliasesText: 'docker container export, docker export',
    args: exactArgs(1),
    flags: [string('output', 'o', 'Write to a file, instead of STDOUT')],
    run: ({ cli, args, flags }) => runExport(cli, args[0]!, flags.string('output')),
  };
}
