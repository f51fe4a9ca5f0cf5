// The wire: HTTP as data. Client ↔ daemon and daemon ↔ registry exchange these values; a daemon or a
// registry is just a function from a request to a response. Inside the page the network actor
// carries them (and the trace records them); in Node a real HTTP server converts real requests
// into the same values, so one implementation serves the lesson, the animation and real clients.
import type { Bytes } from '../bytes';

/** Header names as HTTP writes them (`Docker-Content-Digest`); look them up with `getHeader`. */
export type Headers = Record<string, string>;

/** A body is bytes, or a stream of chunks for long answers (pull progress, logs, attach). */
export type Body = Bytes | AsyncIterable<Bytes>;

export interface WireRequest {
  method: string;
  /** Path with its query string, exactly as sent: `/v2/library/alpine/manifests/latest?x=1`. */
  url: string;
  headers: Headers;
  body?: Body;
  /**
   * The client's half of a hijacked connection. A request sent with `Connection: Upgrade` and
   * `Upgrade: tcp` (`docker attach`, `docker run`, `docker exec`) turns its connection into a raw
   * two-way byte stream once the server answers `101 UPGRADED`: the response's (streaming) body
   * carries the server's bytes, and this carries what the client sends after the 101 — a
   * container's stdin. Absent when the client sends nothing more (or the transport cannot hijack).
   */
  upgrade?: AsyncIterable<Bytes>;
}

export interface WireResponse {
  /** `101` for a hijacked connection (see WireRequest.upgrade): the body then streams raw bytes. */
  status: number;
  headers: Headers;
  body?: Body;
}

export type Handler = (request: WireRequest) => Promise<WireResponse>;

/** Case-insensitive header lookup, as HTTP requires. */
export function getHeader(message: { headers: Headers }, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(message.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function isStream(body: Body | undefined): body is AsyncIterable<Bytes> {
  return body !== undefined && !(body instanceof Uint8Array);
}

/** The whole body as bytes, draining a stream if need be. */
export async function readBody(body: Body | undefined): Promise<Bytes> {
  if (body === undefined) return new Uint8Array(0);
  if (!isStream(body)) return body;
  const chunks: Bytes[] = [];
  let total = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    total += chunk.length;
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

/** Split `url` into its path and decoded query parameters (repeated keys keep every value). */
export function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const q = url.indexOf('?');
  return q < 0
    ? { path: url, query: new URLSearchParams() }
    : { path: url.slice(0, q), query: new URLSearchParams(url.slice(q + 1)) };
}
