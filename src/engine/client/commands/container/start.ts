// `docker start web`: `POST /containers/web/start` for each name, printing each one started.
// With `-a` (and `-i`) it does what `docker run` does after creating: attach, wait, start, and
// exit with the container's code.
import { fromUtf8 } from '../../../bytes';
import { readBody } from '../../../wire/message';
import { minArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import { StatusError } from '../../cli/status-error';
import { hijack } from './hijack';

interface Inspect {
  Id: string;
  Config?: { Tty?: boolean; OpenStdin?: boolean };
  HostConfig?: { AutoRemove?: boolean };
}

async function startAttached(cli: DockerCli, name: string, interactive: boolean, detachKeys: string): Promise<void> {
  const c = await cli.api.json<Inspect>('GET', `/containers/${name}/json`);
  const tty = c.Config?.Tty === true;
  const stdin = interactive && c.Config?.OpenStdin === true;
  const stream = await hijack(
    cli,
    `/containers/${c.Id}/attach`,
    { stdin, tty },
    {
      query: {
        detachKeys: detachKeys || undefined,
        stderr: '1',
        stdin: stdin ? '1' : undefined,
        stdout: '1',
        stream: '1',
      },
    },
  );
  const wait = await cli.api.request('POST', `/containers/${c.Id}/wait`, {
    query: { condition: c.HostConfig?.AutoRemove ? 'removed' : 'next-exit' },
  });
  await cli.api.request('POST', `/containers/${c.Id}/start`);
  await stream.output;
  const result = JSON.parse(fromUtf8(await readBody(wait.body))) as { StatusCode?: number };
  if ((result.StatusCode ?? 0) !== 0) throw new StatusError('', result.StatusCode ?? 0);
}

export function startCommand(): CommandSpec {
  return {
    name: 'start',
    use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Start one or more stopped containers',
    aliasesText: 'docker container start, docker start',
    args: minArgs(1),
    flags: [
      bool('attach', 'a', 'Attach STDOUT/STDERR and forward signals'),
      string('checkpoint', '', 'Restore from this checkpoint', { annotations: { experimental: true } }),
      string('checkpoint-dir', '', 'Use a custom checkpoint storage directory', {
        annotations: { experimental: true },
      }),
      string('detach-keys', '', 'Override the key sequence for detaching a container'),
      bool('interactive', 'i', "Attach container's STDIN"),
    ],
    async run({ cli, args, flags }) {
      if (flags.bool('attach') || flags.bool('interactive')) {
        if (args.length > 1) throw new Error('you cannot start and attach multiple containers at once');
        return startAttached(cli, args[0]!, flags.bool('interactive'), flags.string('detach-keys'));
      }
      const failed: string[] = [];
      for (const name of args) {
        try {
          await cli.api.request('POST', `/containers/${name}/start`);
          cli.out.write(name + '\n');
        } catch (err) {
          cli.err.write((err as Error).message + '\n');
          failed.push(name);
        }
      }
      if (failed.length > 0) throw new Error(`Error: failed to start containers: ${failed.join(', ')}`);
    },
  };
}
