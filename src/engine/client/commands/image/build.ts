// `docker build -t app .` with the classic builder (docker/cli `image/build.go` RunBuild): the
// client tars the context directory (./build-context.ts), prints how much it sends, and posts it
// — `POST /build?dockerfile=Dockerfile&t=app&version=1`, `Content-Type: application/x-tar`, every
// stored login in `X-Registry-Config` — then renders the daemon's stream as it arrives:
//
//   Sending build context to Docker daemon  3.072kB
//   Step 1/2 : FROM alpine
//    ---> 9d9e6c7c13a5
//   Step 2/2 : RUN echo hi
//    ---> Running in 2b8e6b4fbc95
//   hi
//    ---> Removed intermediate container 2b8e6b4fbc95
//    ---> 36f871ac3027
//   Successfully built 36f871ac3027
//   Successfully tagged app:latest
//
// The build runs on the daemon: the client knows nothing of steps or caches. `-q` keeps everything
// and prints only the image ID the daemon ends with; a failed step ends the stream with its error
// and exit status (`The command '/bin/sh -c exit 3' returned a non-zero code: 3`, status 3).
import type { Bytes } from '../../../bytes';
import { utf8 } from '../../../bytes';
import { gzip } from '../../../layer/gzip';
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import type { FlagValues } from '../../cli/flag';
import { StatusError } from '../../cli/status-error';
import { MemoryOutput, readAllBytes, type OutputStream } from '../../cli/streams';
import { ApiError } from '../../api/api-error';
import { goMarshal } from '../../format/go-json';
import { displayJsonMessages, JsonMessageError, progressText } from '../../format/json-messages';
import { authJson, base64Url } from '../shared/registry-auth';
import {
  absolutePath,
  contextEntries,
  dockerfileOnlyContext,
  isArchive,
  joinPath,
  randomDockerfileName,
  relativePath,
  tarOf,
  withDockerfile,
} from './build-context';
import { buildFlags, buildQuery } from './build-options';
import { legacyBuilderNotice } from './build-notice';

/** The context to send and where the Dockerfile is in it. */
interface PreparedContext {
  body: Bytes;
  dockerfile: string;
}

const prepareError = (message: string) => new Error(`unable to prepare context: ${message}`);

/** `-` : stdin is the context — a tar as it is, or a Dockerfile alone. */
async function contextFromStdin(cli: DockerCli, dockerfileFlag: string): Promise<PreparedContext> {
  const input = await readAllBytes(cli.in);
  if (isArchive(input)) return { body: input, dockerfile: dockerfileFlag };
  if (dockerfileFlag === '-') throw prepareError('build context is not an archive');
  if (dockerfileFlag !== '')
    throw prepareError('ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles');
  return { body: dockerfileOnlyContext(input, cli.now()), dockerfile: 'Dockerfile' };
}

/** A directory: its files, and the Dockerfile inside it or added from elsewhere. */
async function contextFromDirectory(cli: DockerCli, dir: string, dockerfileFlag: string): Promise<PreparedContext> {
  const cwd = cli.env['PWD'] || '/';
  const absDir = absolutePath(dir, cwd);
  if ((await cli.files.stat(dir)) !== 'directory') throw prepareError(`context must be a directory: ${absDir}`);
  const fromStdin = dockerfileFlag === '-';
  let dockerfile = '-';
  let dockerfilePath = '';
  if (!fromStdin) {
    dockerfilePath = dockerfileFlag || joinPath(dir, 'Dockerfile');
    if (!dockerfileFlag && (await cli.files.stat(dockerfilePath)) === undefined) {
      const lower = joinPath(dir, 'dockerfile');
      if ((await cli.files.stat(lower)) !== undefined) dockerfilePath = lower;
    }
    const absDockerfile = absolutePath(dockerfilePath, cwd);
    if ((await cli.files.stat(dockerfilePath)) === undefined) {
      throw prepareError(
        `unable to evaluate symlinks in Dockerfile path: lstat ${absDockerfile}: no such file or directory`,
      );
    }
    dockerfile = relativePath(absDir, absDockerfile);
  }
  const outside = fromStdin || dockerfile.startsWith('../');
  const entries = await contextEntries(cli, dir, outside ? '' : dockerfile, fromStdin);
  if (!outside) return { body: tarOf(entries), dockerfile };
  const text = fromStdin ? await readAllBytes(cli.in) : await cli.files.readFile(dockerfilePath);
  const name = await randomDockerfileName(text, cli.now());
  return { body: withDockerfile(entries, text, name, cli.now()), dockerfile: name };
}

