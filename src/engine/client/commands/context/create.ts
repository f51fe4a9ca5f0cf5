// `docker context create cloud --docker host=tcp://cloud-vm:2376 --description "The cloud VM"`:
// store a new context (its meta.json, see context/context-store.ts). Without `--docker` it copies
// the context in use — or the one named by `--from` — description included. It prints the name on
// stdout and `Successfully created context "cloud"` on stderr; nothing is sent to any daemon.
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { string } from '../../cli/flag';
import { checkContextName } from '../../context/context-store';
import { dockerEndpointFlag, endpointFrom, endpointSettings } from './endpoint-flag';
import { findContext } from './default-context';

export interface ContextCreateOptions {
  name: string;
  description: string;
  /** Whether `--description` was given (an empty one still replaces a copied description). */
  describe: boolean;
  docker: string[];
  from: string;
}

export async function runContextCreate(cli: DockerCli, options: ContextCreateOptions): Promise<void> {
  checkContextName(options.name);
  if (await cli.contexts.exists(options.name)) throw new Error(`context "${options.name}" already exists`);
  if (options.from !== '' && options.docker.length > 0) throw new Error('cannot use --docker flag when --from is set');
  let description = options.description;
  let endpoint;
  if (options.docker.length > 0) {
    endpoint = await endpointFrom(cli, endpointSettings(options.docker), (name) => findContext(cli, name));
  } else {
    const source = await findContext(cli, options.from || cli.currentContext);
    endpoint = { host: source.host, skipTLSVerify: source.skipTLSVerify };
    if (!options.describe) description = source.description;
  }
  await cli.contexts.save({ name: options.name, description, ...endpoint });
  cli.out.write(options.name + '\n');
  cli.err.write(`Successfully created context "${options.name}"\n`);
}

const LONG =
  'Create a context\n\nDocker endpoint config:\n\nNAME                DESCRIPTION\nfrom                Copy named context\'s Docker endpoint configuration\nhost                Docker endpoint on which to connect\nca                  Trust certs signed only by this CA\ncert                Path to TLS certificate file\nkey                 Path to TLS key file\nskip-tls-verify     Skip TLS certificate validation\n\nExample:\n\n$ docker context create my-context --description "some description" --docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"';

export function contextCreateCommand(): CommandSpec {
  return {
    name: 'create',
    use: 'create [OPTIONS] CONTEXT',
    short: 'Create a context',
    long: LONG,
    args: exactArgs(1),
    flags: [
      string('description', '', 'Description of the context'),
      dockerEndpointFlag(),
      string('from', '', 'create context from a named context'),
    ],
    run: ({ cli, args, flags }) =>
      runContextCreate(cli, {
        name: args[0]!,
        description: flags.string('description'),
        describe: flags.changed('description'),
        docker: flags.list('docker'),
        from: flags.string('from'),
      }),
  };
}
