import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { REQUEST_LABEL_MAX, requestLabel, sequenceDiagram, shortenIds } from './sequence-diagram';
import { Trace } from './trace';
import type { Endpoint } from './types';

const client: Endpoint = { host: 'laptop', role: 'client' };
const daemon: Endpoint = { host: 'laptop', role: 'daemon' };
const hub: Endpoint = { host: 'docker.io', role: 'registry' };
const auth: Endpoint = { host: 'auth.docker.io', role: 'auth' };
const layer = (n: number) => `sha256:${String(n).repeat(64)}`;

/** `docker run hello-world` on a fresh laptop, as the network would record it (abridged). */
function firstRun(): Trace {
  const t = new Trace();
  let x = 0;
  const exchange = (from: Endpoint, to: Endpoint, method: string, url: string, status: number, reply: string) => {
    const id = ++x;
    t.append({
      kind: 'request',
      exchange: id,
      from,
      to,
      method,
      url,
      summary: `${method} ${url}`,
      time: id * 10,
      command: 1,
    });
    t.append({
      kind: 'response',
      exchange: id,
      from: to,
      to: from,
      status,
      summary: `${status} ${reply}`.trim(),
      streamed: false,
      time: id * 10 + 5,
      command: 1,
    });
  };
  exchange(client, daemon, 'POST', '/v1.50/containers/create', 404, 'No such image: hello-world:latest');
  exchange(
    client,
    daemon,
    'POST',
    '/v1.50/images/create?fromImage=docker.io%2Flibrary%2Fhello-world&tag=latest',
    200,
    '(stream)',
  );
  exchange(daemon, hub, 'GET', '/v2/', 401, 'Unauthorized');
  exchange(
    daemon,
    auth,
    'GET',
    '/token?scope=repository%3Alibrary%2Fhello-world%3Apull&service=registry.docker.io',
    200,
    'OK',
  );
  exchange(daemon, hub, 'GET', '/v2/library/hello-world/manifests/latest', 200, 'OK');
  for (const n of [1, 2, 3]) exchange(daemon, hub, 'GET', `/v2/library/hello-world/blobs/${layer(n)}`, 200, 'OK');
  t.append({
    kind: 'event',
    at: daemon,
    type: 'image.pulled',
    summary: 'image pulled: hello-world:latest; 1 layer',
    time: 200,
    command: 1,
  });
  exchange(client, daemon, 'POST', '/v1.50/containers/create', 201, 'Created');
  t.append({
    kind: 'failure',
    exchange: ++x,
    from: daemon,
    to: hub,
    summary: 'connection refused',
    time: 300,
    command: 1,
  });
  return t;
}

describe('request labels', () => {
  it.each([
    ['GET /v2/', 'GET /v2/'],
    [
      'POST /v1.50/images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=alpine',
      'POST /v1.50/images/create?fromImage=docker.io/library/nginx&tag=alpine',
    ],
    ['GET /v1.50/containers/json?filters=%7B%22a%22%3A1', 'GET /v1.50/containers/json?filters={"a":1'],
    ['GET /x?bad=%E0%A4%A', 'GET /x?bad=%E0%A4%A'],
    [`GET /token?scope=${'a'.repeat(100)}`, `GET /token?scope=${'a'.repeat(REQUEST_LABEL_MAX - 17 - 1)}…`],
  ])('%s → %s', (summary, expected) => {
    expect(requestLabel(summary)).toBe(expected);
  });
});

