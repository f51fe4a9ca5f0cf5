// `docker network …`, `docker volume …` and `docker port`, against a daemon that gives canned
// answers (testdata/daemon/networks-volumes.json, shaped as moby's API 1.50 answers). The golden
// file testdata/golden/networks-volumes.golden is what the real docker CLI 28.2.2 printed and sent
// for the same command lines against the same answers: stdout, stderr, exit status, then every
// request after the ping (with its body). Ours must print and send the same, byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fromUtf8, type Bytes } from '../bytes';
import type { Handler } from '../wire/message';
import { readBody } from '../wire/message';
import { testClient } from './client.fixture';

interface Route {
  method?: string;
  path: string;
  status?: number;
  body?: unknown;
}

const fixture = JSON.parse(
  readFileSync(new URL('./testdata/daemon/networks-volumes.json', import.meta.url), 'utf8'),
) as { routes: Route[]; cases: string[][] };

const golden = readFileSync(new URL('./testdata/golden/networks-volumes.golden', import.meta.url), 'utf8');

/** The golden file cut into one transcript per command line. */
const expected = golden.split(/(?=^\$ docker )/m);

function cannedDaemon(seen: string[]): Handler {
  const headers = { 'Api-Version': '1.50', Ostype: 'linux', 'Docker-Experimental': 'false', Swarm: 'inactive' };
  return async (request) => {
    if (request.url.endsWith('/_ping')) return { status: 200, headers };
    const body = request.body === undefined ? '' : fromUtf8(await readBody(request.body)).trimEnd();
    seen.push(`${request.method} ${request.url}${body ? ` ${body}` : ''}\n`);
    const path = request.url.replace(/^\/v1\.\d+/, '');
    const route = fixture.routes.find((r) => (r.method ?? 'GET') === request.method && new RegExp(r.path).test(path));
    const status = route?.status ?? (route ? 200 : 404);
    const text = route ? (typeof route.body === 'string' ? route.body : JSON.stringify(route.body ?? null)) : '';
    return {
      status,
      headers: { ...headers, 'Content-Type': 'application/json' },
      ...(status === 204
        ? {}
        : { body: new TextEncoder().encode((route ? text : '{"message":"page not found"}') + '\n') as Bytes }),
    };
  };
}

describe('networks, volumes and ports, next to the real CLI', () => {
  test('the recording covers every case', () => {
    expect(expected).toHaveLength(fixture.cases.length);
  });

  test.each(fixture.cases.map((argv, i) => ({ name: argv.join(' '), argv, i })))(
    'docker $name',
    async ({ argv, i }) => {
      const seen: string[] = [];
      const docker = testClient({ daemon: cannedDaemon(seen), env: { HOME: '/home/student' }, config: {} });
      const result = await docker(argv);
      const transcript =
        `$ docker ${argv.join(' ')}\n${result.stdout}--- stderr\n${result.stderr}--- exit ${result.code}\n` +
        `--- requests\n${seen.join('')}`;
      expect(transcript).toBe(expected[i]);
    },
  );
});
