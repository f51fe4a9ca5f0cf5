// Local image endpoints as tables: method, path → status and JSON, against a small store.
import { beforeEach, describe, expect, it } from 'vitest';
import { shortId } from '../../digest';
import { addImage, baseLayer, call, dir, file, routerFor, testContext } from '../daemon.fixture';
import type { DaemonContext } from '../context';
import type { ImageRecord } from '../image-store';
import { imageRoutes } from './image-routes';
import type { Handler } from '../../wire/message';

const appLayer = [dir('app'), file('app/run', 'run\n')];
const webLayer = [dir('srv'), file('srv/index.html', 'hello\n')];

let ctx: DaemonContext;
let api: Handler;
let app: ImageRecord;
let web: ImageRecord;

beforeEach(async () => {
  ctx = await testContext();
  api = routerFor(imageRoutes, ctx);
  app = await addImage(ctx.store, [baseLayer, appLayer], {
    tags: ['docker.io/library/app:latest', 'docker.io/library/app:1.0'],
    created: '2024-05-01T10:00:00.5Z',
  });
  web = await addImage(ctx.store, [baseLayer, webLayer], {
    tags: ['registry.example.com/team/web:v1'],
    created: '2024-06-01T10:00:00Z',
  });
});

const ids = () => ({ app: app.id, web: web.id });

describe('GET /images/json', () => {
  it('lists newest first, names familiar, in the 1.50 shape', async () => {
    const { status, json } = await call(api, 'GET', '/v1.50/images/json');
    expect(status).toBe(200);
    expect(json).toEqual([
      {
        Containers: -1,
        Created: Date.UTC(2024, 5, 1, 10) / 1000,
        Id: web.id,
        Labels: null,
        ParentId: '',
        RepoDigests: [],
        RepoTags: ['registry.example.com/team/web:v1'],
        SharedSize: -1,
        Size: web.size,
      },
      {
        Containers: -1,
        Created: Date.UTC(2024, 4, 1, 10) / 1000,
        Id: app.id,
        Labels: null,
        ParentId: '',
        RepoDigests: [],
        RepoTags: ['app:1.0', 'app:latest'],
        SharedSize: -1,
        Size: app.size,
      },
    ]);
  });

  type Row = [string, string, (i: ReturnType<typeof ids>) => unknown];
  const rows: Row[] = [
    ['reference=app', '{"reference":{"app":true}}', (i) => [[i.app, ['app:1.0', 'app:latest']]]],
    ['reference=app:1.*', '{"reference":{"app:1.*":true}}', (i) => [[i.app, ['app:1.0']]]],
    ['reference=*/team/*', '{"reference":{"*/team/*":true}}', (i) => [[i.web, ['registry.example.com/team/web:v1']]]],
    ['legacy list form', '{"reference":["app"]}', (i) => [[i.app, ['app:1.0', 'app:latest']]]],
    ['before=web', '{"before":{"registry.example.com/team/web:v1":true}}', (i) => [[i.app, ['app:1.0', 'app:latest']]]],
    ['since=app', '{"since":{"app":true}}', (i) => [[i.web, ['registry.example.com/team/web:v1']]]],
    ['dangling=true', '{"dangling":{"true":true}}', () => []],
    [
      'dangling=false',
      '{"dangling":{"false":true}}',
      (i) => [
        [i.web, ['registry.example.com/team/web:v1']],
        [i.app, ['app:1.0', 'app:latest']],
      ],
    ],
    ['label that nobody has', '{"label":{"maintainer":true}}', () => []],
    ['until a date before both', '{"until":{"2024-01-01":true}}', () => []],
    ['until a date between', '{"until":{"2024-05-15T00:00:00Z":true}}', (i) => [[i.app, ['app:1.0', 'app:latest']]]],
  ];
  it.each(rows)('filters %s', async (_name, filters, expected) => {
    const { status, json } = await call(api, 'GET', `/v1.50/images/json?filters=${encodeURIComponent(filters)}`);
    expect(status).toBe(200);
    expect((json as { Id: string; RepoTags: string[] }[]).map((s) => [s.Id, s.RepoTags])).toEqual(expected(ids()));
  });

  it.each([
    ['{"nosuch":{"x":true}}', 400, "invalid filter 'nosuch'"],
    ['{"dangling":{"maybe":true}}', 400, "invalid filter 'dangling=[maybe]'"],
    ['not json', 400, 'invalid filter'],
    ['{"before":{"nosuch":true}}', 404, 'No such image: nosuch:latest'],
    ['{"reference":{"[":true}}', 500, 'syntax error in pattern'],
  ])('refuses filters %s', async (filters, status, message) => {
    const answer = await call(api, 'GET', `/v1.50/images/json?filters=${encodeURIComponent(filters)}`);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ message });
  });

  it('shows an untagged image with empty lists, or <none> to clients older than 1.43', async () => {
    ctx.store.untag('registry.example.com/team/web:v1');
    const modern = (await call(api, 'GET', '/v1.50/images/json')).json as {
      Id: string;
      RepoTags: string[];
      RepoDigests: string[];
    }[];
    expect(modern.find((s) => s.Id === web.id)).toMatchObject({ RepoTags: [], RepoDigests: [] });
    const old = (await call(api, 'GET', '/v1.41/images/json')).json as typeof modern;
    expect(old.find((s) => s.Id === web.id)).toMatchObject({
      RepoTags: ['<none>:<none>'],
      RepoDigests: ['<none>@<none>'],
    });
    const dangling = (await call(api, 'GET', `/images/json?filters=${encodeURIComponent('{"dangling":["true"]}')}`))
      .json as typeof modern;
    expect(dangling.map((s) => s.Id)).toEqual([web.id]);
  });

  it('computes shared sizes when asked', async () => {
    const { json } = await call(api, 'GET', '/v1.50/images/json?shared-size=1');
    const shared = app.layers[0]!.size;
    expect((json as { SharedSize: number }[]).map((s) => s.SharedSize)).toEqual([shared, shared]);
  });
});

