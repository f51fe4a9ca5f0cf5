// `docker run alpine echo hi`: the command the architecture lesson is built on. It is several
// API calls in a fixed order (docker/cli `run.go`):
//
//   POST /containers/create          (404 → "Unable to find image…", pull, create again)
//   POST /containers/{id}/attach     hijacked: the container's output will come down this pipe
//   POST /containers/{id}/wait       answered when the container exits (or is removed, with --rm)
//   POST /containers/{id}/start
//
// then it copies the output until the container closes it, and exits with the container's exit
// code. With `-d` it does not attach: it prints the ID and lets the wait go.
import { minArgs, type CommandSpec, type Invocation } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { bool, string } from '../../cli/flag';
import { StatusError } from '../../cli/status-error';
import { readBody } from '../../../wire/message';
import { fromUtf8 } from '../../../bytes';
import { containerFlags } from './create-flags';
import { checkCidFile, checkPullOption, containerRequest, createContainer, createOptions, withHelp } from './create';
import { dropBody, hijack } from './hijack';

/** docker/cli toStatusError: 127 for a missing command, 126 for one that cannot run, else 125. */
export function runStatusError(err: unknown): StatusError {
  if (err instanceof StatusError) return err;
  const message = (err as Error).message ?? String(err);
  let code = 125;
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(message))
    code = 127;
  else if (/permission denied|is a directory/.test(message)) code = 126;
  return new StatusError(withHelp(message, 'run'), code);
}

async function waitStatus(response: Awaited<ReturnType<DockerCli['api']['request']>>): Promise<number> {
  try {
    const text = fromUtf8(await readBody(response.body));
    const result = JSON.parse(text) as { StatusCode?: number; Error?: { Message?: string } | null };
    if (result.Error?.Message) return 125;
    return result.StatusCode ?? 0;
  } catch {
    return 125;
  }
}

export async function runRun(inv: Invocation): Promise<void> {
  const { cli, flags } = inv;
  const detach = flags.bool('detach');
  const options = createOptions(inv);
  checkPullOption(options.pull, 'run');
  const request = await containerRequest(inv, 'run');
  const body = request.body;
  let { attach } = request;
  if (!detach) {
    if (attach.stdin && request.tty && !cli.in.isTerminal) throw new Error('the input device is not a TTY');
    if (request.openStdin && attach.stdin) body['StdinOnce'] = true;
  } else {
    if (flags.list('attach').length > 0)
      throw new Error('conflicting options: cannot specify both --attach and --detach');
    attach = { stdin: false, stdout: false, stderr: false };
    Object.assign(body, { AttachStdin: false, AttachStdout: false, AttachStderr: false, StdinOnce: false });
  }
  const cidfile = flags.string('cidfile');
  let id: string;
  try {
    await checkCidFile(cli, cidfile);
    id = await createContainer(cli, request, options);
    if (cidfile !== '') await cli.files.writeFile(cidfile, new TextEncoder().encode(id) as Uint8Array<ArrayBuffer>);
  } catch (err) {
    throw runStatusError(err);
  }
  const attached = attach.stdin || attach.stdout || attach.stderr;
  let stream;
  if (attached) {
    const query: Record<string, string | undefined> = {
      stderr: attach.stderr ? '1' : undefined,
      stdin: attach.stdin ? '1' : undefined,
      stdout: attach.stdout ? '1' : undefined,
      stream: '1',
      detachKeys: flags.string('detach-keys') || undefined,
    };
    if (request.tty && attach.stdin) cli.in.setRaw?.(true);
    stream = await hijack(cli, `/containers/${id}/attach`, { stdin: attach.stdin, tty: request.tty }, { query });
  }
  const wait = await cli.api.request('POST', `/containers/${id}/wait`, {
    query: { condition: request.autoRemove ? 'removed' : 'next-exit' },
  });
  try {
    await cli.api.request('POST', `/containers/${id}/start`);
  } catch (err) {
    if (request.autoRemove) await waitStatus(wait);
    else dropBody(wait);
    cli.in.setRaw?.(false);
    throw runStatusError(err);
  }
  if (!attached) {
    cli.out.write(id + '\n');
    dropBody(wait);
    return;
  }
  if (request.tty && cli.out.isTerminal && cli.out.columns) {
    await cli.api
      .request('POST', `/containers/${id}/resize`, {
        query: { h: String(Number(cli.env['LINES'] ?? 24)), w: String(cli.out.columns) },
      })
      .catch(() => undefined);
  }
  const sigProxy = flags.bool('sig-proxy') && !request.tty;
  const forward = () => {
    if (sigProxy)
      void cli.api.request('POST', `/containers/${id}/kill`, { query: { signal: 'INT' } }).catch(() => undefined);
  };
  cli.signal?.addEventListener('abort', forward, { once: true });
  try {
    await stream!.output;
  } finally {
    cli.in.setRaw?.(false);
    cli.signal?.removeEventListener('abort', forward);
  }
  const status = await waitStatus(wait);
  if (status !== 0) throw new StatusError('', status);
}

export function runCommand(): CommandSpec {
  return {
    name: 'run',
    use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create and run a new container from an image',
    aliasesText: 'docker container run, docker run',
    top: 1,
    args: minArgs(1),
    interspersed: false,
    flags: [
      ...containerFlags('Pull image before running ("always", "missing", "never")'),
      bool('detach', 'd', 'Run container in background and print container ID'),
      string('detach-keys', '', 'Override the key sequence for detaching a container'),
      bool('sig-proxy', '', 'Proxy received signals to the process', { default: 'true' }),
    ],
    run: runRun,
  };
}
