// `docker exec -it web sh`: another process in a running container. The CLI checks the container
// exists (`GET /containers/web/json`), creates the exec (`POST /containers/web/exec`), starts it on
// a hijacked connection (`POST /exec/{id}/start`), and once the output ends asks how it exited
// (`GET /exec/{id}/json`) to exit with the same code.
import { minArgs, type CommandSpec, type Invocation } from '../../cli/command';
import { bool, list, string } from '../../cli/flag';
import { StatusError } from '../../cli/status-error';
import { validateEnv } from './create-validators';
import { readKeyValueFiles } from './env-file';
import { hijack } from './hijack';

export async function runExec(inv: Invocation): Promise<void> {
  const { cli, flags, args } = inv;
  const [container, ...command] = args as [string, ...string[]];
  const detach = flags.bool('detach');
  const tty = flags.bool('tty');
  const attachStdin = !detach && flags.bool('interactive');
  const env = [...(await readKeyValueFiles(cli, flags.list('env-file'), true)), ...flags.list('env')];
  await cli.api.json('GET', `/containers/${container}/json`);
  if (!detach && attachStdin && tty && !cli.in.isTerminal) throw new Error('the input device is not a TTY');
  const consoleSize =
    tty && cli.out.isTerminal && cli.out.columns ? [Number(cli.env['LINES'] ?? 24), cli.out.columns] : undefined;
  const body: Record<string, unknown> = {
    User: flags.string('user'),
    Privileged: flags.bool('privileged'),
    Tty: tty,
    ...(consoleSize ? { ConsoleSize: consoleSize } : {}),
    AttachStdin: attachStdin,
    AttachStderr: !detach,
    AttachStdout: !detach,
    Detach: false,
    DetachKeys: flags.string('detach-keys'),
    Env: env.length > 0 ? env : null,
    WorkingDir: flags.string('workdir'),
    Cmd: command,
  };
  const created = await cli.api.json<{ Id: string }>('POST', `/containers/${container}/exec`, { json: body });
  const id = created?.Id ?? '';
  if (id === '') throw new Error('exec ID empty');
  const start = { Detach: detach, Tty: tty, ...(consoleSize ? { ConsoleSize: consoleSize } : {}) };
  if (detach) {
    await cli.api.request('POST', `/exec/${id}/start`, { json: start });
    return;
  }
  if (tty && attachStdin) cli.in.setRaw?.(true);
  try {
    const stream = await hijack(cli, `/exec/${id}/start`, { stdin: attachStdin, tty }, { json: start });
    await stream.output;
  } finally {
    cli.in.setRaw?.(false);
  }
  const inspect = await cli.api.json<{ ExitCode?: number }>('GET', `/exec/${id}/json`);
  const status = inspect?.ExitCode ?? 0;
  if (status !== 0) throw new StatusError('', status);
}

export function execCommand(): CommandSpec {
  return {
    name: 'exec',
    use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    short: 'Execute a command in a running container',
    aliasesText: 'docker container exec, docker exec',
    top: 2,
    args: minArgs(2),
    interspersed: false,
    flags: [
      bool('detach', 'd', 'Detached mode: run command in the background'),
      string('detach-keys', '', 'Override the key sequence for detaching a container'),
      list('env', 'e', 'Set environment variables', { validate: validateEnv }),
      list('env-file', '', 'Read in a file of environment variables'),
      bool('interactive', 'i', 'Keep STDIN open even if not attached'),
      bool('privileged', '', 'Give extended privileges to the command'),
      bool('tty', 't', 'Allocate a pseudo-TTY'),
      string('user', 'u', 'Username or UID (format: "<name|uid>[:<group|gid>]")'),
      string('workdir', 'w', 'Working directory inside the container'),
    ],
    run: runExec,
  };
}