describe('POST /images/{name}/tag', () => {
  it('tags by name or ID, stamps LastTagTime and logs a tag event', async () => {
    const answer = await call(
      api,
      'POST',
      `/v1.50/images/app/tag?repo=${encodeURIComponent('127.0.0.1:5000/demo/app')}&tag=v2`,
    );
    expect(answer.status).toBe(201);
    expect(answer.text).toBe('');
    expect(ctx.store.get(app.id)!.repoTags).toContain('127.0.0.1:5000/demo/app:v2');
    expect(ctx.store.get(app.id)!.lastTagTime).toBe(ctx.now());
    const ev = ctx.events.history().at(-1)!;
    expect(ev).toMatchObject({
      Type: 'image',
      Action: 'tag',
      Actor: { ID: app.id, Attributes: { name: '127.0.0.1:5000/demo/app:v2' } },
    });
    expect((await call(api, 'POST', `/images/${shortId(web.id)}/tag?repo=web`)).status).toBe(201);
    expect(ctx.store.resolve('web:latest')?.id).toBe(web.id);
  });

  it.each([
    ['/images/nosuch/tag?repo=x', 404, 'No such image: nosuch:latest'],
    ['/images/Bad/tag?repo=x', 404, 'invalid reference format: repository name (library/Bad) must be lowercase'],
    ['/images/app/tag?repo=Upper', 400, 'invalid reference format: repository name (library/Upper) must be lowercase'],
    ['/images/app/tag?repo=x&tag=bad:tag', 400, 'invalid tag format'],
    [`/images/app/tag?repo=${encodeURIComponent('x@sha256:' + 'a'.repeat(64))}`, 400, 'cannot import digest reference'],
    ['/images/app/tag?repo=sha256', 400, 'refusing to create an ambiguous tag using digest algorithm as name'],
  ])('POST %s → %i', async (url, status, message) => {
    const answer = await call(api, 'POST', url);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ message });
  });
});

