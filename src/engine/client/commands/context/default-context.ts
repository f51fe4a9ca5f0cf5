// The `default` context as the CLI makes it up each time (docker/cli `command/defaultcontextstore.go`):
// never stored, its address the `-H` flag's, else DOCKER_HOST's, else the local socket's; `docker
// context ls` describes it as "Current DOCKER_HOST based configuration".
import type { DockerCli } from '../../cli/docker-cli';
import { DEFAULT_CONTEXT, DEFAULT_CONTEXT_DESCRIPTION, type DockerContext } from '../../context/context-store';
import { defaultContextHost } from '../../context/resolve';

export function defaultContext(cli: DockerCli): DockerContext {
  return {
    name: DEFAULT_CONTEXT,
    description: DEFAULT_CONTEXT_DESCRIPTION,
    host: defaultContextHost(cli.connection, cli.env),
    skipTLSVerify: false,
  };
}

/** A context by name: the default one, or one from the store (ContextNotFoundError otherwise). */
export async function findContext(cli: DockerCli, name: string): Promise<DockerContext> {
  return name === DEFAULT_CONTEXT ? defaultContext(cli) : cli.contexts.get(name);
}
