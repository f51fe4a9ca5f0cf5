// Where a docker command runs: the host gives it streams, an environment, files, a clock, and a way
// to reach a daemon. In the page that host is the laptop (its terminal, its working directory, the
// network to its daemon or a remote one); in Node it is the process (stdio, the disk, real HTTP).
import type { DockerApi } from '../api/docker-api';
import type { ConfigStorage } from '../config/config-file';
import type { FileSystem } from './file-system';
import type { InputStream, OutputStream } from './streams';

/** The daemon address when nothing says otherwise (docker's DefaultDockerHost). */
export const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';

export interface ClientEnvironment {
  out: OutputStream;
  err: OutputStream;
  in: InputStream;
  env: Readonly<Record<string, string>>;
  files: FileSystem;
  now(): number;
  signal?: AbortSignal;
  /** The user's home directory: the configuration lives in `~/.docker` unless DOCKER_CONFIG says. */
  home: string;
  /** A channel to the daemon at `host` (`unix:///var/run/docker.sock`, `tcp://cloud-vm:2376`). */
  connect(host: string): DockerApi;
  /** The `config.json` of the configuration directory `dir`. */
  configStorage(dir: string): ConfigStorage;
}

/** docker's ParseHost, enough for the addresses people type: `tcp://h:p`, `unix:///p`, `h:p`, `h`. */
export function normalizeHost(text: string): string {
  const host = text.trim();
  if (host === '') return DEFAULT_DOCKER_HOST;
  if (host.startsWith('unix://') || host.startsWith('npipe://') || host.startsWith('ssh://')) return host;
  const rest = host.startsWith('tcp://') ? host.slice('tcp://'.length) : host;
  const bracketed = /^\[[^\]]*\](:\d+)?/.exec(rest);
  const hasPort = bracketed ? bracketed[1] !== undefined : /:\d*$/.test(rest.split('/')[0]!);
  const address = rest.split('/')[0]!;
  return `tcp://${hasPort ? address.replace(/:$/, ':2375') : `${address || '127.0.0.1'}:2375`}`;
}