describe('DELETE /images/{name}', () => {
  it('untags one name while others remain', async () => {
    const answer = await call(api, 'DELETE', '/v1.50/images/app:1.0');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([{ Untagged: 'app:1.0' }]);
    expect(ctx.store.get(app.id)).toBeDefined();
  });

  it('deletes the image with its last name, and the layers only it used', async () => {
    await call(api, 'DELETE', '/images/app:1.0');
    const answer = await call(api, 'DELETE', '/images/app');
    expect(answer.json).toEqual([{ Untagged: 'app:latest' }, { Deleted: app.id }, { Deleted: app.layers[1]!.chainId }]);
    expect(ctx.store.get(app.id)).toBeUndefined();
    expect(ctx.store.hasLayer(app.layers[0]!.chainId)).toBe(true);
    expect(ctx.events.history().map((e) => e.Action)).toEqual(['untag', 'untag', 'delete']);
  });

  it('drops the digest references of a repository whose last tag goes', async () => {
    const manifest = `sha256:${'b'.repeat(64)}`;
    ctx.store.addRepoDigest(web.id, `registry.example.com/team/web@${manifest}`);
    ctx.store.tag(web.id, 'web:local');
    const answer = await call(api, 'DELETE', '/images/registry.example.com/team/web:v1');
    expect(answer.json).toEqual([
      { Untagged: 'registry.example.com/team/web:v1' },
      { Untagged: `registry.example.com/team/web@${manifest}` },
    ]);
    expect(ctx.store.get(web.id)!.repoTags).toEqual(['docker.io/library/web:local']);
  });

  it('refuses by ID an image named in several repositories unless forced', async () => {
    ctx.store.tag(app.id, 'other/app:x');
    const refused = await call(api, 'DELETE', `/images/${shortId(app.id)}`);
    expect(refused.status).toBe(409);
    expect(refused.json).toEqual({
      message: `conflict: unable to delete ${shortId(app.id)} (must be forced) - image is referenced in multiple repositories`,
    });
    const forced = await call(api, 'DELETE', `/images/${app.id}?force=1`);
    expect(forced.json).toEqual([
      { Untagged: 'app:1.0' },
      { Untagged: 'app:latest' },
      { Untagged: 'other/app:x' },
      { Deleted: app.id },
      { Deleted: app.layers[1]!.chainId },
    ]);
  });

  it('deletes by ID when all names are in one repository', async () => {
    const answer = await call(api, 'DELETE', `/images/${shortId(web.id)}`);
    expect(answer.json).toEqual([
      { Untagged: 'registry.example.com/team/web:v1' },
      { Deleted: web.id },
      { Deleted: web.layers[1]!.chainId },
    ]);
  });

  it.each([
    ['/images/nosuch', 404, 'No such image: nosuch:latest'],
    ['/images/app:nope', 404, 'No such image: app:nope'],
    ['/images/UPPER', 400, 'invalid reference format: repository name (library/UPPER) must be lowercase'],
    ['/images/%20', 400, 'image name cannot be blank'],
  ])('DELETE %s → %i', async (url, status, message) => {
    const answer = await call(api, 'DELETE', url);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ message });
  });
});

describe('GET /images/{name}/json and /history', () => {
  it('inspects in the API 1.50 shape', async () => {
    const { status, json } = await call(api, 'GET', '/v1.50/images/app:1.0/json');
    expect(status).toBe(200);
    const body = json as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'Id',
      'RepoTags',
      'RepoDigests',
      'Parent',
      'Comment',
      'Created',
      'DockerVersion',
      'Author',
      'Config',
      'Architecture',
      'Os',
      'Size',
      'GraphDriver',
      'RootFS',
      'Metadata',
    ]);
    expect(body).toMatchObject({
      Id: app.id,
      RepoTags: ['app:1.0', 'app:latest'],
      RepoDigests: [],
      Created: '2024-05-01T10:00:00.5Z',
      Config: {
        User: '',
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        Entrypoint: null,
        Cmd: ['/bin/sh'],
        Volumes: null,
        WorkingDir: '',
        Labels: null,
        OnBuild: null,
      },
      Architecture: 'amd64',
      Os: 'linux',
      Size: app.size,
      RootFS: { Type: 'layers', Layers: app.config.rootfs.diff_ids },
      Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
    });
    const data = body.GraphDriver as { Name: string; Data: Record<string, string> };
    expect(data.Name).toBe('overlay2');
    expect(Object.keys(data.Data)).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
    expect(data.Data.UpperDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
    expect(data.Data.LowerDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/);
  });

  it('shows history newest first with <missing> below the image itself', async () => {
    const { json } = await call(api, 'GET', '/v1.50/images/app/history');
    expect(json).toEqual([
      {
        Id: app.id,
        Created: Date.UTC(2023, 10, 14, 22, 13, 20) / 1000,
        CreatedBy: 'fixture layer 1',
        Tags: ['app:1.0', 'app:latest'],
        Size: app.layers[1]!.size,
        Comment: '',
      },
      {
        Id: '<missing>',
        Created: Date.UTC(2023, 10, 14, 22, 13, 20) / 1000,
        CreatedBy: 'fixture layer 0',
        Tags: null,
        Size: app.layers[0]!.size,
        Comment: '',
      },
    ]);
  });

  it.each(['/images/nosuch/json', '/images/nosuch/history'])('GET %s → 404', async (url) => {
    const answer = await call(api, 'GET', url);
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ message: 'No such image: nosuch:latest' });
  });
});
