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

/**
 * docker's ParseHost (`opts/hosts.go`): the address as the CLI uses it. Blank is the local socket;
 * `tcp://h:p`, `h:p`, `h`, `:p` and `tcp://` fill in `localhost` and port 2375; `unix://`,
 * `npipe://`, `ssh://` and `fd://` are kept; any other scheme is `invalid bind address format: …`.
 */
export function normalizeHost(text: string): string {
  const host = text.trim();
  if (host === '') return DEFAULT_DOCKER_HOST;
  const sep = host.indexOf('://');
  const proto = sep < 0 ? 'tcp' : host.slice(0, sep);
  const rest = sep < 0 ? host : host.slice(sep + 3);
  if (proto === 'unix') return `unix://${rest || '/var/run/docker.sock'}`;
  if (proto === 'npipe' || proto === 'ssh' || proto === 'fd') return host;
  if (proto !== 'tcp') throw new Error(`invalid bind address format: ${host}`);
  const slash = rest.indexOf('/');
  const address = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);
  const bracketed = /^\[([^\]]*)\](?::(\d*))?$/.exec(address);
  let name: string;
  let port: string;
  if (bracketed) [name, port] = [bracketed[1]!, bracketed[2] ?? ''];
  else {
    const colon = address.lastIndexOf(':');
    [name, port] = colon < 0 ? [address, ''] : [address.slice(0, colon), address.slice(colon + 1)];
  }
  name ||= 'localhost';
  port ||= '2375';
  return `tcp://${name.includes(':') ? `[${name}]` : name}:${port}${path}`;
}
