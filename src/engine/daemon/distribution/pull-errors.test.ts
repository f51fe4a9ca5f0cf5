// Pull failures through the Engine API, one row per case: HTTP errors before the stream starts,
// the stream's last line after — and, whatever failed, nothing left behind in the store.
import { describe, expect, test } from 'vitest';
import { utf8, type Bytes } from '../../bytes';
import { sha256Of, type Digest } from '../../digest';
import { MediaType } from '../../image/media-types';
import { serialiseConfig, serialiseManifest } from '../../image/serialise';
import { gzip } from '../../layer/gzip';
import { file } from '../../layer/snapshot-fixtures';
import { writeTar } from '../../layer/tar';
import type { Handler, WireRequest } from '../../wire/message';
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

/** Nothing was left behind: no image, and no layer beyond those the images present still use. */
function expectStoreHolds(world: World, tags: string[]): void {
  const images = world.ctx.store.list();
  expect(images.flatMap((i) => i.repoTags).sort()).toEqual(tags);
  const used = new Set(images.flatMap((i) => i.layers.map((l) => l.chainId)));
  expect(
    world.ctx.store
      .toData()
      .layers.map((l) => l.chainId)
      .sort(),
  ).toEqual([...used].sort());
}

/** Answer for one host like its registry does, except where `change` says otherwise. */
function breakHost(
  world: World,
  host: string,
  change: (req: WireRequest, inner: Handler) => ReturnType<Handler> | undefined,
) {
  const inner = Object.values(world.registries).find((r) => r.config.name === 'docker.io')!.handler;
  world.override(host, (req) => change(req, inner) ?? inner(req));
}

