// What a docker command works with (docker/cli's `command.Cli`): the daemon's API, the standard
// streams, the client's configuration (credentials from `docker login`), the files on the client's
// side, the environment, and the time. A host — the laptop in the page, a Node process — provides
// one; commands never reach past it.
import type { ApiClient } from '../api/api-client';
import type { ConfigFile } from '../config/config-file';
import type { FileSystem } from './file-system';
import type { InputStream, OutputStream } from './streams';

export interface DockerCli {
  readonly api: ApiClient;
  readonly out: OutputStream;
  readonly err: OutputStream;
  readonly in: InputStream;
  /** The client's config.json, loaded. */
  config(): Promise<ConfigFile>;
  readonly files: FileSystem;
  readonly env: Readonly<Record<string, string>>;
  /** Milliseconds since the epoch, for "2 hours ago". */
  now(): number;
  /** Aborted when the user interrupts the command (Ctrl+C). */
  readonly signal?: AbortSignal;
}
