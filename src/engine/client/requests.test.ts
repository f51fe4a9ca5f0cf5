// What the client sends, checked against what the real docker CLI 28.2.2 sends: the ping first,
// the `/v1.50` prefix, `User-Agent: Docker-Client/28.2.2 (linux)`, the order of the calls each
// command makes (`run` = create → 404 → pull → create → attach → wait → start), and the exact
// body of `POST /containers/create` (testdata/requests/*.json, captured from the real CLI).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { fromUtf8, type Bytes } from '../bytes';
import { createWorld, type World } from '../daemon/distribution/world.fixture';
import type { Handler, WireRequest } from '../wire/message';
import { getHeader, readBody } from '../wire/message';
import { testClient } from './client.fixture';

interface Seen {
  line: string;
  headers: Record<string, string>;
  body: string;
}

function recording(inner: Handler, seen: Seen[]): Handler {
  return async (request: WireRequest) => {
    const body = request.body === undefined ? '' : fromUtf8(await readBody(request.body));
    seen.push({ line: `${request.method} ${request.url}`, headers: request.headers, body });
    return inner({ ...request, ...(body !== '' ? { body: new TextEncoder().encode(body) as Bytes } : {}) });
  };
}

/** A captured body, compact as the CLI sends it (the file itself may be pretty-printed). */
const fixture = (name: string) =>
  JSON.stringify(JSON.parse(readFileSync(new URL(`./testdata/requests/${name}`, import.meta.url), 'utf8')));

describe('the wire, as the real CLI writes it', () => {
  let world: World;
  let seen: Seen[];
  let docker: ReturnType<typeof testClient>;
  beforeAll(async () => {
    world = await createWorld();
    seen = [];
    docker = testClient({
      daemon: recording(world.daemon, seen),
      now: () => world.clock.now,
      env: { HOME: '/root', PWD: '/home/student' },
      config: {},
    });
  });
  const lines = () => seen.map((s) => s.line.replace(/[0-9a-f]{64}/g, '<id>'));

  test('docker run --rm alpine echo hi: create, 404, pull, create, attach, wait, start', async () => {
    seen.length = 0;
    const result = await docker(['run', '--rm', 'alpine', 'echo', 'hi']);
    expect(result.stdout).toBe('hi\n');
    expect(lines()).toEqual([
      'HEAD /_ping',
      'POST /v1.50/containers/create',
      'POST /v1.50/images/create?fromImage=docker.io%2Flibrary%2Falpine&tag=latest',
      'POST /v1.50/containers/create',
      'POST /v1.50/containers/<id>/attach?stderr=1&stdout=1&stream=1',
      'POST /v1.50/containers/<id>/wait?condition=removed',
      'POST /v1.50/containers/<id>/start',
    ]);
    expect(seen.every((s) => getHeader(s, 'User-Agent') === 'Docker-Client/28.2.2 (linux)')).toBe(true);
    expect(getHeader(seen[2]!, 'X-Registry-Auth')).toBe('e30=');
    expect(getHeader(seen[4]!, 'Upgrade')).toBe('tcp');
    expect(getHeader(seen[4]!, 'Connection')).toBe('Upgrade');
  });

  test('the create body of `docker create --name c1 alpine echo hello`, byte for byte', async () => {
    seen.length = 0;
    await docker(['create', '--name', 'c1', 'alpine', 'echo', 'hello']);
    const create = seen.find((s) => s.line.startsWith('POST /v1.50/containers/create'))!;
    expect(create.line).toBe('POST /v1.50/containers/create?name=c1');
    expect(getHeader(create, 'Content-Type')).toBe('application/json');
    expect(create.body).toBe(fixture('create-simple.json') + '\n');
  });

  test('the create body of `docker run -d` with many flags, byte for byte', async () => {
    seen.length = 0;
    await docker([
      'run',
      '-d',
      '-p',
      '8080:80',
      '-p',
      '127.0.0.1:9000:9000/udp',
      '-e',
      'A=1',
      '-e',
      'HOME',
      '-v',
      '/data',
      '-v',
      '/h:/c:ro',
      '-v',
      'named:/n',
      '-w',
      '/w',
      '-u',
      '1000',
      '--entrypoint',
      'sh',
      '--hostname',
      'hh',
      '--restart',
      'on-failure:3',
      '--network',
      'mynet',
      '-l',
      'a=b',
      '--expose',
      '7000',
      '-it',
      'alpine',
      '-c',
      'echo hi',
    ]);
    expect(seen.find((s) => s.line.startsWith('POST /v1.50/containers/create'))!.body).toBe(
      fixture('run-detached-many-flags.json') + '\n',
    );
  });

  test('docker logs: inspect first, then the logs of the full ID', async () => {
    await docker(['run', '--name', 'lg', 'alpine', 'echo', 'x']);
    seen.length = 0;
    const result = await docker(['logs', 'lg']);
    expect(result.stdout).toBe('x\n');
    expect(lines()).toEqual([
      'HEAD /_ping',
      'GET /v1.50/containers/lg/json',
      'GET /v1.50/containers/<id>/logs?stderr=1&stdout=1&tail=all',
    ]);
  });

  test('docker inspect: container, image, network, volume, the swarm check, plugin', async () => {
    seen.length = 0;
    const result = await docker(['inspect', 'nosuch']);
    expect(result).toMatchObject({ stdout: '[]\n', code: 1 });
    expect(lines()).toEqual([
      'HEAD /_ping',
      'GET /v1.50/containers/nosuch/json',
      'GET /v1.50/images/nosuch/json',
      'GET /v1.50/networks/nosuch',
      'GET /v1.50/volumes/nosuch',
      'GET /v1.50/info',
      'GET /v1.50/plugins/nosuch/json',
    ]);
  });

  test('tag sends the full target name; push the full name in the path; credentials after login', async () => {
    seen.length = 0;
    await docker(['tag', 'alpine', 'registry.example.com/student/alpine:v1']);
    expect(lines()[1]).toBe('POST /v1.50/images/alpine/tag?repo=registry.example.com%2Fstudent%2Falpine&tag=v1');
    seen.length = 0;
    await docker(['login', 'registry.example.com', '-u', 'student', '--password-stdin'], { stdin: 'dockyard\n' });
    expect(seen[1]!.line).toBe('POST /v1.50/auth');
    expect(seen[1]!.body).toBe('{"username":"student","password":"dockyard","serveraddress":"registry.example.com"}\n');
    seen.length = 0;
    await docker(['push', 'registry.example.com/student/alpine:v1']);
    expect(seen[1]!.line).toBe('POST /v1.50/images/registry.example.com/student/alpine/push?tag=v1');
    const auth = JSON.parse(atob(getHeader(seen[1]!, 'X-Registry-Auth')!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(auth).toEqual({ username: 'student', password: 'dockyard', serveraddress: 'registry.example.com' });
  });

  test('run -d: the wait is opened before start, and dropped', async () => {
    seen.length = 0;
    const result = await docker(['run', '-d', 'alpine', 'sleep', '5']);
    expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(lines().slice(1)).toEqual([
      'POST /v1.50/containers/create',
      'POST /v1.50/containers/<id>/wait?condition=next-exit',
      'POST /v1.50/containers/<id>/start',
    ]);
  });
});
