// Runs in real Chromium: the daemon pulls from the simulated hub and pushes to the company
// registry exactly as in Node — same streams, same digests — with WebCrypto and fflate doing the
// hashing and compression, and no Node built-in anywhere on the way.
import { expect, it } from 'vitest';
import { callDaemon, cliView, createWorld, pullUrl, registryAuth, studentAuth } from './world.fixture';

it('pulls alpine, then nginx:alpine over its base, and pushes alpine to a private registry', async () => {
  const world = await createWorld();
  const alpine = await callDaemon(world, {
    url: pullUrl('docker.io/library/alpine'),
    headers: { 'X-Registry-Auth': registryAuth() },
  });
  expect(alpine.status).toBe(200);
  const view = cliView(alpine.messages);
  expect(view).toContain('latest: Pulling from library/alpine\nc7b7f7d2a3b1: Pulling fs layer\n');
  expect(view).toContain('Digest: sha256:b18df0dcda341e3fb2a0bb72c5d33e3b6b921eaafc1a565abb7013ae5cda595e\n');

  const nginx = await callDaemon(world, { url: pullUrl('docker.io/library/nginx', 'alpine') });
  expect(cliView(nginx.messages).split('\n')[1]).toBe('c7b7f7d2a3b1: Already exists');

  const tag = await callDaemon(world, {
    url: '/v1.50/images/alpine/tag?repo=registry.example.com%2Fstudent%2Falpine&tag=v1',
  });
  expect(tag.status).toBe(201);
  const push = await callDaemon(world, {
    url: '/v1.50/images/registry.example.com/student/alpine/push?tag=v1',
    headers: { 'X-Registry-Auth': studentAuth('registry.example.com') },
  });
  expect(cliView(push.messages)).toBe(
    [
      'The push refers to repository [registry.example.com/student/alpine]',
      '352c5f4a880c: Preparing',
      '352c5f4a880c: Pushed',
      'v1: digest: sha256:69f3733fed961f8a1af0b00cc6fd6c7fa155fd1575bbfa28a5307d47fc63c0b4 size: 525',
      '',
    ].join('\n'),
  );
}, 120_000);
