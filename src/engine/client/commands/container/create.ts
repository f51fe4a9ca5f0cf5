// `docker create alpine echo hello`: `POST /containers/create` with the container's whole
// configuration; the daemon answers with its ID, which the CLI prints. When the daemon says it
// does not have the image (404), the CLI says so and pulls it — on stderr, so that stdout holds
// only the ID — then asks again:
//
//   Unable to find image 'alpine:latest' locally
//   latest: Pulling from library/alpine
//   …
//   0123456789ab…
import { familiarString, isNamed, parseAnyReference, withDefaultTag, type ImageReference } from '../../../reference';
import { isNotFound } from '../../api/api-error';
import { minArgs, type CommandSpec, type Invocation } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { StatusError } from '../../cli/status-error';
import type { OutputStream } from '../../cli/streams';
import { pullImage } from '../image/pull';
import { containerFlags } from './create-flags';
import { buildCreateRequest, type CreateRequest } from './create-request';
import { readKeyValueFiles } from './env-file';

export interface CreateOptions {
  name: string;
  platform: string;
  pull: string;
  quiet: boolean;
}

const discard: OutputStream = { isTerminal: false, write: () => undefined };

/** `docker: <err>\n\nRun 'docker <command> --help' for more information` (docker/cli withHelp). */
export function withHelp(message: string, command: string): string {
  return `docker: ${message}\n\nRun 'docker ${command} --help' for more information`;
}

/** validatePullOpt */
export function checkPullOption(value: string, command: string): void {
  if (!['always', 'missing', 'never', ''].includes(value)) {
    throw new StatusError(
      withHelp(`invalid pull option: '${value}': must be one of "always", "missing" or "never"`, command),
      125,
    );
  }
}

/** The create request for an invocation of run or create (a bad value: status 125). */
export async function containerRequest(inv: Invocation, command: string): Promise<CreateRequest> {
  const { cli, flags, args } = inv;
  try {
    const envFromFiles = await readKeyValueFiles(cli, flags.list('env-file'), true);
    const labelsFromFiles = await readKeyValueFiles(cli, flags.list('label-file'), false);
    return buildCreateRequest({
      flags,
      image: args[0]!,
      command: args.slice(1),
      envFromFiles,
      labelsFromFiles,
      cwd: cli.env['PWD'] ?? '/',
      consoleSize:
        cli.out.isTerminal && cli.out.columns
          ? [cli.env['LINES'] ? Number(cli.env['LINES']) : 24, cli.out.columns]
          : [0, 0],
    });
  } catch (err) {
    if (err instanceof StatusError) throw err;
    throw new StatusError(withHelp((err as Error).message, command), 125);
  }
}

/**
 * docker/cli createContainer: create, and on "No such image" pull (progress on stderr) and create
 * again; prints the daemon's warnings; returns the new container's ID.
 */
export async function createContainer(cli: DockerCli, request: CreateRequest, options: CreateOptions): Promise<string> {
  const image = String(request.body['Image']);
  let named: ImageReference | undefined;
  const ref = parseAnyReference(image);
  if (isNamed(ref)) named = withDefaultTag(ref);
  const pull = async () => {
    if (!named) return;
    await pullImage(
      cli,
      named,
      options.quiet ? discard : cli.err,
      options.platform ? { platform: options.platform } : {},
    );
  };
  if (options.pull === 'always') await pull();
  const send = () =>
    cli.api.json<{ Id: string; Warnings?: string[] | null }>('POST', '/containers/create', {
      query: { name: options.name || undefined, platform: options.platform || undefined },
      json: request.body,
    });
  let answer;
  try {
    answer = await send();
  } catch (err) {
    if (!(isNotFound(err) && named && (options.pull === 'missing' || options.pull === ''))) throw err;
    if (!options.quiet) cli.err.write(`Unable to find image '${familiarString(named)}' locally\n`);
    await pull();
    answer = await send();
  }
  for (const warning of answer?.Warnings ?? []) cli.err.write(`WARNING: ${warning}\n`);
  return answer?.Id ?? '';
}

/** The cidfile: refused if it exists; written with the ID once created. */
export async function checkCidFile(cli: DockerCli, path: string): Promise<void> {
  if (path !== '' && (await cli.files.stat(path)) !== undefined) {
    throw new Error(`container ID file found, make sure the other container isn't running or delete ${path}`);
  }
}

export function createOptions(inv: Invocation): CreateOptions {
  return {
    name: inv.flags.string('name'),
    platform: inv.flags.string('platform') || (inv.cli.env['DOCKER_DEFAULT_PLATFORM'] ?? ''),
    pull: inv.flags.string('pull'),
    quiet: inv.flags.bool('quiet'),
  };
}

export async function runCreate(inv: Invocation): Promise<void> {
  const options = createOptions(inv);
  checkPullOption(options.pull, 'create');
  const request = await containerRequest(inv, 'create');
  const cidfile = inv.flags.string('cidfile');
  await checkCidFile(inv.cli, cidfile);
  const id = await createContainer(inv.cli, request, options);
  if (cidfile !== '') await inv.cli.files.writeFile(cidfile, new TextEncoder().encode(id) as Uint8Array<ArrayBuffer>);
  inv.cli.out.write(id + '\n');
}

export function createCommand(): CommandSpec {
  return {
    name: 'create',
    use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    short: 'Create a new container',
    aliasesText: 'docker container create, docker create',
    args: minArgs(1),
    interspersed: false,
    flags: containerFlags('Pull image before creating ("always", "|missing", "never")'),
    run: runCreate,
  };
}
