// The daemon's transport under `npm run serve`: world hosts in process, loopback over real HTTP,
// everything else unreachable with Go's words.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../engine/bytes';
import { TransportError } from '../engine/daemon/distribution/transport';
import { readBody } from '../engine/wire/message';
import { loopbackHttp, nodeTransport } from './node-transport';

let server: Server;
let port: number;
const seen: { method?: string; url?: string; body: string; auth?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        body: Buffer.concat(chunks).toString(),
        auth: req.headers.authorization,
      });
      res.setHeader('docker-content-digest', 'sha256:abc');
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end(req.method === 'HEAD' ? undefined : 'hello');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('loopbackHttp', () => {
  it('makes a real request and brings back status, canonical headers and body', async () => {
    const res = await loopbackHttp(`127.0.0.1:${port}`, {
      method: 'PUT',
      url: '/v2/x?digest=1',
      headers: { Authorization: 'Bearer t', 'Content-Length': '3', Host: 'ignored' },
      body: utf8('abc'),
    });
    expect(res.status).toBe(200);
    expect(res.headers['Docker-Content-Digest']).toBe('sha256:abc');
    expect(fromUtf8(await readBody(res.body))).toBe('hello');
    expect(seen.at(-1)).toEqual({ method: 'PUT', url: '/v2/x?digest=1', body: 'abc', auth: 'Bearer t' });
    const missing = await loopbackHttp(`localhost:${port}`, { method: 'GET', url: '/missing', headers: {} });
    expect(missing.status).toBe(404);
  });

  it('says what Go says when nothing listens or the host is not loopback', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(loopbackHttp(`127.0.0.1:${free}`, { method: 'GET', url: '/v2/', headers: {} })).rejects.toThrow(
      `dial tcp 127.0.0.1:${free}: connect: connection refused`,
    );
    await expect(loopbackHttp('nosuch.example:5000', { method: 'GET', url: '/v2/', headers: {} })).rejects.toThrow(
      TransportError,
    );
    await expect(loopbackHttp('nosuch.example:5000', { method: 'GET', url: '/v2/', headers: {} })).rejects.toThrow(
      'dial tcp: lookup nosuch.example: no such host',
    );
  });
});

describe('nodeTransport', () => {
  it('routes world hosts in process and loopback over HTTP', async () => {
    const transport = nodeTransport(
      new Map([['registry-1.docker.io', async () => ({ status: 200, headers: {}, body: utf8('hub') })]]),
    );
    const hub = await transport('registry-1.docker.io', { method: 'GET', url: '/v2/', headers: {} });
    expect(fromUtf8(await readBody(hub.body))).toBe('hub');
    const local = await transport(`127.0.0.1:${port}`, { method: 'GET', url: '/v2/', headers: {} });
    expect(fromUtf8(await readBody(local.body))).toBe('hello');
    await expect(transport('quay.io', { method: 'GET', url: '/v2/', headers: {} })).rejects.toThrow('no such host');
  });
});
