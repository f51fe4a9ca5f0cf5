// /version, /info and /system/df against golden files (testdata/*.golden, compared exactly;
// UPDATE_GOLDEN=1 rewrites them), plus the facts the docker CLI relies on.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addImage, baseLayer, call, dir, file, routerFor, testContext } from '../daemon.fixture';
import { imageRoutes } from './image-routes';
import { systemRoutes } from './system-routes';

function golden(name: string, actual: string): void {
  const path = new URL(`./testdata/${name}.golden`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`missing golden file ${path.pathname}: run with UPDATE_GOLDEN=1`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

async function daemon() {
  const ctx = await testContext();
  await addImage(ctx.store, [baseLayer], { tags: ['docker.io/library/base:latest'], created: '2024-01-01T00:00:00Z' });
  await addImage(ctx.store, [baseLayer, [dir('app'), file('app/run', 'run\n')]], {
    tags: ['app:1'],
    created: '2024-02-01T00:00:00Z',
  });
  return { ctx, api: routerFor([...systemRoutes, ...imageRoutes], ctx) };
}

describe('GET /version', () => {
  it('describes engine 28.2.2, API 1.50 down to 1.24', async () => {
    const { api } = await daemon();
    const answer = await call(api, 'GET', '/v1.50/version');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      Version: '28.2.2',
      ApiVersion: '1.50',
      MinAPIVersion: '1.24',
      Os: 'linux',
      Arch: 'amd64',
    });
    golden('version.json', answer.text);
  });

  it('reports the daemon platform', async () => {
    const ctx = await testContext({ platform: { os: 'linux', architecture: 'arm64' } });
    const answer = await call(routerFor(systemRoutes, ctx), 'GET', '/version');
    expect(answer.json).toMatchObject({ Arch: 'arm64' });
  });
});

describe('GET /info', () => {
  it('describes the laptop, overlay2, and the registries', async () => {
    const { api } = await daemon();
    const answer = await call(api, 'GET', '/v1.50/info');
    expect(answer.json).toMatchObject({
      Name: 'laptop',
      Images: 2,
      Containers: 0,
      Driver: 'overlay2',
      ServerVersion: '28.2.2',
      Architecture: 'x86_64',
      OSType: 'linux',
      Swarm: { LocalNodeState: 'inactive' },
      RegistryConfig: {
        InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
        IndexConfigs: { 'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true } },
      },
      SystemTime: '2025-01-01T00:00:00Z',
    });
    golden('info.json', answer.text);
  });
});

describe('GET /system/df', () => {
  it('counts images, shared sizes and layer bytes', async () => {
    const { api, ctx } = await daemon();
    const answer = await call(api, 'GET', '/v1.50/system/df');
    const images = ctx.store.list();
    const layerBytes = new Set(images.flatMap((i) => i.layers.map((l) => `${l.chainId}:${l.size}`)));
    const body = answer.json as { LayersSize: number; Images: { SharedSize: number; Containers: number }[] };
    expect(body.LayersSize).toBe([...layerBytes].reduce((s, x) => s + Number(x.split(':').at(-1)), 0));
    expect(body.Images.map((i) => [i.SharedSize, i.Containers])).toEqual([
      [images[0]!.layers[0]!.size, 0],
      [images[0]!.layers[0]!.size, 0],
    ]);
    golden('system-df.json', answer.text);
  });

  it('leaves out what was not asked for', async () => {
    const { api } = await daemon();
    const answer = await call(api, 'GET', '/v1.50/system/df?type=container');
    expect(answer.json).toEqual({ LayersSize: 0, Images: null, Containers: [], Volumes: null, BuildCache: null });
  });
});

describe('image goldens', () => {
  it('inspect and history of a fixture image', async () => {
    const { api } = await daemon();
    golden('inspect-app.json', (await call(api, 'GET', '/v1.50/images/app:1/json')).text);
    golden('history-app.json', (await call(api, 'GET', '/v1.50/images/app:1/history')).text);
    golden('rmi-app.json', (await call(api, 'DELETE', '/v1.50/images/app:1')).text);
  });
});
