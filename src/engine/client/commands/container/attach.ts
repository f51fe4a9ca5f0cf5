// `docker attach web`: connect the terminal to a running container's main process — its output
// down, the keyboard up (`POST /containers/web/attach`, hijacked) — until it exits (whose code
// becomes ours) or the user detaches with Ctrl-P Ctrl-Q.
import { fromUtf8 } from '../../../bytes';
import { readBody } from '../../../wire/message';
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import { StatusError } from '../../cli/status-error';
import { hijack } from './hijack';

interface Inspect {
  Id: string;
  State?: { Running?: boolean; Paused?: boolean; Restarting?: boolean };
  Config?: { Tty?: boolean; OpenStdin?: boolean };
}

async function inspectRunning(cli: DockerCli, name: string): Promise<Inspect> {
  const c = await cli.api.json<Inspect>('GET', `/containers/${name}/json`);
  if (!c.State?.Running) throw new Error('You cannot attach to a stopped container, start it first');
  if (c.State.Paused) throw new Error('You cannot attach to a paused container, unpause it first');
  if (c.State.Restarting) throw new Error('You cannot attach to a restarting container, wait until it is running');
  return c;
}

export async function runAttach(cli: DockerCli, name: string, noStdin: boolean, detachKeys: string): Promise<void> {
  const wait = await cli.api.request('POST', `/containers/${name}/wait`);
  const c = await inspectRunning(cli, name);
  const tty = c.Config?.Tty === true;
  if (!noStdin && tty && !cli.in.isTerminal) throw new Error('the input device is not a TTY');
  const stdin = !noStdin && c.Config?.OpenStdin === true;
  const stream = await hijack(
    cli,
    `/containers/${name}/attach`,
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
  await inspectRunning(cli, name);
  if (tty && stdin) cli.in.setRaw?.(true);
  try {
    await stream.output;
  } finally {
    cli.in.setRaw?.(false);
  }
  const result = JSON.parse(fromUtf8(await readBody(wait.body))) as {
    StatusCode?: number;
    Error?: { Message?: string } | null;
  };
  if (result.Error?.Message) throw new Error(result.Error.Message);
  if ((result.StatusCode ?? 0) !== 0) throw new StatusError('', result.StatusCode ?? 0);
}

export function attachCommand(): CommandSpec {
  return {
    name: 'attach',
    use: 'attach [OPTIONS] CONTAINER',
    short: 'Attach local standard input, output, and error streams to a running container',
    aliasesText: 'docker container attach, docker attach',
    args: exactArgs(1),
    flags: [
      string('detach-keys', '', 'Override the key sequence for detaching a container'),
      bool('no-stdin', '', 'Do not attach STDIN'),
      bool('sig-proxy', '', 'Proxy all received signals to the process', { default: 'true' }),
    ],
    run: ({ cli, args, flags }) => runAttach(cli, args[0]!, flags.bool('no-stdin'), flags.string('detach-keys')),
  };
}
