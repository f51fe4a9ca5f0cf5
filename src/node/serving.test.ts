// `npm run serve`'s pieces started in process, driven over real HTTP as the docker CLI would: each
// request to the engine is one command of the world, holding the client↔daemon exchange and every
// daemon↔registry exchange it caused, in order; a registry on loopback is reached over real HTTP
// and traced; and a `--registry` port serves the very registry the daemon pushes to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceEntry } from '../actors/trace/types';
import { createAccount } from '../engine/registry/auth/accounts';
import type { RegistryConfig } from '../engine/registry/config';
import { createRegistry } from '../engine/registry/registry';
import { RegistryState } from '../engine/registry/state';
import { MemoryBlobStore } from '../engine/store/memory-blob-store';
import { serveHandler, type RunningServer } from './http-adapter';
import { startServing, type Serving } from './serving';

let serving: Serving;
let engine: string;
let served: string;
const printed: string[] = [];
let diagramWaiters: { match: string; resolve: (text: string) => void }[] = [];

/** The next sequence diagram printed whose text contains `match`. */
function diagramWith(match: string): Promise<string> {
  const seen = printed.find((line) => line.startsWith('sequenceDiagram') && line.includes(match));
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => diagramWaiters.push({ match, resolve }));
}

function print(line: string): void {
  printed.push(line);
  if (!line.startsWith('sequenceDiagram')) return;
  const ready = diagramWaiters.filter((w) => line.includes(w.match));
  diagramWaiters = diagramWaiters.filter((w) => !ready.includes(w));
  for (const w of ready) w.resolve(line);
}

const auth = (serveraddress: string) =>
  Buffer.from(JSON.stringify({ username: 'student', password: 'dockyard', serveraddress })).toString('base64url');

beforeAll(async () => {
  serving = await startServing(
    {
      engine: { host: '127.0.0.1', port: 0 },
      registries: [{ name: 'registry.example.com', at: { host: '127.0.0.1', port: 0 } }],
      trace: true,
      mermaid: true,
    },
    print,
  );
  engine = serving.engine!.url.replace('tcp://', 'http://');
  served = serving.registries[0]!.server.url;
}, 60_000);

afterAll(() => serving?.close());

/** The world command whose first message is the client's `method url`. */
function commandOf(method: string, url: string): number {
  const entry = serving.world.trace
    .entries()
    .find((e) => e.kind === 'request' && e.from.role === 'client' && e.method === method && e.url === url);
  expect(entry, `${method} ${url} in the trace`).toBeDefined();
  return entry!.command!;
}

const requestsOf = (entries: TraceEntry[]) =>
  entries.flatMap((e) =>
    e.kind === 'request' ? [`${e.from.host} ${e.from.role} → ${e.to.host} ${e.to.role}: ${e.summary}`] : [],
  );

