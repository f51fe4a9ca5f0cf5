// Puts a wire handler (a registry or a daemon) behind a real HTTP server on a loopback port, so
// that real clients — skopeo, the docker CLI — talk to the very code the simulator runs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
    const value = req.rawHeaders[i + 1]!;
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing) headers[existing] += `, ${value}`;
    else headers[name] = value;
  }
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers,
    body: body.length > 0 ? new Uint8Array(body.buffer, body.byteOffset, body.length).slice() : undefined,
  };
}

async function writeWireResponse(res: ServerResponse, handler: Handler, request: WireRequest): Promise<void> {
  const answer = await handler(request);
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  if (answer.body === undefined) return void res.end();
  if (!isStream(answer.body)) return void res.end(answer.body);
  res.flushHeaders();
  for await (const chunk of answer.body) res.write(chunk);
  res.end();
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Serve a handler on `at` (loopback only; port 0 picks a free one). The handler is made once the
 * server knows its own URL, since a registry's token realm must point back at it.
 */
export async function serveHandler(makeHandler: (baseUrl: string) => Handler, at: Endpoint): Promise<RunningServer> {
  // Filled in once listening: requests cannot arrive before that.
  const slot: { handler?: Handler } = {};
  const server = createServer((req, res) => {
    toWireRequest(req)
      .then((request) => writeWireResponse(res, slot.handler!, request))
      .catch((err: unknown) => {
        if (!res.headersSent) res.statusCode = 500;
        res.end(String(err));
      });
  });
  // Go clients told a registry is insecure first try TLS on the same port. Answering the
  // ClientHello with a plain HTTP 400 makes them fall back to HTTP; closing the socket does not.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  slot.handler = makeHandler(url);
  return {
    server,
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
