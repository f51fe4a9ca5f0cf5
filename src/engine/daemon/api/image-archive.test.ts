// docker save / docker load through the Engine API: what goes into the archive, what a load says,
// and that a bad archive leaves the store as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { shortId } from '../../digest';
import { loadArchive } from '../../image/archive';
import { MemoryBlobStore } from '../../store/memory-blob-store';
import type { Handler } from '../../wire/message';
import { readBody } from '../../wire/message';
import type { DaemonContext } from '../context';
import { addImage, baseLayer, call, dir, file, routerFor, testContext } from '../daemon.fixture';
import { ImageStore, type ImageRecord } from '../image-store';
import { imageRoutes } from './image-routes';

const appLayer = [dir('app'), file('app/run', 'run\n')];

let ctx: DaemonContext;
let api: Handler;
let app: ImageRecord;
let base: ImageRecord;

beforeEach(async () => {
  ctx = await testContext();
  api = routerFor(imageRoutes, ctx);
  app = await addImage(ctx.store, [baseLayer, appLayer], {
    tags: ['docker.io/library/app:1.0', 'docker.io/library/app:latest'],
  });
  base = await addImage(ctx.store, [baseLayer], { tags: ['registry.example.com/base:v1'] });
});

async function save(query: string): Promise<{ status: number; body: Uint8Array; type?: string }> {
  const res = await api({ method: 'GET', url: `/v1.50/images/get?${query}`, headers: {} });
  return { status: res.status, body: await readBody(res.body), type: res.headers['Content-Type'] };
}

describe('GET /images/get', () => {
  it.each([
    ['names=app', () => [[app.id, ['app:1.0', 'app:latest']]]],
    ['names=app:1.0', () => [[app.id, ['app:1.0']]]],
    [
      'names=app:1.0&names=registry.example.com/base:v1',
      () => [
        [app.id, ['app:1.0']],
        [base.id, ['registry.example.com/base:v1']],
      ],
    ],
  ] as [string, () => [string, string[]][]][])('saves %s', async (query, expected) => {
    const { status, body, type } = await save(query);
    expect(status).toBe(200);
    expect(type).toBe('application/x-tar');
    const images = await loadArchive(body);
    expect(images.map((i) => [i.configDigest, i.repoTags])).toEqual(expected());
  });

  it('saves by ID with no name', async () => {
    const { body } = await save(`names=${encodeURIComponent(base.id)}`);
    expect((await loadArchive(body)).map((i) => [i.configDigest, i.repoTags])).toEqual([[base.id, []]]);
  });

  it('saves by short ID, with no name, and logs a save event', async () => {
    const { body } = await save(`names=${shortId(base.id)}`);
    expect((await loadArchive(body)).map((i) => [i.configDigest, i.repoTags])).toEqual([[base.id, []]]);
    expect(ctx.events.history().at(-1)).toMatchObject({ Action: 'save', Actor: { ID: base.id } });
  });

  it('answers GET /images/{name}/get too', async () => {
    const res = await api({ method: 'GET', url: '/v1.50/images/registry.example.com/base:v1/get', headers: {} });
    expect((await loadArchive(await readBody(res.body))).map((i) => i.repoTags)).toEqual([
      ['registry.example.com/base:v1'],
    ]);
  });

  it.each([
    ['names=nosuch', 404, 'No such image: nosuch'],
    ['names=app:nope', 404, 'reference does not exist'],
    ['names=Bad', 400, 'invalid reference format: repository name (library/Bad) must be lowercase'],
  ])('refuses %s', async (query, status, message) => {
    const answer = await call(api, 'GET', `/images/get?${query}`);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ message });
  });
});

describe('POST /images/load', () => {
  async function freshDaemon(): Promise<{ ctx: DaemonContext; api: Handler; blobs: MemoryBlobStore }> {
    const blobs = new MemoryBlobStore();
    const fresh = await testContext({ store: await ImageStore.open(blobs) });
    return { ctx: fresh, api: routerFor(imageRoutes, fresh), blobs };
  }

  it('loads what save wrote and says so per name', async () => {
    const { body } = await save('names=app&names=registry.example.com/base:v1');
    const target = await freshDaemon();
    const answer = await call(target.api, 'POST', '/v1.50/images/load?quiet=1', body);
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('application/json');
    expect(answer.text).toBe(
      [
        '{"stream":"Loaded image: app:1.0\\n"}',
        '{"stream":"Loaded image: app:latest\\n"}',
        '{"stream":"Loaded image: registry.example.com/base:v1\\n"}',
        '',
      ].join('\r\n'),
    );
    expect(
      target.ctx.store
        .list()
        .map((i) => i.id)
        .sort(),
    ).toEqual([app.id, base.id].sort());
    expect(target.ctx.store.resolve('app:1.0')?.id).toBe(app.id);
    expect(target.ctx.store.get(app.id)?.lastTagTime).toBeUndefined();
    expect(target.ctx.events.history().map((e) => [e.Action, e.Actor.ID])).toEqual([
      ['load', app.id],
      ['load', base.id],
    ]);
  });

  it('names untagged images by ID, and shows layer progress when not quiet', async () => {
    const { body } = await save(`names=${encodeURIComponent(base.id)}`);
    const target = await freshDaemon();
    const answer = await call(target.api, 'POST', '/images/load?quiet=0', body);
    expect((await ctx.store.layerTar(base.layers[0]!.chainId)).length).toBe(2560);
    expect(answer.text.split('\r\n')).toEqual([
      `{"status":"Loading layer","progressDetail":{"current":2560,"total":2560},"progress":"[==================================================\\u003e]   2.56kB/2.56kB","id":"${shortId(base.layers[0]!.diffId)}"}`,
      `{"stream":"Loaded image ID: ${base.id}\\n"}`,
      '',
    ]);
  });

  it('says when a name moves from another image', async () => {
    const { body } = await save('names=registry.example.com/base:v1');
    ctx.store.tag(app.id, 'registry.example.com/base:v1');
    const answer = await call(api, 'POST', '/images/load', body);
    expect(answer.text).toContain(
      `{"stream":"The image registry.example.com/base:v1 already exists, renaming the old one with ID ${app.id} to empty string\\n"}`,
    );
    expect(ctx.store.resolve('registry.example.com/base:v1')?.id).toBe(base.id);
  });

  it.each([
    ['not a tar', utf8('hello'), /^\{"errorDetail":\{"message":".+"\},"error":".+"\}\r\n$/],
    [
      'an empty tar',
      new Uint8Array(1024),
      /^\{"errorDetail":\{"message":"invalid archive: does not contain a manifest.json"\},"error":"invalid archive: does not contain a manifest.json"\}\r\n$/,
    ],
  ])('answers 200 with an error message for %s, and changes nothing', async (_name, body, expected) => {
    const target = await freshDaemon();
    const answer = await call(target.api, 'POST', '/images/load', body);
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(expected);
    expect(target.ctx.store.list()).toEqual([]);
    expect(target.blobs.count).toBe(0);
  });
});
