// The daemon's registry client: one registry endpoint, one set of credentials, one set of scopes —
// what dockerd builds for each pull, push or login (moby `newRepository`, distribution's
// `registry/client/auth` Authorizer). It starts by pinging `/v2/`: a `200` means no authentication,
// a `401` carries the challenges to answer. From then on every request gets an `Authorization`
// header: a bearer token from the challenge's realm (fetched once, reused until it expires), or
// the Basic credentials themselves. Failures are reported the way Go reports them: the method and
// URL of the request, then the cause (`Head "https://registry-1.docker.io/v2/…": unauthorized: …`).
import { basicHeader } from '../../registry/auth/base64';
import type { Body, Headers, WireResponse } from '../../wire/message';
import { readBody, splitUrl } from '../../wire/message';
import { parseChallenges, type Challenge } from './challenge';
import { endpointUrl, type RegistryEndpoint } from './endpoint';
import { hasBasicCredentials, type AuthConfig } from './registry-auth';
import { RequestError, requestOp } from './registry-errors';
import { fetchToken, type Token } from './token';
import type { Transport } from './transport';

export interface RegistryClientOptions {
  transport: Transport;
  endpoint: RegistryEndpoint;
  auth: AuthConfig;
  /** Scopes every token covers, e.g. `repository:library/alpine:pull`. */
  scopes: readonly string[];
  now: () => number;
  userAgent: string;
  /** Ask token servers for offline tokens (`docker login`). */
  offlineAccess?: boolean;
}

export interface RequestOptions {
  headers?: Headers;
  body?: Body;
}

/** Where a request goes: a path on the endpoint, or an absolute `Location` a registry handed out. */
interface Target {
  host: string;
  path: string;
  url: string;
}

export class RegistryClient {
  private challenges: Challenge[] = [];
  private cached: Token | undefined;

  constructor(readonly options: RegistryClientOptions) {}

  get endpoint(): RegistryEndpoint {
    return this.options.endpoint;
  }

  /** `GET /v2/`: learn whether and how the registry wants authentication (PingV2Registry). */
  async ping(): Promise<WireResponse> {
    const target = this.target('/v2/');
    const response = await this.exchange('GET', target, { 'User-Agent': this.options.userAgent });
    await readBody(response.body);
    const header = Object.entries(response.headers)
      .filter(([k]) => k.toLowerCase() === 'www-authenticate')
      .map(([, v]) => v)
      .join(', ');
    this.challenges = response.status === 401 && header ? parseChallenges(header) : [];
    return response;
  }

  /** An authorized request to a path of this registry or to an absolute URL it returned. */
  async request(method: string, pathOrUrl: string, options: RequestOptions = {}): Promise<WireResponse> {
    const target = this.target(pathOrUrl);
    const headers: Headers = { 'User-Agent': this.options.userAgent, ...options.headers };
    let authorization: string | undefined;
    try {
      authorization = await this.authorization(target.path);
    } catch (err) {
      throw new RequestError(requestOp(method), target.url, err instanceof Error ? err : new Error(String(err)));
    }
    if (authorization) headers.Authorization = authorization;
    return this.exchange(method, target, headers, options.body);
  }

  /** The scheme and host of an absolute URL, or this endpoint for a path. */
  private target(pathOrUrl: string): Target {
    if (/^https?:\/\//i.test(pathOrUrl)) {
      const url = new URL(pathOrUrl);
      const path = url.pathname + url.search;
      return { host: url.host, path, url: `${url.protocol}//${url.host}${path}` };
    }
    return { host: this.endpoint.host, path: pathOrUrl, url: endpointUrl(this.endpoint, pathOrUrl) };
  }

  private async exchange(method: string, target: Target, headers: Headers, body?: Body): Promise<WireResponse> {
    try {
      const request =
        body === undefined ? { method, url: target.path, headers } : { method, url: target.path, headers, body };
      return await this.options.transport(target.host, request);
    } catch (err) {
      throw new RequestError(requestOp(method), target.url, err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** The Authorization header for a request, answering the challenges the ping collected. */
  private async authorization(path: string): Promise<string | undefined> {
    const { auth } = this.options;
    for (const challenge of this.challenges) {
      if (challenge.scheme === 'bearer') {
        if (auth.registrytoken) return `Bearer ${auth.registrytoken}`;
        // A cross-repository mount also needs `pull` on the repository it mounts from.
        const from = splitUrl(path).query.get('from');
        const extra = from ? [`repository:${from}:pull`] : [];
        return `Bearer ${await this.token(challenge.params, extra)}`;
      }
      if (challenge.scheme === 'basic' && hasBasicCredentials(auth)) {
        return basicHeader(auth.username, auth.password);
      }
    }
    return undefined;
  }

  private async token(params: Record<string, string>, extra: string[]): Promise<string> {
    const scopes = [...this.options.scopes];
    const added = extra.filter((s) => !scopes.includes(s));
    const now = this.options.now();
    if (added.length === 0 && this.cached && now < this.cached.expiresAt) return this.cached.token;
    const realm = params.realm;
    if (!realm) throw new Error('no realm specified for token auth challenge');
    const { auth } = this.options;
    const token = await fetchToken(
      this.options.transport,
      {
        realm,
        ...(params.service ? { service: params.service } : {}),
        scopes: [...scopes, ...added],
        ...(hasBasicCredentials(auth) ? { credentials: { username: auth.username, password: auth.password } } : {}),
        ...(this.options.offlineAccess ? { offlineAccess: true } : {}),
      },
      now,
      { 'User-Agent': this.options.userAgent },
    );
    if (added.length === 0) this.cached = token;
    return token.token;
  }
}
