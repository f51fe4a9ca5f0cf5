// The laptop's daemon on a real TCP port, for the real docker CLI (`DOCKER_HOST=tcp://…`). Like
// the registry adapter, it turns HTTP requests into WireRequests and WireResponses back into HTTP;
// unlike it, it watches the connection: when a client goes away in the middle of a stream
// (`docker events` interrupted), the stream is stopped rather than left running forever.
//
// It also lets the daemon hijack a connection, as `docker run`, `attach` and `exec` need: a request
// with `Connection: Upgrade` / `Upgrade: tcp` arrives as Node's `upgrade` event; its body (exec
// start sends a small JSON one) is read by its Content-Length, everything the client sends after
// that becomes the request's `upgrade` stream (the container's stdin), and a `101` answer is
// written on the raw socket — `HTTP/1.1 101 UPGRADED`, then the output bytes — until the stream
// ends, when the socket is closed. Any other answer is written as a plain HTTP response.
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Bytes } from '../engine/bytes';
import type { Handler, Headers, WireRequest } from '../engine/wire/message';
import { isStream } from '../engine/wire/message';
import type { Endpoint } from './serve-options';

function headersOf(req: IncomingMessage): Headers {
  const headers: Headers = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!;
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    if (existing) headers[existing] += `, ${req.rawHeaders[i + 1]!}`;
    else headers[name] = req.rawHeaders[i + 1]!;
  }
  return headers;
}

async function toWireRequest(req: IncomingMessage): Promise<WireRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers = headersOf(req);
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

const asBytes = (b: Buffer): Bytes => new Uint8Array(b.buffer, b.byteOffset, b.length).slice();

/**
 * What the client sends on a hijacked socket, as one queue: first `head` (bytes Node read past the
 * headers), then every later chunk, until the client half-closes or hangs up.
 */
function socketReader(socket: Duplex, head: Buffer) {
  const chunks: Buffer[] = head.length > 0 ? [head] : [];
  let ended = false;
  let wake: (() => void) | undefined;
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    wake?.();
  });
  const finish = () => {
    ended = true;
    wake?.();
  };
  socket.once('end', finish);
  socket.once('close', finish);
  const next = async (): Promise<Buffer | undefined> => {
    while (chunks.length === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    return chunks.shift();
  };
  return {
    /** Exactly `n` bytes (fewer if the client hangs up first). */
    async take(n: number): Promise<Buffer> {
      const got: Buffer[] = [];
      let have = 0;
      while (have < n) {
        const chunk = await next();
        if (chunk === undefined) break;
        const want = n - have;
        if (chunk.length > want) {
          chunks.unshift(chunk.subarray(want));
          got.push(chunk.subarray(0, want));
          have = n;
        } else {
          got.push(chunk);
          have += chunk.length;
        }
      }
      return Buffer.concat(got);
    },
    /** Everything after: the client's half of the hijacked stream. */
    async *rest(): AsyncIterable<Bytes> {
      for (let chunk = await next(); chunk !== undefined; chunk = await next()) yield asBytes(chunk);
    },
  };
}

function writeHead(socket: Duplex, status: number, reason: string, headers: Headers): void {
  const lines = [`HTTP/1.1 ${status} ${reason}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  socket.write(lines.join('\r\n') + '\r\n\r\n');
}

/** A request that asks to hijack its connection (`Upgrade: tcp`): answered on the raw socket. */
async function hijack(handler: Handler, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  (socket as Socket).setNoDelay?.(true);
  const reader = socketReader(socket, head);
  const length = Number(req.headers['content-length'] ?? 0);
  const body = length > 0 ? await reader.take(length) : Buffer.alloc(0);
  const response = await handler({
    method: req.method ?? 'POST',
    url: req.url ?? '/',
    headers: headersOf(req),
    ...(body.length > 0 ? { body: asBytes(body) } : {}),
    upgrade: reader.rest(),
  });
  if (response.status !== 101) {
    const bytes = response.body === undefined ? new Uint8Array(0) : isStream(response.body) ? undefined : response.body;
    const headers = {
      ...response.headers,
      ...(bytes ? { 'Content-Length': String(bytes.length) } : {}),
      Connection: 'close',
    };
    writeHead(socket, response.status, STATUS_CODES[response.status] ?? '', headers);
    if (bytes) return void socket.end(Buffer.from(bytes));
  } else {
    writeHead(socket, 101, 'UPGRADED', response.headers);
  }
  if (response.body === undefined || !isStream(response.body)) return void socket.end();
  const iterator = response.body[Symbol.asyncIterator]();
  let closed = false;
  socket.once('close', () => {
    closed = true;
    void iterator.return?.();
  });
  while (!closed) {
    const next = await iterator.next();
    if (next.done || closed) break;
    socket.write(next.value);
  }
  if (!closed) socket.end();
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
  const hijacked = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    hijacked.add(socket);
    socket.once('close', () => hijacked.delete(socket));
    socket.on('error', () => socket.destroy());
    hijack(handler, req, socket, head).catch((err: unknown) => {
      if (!socket.writable) return void socket.destroy();
      const body = JSON.stringify({ message: String((err as Error).message ?? err) }) + '\n';
      writeHead(socket, 500, 'Internal Server Error', {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(body)),
      });
      socket.end(body);
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
        for (const socket of hijacked) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