/** Put an image straight into the hub under `student/<name>:latest` (layers given as blobs). */
async function publish(world: World, name: string, layerBlobs: Bytes[], diffIds: Digest[]): Promise<void> {
  const state = world.registries['docker.io'].state;
  const repo = state.ensureRepository(`student/${name}`);
  const config = serialiseConfig({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds } });
  const layers = [];
  for (const blob of [config, ...layerBlobs]) repo.blobs.add(await state.blobs.put(blob));
  for (const blob of layerBlobs)
    layers.push({ mediaType: MediaType.dockerLayerGzip, digest: await sha256Of(blob), size: blob.length });
  const manifest = serialiseManifest({
    schemaVersion: 2,
    mediaType: MediaType.dockerManifest,
    config: { mediaType: MediaType.dockerConfig, digest: await sha256Of(config), size: config.length },
    layers,
  });
  const digest = await state.blobs.put(manifest);
  repo.manifests.set(digest, { mediaType: MediaType.dockerManifest, size: manifest.length });
  repo.tags.set('latest', digest);
}
describe('pull: errors before the stream are API errors', () => {
  test.each([
    {
      name: 'an uppercase name',
      url: pullUrl('Alpine'),
      status: 400,
      message: 'invalid reference format: repository name (library/Alpine) must be lowercase',
    },
    {
      name: 'a bad tag',
      url: pullUrl('docker.io/library/alpine', 'bad@tag'),
      status: 400,
      message: 'invalid tag format',
    },
    { name: 'scratch', url: pullUrl('scratch'), status: 403, message: "'scratch' is a reserved name" },
    {
      name: 'an import (fromSrc) named by a digest',
      url: `/v1.50/images/create?fromSrc=-&repo=x@sha256:${'a'.repeat(64)}`,
      status: 400,
      message: 'cannot import digest reference',
    },
    {
      name: 'an unknown tag',
      url: pullUrl('docker.io/library/alpine', 'nope'),
      status: 404,
      message: 'manifest for alpine:nope not found: manifest unknown: manifest unknown',
    },
    {
      name: 'a repository that does not exist',
      url: pullUrl('docker.io/library/nosuch'),
      status: 404,
      message:
        "pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    },
    {
      name: 'a private registry without a login',
      url: pullUrl('registry.example.com/student/alpine', 'v1'),
      status: 404,
      message:
        "pull access denied for registry.example.com/student/alpine, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    },
    {
      name: 'a wrong password',
      url: pullUrl('docker.io/library/alpine'),
      auth: studentAuth('https://index.docker.io/v1/', 'wrong'),
      status: 500,
      message:
        'Head "https://registry-1.docker.io/v2/library/alpine/manifests/latest": unauthorized: incorrect username or password',
    },
    {
      name: 'a registry nobody answers for',
      url: pullUrl('nosuch.example/team/app'),
      status: 500,
      message: 'Get "https://nosuch.example/v2/": dial tcp: lookup nosuch.example: no such host',
    },
    {
      name: 'a platform that is none',
      url: pullUrl('docker.io/library/alpine', 'latest', '&platform=linux%2Fsparc'),
      status: 400,
      message: '"linux/sparc": unknown operating system or architecture: invalid argument',
    },
  ])('$name → $status', async ({ url, auth, status, message }) => {
    const world = await createWorld();
    const answer = await callDaemon(world, { url, headers: { 'X-Registry-Auth': auth ?? anonymous } });
    expect(answer.status).toBe(status);
    expect(answer.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(answer.text)).toEqual({ message });
    expectStoreHolds(world, []);
  });
});

describe('pull: errors mid-stream end the stream and leave nothing behind', () => {
  test('no manifest for the platform asked for', async () => {
    const world = await createWorld();
    const answer = await callDaemon(world, {
      url: pullUrl('docker.io/library/alpine', 'latest', '&platform=linux%2Fs390x'),
    });
    expect(answer.status).toBe(200);
    expect(answer.messages[0]).toEqual({ status: 'Pulling from library/alpine', id: 'latest' });
    expect(lastLine(answer.messages)).toEqual(
      streamError('no matching manifest for linux/s390x in the manifest list entries'),
    );
    expectStoreHolds(world, []);
  });

  test('a layer whose bytes do not match its digest, after other layers were registered', async () => {
    const world = await createWorld();
    await callDaemon(world, { url: pullUrl('docker.io/library/alpine') });
    let served = 0;
    let corrupted = '';
    breakHost(world, 'registry-1.docker.io', (req, inner) => {
      if (req.method !== 'GET' || !/\/v2\/library\/nginx\/blobs\//.test(req.url)) return undefined;
      served++;
      if (served !== 6) return undefined; // the config, then the fifth layer downloaded
      corrupted = req.url.split('/blobs/')[1]!;
      return inner(req).then((res) => ({ ...res, body: utf8('tampered with') }));
    });
    const answer = await callDaemon(world, { url: pullUrl('docker.io/library/nginx', 'alpine') });
    expect(answer.status).toBe(200);
    expect(answer.messages.filter((m) => m.status === 'Pull complete')).toHaveLength(4);
    expect(lastLine(answer.messages)).toEqual(
      streamError(`filesystem layer verification failed for digest ${corrupted}`),
    );
    expectStoreHolds(world, ['docker.io/library/alpine:latest']);
  });

  test('a registry failing on a layer', async () => {
    const world = await createWorld();
    let calls = 0;
    breakHost(world, 'registry-1.docker.io', (req) => {
      if (req.method !== 'GET' || !req.url.includes('/blobs/')) return undefined;
      return ++calls === 4 ? Promise.resolve({ status: 500, headers: {}, body: utf8('boom') }) : undefined;
    });
    const answer = await callDaemon(world, { url: pullUrl('docker.io/library/nginx', 'alpine') });
    expect(lastLine(answer.messages)).toEqual(
      streamError('received unexpected HTTP status: 500 Internal Server Error'),
    );
    expectStoreHolds(world, []);
  });

  test('a config the registry does not have', async () => {
    const world = await createWorld();
    breakHost(world, 'registry-1.docker.io', (req) =>
      req.method === 'GET' && req.url.includes('/blobs/sha256:9d9e6c7c13a5')
        ? Promise.resolve({
            status: 404,
            headers: { 'Content-Type': 'application/json' },
            body: utf8('{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry"}]}'),
          })
        : undefined,
    );
    const answer = await callDaemon(world, { url: pullUrl('docker.io/library/alpine') });
    expect(lastLine(answer.messages)).toEqual(
      streamError('error pulling image configuration: download failed after attempts=1: unknown blob'),
    );
    expectStoreHolds(world, []);
  });

  test('a layer that is not a tar', async () => {
    const world = await createWorld();
    const garbage = utf8('this is not a tar archive, not at all, not even close.');
    await publish(world, 'broken', [gzip(garbage)], [await sha256Of(garbage)]);
    const answer = await callDaemon(world, { url: pullUrl('docker.io/student/broken') });
    const last = lastLine(answer.messages) as { error: string };
    expect(last.error).toMatch(/^failed to register layer: /);
    expectStoreHolds(world, []);
  });

  test('layers that do not match the config', async () => {
    const world = await createWorld();
    const tar = writeTar([file('etc/hostname', 'x\n')]);
    const other = writeTar([file('etc/hostname', 'y\n')]);
    await publish(world, 'mismatch', [gzip(tar)], [await sha256Of(other)]);
    const answer = await callDaemon(world, { url: pullUrl('docker.io/student/mismatch') });
    expect(answer.messages.some((m) => m.status === 'Pull complete')).toBe(true);
    expect(lastLine(answer.messages)).toEqual(streamError("layers from manifest don't match image configuration"));
    expectStoreHolds(world, []);
  });
});
