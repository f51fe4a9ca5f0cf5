// `docker import` at the Engine API: `POST /images/create?fromSrc=-` with a tar body (plain or
// gzip'd), and `fromSrc=<URL>` fetched through the daemon's transport. What the image is made of
// (one layer whose DiffID is the tar's sha256, a config from `changes`, the history comment), its
// name and events, and the refusals.
import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8, type Bytes } from '../../bytes';
import { sha256Of } from '../../digest';
import { gzip } from '../../layer/gzip';
import { writeTar } from '../../layer/tar';
import type { WireRequest } from '../../wire/message';
import { testDaemon } from '../containers/containers.fixture';
import { daemonHandler } from '../daemon';
import { call, dir, file, testContext } from '../daemon.fixture';
import { noSuchHost } from '../distribution/transport';

const rootfs = writeTar([dir('bin'), file('bin/hello', '#!fake\n', 0o755), dir('etc'), file('etc/motd', 'hi\n')]);
const q = (params: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) search.append(k, one);
  return `/v1.50/images/create?${search}`;
};

type Inspect = {
  Id: string;
  RepoTags: string[];
  Comment: string;
  Architecture: string;
  Os: string;
  Config: { Cmd: string[] | null; Env: string[] | null; WorkingDir: string; Entrypoint: string[] | null };
  RootFS: { Layers: string[] };
};

async function daemon(serve?: (req: WireRequest) => { status: number; body: Bytes }) {
  const ctx = await testContext({
    transport: async (host, req) => {
      if (host !== 'files.example.com' || !serve) throw noSuchHost(host);
      const { status, body } = serve(req);
      return { status, headers: {}, body };
    },
  });
  const handler = daemonHandler(ctx);
  return {
    ctx,
    post: (url: string, body?: Uint8Array) => call(handler, 'POST', url, body),
    inspect: async (name: string) => (await call(handler, 'GET', `/v1.50/images/${name}/json`)).json as Inspect,
    history: async (name: string) => (await call(handler, 'GET', `/v1.50/images/${name}/history`)).json,
  };
}

describe('import from the request body', () => {
  it('one layer, the tar as sent; tagged; {"status":"sha256:…"}', async () => {
    const d = await daemon();
    const res = await d.post(q({ fromSrc: '-', repo: 'myimage:v1' }), rootfs);
    expect(res.status).toBe(200);
    const id = (res.json as { status: string }).status;
    expect(res.text).toBe(`{"status":"${id}"}\r\n`);
    const image = await d.inspect('myimage:v1');
    expect(image).toMatchObject({ Id: id, RepoTags: ['myimage:v1'], Comment: 'Imported from -', Os: 'linux' });
    expect(image.Architecture).toBe('amd64');
    expect(image.RootFS.Layers).toEqual([await sha256Of(rootfs)]);
    expect(image.Config).toMatchObject({ Cmd: null, Env: null, Entrypoint: null, WorkingDir: '' });
    expect(d.ctx.events.history().map((e) => [e.Action, e.Actor.ID, e.Actor.Attributes.name])).toEqual([
      ['tag', id, 'myimage:v1'],
      ['import', id, id],
    ]);
  });

  it('gzip’d: the same layer (DiffID of the uncompressed tar), so the same image', async () => {
    const d = await daemon();
    const plain = (await d.post(q({ fromSrc: '-' }), rootfs)).json as { status: string };
    const zipped = (await d.post(q({ fromSrc: '-' }), gzip(rootfs))).json as { status: string };
    expect(zipped.status).toBe(plain.status);
  });

  it('changes make the config; message is the history comment', async () => {
    const d = await daemon();
    await d.post(
      q({
        fromSrc: '-',
        repo: 'app',
        message: 'from my laptop',
        changes: ['CMD ["/bin/hello"]', 'ENV A=1', 'WORKDIR /srv'],
      }),
      rootfs,
    );
    const image = await d.inspect('app');
    expect(image.Config).toMatchObject({ Cmd: ['/bin/hello'], Env: ['A=1'], WorkingDir: '/srv' });
    expect(image.Comment).toBe('from my laptop');
    await expect(d.history('app')).resolves.toMatchObject([
      { CreatedBy: '', Comment: 'from my laptop', Tags: ['app:latest'] },
    ]);
  });

  it('--platform is recorded', async () => {
    const d = await daemon();
    await d.post(q({ fromSrc: '-', repo: 'arm', platform: 'linux/arm64' }), rootfs);
    expect((await d.inspect('arm')).Architecture).toBe('arm64');
  });

  it.each([
    [{ repo: `x@sha256:${'a'.repeat(64)}` }, 400, 'cannot import digest reference', rootfs],
    [{ repo: 'Bad' }, 400, 'invalid reference format: repository name (library/Bad) must be lowercase', rootfs],
    [{ changes: 'RUN echo hi' }, 400, 'run is not a valid change command', rootfs],
    [{ platform: 'windows/amd64' }, 400, 'operating system is not supported', rootfs],
    [
      {},
      500,
      'archive/tar: invalid tar header',
      utf8('this is not a tar, and it is longer than one block. '.repeat(12)),
    ],
    [{}, 500, 'unexpected EOF', rootfs.subarray(0, 700)],
  ])('%j: %i %s — and no image', async (params, status, message, body) => {
    const d = await daemon();
    expect(await d.post(q({ fromSrc: '-', ...params }), body)).toMatchObject({ status, json: { message } });
    expect(d.ctx.store.list()).toEqual([]);
  });
});

