// Push failures through the Engine API: bad names are API errors; everything after `The push
// refers to repository […]` is the stream's last line, in Docker's words.
import { describe, expect, test } from 'vitest';
import {
  callDaemon,
  createWorld,
  lastLine,
  pullUrl,
  registryAuth,
  streamError,
  studentAuth,
  type World,
} from './world.fixture';

const anonymous = registryAuth();

describe('push: errors', () => {
  async function withAlpine(): Promise<World> {
    const world = await createWorld();
    await callDaemon(world, { url: pullUrl('docker.io/library/alpine') });
    return world;
  }
  async function tagged(world: World, repo: string, tag: string) {
    const answer = await callDaemon(world, {
      url: `/v1.50/images/alpine/tag?repo=${encodeURIComponent(repo)}&tag=${tag}`,
    });
    expect(answer.status).toBe(201);
  }

  test.each([
    {
      name: 'an image that is not here',
      path: 'docker.io/student/nothing',
      tag: 'latest',
      auth: anonymous,
      setup: async () => {},
      lines: ['The push refers to repository [docker.io/student/nothing]'],
      error: 'An image does not exist locally with the tag: student/nothing',
    },
    {
      name: 'a tag that is not here',
      path: 'registry.example.com/student/alpine',
      tag: 'v9',
      auth: studentAuth('registry.example.com'),
      setup: (w: World) => tagged(w, 'registry.example.com/student/alpine', 'v1'),
      lines: ['The push refers to repository [registry.example.com/student/alpine]'],
      error: 'tag does not exist: registry.example.com/student/alpine:v9',
    },
    {
      name: 'no login on the hub',
      path: 'docker.io/student/alpine',
      tag: 'latest',
      auth: anonymous,
      setup: (w: World) => tagged(w, 'student/alpine', 'latest'),
      lines: ['The push refers to repository [docker.io/student/alpine]', ': Preparing'],
      error: 'denied: requested access to the resource is denied',
    },
    {
      name: "someone else's namespace",
      path: 'docker.io/library/alpine',
      tag: 'latest',
      auth: studentAuth('https://index.docker.io/v1/'),
      setup: async () => {},
      lines: ['The push refers to repository [docker.io/library/alpine]', ': Preparing', ': Layer already exists'],
      // Every blob is already there, so the manifest PUT is refused, with both errors of the answer.
      error: 'errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n',
    },
    {
      name: 'a wrong password',
      path: 'registry.example.com/student/alpine',
      tag: 'v1',
      auth: studentAuth('registry.example.com', 'wrong'),
      setup: (w: World) => tagged(w, 'registry.example.com/student/alpine', 'v1'),
      lines: ['The push refers to repository [registry.example.com/student/alpine]', ': Preparing'],
      error: 'unauthorized: incorrect username or password',
    },
  ])('$name', async ({ path, tag, auth, setup, lines, error }) => {
    const world = await withAlpine();
    await setup(world);
    const answer = await callDaemon(world, {
      url: `/v1.50/images/${path}/push?tag=${tag}`,
      headers: { 'X-Registry-Auth': auth },
    });
    expect(answer.status).toBe(200);
    const shown = answer.messages
      .slice(0, lines.length)
      .map((m) => (m.id ? `${String(m.id).replace(/./g, '')}: ${String(m.status)}` : m.status));
    expect(shown).toEqual(lines);
    expect(lastLine(answer.messages)).toEqual(streamError(error));
    expect(
      world.ctx.store
        .list()
        .flatMap((i) => i.repoDigests)
        .filter((d) => !d.startsWith('docker.io/library/alpine@')),
    ).toEqual([]);
  });

  test.each([
    {
      url: '/v1.50/images/Bad/push?tag=v1',
      status: 400,
      message: 'invalid reference format: repository name (library/Bad) must be lowercase',
    },
    { url: '/v1.50/images/alpine/push?tag=a@b', status: 400, message: 'invalid tag format' },
    {
      url: '/v1.50/images/alpine/push?tag=v1&platform=linux%2Famd64',
      status: 501,
      message: 'selecting platform is not supported in graphdriver image store',
    },
  ])('$url → $status', async ({ url, status, message }) => {
    const world = await createWorld();
    const answer = await callDaemon(world, { url, headers: { 'X-Registry-Auth': anonymous } });
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.text)).toEqual({ message });
  });
});
