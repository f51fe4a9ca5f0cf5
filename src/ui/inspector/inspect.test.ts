import { describe, expect, it } from 'vitest';
import { createWorld } from '../../actors/world/world';
import { dockerRun } from '../../actors/world/world.fixture';
import { utf8 } from '../../engine/bytes';
import { formatBytes } from './format';
import { bodyView, inspect } from './inspect';

describe('formatBytes', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [13_256, '13.3kB'],
    [187_000_000, '187MB'],
  ])('%d bytes → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});

describe('bodyView', () => {
  it('pretty-prints JSON, keeps text, and shows binary as its size and first bytes in hex', async () => {
    expect(await bodyView(utf8('{"Image":"hello-world"}'), 'application/json')).toEqual({
      kind: 'json',
      text: '{\n  "Image": "hello-world"\n}',
      size: 23,
    });
    expect(await bodyView(utf8('Hello'))).toEqual({ kind: 'text', text: 'Hello', size: 5 });
    expect(await bodyView(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]))).toEqual({
      kind: 'binary',
      size: 4,
      hexHead: '1f 8b 08 00',
    });
    expect(await bodyView(undefined)).toEqual({ kind: 'none' });
    const stream = (async function* () {
      yield utf8('x');
    })();
    expect((await bodyView(stream)).kind).toBe('stream');
  });
});

describe('inspect', { timeout: 60_000 }, () => {
  it('opens the image, its layer, the container and the messages of `docker run hello-world` without adding to the trace', async () => {
    const world = await createWorld({ seed: 'inspect-run' });
    const result = await world.run(dockerRun('hello-world'));
    const before = world.trace.lastSeq;
    const image = world.daemons.get('laptop')!.store.list()[0]!;
    const container = world.daemons.get('laptop')!.ctx.containers!.store.list()[0]!;

    const img = await inspect(world, { kind: 'image', host: 'laptop', id: image.id });
    if (img.kind !== 'image') throw new Error(img.kind);
    expect(JSON.parse(img.config).rootfs.diff_ids).toEqual(image.layers.map((l) => l.diffId));
    expect(JSON.parse(img.history)[0].Id).toBe(image.id);
    expect(img.manifestSource).toMatch(/^docker\.io\/library\/hello-world@sha256:/);
    expect(JSON.parse(img.manifest!).manifests.length).toBeGreaterThan(1);
    expect(JSON.parse(img.platformManifest!).layers).toHaveLength(1);

    const layer = await inspect(world, { kind: 'layer', host: 'laptop', diffId: image.layers[0]!.diffId });
    expect(layer).toMatchObject({ kind: 'layer', images: [{ id: image.id, name: 'hello-world:latest', position: 0 }] });

    const c = await inspect(world, { kind: 'container', host: 'laptop', id: container.id });
    if (c.kind !== 'container') throw new Error(c.kind);
    expect(c.container.state).toBe('exited');
    expect(c.logs.map((l) => l.text).join('')).toContain('Hello from Docker!');
    expect(c.logs.every((l) => l.stream === 'stdout')).toBe(true);
    expect(JSON.parse(c.inspect).State.Status).toBe('exited');

    const create = world.trace
      .ofCommand(result.command)
      .find((e) => e.kind === 'request' && e.url === '/v1.50/containers/create')!;
    const message = await inspect(world, { kind: 'message', seq: create.seq });
    if (message.kind !== 'message') throw new Error(message.kind);
    expect(message.route).toBe('laptop client → laptop daemon');
    expect(message.request?.line).toBe('POST /v1.50/containers/create');
    expect(message.request?.body).toMatchObject({ kind: 'json' });
    expect(message.response?.line).toBe('404 No such image: hello-world:latest');
    expect(message.response?.headers.map(([k]) => k)).toContain('Content-Type');

    const registry = await inspect(world, {
      kind: 'registry',
      name: 'docker.io',
      repository: 'library/hello-world',
      tag: 'latest',
    });
    if (registry.kind !== 'registry') throw new Error(registry.kind);
    expect(JSON.parse(registry.manifest!).manifests.length).toBeGreaterThan(1);
    expect(registry.blobs!.length).toBeGreaterThan(2);

    expect(await inspect(world, { kind: 'container', host: 'laptop', id: 'nope' })).toEqual({
      kind: 'missing',
      text: 'No such container: nope',
    });
    expect(world.trace.lastSeq).toBe(before);
    world.stop();
  });
});
