// Login and search through the Engine API: each answer, right or wrong, as dockerd gives it.
import { describe, expect, test } from 'vitest';
import { utf8 } from '../../bytes';
import { callDaemon, createWorld } from './world.fixture';

describe('login', () => {
  const body = (value: unknown) => utf8(typeof value === 'string' ? value : JSON.stringify(value));
  test.each([
    {
      name: 'right password',
      body: { username: 'student', password: 'dockyard', serveraddress: 'registry.example.com' },
      status: 200,
      answer: { IdentityToken: '', Status: 'Login Succeeded' },
    },
    {
      name: 'Docker Hub by its index address',
      body: { username: 'student', password: 'dockyard', serveraddress: 'https://index.docker.io/v1/' },
      status: 200,
      answer: { IdentityToken: '', Status: 'Login Succeeded' },
    },
    {
      name: 'wrong password',
      body: { username: 'student', password: 'nope', serveraddress: 'registry.example.com' },
      status: 401,
      answer: { message: 'Get "https://registry.example.com/v2/": unauthorized: incorrect username or password' },
    },
    {
      name: 'unknown user on the hub',
      body: { username: 'nobody', password: 'x', serveraddress: 'https://index.docker.io/v1/' },
      status: 401,
      answer: { message: 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password' },
    },
    {
      name: 'a registry nobody answers for',
      body: { username: 'student', password: 'dockyard', serveraddress: 'nosuch.example' },
      status: 500,
      answer: { message: 'Get "https://nosuch.example/v2/": dial tcp: lookup nosuch.example: no such host' },
    },
    {
      name: 'malformed JSON',
      body: '{"username":',
      status: 400,
      answer: { message: 'invalid JSON in the request body' },
    },
  ])('$name → $status', async ({ body: value, status, answer }) => {
    const world = await createWorld();
    const res = await callDaemon(world, { url: '/v1.50/auth', body: body(value) });
    expect(res.status).toBe(status);
    expect(res.text).toBe(JSON.stringify(answer) + '\n');
  });

  test('the login asks the realm for an offline token, with no scope', async () => {
    const world = await createWorld();
    await callDaemon(world, {
      url: '/v1.50/auth',
      body: body({ username: 'student', password: 'dockyard', serveraddress: 'registry.example.com' }),
    });
    expect(world.trace.map((t) => `${t.method} ${t.url} → ${t.status}`)).toEqual([
      'GET /v2/ → 401',
      'GET /token?account=student&client_id=docker&offline_token=true&service=registry.example.com → 200',
      'GET /v2/ → 200',
    ]);
  });
});

describe('search', () => {
  const search = async (query: string) => {
    const world = await createWorld();
    return callDaemon(world, { method: 'GET', url: `/v1.50/images/search?${query}` });
  };

  test('nginx: the official image first, in the Engine API shape', async () => {
    const answer = await search('term=nginx&limit=25');
    expect(answer.status).toBe(200);
    const results = JSON.parse(answer.text) as Record<string, unknown>[];
    expect(Object.keys(results[0]!)).toEqual(['star_count', 'is_official', 'name', 'is_automated', 'description']);
    expect(results[0]).toMatchObject({ name: 'nginx', is_official: true, is_automated: false });
  });

  test.each([
    {
      query: 'term=e&filters=%7B%22is-official%22%3A%7B%22true%22%3Atrue%7D%7D',
      check: (r: Record<string, unknown>[]) => r.every((x) => x.is_official) && r.length > 1,
    },
    {
      query: 'term=e&filters=%7B%22stars%22%3A%5B%2215000%22%5D%7D',
      check: (r: Record<string, unknown>[]) => r.map((x) => x.name).join() === 'nginx,ubuntu',
    },
    {
      query: 'term=alpine&filters=%7B%22is-automated%22%3A%5B%22true%22%5D%7D',
      check: (r: Record<string, unknown>[]) => r.length === 0,
    },
    { query: 'term=library%2Fredis', check: (r: Record<string, unknown>[]) => r[0]?.name === 'redis' },
  ])('filters: $query', async ({ query, check }) => {
    const answer = await search(query);
    expect(answer.status).toBe(200);
    expect(check(JSON.parse(answer.text) as Record<string, unknown>[])).toBe(true);
  });

  test.each([
    { query: 'term=nginx&limit=101', status: 400, message: 'limit 101 is outside the range of [1, 100]' },
    { query: 'term=nginx&limit=abc', status: 400, message: 'invalid limit specified' },
    { query: 'term=nginx&filters=%7B%22bogus%22%3A%5B%22x%22%5D%7D', status: 400, message: "invalid filter 'bogus'" },
    {
      query: 'term=nginx&filters=%7B%22stars%22%3A%5B%22many%22%5D%7D',
      status: 400,
      message: `invalid filter 'stars=many': strconv.Atoi: parsing "many": invalid syntax`,
    },
    {
      query: 'term=https%3A%2F%2Fx%2Fy',
      status: 400,
      message: 'invalid repository name: repository name (https://x/y) should not have a scheme',
    },
    { query: 'term=registry.example.com%2Fstudent', status: 500, message: 'unexpected status code 404' },
  ])('$query → $status', async ({ query, status, message }) => {
    const answer = await search(query);
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.text)).toEqual({ message });
  });
});