/** X-Registry-Config: every stored login, `{"registry":{"username",…}}` in URL-safe base64. */
async function registryConfig(cli: DockerCli): Promise<string> {
  const config = await cli.config();
  const all: Record<string, unknown> = {};
  for (const server of config.servers().sort()) {
    all[server] = JSON.parse(authJson(config.credentials(server)));
  }
  return base64Url(utf8(goMarshal(all)));
}

/** "Sending build context to Docker daemon  3.072kB", as the legacy progress reader ends it. */
function sendingLine(size: number): string {
  return `Sending build context to Docker daemon ${progressText({ current: size }, 0, 0)}\r\r\n`;
}

export async function runBuild(cli: DockerCli, context: string, flags: FlagValues): Promise<void> {
  const dockerfileFlag = flags.string('file');
  const quiet = flags.bool('quiet');
  if (dockerfileFlag === '-' && context === '-') {
    throw new Error("invalid argument: can't use stdin for both build context and dockerfile");
  }
  const iidfile = flags.string('iidfile');
  if (iidfile !== '') await cli.files.remove?.(iidfile);
  let prepared: PreparedContext;
  if (context === '-') prepared = await contextFromStdin(cli, dockerfileFlag);
  else if ((await cli.files.stat(context)) !== undefined) {
    prepared = await contextFromDirectory(cli, context, dockerfileFlag);
  } else throw prepareError(`path "${context}" not found`);
  const body = flags.bool('compress') ? gzip(prepared.body) : prepared.body;

  const progress: OutputStream = quiet ? new MemoryOutput(cli.out.isTerminal, cli.out.columns) : cli.out;
  const build: OutputStream = quiet ? new MemoryOutput(cli.out.isTerminal, cli.out.columns) : cli.out;
  const headers = { 'X-Registry-Config': await registryConfig(cli), 'Content-Type': 'application/x-tar' };
  let response;
  try {
    response = await cli.api.request('POST', '/build', {
      query: buildQuery(flags, prepared.dockerfile, cli.env),
      headers,
      body,
    });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    progress.write(sendingLine(body.length));
    if (quiet) cli.err.write((progress as MemoryOutput).text());
    throw err;
  }
  // The CLI has sent the whole context before the daemon's answer arrives.
  progress.write(sendingLine(body.length));
  let imageId = '';
  try {
    await displayJsonMessages(response.body ?? new Uint8Array(0), build, {
      now: () => cli.now(),
      onAux: (aux) => {
        const id = (aux as { ID?: unknown } | null)?.ID;
        if (typeof id === 'string') imageId = id;
      },
    });
  } catch (err) {
    if (!(err instanceof JsonMessageError)) throw err;
    if (quiet) cli.err.write((progress as MemoryOutput).text() + (build as MemoryOutput).text());
    throw new StatusError(err.message, err.code || 1);
  }
  if (quiet) {
    imageId = (build as MemoryOutput).text();
    cli.out.write(imageId);
  }
  if (iidfile !== '') {
    if (imageId === '') throw new Error(`Server did not provide an image ID. Cannot write ${iidfile}`);
    await cli.files.writeFile(iidfile, utf8(imageId));
  }
}

/** `docker build`, `docker image build` and `docker builder build`. */
export function buildCommand(): CommandSpec {
  return {
    name: 'build',
    use: 'build [OPTIONS] PATH | URL | -',
    short: 'Build an image from a Dockerfile',
    aliasesText: 'docker image build, docker build, docker builder build',
    top: 4,
    args: exactArgs(1),
    flags: buildFlags(),
    beforeParse: ({ env, err }) => legacyBuilderNotice(env, err),
    run: ({ cli, args, flags }) => runBuild(cli, args[0]!, flags),
  };
}
