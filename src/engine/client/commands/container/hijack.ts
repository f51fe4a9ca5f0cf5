// A container's stdio through the client (docker/cli `hijack.go`): `POST …/attach` (or an exec's
// start) asks the daemon to turn the HTTP connection into a raw pipe — `101 UPGRADED`. From then
// on the container's output comes down it (framed, or raw with a TTY) and what the user types
// goes up it. `docker run` opens it before starting the container, so that nothing is missed.
import type { Bytes } from '../../../bytes';
import type { RequestOptions } from '../../api/api-client';
import { demultiplex } from '../../api/stdcopy';
import type { DockerCli } from '../../cli/docker-cli';
import { chunksOf } from '../../cli/streams';
import type { WireResponse } from '../../../wire/message';

export interface HijackOptions {
  /** Send the user's input to the container. */
  stdin: boolean;
  /** The container has a terminal: its output is raw bytes, not frames. */
  tty: boolean;
}

/** An open hijacked connection: `output` settles when the daemon closes it. */
export interface Hijacked {
  output: Promise<void>;
}

/** Open the hijacked connection of `path` and start copying its output to the CLI's streams. */
export async function hijack(
  cli: DockerCli,
  path: string,
  options: HijackOptions,
  request: RequestOptions = {},
): Promise<Hijacked> {
  const response = await cli.api.request('POST', path, {
    ...request,
    headers: { ...request.headers, Upgrade: 'tcp' },
    ...(options.stdin ? { upgrade: chunksOf(cli.in) } : {}),
  });
  return { output: copyOutput(cli, response, options.tty) };
}

async function copyOutput(cli: DockerCli, response: WireResponse, tty: boolean): Promise<void> {
  const body = response.body;
  if (body === undefined) return;
  const source =
    body instanceof Uint8Array
      ? (async function* () {
          yield body as Bytes;
        })()
      : body;
  if (tty) {
    for await (const chunk of source) cli.out.write(chunk);
    return;
  }
  await demultiplex(source, cli.out, cli.err);
}

/** Stop reading a streamed answer nobody needs any more (the `wait` of `docker run -d`). */
export function dropBody(response: WireResponse): void {
  const body = response.body;
  if (body !== undefined && !(body instanceof Uint8Array)) void body[Symbol.asyncIterator]().return?.();
}
