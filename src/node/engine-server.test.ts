// The engine on a real port: plain answers, streams flushed as they come, and a stream stopped
// when its client goes away.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { utf8, type Bytes } from '../engine/bytes';
import type { Handler } from '../engine/wire/message';
import { serveEngine, type RunningEngine } from './engine-server';

let running: RunningEngine | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(handler: Handler): Promise<string> {
  running = await serveEngine(handler, { host: '127.0.0.1', port: 0 });
  return running.url.replace('tcp://', 'http://');
}

describe('serveEngine', () => {
  it('answers requests with the handler, body and headers intact', async () => {
    const base = await start(async (req) => ({
      status: 201,
      headers: { 'Api-Version': '1.50', 'Content-Type': 'application/json' },
      body: utf8(
        JSON.stringify({
          method: req.method,
          url: req.url,
          body: req.body ? new TextDecoder().decode(req.body as Bytes) : null,
        }),
      ),
    }));
    const res = await fetch(`${base}/v1.50/images/a/tag?repo=b`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(201);
    expect(res.headers.get('api-version')).toBe('1.50');
    expect(await res.json()).toEqual({ method: 'POST', url: '/v1.50/images/a/tag?repo=b', body: 'x' });
  });

  it('stops a stream when the client disconnects', async () => {
    let stopped = false;
    let wake: (() => void) | undefined;
    const endless: AsyncIterable<Bytes> = {
      [Symbol.asyncIterator]: () => {
        let first = true;
        return {
          next: async () => {
            if (first) {
              first = false;
              return { done: false, value: utf8('{"n":1}\n') };
            }
            await new Promise<void>((resolve) => (wake = resolve));
            return { done: true, value: undefined };
          },
          return: async () => {
            stopped = true;
            wake?.();
            return { done: true, value: undefined };
          },
        };
      },
    };
    const base = await start(async () => ({
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: endless,
    }));
    const url = new URL(`${base}/events`);
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname }, (res) => {
        res.once('data', (chunk: Buffer) => {
          expect(chunk.toString()).toBe('{"n":1}\n');
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err) => (err.message.includes('socket hang up') ? resolve() : reject(err)));
      req.end();
    });
    for (let i = 0; i < 50 && !stopped; i++) await new Promise((r) => setTimeout(r, 10));
    expect(stopped).toBe(true);
  });
});
