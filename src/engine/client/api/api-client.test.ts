// The prologue of every command (HEAD /_ping, GET on failure), API version negotiation from the
// daemon's `Api-Version`, Go's query encoding, and errors in the client library's words.
import { describe, expect, test } from 'vitest';
import type { Bytes } from '../../bytes';
import type { WireRequest, WireResponse } from '../../wire/message';
import { ApiClient, encodeQuery } from './api-client';
import { ApiError } from './api-error';
import { DaemonUnreachableError } from './docker-api';

function daemon(answer: (r: WireRequest) => WireResponse) {
  const seen: string[] = [];
  return {
    seen,
    channel: {
      async request(r: WireRequest) {
        seen.push(`${r.method} ${r.url}`);
        return answer(r);
      },
    },
  };
}

const json = (status: number, text: string): WireResponse => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: new TextEncoder().encode(text) as Bytes,
});

describe('negotiation', () => {
  test.each([
    ['1.99', '1.50'],
    ['1.50', '1.50'],
    ['1.41', '1.41'],
    ['1.9', '1.9'],
    [undefined, '1.24'],
  ])('daemon says %s → /v%s/', async (server, used) => {
    const d = daemon((r) =>
      r.url === '/_ping'
        ? { status: 200, headers: server ? { 'Api-Version': server } : ({} as Record<string, string>) }
        : json(200, '{}'),
    );
    await new ApiClient(d.channel, { host: 'tcp://h:2375' }).json('GET', '/version');
    expect(d.seen).toEqual(['HEAD /_ping', `GET /v${used}/version`]);
  });

  test('a HEAD that is not 200 is retried as GET; DOCKER_API_VERSION skips negotiation', async () => {
    const d = daemon((r) =>
      r.url === '/_ping'
        ? { status: r.method === 'HEAD' ? 405 : 200, headers: { 'Api-Version': '1.50' } }
        : json(200, '{}'),
    );
    await new ApiClient(d.channel, { host: 'tcp://h:2375', version: '1.41' }).json('GET', '/info');
    expect(d.seen).toEqual(['HEAD /_ping', 'GET /_ping', 'GET /v1.41/info']);
  });
});

describe('requests and errors', () => {
  test("query strings as Go's url.Values encodes them: sorted, escaped", () => {
    expect(encodeQuery({ tag: 'latest', fromImage: 'docker.io/library/alpine', x: undefined, a: ['1', '2'] })).toBe(
      'a=1&a=2&fromImage=docker.io%2Flibrary%2Falpine&tag=latest',
    );
    expect(encodeQuery({ filters: '{"a":{"b c":true}}' })).toBe('filters=%7B%22a%22%3A%7B%22b+c%22%3Atrue%7D%7D');
  });

  test('an error status becomes "Error response from daemon: <message>"', async () => {
    const d = daemon((r) =>
      r.url === '/_ping' ? { status: 200, headers: {} } : json(404, '{"message":"No such image: x:latest"}'),
    );
    const client = new ApiClient(d.channel, { host: 'tcp://h:2375' });
    const err = await client.json('GET', '/images/x/json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('Error response from daemon: No such image: x:latest');
    expect((err as ApiError).isNotFound).toBe(true);
  });

  test('an empty error body names the route', async () => {
    const d = daemon((r): WireResponse =>
      r.url === '/_ping' ? { status: 200, headers: { 'Api-Version': '1.50' } } : { status: 500, headers: {} },
    );
    const err = await new ApiClient(d.channel, { host: 'tcp://h:2375' }).json('GET', '/x').catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'request returned Internal Server Error for API route and version http://h:2375/v1.50/x, check if the server supports the requested API version',
    );
  });

  test('nobody listening: "Cannot connect to the Docker daemon at …"', async () => {
    const client = new ApiClient(
      {
        request: async () => {
          throw new DaemonUnreachableError('ECONNREFUSED');
        },
      },
      { host: 'unix:///var/run/docker.sock' },
    );
    await expect(client.json('GET', '/info')).rejects.toThrow(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    );
  });
});
