// The Engine API as the docker CLI calls it (moby's client library). Every command starts with
// `HEAD /_ping` (falling back to `GET /_ping`); the daemon's `Api-Version` header decides the
// version prefix of everything after it — the CLI's own 1.50, or the daemon's if that is older
// (`DOCKER_API_VERSION` fixes it instead). Every request says who sends it,
// `User-Agent: Docker-Client/28.2.2 (linux)`; query strings are encoded as Go encodes them
// (keys sorted, `/` and `:` escaped); error statuses become ApiError.
import { fromUtf8, utf8, type Bytes } from '../../bytes';
import type { Body, Headers, WireRequest, WireResponse } from '../../wire/message';
import { getHeader, readBody } from '../../wire/message';
import { goMarshal } from '../format/go-json';
import { errorFromResponse } from './api-error';
import { ConnectError, DaemonUnreachableError, type DockerApi } from './docker-api';

/** The newest API version this client speaks (docker CLI 28.2.2). */
export const CLIENT_API_VERSION = '1.50';
/** What a daemon that does not say its version is assumed to speak. */
export const FALLBACK_API_VERSION = '1.24';
export const CLIENT_VERSION = '28.2.2';
export const USER_AGENT = `Docker-Client/${CLIENT_VERSION} (linux)`;

/** What `/_ping` told about the daemon. */
export interface PingInfo {
  apiVersion?: string;
  osType?: string;
  experimental: boolean;
  builderVersion?: string;
  swarm?: string;
}

export type QueryValue = string | number | boolean | undefined;

/** Go's url.QueryEscape: everything but letters, digits and `-_.~` escaped, spaces as `+`. */
export function queryEscape(text: string): string {
  let out = '';
  for (const byte of utf8(text)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Go's url.Values.Encode: `a=1&b=2`, keys sorted; undefined values are left out. */
export function encodeQuery(query: Record<string, QueryValue | QueryValue[]>): string {
  return Object.keys(query)
    .sort()
    .flatMap((key) => {
      const values = ([] as QueryValue[]).concat(query[key]).filter((v) => v !== undefined);
      return values.map((v) => `${queryEscape(key)}=${queryEscape(String(v))}`);
    })
    .join('&');
}

/** A path segment as Go's URL escaping leaves it: `/`, `:` and `@` stay, blanks and such are escaped. */
export function escapePath(path: string): string {
  let out = '';
  for (const byte of utf8(path)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~!$&'()*+,;=:@/]/.test(c) ? c : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** `a` < `b` as API versions (`1.9` < `1.24`). */
export function versionLess(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

export interface RequestOptions {
  query?: Record<string, QueryValue | QueryValue[]>;
  /** A value to send as JSON, or bytes/a stream to send as they are. */
  json?: unknown;
  body?: Body;
  headers?: Headers;
  /** Ask to hijack the connection (`Upgrade: tcp`), sending these bytes after the 101. */
  upgrade?: AsyncIterable<Bytes>;
}

export interface ApiClientOptions {
  /** The daemon's address as messages show it: `unix:///var/run/docker.sock`, `tcp://cloud-vm:2376`. */
  host: string;
  /** A fixed API version (DOCKER_API_VERSION): no negotiation. */
  version?: string;
}

export class ApiClient {
  private pinged: Promise<PingInfo> | undefined;
  private negotiatedVersion: string | undefined;

  constructor(
    private readonly channel: DockerApi,
    readonly options: ApiClientOptions,
  ) {}

  get host(): string {
    return this.options.host;
  }

  /** The daemon's ping answer; sent once, first. */
  ping(): Promise<PingInfo> {
    this.pinged ??= this.doPing();
    return this.pinged;
  }

  /** The API version requests use (after the ping). */
  async version(): Promise<string> {
    await this.ping();
    return this.negotiatedVersion!;
  }

  private async doPing(): Promise<PingInfo> {
    let response = await this.send({ method: 'HEAD', url: '/_ping', headers: { 'User-Agent': USER_AGENT } });
    if (response.status !== 200) {
      await readBody(response.body).catch(() => undefined);
      response = await this.send({ method: 'GET', url: '/_ping', headers: { 'User-Agent': USER_AGENT } });
    }
    await readBody(response.body).catch(() => undefined);
    const apiVersion = getHeader(response, 'Api-Version');
    const info: PingInfo = {
      experimental: getHeader(response, 'Docker-Experimental') === 'true',
      ...(apiVersion ? { apiVersion } : {}),
      ...optional('osType', getHeader(response, 'Ostype')),
      ...optional('builderVersion', getHeader(response, 'Builder-Version')),
      ...optional('swarm', getHeader(response, 'Swarm')),
    };
    if (this.options.version) this.negotiatedVersion = this.options.version;
    else {
      const server = apiVersion || FALLBACK_API_VERSION;
      this.negotiatedVersion = versionLess(server, CLIENT_API_VERSION) ? server : CLIENT_API_VERSION;
    }
    return info;
  }

  private async send(request: WireRequest): Promise<WireResponse> {
    try {
      return await this.channel.request(request);
    } catch (err) {
      if (err instanceof DaemonUnreachableError) {
        throw new DaemonUnreachableError(
          `Cannot connect to the Docker daemon at ${this.host}. Is the docker daemon running?`,
        );
      }
      if (err instanceof ConnectError) throw new ConnectError(`error during connect: ${err.message}`);
      throw err;
    }
  }

  /** Send a request to `/v{version}{path}`; an error status throws ApiError. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<WireResponse> {
    const version = await this.version();
    const query = options.query ? encodeQuery(options.query) : '';
    const url = `/v${version}${escapePath(path)}${query ? `?${query}` : ''}`;
    const headers: Headers = { 'User-Agent': USER_AGENT, ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = utf8(goMarshal(options.json, { sortKeys: false }) + '\n');
    }
    if (options.upgrade !== undefined || headers['Upgrade'] !== undefined) {
      headers['Connection'] = 'Upgrade';
      headers['Upgrade'] = 'tcp';
    }
    const response = await this.send({
      method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(options.upgrade ? { upgrade: options.upgrade } : {}),
    });
    if (response.status >= 400) {
      const text = fromUtf8(await readBody(response.body));
      throw errorFromResponse(response.status, text, getHeader(response, 'Content-Type'), this.httpUrl(url));
    }
    return response;
  }

  /** A request whose answer is JSON; returns it parsed (undefined for an empty body). */
  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.request(method, path, options);
    const text = fromUtf8(await readBody(response.body));
    return (text.trim() === '' ? undefined : JSON.parse(text)) as T;
  }

  /** The answer's body as text. */
  async text(method: string, path: string, options: RequestOptions = {}): Promise<string> {
    const response = await this.request(method, path, options);
    return fromUtf8(await readBody(response.body));
  }

  private httpUrl(url: string): string {
    const tcp = /^tcp:\/\/(.*)$/.exec(this.host);
    return `http://${tcp ? tcp[1] : 'api.moby.localhost'}${url}`;
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