describe('import from a URL', () => {
  it('fetched through the transport: "Downloading from", then the ID', async () => {
    const asked: string[] = [];
    const d = await daemon((req) => {
      asked.push(req.url);
      return { status: 200, body: gzip(rootfs) };
    });
    const res = await d.post(q({ fromSrc: 'http://files.example.com/rootfs.tar.gz', repo: 'web' }));
    expect(asked).toEqual(['/rootfs.tar.gz']);
    const lines = res.text.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe('{"status":"Downloading from http://files.example.com/rootfs.tar.gz"}');
    expect(lines[1]).toBe(`{"status":"${(await d.inspect('web')).Id}"}`);
    expect((await d.inspect('web')).Comment).toBe('Imported from http://files.example.com/rootfs.tar.gz');
  });

  it('a 404 and an unknown host are API errors; a bad tar after the download is in the stream', async () => {
    const d = await daemon((req) =>
      req.url === '/nope'
        ? { status: 404, body: utf8('no such file\n') }
        : { status: 200, body: utf8('x'.repeat(600)) },
    );
    expect(await d.post(q({ fromSrc: 'files.example.com/nope' }))).toMatchObject({
      status: 404,
      json: { message: 'failed to GET http://files.example.com/nope with status 404 Not Found: no such file' },
    });
    expect(await d.post(q({ fromSrc: 'http://nowhere.example/x.tar' }))).toMatchObject({
      status: 500,
      json: { message: 'Get "http://nowhere.example/x.tar": dial tcp: lookup nowhere.example: no such host' },
    });
    const bad = await d.post(q({ fromSrc: 'http://files.example.com/bad.tar' }));
    expect(bad.status).toBe(200);
    expect(fromUtf8(utf8(bad.text)).split('\r\n')[1]).toBe(
      '{"errorDetail":{"message":"archive/tar: invalid tar header"},"error":"archive/tar: invalid tar header"}',
    );
  });
});

describe('an imported image runs', () => {
  it('docker run of the imported command', async () => {
    const d = await testDaemon();
    const tar = writeTar([dir('tmp')]);
    const res = await call(
      d.handler,
      'POST',
      q({ fromSrc: '-', repo: 'tiny', changes: 'CMD ["echo","imported"]' }),
      tar,
    );
    expect(res.status).toBe(200);
    const created = await d.api('POST', '/containers/create', { Image: 'tiny' });
    expect(created.status).toBe(201);
    const id = (created.json as { Id: string }).Id;
    expect((await d.api('GET', `/containers/${id}/json`)).json as { Path: string; Args: string[] }).toMatchObject({
      Path: 'echo',
      Args: ['imported'],
    });
  });
});
