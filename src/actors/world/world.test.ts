import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../../engine/bytes';
import { sequenceDiagram } from '../trace/sequence-diagram';
import type { TraceEntry, TraceResponse } from '../trace/types';
import { createWorld, type World } from './world';
import {
  buildRequest,
  dockerRun,
  imagesRequest,
  pullRequest,
  pushRequest,
  studentAuth,
  tagRequest,
} from './world.fixture';

/** `from → to: summary` for each message of a command, digests and IDs shortened. */
function conversation(entries: readonly TraceEntry[]): string[] {
  return entries.flatMap((e) => {
    if (e.kind === 'event') return [];
    const text = `${e.from.host} ${e.from.role} → ${e.to.host} ${e.to.role}: ${e.summary}`;
    return [text.replace(/sha256:[0-9a-f]{64}/g, 'sha256:…').replace(/containers\/[0-9a-f]{64}/g, 'containers/ID')];
  });
}

const registryHosts = (entries: readonly TraceEntry[]) =>
  new Set(entries.flatMap((e) => (e.kind === 'request' && e.to.role !== 'daemon' ? [e.to.host] : [])));

// Each test builds a whole world (the hub's catalogue, six accounts' password hashes): give it time.
describe('a world', { timeout: 30_000 }, () => {
  it('runs `docker run hello-world` on a fresh laptop with the messages real Docker exchanges', async () => {
    const world = await createWorld({ seed: 'run' });
    const result = await world.run(dockerRun('hello-world'));
    expect(result.error).toBeUndefined();
    expect(conversation(world.trace.ofCommand(result.command))).toEqual([
      'laptop client → laptop daemon: POST /v1.50/containers/create',
      'laptop daemon → laptop client: 404 No such image: hello-world:latest',
      'laptop client → laptop daemon: POST /v1.50/images/create?fromImage=docker.io%2Flibrary%2Fhello-world&tag=latest',
      'laptop daemon → docker.io registry: GET /v2/',
      'docker.io registry → laptop daemon: 401 UNAUTHORIZED',
      'laptop daemon → auth.docker.io auth: GET /token?scope=repository%3Alibrary%2Fhello-world%3Apull&service=registry.docker.io',
      'auth.docker.io auth → laptop daemon: 200 OK',
      'laptop daemon → docker.io registry: HEAD /v2/library/hello-world/manifests/latest',
      'docker.io registry → laptop daemon: 200 OK',
      'laptop daemon → docker.io registry: GET /v2/library/hello-world/manifests/sha256:…',
      'docker.io registry → laptop daemon: 200 OK',
      'laptop daemon → laptop client: 200 OK (stream)',
      'laptop daemon → docker.io registry: GET /v2/library/hello-world/manifests/sha256:…',
      'docker.io registry → laptop daemon: 200 OK',
      'laptop daemon → docker.io registry: GET /v2/library/hello-world/blobs/sha256:…',
      'laptop daemon → docker.io registry: GET /v2/library/hello-world/blobs/sha256:…',
      'docker.io registry → laptop daemon: 200 OK',
      'docker.io registry → laptop daemon: 200 OK',
      'laptop client → laptop daemon: POST /v1.50/containers/create',
      'laptop daemon → laptop client: 201 Created',
      'laptop client → laptop daemon: POST /v1.50/containers/ID/attach?stderr=1&stdout=1&stream=1',
      'laptop daemon → laptop client: 101 Switching Protocols (stream)',
      'laptop client → laptop daemon: POST /v1.50/containers/ID/wait?condition=next-exit',
      'laptop client → laptop daemon: POST /v1.50/containers/ID/start',
      'laptop daemon → laptop client: 200 OK (stream)',
      'laptop daemon → laptop client: 204 No Content',
    ]);
    // The state changes are in the trace too, next to the messages that caused them.
    const events = world.trace.ofCommand(result.command).flatMap((e) => (e.kind === 'event' ? [e.type] : []));
    expect(events).toEqual([
      'image.pull',
      'container.create',
      'container.attach',
      'network.connect',
      'container.start',
      'container.die',
      'network.disconnect',
    ]);
    world.stop();
  });

  it('draws a command as a Mermaid sequence diagram that parses', async () => {
    const world = await createWorld({ seed: 'diagram' });
    const result = await world.run(dockerRun('hello-world'));
    const text = sequenceDiagram(world.trace.ofCommand(result.command));
    expect(text).toContain('participant P1 as Client (laptop)');
    expect(text).toContain('participant P2 as Daemon (laptop)');
    expect(text).toContain('participant P3 as Registry (docker.io)');
    expect(text).toContain('P2-->>P1: 404 No such image: hello-world:latest');
    expect(text).toContain('loop 2 times');
    expect(text).toContain('Note over P2: container start');
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'sequence' });
    world.stop();
  });

  it('makes no registry traffic on a second run: the image is in the local store', async () => {
    const world = await createWorld({ seed: 'cache' });
    const first = await world.run(dockerRun('hello-world'));
    const second = await world.run(dockerRun('hello-world'));
    expect([...registryHosts(world.trace.ofCommand(first.command))]).toEqual(['docker.io', 'auth.docker.io']);
    expect([...registryHosts(world.trace.ofCommand(second.command))]).toEqual([]);
    expect(conversation(world.trace.ofCommand(second.command))[1]).toBe('laptop daemon → laptop client: 201 Created');
    world.stop();
  });

  it('pushes from the laptop to the company registry, then pulls and runs it on the cloud VM', async () => {
    const world = await createWorld({ seed: 'push-pull' });
    const auth = studentAuth('registry.example.com');
    await world.run(pullRequest('docker.io/library/hello-world'));
    await world.run(tagRequest('hello-world', 'registry.example.com/student/hello', 'v1'));
    const push = await world.run(pushRequest('registry.example.com/student/hello', 'v1', auth));
    expect(fromUtf8(push.answers[0]!.body)).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+/);
    expect(world.registries.get('registry.example.com')!.state.repository('student/hello')?.tags.has('v1')).toBe(true);
    const pushEvents = world.trace.ofCommand(push.command).flatMap((e) => (e.kind === 'event' ? [e.summary] : []));
    expect(pushEvents).toContain('tag pushed student/hello:v1');

    world.openTerminal('cloud-vm', { host: 'cloud-vm' });
    const pulled = await world.run(pullRequest('registry.example.com/student/hello', 'v1', auth), {
      terminal: 'cloud-vm',
    });
    expect(fromUtf8(pulled.answers[0]!.body)).toContain(
      'Status: Downloaded newer image for registry.example.com/student/hello:v1',
    );
    const pullTrace = world.trace.ofCommand(pulled.command);
    expect([...registryHosts(pullTrace)]).toEqual(['registry.example.com']);
    expect(pullTrace.every((e) => e.kind === 'event' || e.from.host === 'cloud-vm' || e.to.host === 'cloud-vm')).toBe(
      true,
    );
    // 30 ms each way between the cloud VM and the company registry: an answer arrives 30 ms after its request.
    const registryLegs = pullTrace.filter(
      (e): e is TraceResponse => e.kind === 'response' && e.from.host === 'registry.example.com',
    );
    expect(registryLegs.length).toBeGreaterThan(3);
    const requestTimes = new Map(
      pullTrace.flatMap((e) => (e.kind === 'request' ? [[e.exchange, e.time] as const] : [])),
    );
    for (const r of registryLegs) expect(r.time - requestTimes.get(r.exchange)!).toBe(30);

    const ran = await world.run(dockerRun('registry.example.com/student/hello:v1'), { terminal: 'cloud-vm' });
    expect(ran.error).toBeUndefined();
    expect(registryHosts(world.trace.ofCommand(ran.command)).size).toBe(0);
    expect(ran.answers.map((a) => a.status)).toEqual([201, 101, 200, 204]);
    world.stop();
  });

  it('builds on the laptop, pushes, then pulls and runs on the on-prem server', async () => {
    const world = await createWorld({ seed: 'build' });
    const auth = studentAuth('registry.example.com');
    const image = 'registry.example.com/student/greet';
    const built = await world.run(
      buildRequest(`${image}:v1`, {
        Dockerfile: 'FROM alpine\nRUN echo hello from the laptop > /greeting\nCMD ["cat", "/greeting"]\n',
      }),
    );
    expect(built.exitCode).toBe(0);
    const build = world.actor.system.get(`operation:${built.command}:1`)!.getSnapshot();
    expect(build.value).toBe('complete');
    expect(
      build.context.steps.map((s: { instruction: string; state: string }) => `${s.instruction}: ${s.state}`),
    ).toEqual([
      'FROM alpine: done',
      'RUN echo hello from the laptop > /greeting: done',
      'CMD ["cat", "/greeting"]: done',
    ]);
    // FROM pulled alpine from the hub on the way.
    expect([...registryHosts(world.trace.ofCommand(built.command))]).toEqual(['docker.io', 'auth.docker.io']);

    const pushed = await world.run(pushRequest(image, 'v1', auth));
    expect(world.actor.system.get(`operation:${pushed.command}:1`)!.getSnapshot().value).toBe('complete');

    world.openTerminal('onprem', { host: 'onprem-1' });
    const ran = await world.run(dockerRun(`${image}:v1`, { repository: image, tag: 'v1', auth }), {
      terminal: 'onprem',
    });
    expect(ran.exitCode).toBe(0);
    expect(fromUtf8(ran.answers.find((a) => a.url.includes('/attach'))!.body)).toContain('hello from the laptop');
    expect([...registryHosts(world.trace.ofCommand(ran.command))]).toEqual(['registry.example.com']);
    world.stop();
  });

  it('reaches a registry outside the world as an endpoint of its own, over links without latency', async () => {
    const heard: string[] = [];
    const world = await createWorld({
      seed: 'outside',
      zeroLatency: true,
      externalRegistry: (host) =>
        host === '127.0.0.1:5000'
          ? async (request) => {
              heard.push(`${request.method} ${request.url}`);
              return { status: 200, headers: { 'Content-Type': 'application/json' }, body: utf8('{}') };
            }
          : undefined,
    });
    const login = {
      method: 'POST',
      url: '/v1.50/auth',
      headers: { 'Content-Type': 'application/json' },
      body: utf8(JSON.stringify({ username: 'student', password: 'dockyard', serveraddress: '127.0.0.1:5000' })),
    };
    const result = await world.run(login);
    expect(result.exitCode).toBe(0);
    const entries = world.trace.ofCommand(result.command);
    const talk = conversation(entries);
    expect(talk[0]).toBe('laptop client → laptop daemon: POST /v1.50/auth');
    expect(talk.at(-1)).toBe('laptop daemon → laptop client: 200 OK');
    const outside = talk.slice(1, -1);
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.length).toBe(2 * heard.length);
    expect(outside.filter((line) => line.startsWith('laptop daemon → 127.0.0.1:5000 registry: '))).toEqual(
      heard.map((request) => `laptop daemon → 127.0.0.1:5000 registry: ${request}`),
    );
    // No latency on the link: the answer arrives at the very time the request left.
    const asked = entries.find((e) => e.kind === 'request' && e.to.host === '127.0.0.1:5000');
    const answered = entries.find(
      (e) => e.kind === 'response' && asked?.kind === 'request' && e.exchange === asked.exchange,
    );
    expect(answered!.time - asked!.time).toBe(0);
    expect(world.topology.linkBetween('laptop', 'docker.io')?.latencyMs).toBe(0);
    world.stop();
  });

  it('gives the same IDs, digests, times and trace for the same seed and commands', async () => {
    const record = async (seed: string) => {
      const world: World = await createWorld({ seed });
      await world.run(dockerRun('hello-world'));
      await world.run(pullRequest('docker.io/library/alpine'));
      const images = fromUtf8((await world.run(imagesRequest)).answers[0]!.body);
      const trace = world.trace.entries().map((e) => `${e.seq} ${e.time} ${e.kind} ${'summary' in e ? e.summary : ''}`);
      world.stop();
      return { images, trace };
    };
    const a = await record('same');
    const b = await record('same');
    expect(b).toEqual(a);
    expect(a.trace.length).toBeGreaterThan(40);
    // Another seed names its containers differently.
    const c = await record('other');
    expect(c.trace).not.toEqual(a.trace);
  });
});