describe('sequence diagrams from the trace', () => {
  it('draws participants in order of appearance, arrows, a loop for the layers, and notes', async () => {
    const text = sequenceDiagram(firstRun().ofCommand(1));
    expect(text).toBe(
      [
        'sequenceDiagram',
        '  participant P1 as Client (laptop)',
        '  participant P2 as Daemon (laptop)',
        '  participant P3 as Registry (docker.io)',
        '  participant P4 as Token service (auth.docker.io)',
        '  P1->>P2: POST /v1.50/containers/create',
        '  P2-->>P1: 404 No such image: hello-world:latest',
        '  P1->>P2: POST /v1.50/images/create?fromImage=docker.io/library/hello-world&tag=latest',
        '  P2-->>P1: 200 (stream)',
        '  P2->>P3: GET /v2/',
        '  P3-->>P2: 401 Unauthorized',
        '  P2->>P4: GET /token?scope=repository:library/hello-world:pull&service=registry.docker.io',
        '  P4-->>P2: 200 OK',
        '  P2->>P3: GET /v2/library/hello-world/manifests/latest',
        '  P3-->>P2: 200 OK',
        '  loop 3 times',
        '    P2->>P3: GET /v2/library/hello-world/blobs/sha256:111111111111…',
        '    P3-->>P2: 200 OK',
        '  end',
        '  Note over P2: image pulled: hello-world:latest#59; 1 layer',
        '  P1->>P2: POST /v1.50/containers/create',
        '  P2-->>P1: 201 Created',
        '',
      ].join('\n'),
    );
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'sequence' });
  });

  it('draws an undeliverable message as a cross, and stays valid Mermaid', async () => {
    const t = new Trace();
    t.append({
      kind: 'request',
      exchange: 1,
      from: daemon,
      to: hub,
      method: 'GET',
      url: '/v2/',
      summary: 'GET /v2/',
      time: 0,
    });
    t.append({ kind: 'failure', exchange: 1, from: daemon, to: hub, summary: 'connection refused', time: 1 });
    const text = sequenceDiagram(t.entries());
    expect(text).toContain('P1-xP2: GET /v2/ (connection refused)');
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
  });

  it('escapes what Mermaid would read as syntax', async () => {
    const t = new Trace();
    t.append({ kind: 'event', at: daemon, type: 'x', summary: 'a; b # c <d> e\nf', time: 0 });
    const text = sequenceDiagram(t.entries());
    expect(text).toContain('Note over P1: a#59; b #35; c #lt;d#gt; e f');
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
  });

  it('shortens digests to Docker’s 12 characters', () => {
    expect(shortenIds(`GET /blobs/${layer(7)}`)).toBe('GET /blobs/sha256:777777777777…');
  });
});

describe('the trace store', () => {
  it('numbers entries, tells subscribers, and slices by command and by position', () => {
    const t = new Trace();
    const seen: number[] = [];
    const stop = t.subscribe((e) => seen.push(e.seq));
    t.append({ kind: 'event', at: daemon, type: 'a', summary: 'a', time: 0, command: 1 });
    const mark = t.lastSeq;
    t.append({ kind: 'event', at: daemon, type: 'b', summary: 'b', time: 1, command: 2 });
    stop();
    t.append({ kind: 'event', at: daemon, type: 'c', summary: 'c', time: 2, command: 2 });
    expect(seen).toEqual([1, 2]);
    expect(t.ofCommand(2).map((e) => e.seq)).toEqual([2, 3]);
    expect(t.since(mark).map((e) => e.seq)).toEqual([2, 3]);
  });

  it('keeps full messages for recent commands only, and at most maxEntries entries', () => {
    const t = new Trace({ detailedCommands: 2, maxEntries: 5 });
    for (let c = 1; c <= 4; c++) {
      t.append({
        kind: 'request',
        exchange: c,
        from: client,
        to: daemon,
        method: 'GET',
        url: '/_ping',
        summary: 'GET /_ping',
        time: c,
        command: c,
        message: { method: 'GET', url: '/_ping', headers: {} },
      });
    }
    const kept = t.entries() as readonly { command?: number; message?: unknown }[];
    expect(kept.map((e) => [e.command, e.message !== undefined])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, true],
    ]);
    for (let c = 5; c <= 10; c++) t.append({ kind: 'event', at: daemon, type: 'x', summary: 'x', time: c, command: c });
    expect(t.entries()).toHaveLength(5);
    expect(t.entries()[0]!.seq).toBe(6);
  });
});
