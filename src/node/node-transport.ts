// The daemon's way out when it runs under `npm run serve`: the world's registries by name, in
// process, and anything on a loopback address (`127.0.0.1:5000`, `localhost:5000`, `[::1]:5000`) —
// such as the reference registry of the conformance suite — over real HTTP. Loopback registries
// are insecure by default in Docker (127.0.0.0/8, ::1/128), so they are spoken to in plain HTTP.
import { hostTransport, TransportError, noSuchHost, type Transport } from '../engine/daemon/distribution/transport';
import type { Handler, Headers, WireRequest, WireResponse } from '../engine/wire/message';
import { readBody } from '../engine/wire/message';

const loopback = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?$/i;
/** Headers fetch manages itself and refuses to be given. */
const forbidden = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade']);

/** Whether `host` (with or without a port) is a loopback address: `127.0.0.1:5000`, `localhost`, `[::1]:5000`. */
export function isLoopbackHost(host: string): boolean {
  return loopback.test(host);
}

/** One exchange with a real HTTP server on loopback. */
export async function loopbackHttp(host: string, request: WireRequest): Promise<WireResponse> {
  if (!isLoopbackHost(host)) throw noSuchHost(host);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (!forbidden.has(name.toLowerCase())) headers[name] = value;
  const body = request.body === undefined ? undefined : await readBody(request.body);
  let res: Response;
  try {
    res = await fetch(`http://${host}${request.url}`, {
      method: request.method,
      headers,
      ...(body && body.length > 0 ? { body } : {}),
      redirect: 'follow',
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    const reason = cause?.code === 'ECONNREFUSED' ? 'connect: connection refused' : String((err as Error).message);
    throw new TransportError(`dial tcp ${host}: ${reason}`);
  }
  const out: Headers = {};
  res.headers.forEach((value, name) => {
    out[canonical(name)] = value;
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: out, ...(request.method.toUpperCase() === 'HEAD' ? {} : { body: bytes }) };
}

/** `docker-content-digest` → `Docker-Content-Digest`, as Go's net/http canonicalises names. */
function canonical(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/** World hosts in process, loopback over HTTP, anything else "no such host". */
export function nodeTransport(worldHosts: ReadonlyMap<string, Handler>): Transport {
  return hostTransport(worldHosts, loopbackHttp);
}
