import { expect, test } from 'vitest';
import { fromUtf8 } from '../bytes';
import type { Digest } from '../digest';
import { RegistryState } from './state';
import { MemoryBlobStore } from '../store/memory-blob-store';
import { readBody } from '../wire/message';
import { createHubIndex, searchHub } from './hub-index';

function hub(...repositories: string[]): RegistryState {
  const state = new RegistryState(new MemoryBlobStore());
  for (const name of repositories) state.ensureRepository(name).tags.set('latest', 'sha256:0' as Digest);
  for (const name of repositories) state.ensureRepository(name).blobs.add(`sha256:${'0'.repeat(64)}` as Digest);
  return state;
}

test('the exact name first, official before others, then stars', () => {
  const state = hub('student/nginx-proxy', 'library/nginx', 'library/alpine', 'acme/nginx', 'student/web');
  expect(searchHub(state, 'nginx').map((r) => [r.name, r.is_official, r.star_count])).toEqual([
    ['nginx', true, 20_711],
    ['acme/nginx', false, 0],
    ['student/nginx-proxy', false, 0],
  ]);
});

test('descriptions match too, case-insensitively', () => {
  const state = hub('library/alpine', 'library/nginx');
  expect(searchHub(state, 'ALPINE LINUX').map((r) => r.name)).toEqual(['alpine']);
});

test('the index answers /v1/search in Docker Hub shape, paged by n', async () => {
  const handler = createHubIndex(hub('library/nginx', 'acme/nginx', 'student/nginx'));
  const res = await handler({ method: 'GET', url: '/v1/search?q=nginx&n=2', headers: {} });
  expect(res.status).toBe(200);
  const body = JSON.parse(fromUtf8(await readBody(res.body))) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['num_pages', 'num_results', 'results', 'page_size', 'query', 'page']);
  expect(body).toMatchObject({ num_pages: 2, num_results: 3, page_size: 2, query: 'nginx', page: 1 });
  expect((body.results as unknown[])[0]).toEqual({
    name: 'nginx',
    description: 'Official build of nginx, the web server and reverse proxy',
    star_count: 20_711,
    is_trusted: false,
    is_automated: false,
    is_official: true,
  });
  expect((await handler({ method: 'GET', url: '/v2/', headers: {} })).status).toBe(404);
});
