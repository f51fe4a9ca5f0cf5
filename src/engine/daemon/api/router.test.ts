// The Engine API router: version prefixes, Docker's version errors, the headers on every answer,
// `page not found`, and the ping the CLI starts every command with.
import { describe, expect, it } from 'vitest';
import { call, routerFor, testContext } from '../daemon.fixture';
import type { Route } from './route';
import { apiVersionOf, routePath } from './router';
import { systemRoutes } from './system-routes';

const echo: Route = {
  method: 'GET',
  pattern: /^\/images\/(.+)\/json$/,
  handle: async (_ctx, req, match) => ({
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: new TextEncoder().encode(JSON.stringify({ name: match[1], version: apiVersionOf(req) })),
  }),
};
const failing: Route = {
  method: 'GET',
  pattern: /^\/boom$/,
  handle: async () => {
    throw new Error('something broke');
  },
};

async function router() {
  return routerFor([...systemRoutes, echo, failing], await testContext());
}

describe('versioning', () => {
  it.each([
    ['/v1.50/images/alpine/json', 200, { name: 'alpine', version: '1.50' }],
    ['/v1.24/images/alpine/json', 200, { name: 'alpine', version: '1.24' }],
    ['/v1.41/images/alpine/json', 200, { name: 'alpine', version: '1.41' }],
    ['/images/alpine/json', 200, { name: 'alpine', version: '1.50' }],
    [
      '/v1.50/images/127.0.0.1:5000/demo/alpine:v1/json',
      200,
      { name: '127.0.0.1:5000/demo/alpine:v1', version: '1.50' },
    ],
    [
      '/v1.50/images/registry.example.com%2Fteam%2Fapp/json',
      200,
      { name: 'registry.example.com/team/app', version: '1.50' },
    ],
    [
      '/v1.23/images/alpine/json',
      400,
      {
        message:
          'client version 1.23 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version',
      },
    ],
    [
      '/v1.51/images/alpine/json',
      400,
      { message: 'client version 1.51 is too new. Maximum supported API version is 1.50' },
    ],
    [
      '/v2.0/images/alpine/json',
      400,
      { message: 'client version 2.0 is too new. Maximum supported API version is 1.50' },
    ],
  ])('GET %s → %i', async (url, status, json) => {
    const answer = await call(await router(), 'GET', url);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual(json);
    expect(answer.headers['Content-Type']).toBe('application/json');
  });

  it('strips the prefix and decodes the path for matching', () => {
    const req = (url: string) => ({ method: 'GET', url, headers: {} });
    expect(routePath(req('/v1.50/images/a%3Ab/json?x=1'))).toBe('/images/a:b/json');
    expect(routePath(req('/_ping'))).toBe('/_ping');
    expect(apiVersionOf(req('/v1.30/_ping'))).toBe('1.30');
  });
});

describe('every answer', () => {
  it('carries the engine headers, errors included', async () => {
    const handler = await router();
    for (const url of ['/_ping', '/v1.50/version', '/v1.50/nosuch', '/v1.12/version']) {
      const { headers } = await call(handler, 'GET', url);
      expect(headers).toMatchObject({
        'Api-Version': '1.50',
        'Docker-Experimental': 'false',
        Ostype: 'linux',
        Server: 'Docker/28.2.2 (linux)',
      });
    }
  });

  it.each([
    ['GET', '/v1.50/nosuch'],
    ['GET', '/v1.50/images'],
    ['POST', '/v1.50/version'],
    ['DELETE', '/_ping'],
    ['GET', '/v1.50/images/alpine/json/extra'],
  ])('%s %s → 404 page not found', async (method, url) => {
    const answer = await call(await router(), method, url);
    expect(answer.status).toBe(404);
    expect(answer.text).toBe('{"message":"page not found"}\n');
  });

  it('turns an unexpected failure into a 500 with its message', async () => {
    const answer = await call(await router(), 'GET', '/boom');
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ message: 'something broke' });
  });
});

describe('/_ping', () => {
  it('HEAD answers the negotiation headers with no body', async () => {
    const answer = await call(await router(), 'HEAD', '/_ping');
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    expect(answer.headers).toMatchObject({
      'Api-Version': '1.50',
      'Builder-Version': '1',
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      'Content-Length': '0',
      'Content-Type': 'text/plain; charset=utf-8',
      'Docker-Experimental': 'false',
      Ostype: 'linux',
      Pragma: 'no-cache',
      Swarm: 'inactive',
    });
  });

  it('GET answers OK, with or without a version prefix', async () => {
    for (const url of ['/_ping', '/v1.50/_ping']) {
      const answer = await call(await router(), 'GET', url);
      expect(answer.status).toBe(200);
      expect(answer.text).toBe('OK');
      expect(answer.headers['Swarm']).toBe('inactive');
    }
  });
});
