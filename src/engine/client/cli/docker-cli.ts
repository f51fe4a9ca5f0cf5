// What a docker command works with (docker/cli's `command.Cli`): the daemon's API, the standard
// streams, the client's configuration (credentials from `docker login`), the files on the client's
// side, the environment, and the time. A host — the laptop in the page, a Node process — provides
// one; commands never reach past it.
import type { ApiClient } from '../api/api-client';
import type { ConfigFile } from '../config/config-file';
import type { ContextStore } from '../context/context-store';
import type { ConnectionFlags } from '../context/resolve';
import type { FileSystem } from './file-system';
import type { InputStream, OutputStream } from './streams';

export interface DockerCli {
  /** The daemon's API; reading it throws when the current context cannot be resolved. */
  readonly api: ApiClient;
  /** The context in use (`default`, `cloud`…) and the store of the others. */
  readonly currentContext: string;
  readonly contexts: ContextStore;
  /** `-H` and `--context` as given (the default context's address depends on them). */
  readonly connection: ConnectionFlags;
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
