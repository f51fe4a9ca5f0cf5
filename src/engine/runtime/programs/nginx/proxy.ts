// `proxy_pass`: nginx as a reverse proxy in front of another container — the classic
// nginx-in-front-of-an-app setup. nginx resolves the upstream's name once, when it starts (a name
// the network cannot resolve stops it: `host not found in upstream "app:3000"`), then forwards
// each request: same method and body, `Host` set to the upstream as written, `Connection: close`,
// plus any `proxy_set_header`. If proxy_pass has a URI part, it replaces the part of the request
// URI that matched the location. A refused connection becomes `502 Bad Gateway` and an error-log line.
import { readBody, type WireRequest, type WireResponse } from '../../../wire/message';
import type { Bytes } from '../../../bytes';
import type { NetworkStack } from '../../contract';
import { socketErrnoOf, SOCKET_REASONS } from '../socket-errors';
import { NginxConfigError } from './conf-error';
import type { LocationConf, NginxConf } from './conf-model';
import { expand, type RequestFacts } from './variables';

export interface ProxyTarget {
  /** `app:3000` as written, or an upstream group's name. */
  authority: string;
  /** The URI part of proxy_pass (`/api/`), if it has one. */
  uri?: string;
}

/** Split `http://app:3000/api/` into authority and URI part. */
export function parseProxyPass(url: string): ProxyTarget | undefined {
  const m = /^https?:\/\/([^/]+)(\/.*)?$/.exec(url);
  if (!m) return undefined;
  return { authority: m[1]!, uri: m[2] };
}

function hostPort(authority: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(authority);
  return { host: m?.[1] ?? authority, port: m?.[2] ? Number(m[2]) : 80 };
}

/** Name → address, filled at startup; each upstream group rotates through its servers. */
export class Upstreams {
  private readonly addresses = new Map<string, string>();
  private readonly turn = new Map<string, number>();

  constructor(private readonly conf: NginxConf) {}

  /** Resolve every host a proxy_pass names; throws nginx's `[emerg]` for one that does not resolve. */
  async resolveAll(net: NetworkStack, locations: readonly LocationConf[]): Promise<void> {
    for (const loc of locations) {
      await this.resolveAll(net, loc.locations);
      if (!loc.proxyPass) continue;
      const target = parseProxyPass(loc.proxyPass.url);
      if (!target) {
        throw new NginxConfigError(
          `invalid URL prefix in "${loc.proxyPass.url}"`,
          loc.proxyPass.file,
          loc.proxyPass.line,
        );
      }
      const servers = this.conf.upstreams.get(target.authority) ?? [target.authority];
      for (const authority of servers) {
        const { host } = hostPort(authority);
        const address = /^[\d.]+$/.test(host) ? host : await net.resolve(host);
        if (address === undefined) {
          throw new NginxConfigError(
            `host not found in upstream "${authority}"`,
            loc.proxyPass.file,
            loc.proxyPass.line,
          );
        }
        this.addresses.set(host, address);
      }
    }
  }

  /** The next server for `authority` (round robin in a group), as address and port. */
  pick(authority: string): { address: string; port: number; hostHeader: string } {
    const group = this.conf.upstreams.get(authority);
    let chosen = authority;
    if (group) {
      const i = this.turn.get(authority) ?? 0;
      this.turn.set(authority, i + 1);
      chosen = group[i % group.length]!;
    }
    const { host, port } = hostPort(chosen);
    const hostHeader = group ? authority : port === 80 ? host : `${host}:${port}`;
    return { address: this.addresses.get(host) ?? host, port, hostHeader };
  }
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export type ProxyOutcome =
  | { ok: true; response: WireResponse; body: Bytes; upstreamAddr: string }
  | { ok: false; status: 502 | 504; log: string; upstreamAddr: string };

/** Forward one request to the location's upstream. */
export async function forward(
  net: NetworkStack,
  upstreams: Upstreams,
  loc: LocationConf,
  facts: RequestFacts,
): Promise<ProxyOutcome> {
  const target = parseProxyPass(loc.proxyPass!.url)!;
  const { address, port, hostHeader } = upstreams.pick(target.authority);
  const rest = loc.modifier === '' || loc.modifier === '^~' ? facts.uri.slice(loc.path.length) : facts.uri;
  const path =
    target.uri === undefined ? facts.request.url : `${target.uri}${rest}${facts.args ? `?${facts.args}` : ''}`;
  const headers: Record<string, string> = { Host: hostHeader, Connection: 'close' };
  for (const [k, v] of Object.entries(facts.request.headers)) {
    if (!HOP_BY_HOP.has(k.toLowerCase()) && k.toLowerCase() !== 'host') headers[k] = v;
  }
  for (const [name, value] of loc.proxySetHeaders) {
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing) delete headers[existing];
    const expanded = expand(value, facts);
    if (expanded !== '') headers[name] = expanded;
  }
  const upstreamAddr = `${address}:${port}`;
  const request: WireRequest = { method: facts.request.method, url: path, headers, body: facts.request.body };
  try {
    const response = await net.request(address, port, request);
    return { ok: true, response, body: await readBody(response.body), upstreamAddr };
  } catch (err) {
    const errno = socketErrnoOf(err);
    const timedOut = errno === 'ETIMEDOUT';
    const number = errno === 'EHOSTUNREACH' ? 113 : timedOut ? 110 : 111;
    const what = timedOut ? 'upstream timed out' : 'connect() failed';
    const reason = SOCKET_REASONS[errno ?? 'ECONNREFUSED'];
    return {
      ok: false,
      status: timedOut ? 504 : 502,
      log: `${what} (${number}: ${reason}) while connecting to upstream`,
      upstreamAddr,
    };
  }
}

/** Upstream response headers as nginx passes them on: its own Server/Date/Connection, no hop-by-hop. */
export function passedHeaders(response: WireResponse): [string, string][] {
  return Object.entries(response.headers).filter(([k]) => {
    const lower = k.toLowerCase();
    return !HOP_BY_HOP.has(lower) && lower !== 'server' && lower !== 'date' && lower !== 'content-length';
  });
}
