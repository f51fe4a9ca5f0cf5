// How the daemon reaches registries. dockerd opens HTTP connections to `registry-1.docker.io`,
// `auth.docker.io` or `127.0.0.1:5000`; our daemon hands each exchange to a Transport instead — a
// function from (host, request) to a response. Inside the page the network actor is the Transport
// and carries every exchange over the simulated links, with latency, into the trace; in Node the
// same daemon gets a Transport that reaches the simulated registries by name and real loopback
// registries over real HTTP. One exchange per call: the daemon issues several calls at once when
// it downloads or uploads layers in parallel, exactly as dockerd opens several connections.
//
// A Transport that cannot reach a host throws a `TransportError` whose message is what Go's HTTP
// client says (`dial tcp: lookup nosuch.example: no such host`); the registry client wraps it the
// way Go wraps it (`Get "https://nosuch.example/v2/": dial tcp: …`).
import type { Handler, WireRequest, WireResponse } from '../../wire/message';

/** One HTTP exchange with `host` (`registry-1.docker.io`, `127.0.0.1:5000`); `request.url` is path+query. */
export type Transport = (host: string, request: WireRequest) => Promise<WireResponse>;

/** The host could not be reached at all: no HTTP response came back. */
export class TransportError extends Error {
  override name = 'TransportError';
}

/** Go's resolver failure for a name nothing answers to. */
export function noSuchHost(host: string): TransportError {
  return new TransportError(`dial tcp: lookup ${hostname(host)}: no such host`);
}

/** `registry.example.com:443` → `registry.example.com`; `[::1]:5000` → `::1`. */
export function hostname(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return bracketed[1]!;
  const colon = host.lastIndexOf(':');
  return colon > 0 && /^\d+$/.test(host.slice(colon + 1)) ? host.slice(0, colon) : host;
}

/**
 * A Transport over in-process handlers, one per host name (case-insensitive); hosts it does not
 * know go to `fallback`, or fail as an unknown name would.
 */
export function hostTransport(handlers: ReadonlyMap<string, Handler>, fallback?: Transport): Transport {
  const byName = new Map([...handlers].map(([host, handler]) => [host.toLowerCase(), handler] as const));
  return async (host, request) => {
    const handler = byName.get(host.toLowerCase());
    if (handler) return handler(request);
    if (fallback) return fallback(host, request);
    throw noSuchHost(host);
  };
}
