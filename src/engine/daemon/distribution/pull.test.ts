// Pulls through the Engine API against the world's registries: the progress streams are golden
// files (testdata/*.golden; UPDATE_GOLDEN=1 rewrites them), the store's state is checked after.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Digest } from '../../digest';
import { parseReference } from '../../reference';
import { pullImage } from './pull';
import type { PullEvent } from './pull-events';
import { callDaemon, cliView, createWorld, registryAuth, type World } from './world.fixture';

function expectGolden(name: string, text: string): void {
  const path = new URL(`./testdata/${name}.golden`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

const anonymous = { 'X-Registry-Auth': registryAuth() };

function pull(world: World, fromImage: string, tag: string, extra = '') {
  const query = `fromImage=${encodeURIComponent(fromImage)}&tag=${encodeURIComponent(tag)}${extra}`;
  return callDaemon(world, { url: `/v1.50/images/create?${query}`, headers: anonymous });
}

const traceText = (world: World) =>
  world.trace.map((t) => `${t.host} ${t.method} ${t.url} → ${t.status}`).join('\n') + '\n';

describe('docker pull', () => {
  test('fresh: alpine', async () => {
    const world = await createWorld();
    const answer = await pull(world, 'docker.io/library/alpine', 'latest');
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('application/json');
    expectGolden('pull-alpine', answer.text);
    expectGolden('pull-alpine.trace', traceText(world));

    const image = world.ctx.store.resolve('alpine:latest')!;
    expect(image.repoTags).toEqual(['docker.io/library/alpine:latest']);
    const indexDigest = /Digest: (sha256:[0-9a-f]{64})/.exec(answer.text)![1]!;
    expect(image.repoDigests).toEqual([`docker.io/library/alpine@${indexDigest}`]);
    expect(image.config.architecture).toBe('amd64');
    const layerId = String(answer.messages[1]!.id);
    expect(world.ctx.store.blobSources(image.layers[0]!.diffId)).toEqual([
      {
        digest: expect.stringMatching(new RegExp(`^sha256:${layerId}`)) as unknown,
        registry: 'docker.io',
        repository: 'library/alpine',
      },
    ]);
    const events = world.ctx.events.history().filter((e) => e.Type === 'image');
    expect(events.map((e) => [e.Action, e.Actor.ID, e.Actor.Attributes.name])).toEqual([
      ['pull', 'alpine:latest', 'alpine'],
    ]);
  });

  test('a shared base layer already exists: alpine, then nginx:alpine', async () => {
    const world = await createWorld();
    await pull(world, 'docker.io/library/alpine', 'latest');
    const answer = await pull(world, 'docker.io/library/nginx', 'alpine');
    expectGolden('pull-nginx-alpine-after-alpine', answer.text);
    const view = cliView(answer.messages).split('\n');
    expect(view[0]).toBe('alpine: Pulling from library/nginx');
    expect(view[1]).toMatch(/^[0-9a-f]{12}: Already exists$/);
    expect(view.filter((l) => l.endsWith(': Waiting'))).toHaveLength(4);
    expect(view.at(-2)).toBe('Status: Downloaded newer image for nginx:alpine');
    // The base layer is stored once, shared by both images.
    const alpine = world.ctx.store.resolve('alpine')!;
    const nginx = world.ctx.store.resolve('nginx:alpine')!;
    expect(nginx.layers[0]).toEqual(alpine.layers[0]);
    expect(world.ctx.store.toData().layers).toHaveLength(nginx.layers.length);
  });

  test('up to date: pulling alpine again fetches no blob', async () => {
    const world = await createWorld();
    await pull(world, 'docker.io/library/alpine', 'latest');
    world.trace.length = 0;
    const answer = await pull(world, 'docker.io/library/alpine', 'latest');
    expectGolden('pull-alpine-up-to-date', answer.text);
    expect(world.trace.filter((t) => t.url.includes('/blobs/'))).toEqual([]);
  });

  test('another tag of a present image: no layer lines, but the tag is new', async () => {
    const world = await createWorld();
    await pull(world, 'docker.io/library/alpine', 'latest');
    const answer = await pull(world, 'docker.io/library/alpine', '3');
    expect(cliView(answer.messages)).toMatch(
      /^3: Pulling from library\/alpine\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for alpine:3\n$/,
    );
    expect(world.ctx.store.resolve('alpine:3')!.id).toBe(world.ctx.store.resolve('alpine:latest')!.id);
  });

  test('by digest: the reference is the id, the status names the digest', async () => {
    const world = await createWorld();
    const hubIndex = world.registries['docker.io'].state.repository('library/alpine')!.tags.get('latest')!;
    const answer = await pull(world, 'docker.io/library/alpine', hubIndex);
    expect(answer.messages[0]).toEqual({
      status: 'Pulling from library/alpine',
      id: `docker.io/library/alpine@${hubIndex}`,
    });
    expect(answer.messages.at(-1)).toEqual({ status: `Status: Downloaded newer image for alpine@${hubIndex}` });
    const image = world.ctx.store.resolve(`alpine@${hubIndex}`)!;
    expect(image.repoTags).toEqual([]);
    expect(image.repoDigests).toEqual([`docker.io/library/alpine@${hubIndex}`]);
    const again = await pull(world, 'docker.io/library/alpine', hubIndex);
    expect(again.messages.at(-1)).toEqual({ status: `Status: Image is up to date for alpine@${hubIndex}` });
  });

  test('platform: an arm64 daemon, or ?platform=, picks the arm64 manifest of the index', async () => {
    const world = await createWorld({ platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } });
    await pull(world, 'docker.io/library/busybox', 'latest');
    expect(world.ctx.store.resolve('busybox')!.config.architecture).toBe('arm64');
    await pull(world, 'docker.io/library/alpine', 'latest', '&platform=linux%2Famd64');
    expect(world.ctx.store.resolve('alpine')!.config.architecture).toBe('amd64');
  });

  test('all tags when no tag is given', async () => {
    const world = await createWorld();
    const answer = await callDaemon(world, {
      url: '/v1.50/images/create?fromImage=docker.io%2Flibrary%2Fhello-world',
      headers: anonymous,
    });
    const view = cliView(answer.messages);
    expect(view).toContain('latest: Pulling from library/hello-world');
    expect(view).toContain('linux: Pulling from library/hello-world');
    expect(view.trim().split('\n').at(-1)).toBe('Status: Downloaded newer image for hello-world');
    expect(world.ctx.store.resolve('hello-world:linux')!.repoTags).toEqual([
      'docker.io/library/hello-world:latest',
      'docker.io/library/hello-world:linux',
    ]);
  });

  test('at most three layers download at once', async () => {
    const world = await createWorld();
    let inFlight = 0;
    let most = 0;
    const hub = world.registries['docker.io'].handler;
    world.override('registry-1.docker.io', async (request) => {
      const blob = request.method === 'GET' && request.url.includes('/blobs/');
      if (blob) most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      try {
        return await hub(request);
      } finally {
        if (blob) inFlight--;
      }
    });
    const answer = await pull(world, 'docker.io/library/nginx', 'alpine');
    expect(answer.messages.at(-1)).toEqual({ status: 'Status: Downloaded newer image for nginx:alpine' });
    // The config and the first three layers.
    expect(most).toBe(4);
  });
});

describe('pullImage as events (for the actors)', () => {
  test('each layer goes pulling fs layer → [waiting] → downloading → verifying → complete → extracting → pull complete', async () => {
    const world = await createWorld();
    const states = new Map<string, string[]>();
    const events: PullEvent[] = [];
    const run = pullImage(world.ctx, parseReference('nginx:alpine'), { auth: {}, userAgent: 'test' });
    for (;;) {
      const next = await run.next();
      if (next.done) {
        expect(next.value.map((i) => i.repoTags)).toEqual([['docker.io/library/nginx:alpine']]);
        break;
      }
      events.push(next.value);
      if (next.value.kind !== 'layer') continue;
      const list = states.get(next.value.id) ?? [];
      if (list.at(-1) !== next.value.state) list.push(next.value.state);
      states.set(next.value.id, list);
    }
    const sequences = [...states.values()].map((s) => s.join(' '));
    const plain = 'pulling-fs-layer downloading verifying-checksum download-complete extracting pull-complete';
    const queued = 'pulling-fs-layer waiting downloading verifying-checksum download-complete extracting pull-complete';
    expect(sequences.slice(0, 3)).toEqual([plain, plain, plain]);
    expect(sequences.slice(3)).toEqual(Array(sequences.length - 3).fill(queued));
    expect(events[0]).toEqual({ kind: 'pulling-from', id: 'alpine', repository: 'library/nginx' });
    expect(events.at(-1)).toEqual({ kind: 'status', reference: 'nginx:alpine', upToDate: false });
    const digest = events.find((e) => e.kind === 'digest');
    expect(digest).toMatchObject({ kind: 'digest', digest: expect.stringMatching(/^sha256:/) as Digest });
  });
});
