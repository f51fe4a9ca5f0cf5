// The docker client: `runDocker(argv, environment)` is `docker <argv…>` — parsed as the real CLI
// parses it, turned into the Engine API calls the real CLI makes, printed as it prints them.
// The environment says where it runs (the laptop in the page, a Node process) and how it reaches
// its daemon.
import type { ClientEnvironment } from './cli/environment';
import { execute } from './cli/execute';
import { rootCommand } from './commands/root';

export type { ClientEnvironment } from './cli/environment';
export { DEFAULT_DOCKER_HOST } from './cli/environment';
export type { DockerApi } from './api/docker-api';
export { DaemonUnreachableError, ConnectError } from './api/docker-api';
export type { FileSystem } from './cli/file-system';
export { FileSystemError, noFiles } from './cli/file-system';
export type { InputStream, OutputStream } from './cli/streams';
export { MemoryInput, MemoryOutput } from './cli/streams';
export type { ConfigStorage } from './config/config-file';
export { ConfigFile, INDEX_SERVER } from './config/config-file';
export { currentContextName, resolveContextName } from './context/resolve';
export { ContextStore, DEFAULT_CONTEXT, type DockerContext } from './context/context-store';
export type { FileInfo } from './cli/file-system';

/** The configuration directory: `$DOCKER_CONFIG`, else `~/.docker`. */
export function configDirectory(environment: Pick<ClientEnvironment, 'env' | 'home'>): string {
  return environment.env['DOCKER_CONFIG'] || `${environment.home}/.docker`;
}

/** Run `docker <argv…>`; resolves with its exit status (never rejects). */
export function runDocker(argv: readonly string[], environment: ClientEnvironment): Promise<number> {
  return execute(rootCommand(configDirectory(environment)), argv, environment);
}
