import { describe, expect, it } from 'vitest';
import { createWorld } from '../../actors/world/world';
import { dockerRun } from '../../actors/world/world.fixture';
import { openStreamRecord, keepChunk } from '../../actors/trace/stream-record';
import { utf8 } from '../../engine/bytes';
import { frame, MULTIPLEXED_STREAM, RAW_STREAM } from '../../engine/daemon/containers/stdcopy';
import { formatBytes } from './format';
import { bodyView, inspect } from './inspect';
import { streamView } from './stream-view';

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

/** A stream record of `chunks`, the n-th passing at 1000 + 10·n ms. */
function recordOf(chunks: Uint8Array[], state: 'streaming' | 'ended' = 'ended', streamBytes = 65536) {
  const record = openStreamRecord();
  chunks.forEach((c, n) => keepChunk(record, c, 1000 + 10 * n, { streamBytes, streamChunks: 1000 }));
  record.state = state;
  return record;
}

describe('streamView', () => {
  const json = (value: object) => utf8(JSON.stringify(value) + '\r\n');

  it('lists pull progress as the CLI reads it, a message split across chunks too', () => {
    const split = json({ status: 'Pull complete', progressDetail: {}, id: '8a49fdb3b6a5' });
    const record = recordOf([
      json({ status: 'Pulling from library/alpine', id: 'latest' }),
      utf8(
        JSON.stringify({
          status: 'Downloading',
          progressDetail: { current: 1690, total: 3380 },
          progress: '[=>   ]  1.69kB/3.38kB',
          id: '8a49fdb3b6a5',
        }) + '\r\n',
      ),
      split.subarray(0, 10),
      split.subarray(10),
      json({ errorDetail: { message: 'boom' }, error: 'boom' }),
    ]);
    const view = streamView(record, 'application/json', 1000);
    expect(view).toMatchObject({ kind: 'chunks', format: 'progress', chunks: 5, state: 'ended by the sender' });
    expect(view.lines).toEqual([
      { at: 0, text: 'latest: Pulling from library/alpine' },
      { at: 10, text: '8a49fdb3b6a5: Downloading [=>   ]  1.69kB/3.38kB' },
      { at: 30, text: '8a49fdb3b6a5: Pull complete' },
      { at: 40, text: 'error: boom' },
    ]);
    expect(view.omitted).toBeUndefined();
  });

  it('shows a JSON message that is not progress (an event) as its JSON', () => {
    const event = { status: 'start', id: 'abc', from: 'alpine', Type: 'container', Action: 'start' };
    const view = streamView(recordOf([json(event)], 'streaming'), 'application/json', 1000);
    expect(view.lines.map((l) => l.text)).toEqual([JSON.stringify(event)]);
    expect(view.state).toBe('still streaming');
  });

  it('lists multiplexed frames with their stream and length, a frame split across chunks too', () => {
    const err = frame('stderr', utf8('oops\n'));
    const view = streamView(
      recordOf([
        frame('stdout', utf8('Hello\tworld\n')),
        err.subarray(0, 3),
        err.subarray(3),
        frame('stdout', utf8('!')),
      ]),
      `${MULTIPLEXED_STREAM}`,
      1000,
    );
    expect(view.format).toBe('frames');
    expect(view.lines).toEqual([
      { at: 0, stream: 'stdout', text: 'stdout 12 bytes: Hello\\tworld\\n' },
      { at: 20, stream: 'stderr', text: 'stderr 5 bytes: oops\\n' },
      { at: 30, stream: 'stdout', text: 'stdout 1 byte: !' },
    ]);
  });

  it('says how much was left out when a stream passed the limit, and notes a frame cut there', () => {
    const view = streamView(
      recordOf([frame('stdout', utf8('a'.repeat(10))), frame('stdout', utf8('b'.repeat(10)))], 'streaming', 24),
      MULTIPLEXED_STREAM,
      1000,
    );
    expect(view.lines.map((l) => l.text)).toEqual([
      'stdout 10 bytes: aaaaaaaaaa',
      '(6 bytes of a frame whose end was not kept or not sent yet)',
    ]);
    expect(view.size).toBe(24);
    expect(view.omitted).toBe('12B more not kept: the trace keeps only the first part of a stream');
  });

  it('shows a TTY raw stream as its text, control characters made visible', () => {
    const view = streamView(recordOf([utf8('/ # ls\r\n'), utf8('\u001b[1;34mbin\u001b[m\r\n')]), RAW_STREAM, 1000);
    expect(view.format).toBe('text');
    expect(view.lines.map((l) => l.text).join('')).toBe('/ # ls\n\\x1b[1;34mbin\\x1b[m\n');
  });

  it('shows bytes that are no text as their first bytes in hex', () => {
    const view = streamView(
      recordOf([new Uint8Array([0x1f, 0x8b]), new Uint8Array([0x08, 0x00])]),
      'application/octet-stream',
      0,
    );
    expect(view).toMatchObject({ format: 'binary', hexHead: '1f 8b 08 00', size: 4, lines: [] });
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

    // The pull's answer streamed: its progress, as the client read it.
    const pullRequest = world.trace
      .ofCommand(result.command)
      .find((e) => e.kind === 'request' && e.url.startsWith('/v1.50/images/create'))!;
    const pull = await inspect(world, { kind: 'message', seq: pullRequest.seq });
    if (pull.kind !== 'message' || pull.response?.body.kind !== 'chunks') throw new Error('no streamed pull');
    expect(pull.response.body.format).toBe('progress');
    expect(pull.response.body.lines.map((l) => l.text)).toContain(
      'Status: Downloaded newer image for hello-world:latest',
    );
    // The attach answer streamed the container's output in frames.
    const attachRequest = world.trace
      .ofCommand(result.command)
      .find((e) => e.kind === 'request' && e.url.includes('/attach?'))!;
    const attach = await inspect(world, { kind: 'message', seq: attachRequest.seq });
    if (attach.kind !== 'message' || attach.response?.body.kind !== 'chunks') throw new Error('no streamed attach');
    expect(attach.response.line).toBe('101 Switching Protocols (stream)');
    expect(attach.response.body.format).toBe('frames');
    const frames = attach.response.body.lines;
    expect(frames.every((l) => l.stream === 'stdout')).toBe(true);
    // One line per frame, its newlines shown as `\n`: the bytes as they went, frame by frame.
    expect(frames.map((l) => l.text)).toContainEqual(
      expect.stringMatching(/^stdout \d+ bytes: \\nHello from Docker!\\n/),
    );
    const logged = c.logs.map((l) => l.text).join('');
    const lengths = frames.map((l) => Number(/^stdout (\d+) byte/.exec(l.text)?.[1]));
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(new TextEncoder().encode(logged).length);

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
