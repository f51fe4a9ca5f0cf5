// Hijacked connections on a real socket, as `docker run`/`attach`/`exec` use them: the request body
// read by its Content-Length, `101 UPGRADED` written on the raw socket, the client's later bytes
// handed to the handler as its `upgrade` stream, the socket closed when the output ends — and a
// non-101 answer to an upgrade request written as plain HTTP.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { utf8, type Bytes } from '../engine/bytes';
import type { Handler } from '../engine/wire/message';
import { serveEngine, type RunningEngine } from './engine-server';

let running: RunningEngine | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(handler: Handler): Promise<{ host: string; port: number }> {
  running = await serveEngine(handler, { host: '127.0.0.1', port: 0 });
  const url = new URL(running.url.replace('tcp://', 'http://'));
  return { host: url.hostname, port: Number(url.port) };
}

/** Send `raw`, optionally more later, and collect everything until the server closes. */
function exchange(at: { host: string; port: number }, raw: string, later?: (socket: Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(at.port, at.host, () => {
      socket.write(raw);
      later?.(socket);
    });
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('serveEngine: hijacked connections', () => {
  it('101 UPGRADED with the handler headers, then the streamed body; the socket ends with it', async () => {
    const at = await start(async (req) => {
      async function* out() {
        yield utf8('one ');
        yield utf8('two');
      }
      return {
        status: 101,
        headers: {
          'Content-Type': 'application/vnd.docker.raw-stream',
          Connection: 'Upgrade',
          Upgrade: 'tcp',
          'X-Url': req.url,
        },
        body: out(),
      };
    });
    const text = await exchange(
      at,
      'POST /v1.50/containers/x/attach?stream=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n',
    );
    expect(text).toBe(
      'HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nX-Url: /v1.50/containers/x/attach?stream=1\r\n\r\none two',
    );
  });

  it('the body by Content-Length, then the client bytes as the upgrade stream (echoed back)', async () => {
    const at = await start(async (req) => {
      const body = new TextDecoder().decode(req.body as Bytes);
      const input = req.upgrade!;
      async function* echo() {
        yield utf8(`body=${body};`);
        for await (const chunk of input) yield chunk;
      }
      return { status: 101, headers: { Upgrade: 'tcp' }, body: echo() };
    });
    const json = '{"Detach":false}';
    const text = await exchange(
      at,
      `POST /exec/1/start HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n${json}stdin-1`,
      (socket) => setTimeout(() => socket.end('stdin-2'), 50),
    );
    expect(text.slice(text.indexOf('\r\n\r\n') + 4)).toBe('body={"Detach":false};stdin-1stdin-2');
  });

  it('an error answer to an upgrade request is plain HTTP', async () => {
    const at = await start(async () => ({
      status: 404,
      headers: { 'Content-Type': 'application/json' },
      body: utf8('{"message":"No such container: x"}\n'),
    }));
    const text = await exchange(
      at,
      'POST /containers/x/attach HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n',
    );
    expect(text).toBe(
      'HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 35\r\nConnection: close\r\n\r\n{"message":"No such container: x"}\n',
    );
  });

  it('a client that hangs up stops the output stream (noticed, as by dockerd, when writing to it)', async () => {
    let stopped = false;
    const at = await start(async () => ({
      status: 101,
      headers: {},
      body: {
        [Symbol.asyncIterator]() {
          return {
            next: () =>
              new Promise<IteratorResult<Bytes>>((r) => setTimeout(() => r({ done: false, value: utf8('tick') }), 10)),
            return: async () => {
              stopped = true;
              return { done: true as const, value: undefined };
            },
          };
        },
      },
    }));
    await new Promise<void>((resolve) => {
      const socket = connect(at.port, at.host, () =>
        socket.write('POST /x HTTP/1.1\r\nHost: x\r\nUpgrade: tcp\r\nConnection: Upgrade\r\n\r\n'),
      );
      socket.once('data', () => {
        socket.destroy();
        setTimeout(resolve, 200);
      });
    });
    expect(stopped).toBe(true);
  });
});
