// Pushes through the Engine API to the world's registries: streams as golden files
// (testdata/*.golden; UPDATE_GOLDEN=1 rewrites them), then what the registry and the store hold.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fromUtf8 } from '../../bytes';
import type { Digest } from '../../digest';
import { MediaType } from '../../image/media-types';
import { callDaemon, cliView, createWorld, registryAuth, studentAuth, type World } from './world.fixture';

function expectGolden(name: string, text: string): void {
  const path = new URL(`./testdata/${name}.golden`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

const traceText = (world: World) =>
  world.trace.map((t) => `${t.host} ${t.method} ${t.url} → ${t.status}`).join('\n') + '\n';

async function pulled(world: World, fromImage: string, tag: string): Promise<void> {
  const query = `fromImage=${encodeURIComponent(fromImage)}&tag=${tag}`;
  const answer = await callDaemon(world, {
    url: `/v1.50/images/create?${query}`,
    headers: { 'X-Registry-Auth': registryAuth() },
  });
  expect(answer.status).toBe(200);
}

async function tag(world: World, source: string, repo: string, tagName: string): Promise<void> {
  const answer = await callDaemon(world, {
    url: `/v1.50/images/${source}/tag?repo=${encodeURIComponent(repo)}&tag=${tagName}`,
  });
  expect(answer.status).toBe(201);
}

function push(world: World, name: string, tagName: string | undefined, auth: string) {
  const query = tagName === undefined ? '' : `?tag=${tagName}`;
  return callDaemon(world, { url: `/v1.50/images/${name}/push${query}`, headers: { 'X-Registry-Auth': auth } });
}

const student = studentAuth('registry.example.com');

describe('docker push', () => {
  test('fresh, again, and to a second repository of the same registry', async () => {
    const world = await createWorld();
    await pulled(world, 'docker.io/library/alpine', 'latest');
    await tag(world, 'alpine', 'registry.example.com/student/alpine', 'v1');
    world.trace.length = 0;

    const fresh = await push(world, 'registry.example.com/student/alpine', 'v1', student);
    expect(fresh.status).toBe(200);
    expectGolden('push-fresh', fresh.text);
    expectGolden('push-fresh.trace', traceText(world));
    const digest = /v1: digest: (sha256:[0-9a-f]{64}) size: (\d+)/.exec(fresh.text)!;

    // The registry holds a Docker schema-2 manifest under the tag, with the digest printed.
    const repo = world.registries['registry.example.com'].state.repository('student/alpine')!;
    expect(repo.tags.get('v1')).toBe(digest[1]);
    expect(repo.manifests.get(digest[1] as Digest)).toEqual({
      mediaType: MediaType.dockerManifest,
      size: Number(digest[2]),
    });
    const manifest = fromUtf8((await world.registries['registry.example.com'].state.blobs.get(digest[1] as Digest))!);
    expect(
      manifest.startsWith(
        '{\n   "schemaVersion": 2,\n   "mediaType": "application/vnd.docker.distribution.manifest.v2+json",\n   "config": {\n      "mediaType": "application/vnd.docker.container.image.v1+json",\n      "size": ',
      ),
    ).toBe(true);
    const image = world.ctx.store.resolve('registry.example.com/student/alpine:v1')!;
    expect(image.repoDigests).toContain(`registry.example.com/student/alpine@${digest[1]}`);
    const events = world.ctx.events.history().filter((e) => e.Action === 'push');
    expect(events.map((e) => [e.Actor.ID, e.Actor.Attributes.name])).toEqual([
      ['registry.example.com/student/alpine:v1', 'registry.example.com/student/alpine'],
    ]);

    world.trace.length = 0;
    const again = await push(world, 'registry.example.com/student/alpine', 'v1', student);
    expectGolden('push-again', again.text);
    expect(world.trace.filter((t) => ['POST', 'PATCH', 'PUT'].includes(t.method)).map((t) => t.method)).toEqual([
      'PUT',
    ]);

    await tag(world, 'alpine', 'registry.example.com/student/other', 'v1');
    const second = await push(world, 'registry.example.com/student/other', 'v1', student);
    expectGolden('push-second-repository', second.text);
    expect(cliView(second.messages)).toContain(': Mounted from student/alpine\n');
  });

  test('to the hub: the base layer is mounted from library/alpine, with a token for both repositories', async () => {
    const world = await createWorld();
    await pulled(world, 'docker.io/library/alpine', 'latest');
    await tag(world, 'alpine', 'student/alpine', 'latest');
    world.trace.length = 0;
    const answer = await push(world, 'docker.io/student/alpine', 'latest', studentAuth('https://index.docker.io/v1/'));
    expectGolden('push-hub-mount', answer.text);
    const tokenScopes = world.trace
      .filter((t) => t.host === 'auth.docker.io')
      .map((t) => new URLSearchParams(t.url.split('?')[1]).getAll('scope'));
    expect(tokenScopes).toEqual([
      ['repository:student/alpine:push,pull'],
      ['repository:student/alpine:push,pull', 'repository:library/alpine:pull'],
    ]);
    expect(
      world.trace.some((t) =>
        t.url.startsWith('/v2/student/alpine/blobs/uploads/?from=library%2Falpine&mount=sha256%3A'),
      ),
    ).toBe(true);
  });

  test('a repository without a tag pushes every tag; layers pushed once are not checked again', async () => {
    const world = await createWorld();
    await pulled(world, 'docker.io/library/alpine', 'latest');
    await tag(world, 'alpine', 'registry.example.com/student/alpine', 'v2');
    await tag(world, 'alpine', 'registry.example.com/student/alpine', 'v1');
    world.trace.length = 0;
    const answer = await push(world, 'registry.example.com/student/alpine', undefined, student);
    const view = cliView(answer.messages).split('\n');
    expect(view.filter((l) => /: digest: /.test(l)).map((l) => l.split(':')[0])).toEqual(['v1', 'v2']);
    expect(view.filter((l) => l.endsWith(': Pushed'))).toHaveLength(1);
    expect(view.filter((l) => l.endsWith(': Layer already exists'))).toHaveLength(1);
    const layerHeads = world.trace.filter((t) => t.method === 'HEAD' && t.url.includes('/blobs/'));
    // v1: layer and config each checked before the upload and after its commit; v2: the config only.
    expect(layerHeads).toHaveLength(5);
  });

  test('at most five layers upload at once', async () => {
    const world = await createWorld();
    await pulled(world, 'docker.io/library/nginx', 'alpine');
    await tag(world, 'nginx:alpine', 'registry.example.com/student/nginx', 'v1');
    // Hold every upload's PATCH until five are waiting (or none has come for a while): a sixth
    // upload could only arrive if the daemon started more than five at once.
    let inFlight = 0;
    let most = 0;
    let release: (() => void) | undefined;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const inner = world.registries['registry.example.com'].handler;
    world.override('registry.example.com', async (request) => {
      if (request.method !== 'PATCH') return inner(request);
      most = Math.max(most, ++inFlight);
      const open = release!;
      if (inFlight >= 5) open();
      const timer = setTimeout(open, 100);
      await gate;
      clearTimeout(timer);
      inFlight--;
      if (inFlight === 0) gate = new Promise<void>((resolve) => (release = resolve));
      return inner(request);
    });
    const answer = await push(world, 'registry.example.com/student/nginx', 'v1', student);
    const view = cliView(answer.messages).split('\n');
    expect(view.filter((l) => l.endsWith(': Preparing'))).toHaveLength(8);
    expect(view.filter((l) => l.endsWith(': Waiting'))).toHaveLength(3);
    expect(view.filter((l) => l.endsWith(': Pushed'))).toHaveLength(8);
    expect(most).toBe(5);
  });
});