describe('npm run serve on the world', () => {
  it('prints the trace live and makes each request one command', async () => {
    const before = serving.world.trace.entries().length;
    const res = await fetch(`${engine}/_ping`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('OK');
    const ping = commandOf('GET', '/_ping');
    const entries = serving.world.trace.ofCommand(ping);
    expect(entries.map((e) => e.kind)).toEqual(['request', 'response']);
    expect(serving.world.trace.entries().length).toBeGreaterThan(before);
    expect(printed.some((line) => /laptop client → laptop daemon\s+GET \/_ping/.test(line))).toBe(true);
  });

  it('files a pull and the registry exchanges it caused under one command, in order', async () => {
    const url = '/v1.50/images/create?fromImage=docker.io%2Flibrary%2Fhello-world&tag=latest';
    const pull = await fetch(`${engine}${url}`, { method: 'POST', headers: { 'X-Registry-Auth': 'e30=' } });
    expect(pull.status).toBe(200);
    expect(await pull.text()).toContain('Status: Downloaded newer image for hello-world:latest');
    const command = commandOf('POST', url);
    const sent = requestsOf(serving.world.trace.ofCommand(command));
    expect(sent[0]).toBe(`laptop client → laptop daemon: POST ${url}`);
    const registry = sent.slice(1).map((line) => line.replace(/sha256:[0-9a-f]{64}/g, '<digest>'));
    expect(registry.slice(0, 4)).toEqual([
      'laptop daemon → docker.io registry: GET /v2/',
      'laptop daemon → auth.docker.io auth: GET /token?scope=repository%3Alibrary%2Fhello-world%3Apull&service=registry.docker.io',
      'laptop daemon → docker.io registry: HEAD /v2/library/hello-world/manifests/latest',
      'laptop daemon → docker.io registry: GET /v2/library/hello-world/manifests/<digest>',
    ]);
    expect(registry).toContain('laptop daemon → docker.io registry: GET /v2/library/hello-world/blobs/<digest>');
    // Printed once the progress stream had been sent in full, so it holds the whole pull.
    const diagram = await diagramWith('images/create');
    expect(diagram).toContain('GET /v2/library/hello-world/blobs/');

    const create = await fetch(`${engine}/v1.50/containers/create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Image: 'hello-world' }),
    });
    expect(create.status).toBe(201);
    const created = requestsOf(serving.world.trace.ofCommand(commandOf('POST', '/v1.50/containers/create')));
    expect(created).toEqual(['laptop client → laptop daemon: POST /v1.50/containers/create']);
  });

  it('ends the command of a stream whose client hangs up, though nothing more was streamed', async () => {
    const hangUp = new AbortController();
    const events = await fetch(`${engine}/v1.50/events?since=0&filters=%7B%22type%22%3A%7B%22volume%22%3Atrue%7D%7D`, {
      signal: hangUp.signal,
    });
    expect(events.status).toBe(200);
    hangUp.abort();
    const diagram = await diagramWith('/events');
    expect(diagram).toContain('P1->>P2: GET /v1.50/events');
  });

  it('reaches a registry on loopback over real HTTP, traced under the push', async () => {
    const config: RegistryConfig = {
      name: 'loopback',
      service: 'loopback',
      realm: '',
      tokenSecret: 'loopback-secret',
      tokenSeconds: 300,
      visibility: 'private',
      pushRule: 'members',
      protectedNamespaces: [],
      deleteEnabled: true,
      accounts: [await createAccount('student', 'dockyard')],
      uploadTimeoutMs: 60_000,
    };
    const state = new RegistryState(new MemoryBlobStore());
    const heard: string[] = [];
    const loopback: RunningServer = await serveHandler(
      (base) => {
        const registry = createRegistry({ config: { ...config, realm: `${base}/token` }, state });
        return (request) => {
          heard.push(`${request.method} ${request.url.split('?')[0]}`);
          return registry(request);
        };
      },
      { host: '127.0.0.1', port: 0 },
    );
    try {
      const host = loopback.url.replace('http://', '');
      const tag = await fetch(
        `${engine}/v1.50/images/hello-world/tag?repo=${encodeURIComponent(`${host}/demo/hello`)}&tag=v1`,
        { method: 'POST' },
      );
      expect(tag.status).toBe(201);
      const url = `/v1.50/images/${host}/demo/hello/push?tag=v1`;
      const push = await fetch(`${engine}${url}`, { method: 'POST', headers: { 'X-Registry-Auth': auth(host) } });
      expect(push.status).toBe(200);
      expect(await push.text()).toMatch(/v1: digest: sha256:[0-9a-f]{64}/);
      expect(state.repository('demo/hello')?.tags.has('v1')).toBe(true);

      const sent = requestsOf(serving.world.trace.ofCommand(commandOf('POST', url)));
      const toLoopback = sent.filter((line) => line.startsWith(`laptop daemon → ${host} registry: `));
      expect(toLoopback.length).toBe(heard.length);
      expect(toLoopback[0]).toBe(`laptop daemon → ${host} registry: GET /v2/`);
      expect(heard).toContain('PUT /v2/demo/hello/manifests/v1');
    } finally {
      await loopback.close();
    }
  });

  it('serves on --registry the registry the daemon pushes to, its realm at that port', async () => {
    await fetch(`${engine}/v1.50/images/hello-world/tag?repo=registry.example.com%2Fteam%2Fhello&tag=v2`, {
      method: 'POST',
    });
    const push = await fetch(`${engine}/v1.50/images/registry.example.com/team/hello/push?tag=v2`, {
      method: 'POST',
      headers: { 'X-Registry-Auth': auth('registry.example.com') },
    });
    expect(await push.text()).toMatch(/v2: digest: sha256:/);

    const challenge = await fetch(`${served}/v2/`);
    expect(challenge.status).toBe(401);
    expect(challenge.headers.get('www-authenticate')).toBe(
      `Bearer realm="${served}/token",service="registry.example.com"`,
    );
    const token = await fetch(`${served}/token?scope=repository%3Ateam%2Fhello%3Apull&service=registry.example.com`, {
      headers: { Authorization: `Basic ${Buffer.from('student:dockyard').toString('base64')}` },
    });
    const { token: bearer } = (await token.json()) as { token: string };
    const tags = await fetch(`${served}/v2/team/hello/tags/list`, { headers: { Authorization: `Bearer ${bearer}` } });
    expect(await tags.json()).toEqual({ name: 'team/hello', tags: ['v2'] });
  });
});
