// The laptop's daemon on a real TCP port, for the real docker CLI (`DOCKER_HOST=tcp://…`). Like
// the registry adapter, it turns HTTP requests into WireRequests and WireResponses back into HTTP;
// unlike it, it watches the connection: when a client goes away in the middle of a stream
// (`docker events` interrupted), the stream is stopped rather than left running forever.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bytes } from '../engine/bytes';
import type { Handler, Headers, WireRequest } from '../engine/wire/message';
import { isStream } from '../engine/wire/message';
import type { Endpoint } from './serve-options';

async function toWireRequest(req: IncomingMessage): Promise<WireRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers: Headers = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing) headers[existing] += `, ${req.rawHeaders[i + 1]!}`;
    else headers[name] = req.rawHeaders[i + 1]!;
  }
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers,
    ...(body.length > 0 ? { body: new Uint8Array(body.buffer, body.byteOffset, body.length).slice() } : {}),
  };
}

async function pump(res: ServerResponse, body: AsyncIterable<Bytes>): Promise<void> {
  const iterator = body[Symbol.asyncIterator]();
  let closed = false;
  res.once('close', () => {
    closed = true;
    void iterator.return?.();
  });
  res.flushHeaders();
  while (!closed) {
    const next = await iterator.next();
    if (next.done || closed) break;
    res.write(next.value);
  }
  if (!closed) res.end();
}

async function answer(handler: Handler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const response = await handler(await toWireRequest(req));
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (response.body === undefined) return void res.end();
  if (!isStream(response.body)) return void res.end(response.body);
  await pump(res, response.body);
}

export interface RunningEngine {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serve the Engine API `handler` on `at` (loopback only). */
export async function serveEngine(handler: Handler, at: Endpoint): Promise<RunningEngine> {
  const server = createServer((req, res) => {
    answer(handler, req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ message: String((err as Error).message ?? err) }) + '\n');
      } else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `tcp://${host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
