import { describe, expect, it } from 'vitest';
import { bytesEqual } from '../../bytes';
import { encodedOf, sha256Of, type Digest } from '../../digest';
import { gzip } from '../../layer/gzip';
import { MediaType } from '../media-types';
import { serialiseIndex } from '../serialise';
import type { Descriptor } from '../types';
import { hex, layoutTar, legacyDockerArchive, ociImage, skopeoDockerArchive } from './fixture-archives';
import { fixtureDir, fixtureFile, fixtureImage } from './fixture-images';
import { loadArchive } from './load';
import { saveImages } from './save';

const base = [fixtureDir('etc'), fixtureFile('etc/os-release', 'NAME="Alpine Linux"\n')];
const app = [fixtureDir('app'), fixtureFile('app/run.sh', 'echo hi\n', 0o755)];

describe('loadArchive of docker archives', () => {
  it('loads what Docker < 25 wrote (<id>/layer.tar)', async () => {
    const image = await fixtureImage([base, app]);
    const [loaded] = await loadArchive(await legacyDockerArchive(image, ['alpine:latest']));
    expect(loaded!.configDigest).toBe(await sha256Of(image.config));
    expect(loaded!.layers.map((l, i) => bytesEqual(l, image.layers[i]!))).toEqual([true, true]);
    expect(loaded!.repoTags).toEqual(['alpine:latest']);
  });

  it('loads what skopeo writes (links to <hex>.tar, full names)', async () => {
    const image = await fixtureImage([base, app]);
    const [loaded] = await loadArchive(await skopeoDockerArchive(image, 'docker.io/demo/app:v1'));
    expect(loaded!.repoTags).toEqual(['demo/app:v1']);
    expect(loaded!.layers).toHaveLength(2);
  });

  it('accepts gzip-compressed layers, as the daemon does', async () => {
    const image = await fixtureImage([base]);
    const [loaded] = await loadArchive(await legacyDockerArchive(image, null, [gzip(image.layers[0]!)]));
    expect(bytesEqual(loaded!.layers[0]!, image.layers[0]!)).toBe(true);
    expect(loaded!.repoTags).toEqual([]);
  });

  it('accepts a gzip-compressed archive (docker save | gzip)', async () => {
    const image = await fixtureImage([base]);
    const loaded = await loadArchive(gzip(await saveImages([{ ...image, repoTags: ['a:1'] }])));
    expect(loaded.map((l) => l.repoTags)).toEqual([['a:1']]);
  });

  it('loads several images, in manifest.json order', async () => {
    const one = await fixtureImage([base]);
    const two = await fixtureImage([base, app]);
    const loaded = await loadArchive(
      await saveImages([
        { ...one, repoTags: ['one:1'] },
        { ...two, repoTags: ['two:2'] },
      ]),
    );
    expect(loaded.map((l) => l.repoTags)).toEqual([['one:1'], ['two:2']]);
  });
});

describe('loadArchive of OCI layouts', () => {
  it('loads an OCI layout with gzip layers, named by io.containerd.image.name', async () => {
    const image = await fixtureImage([base, app]);
    const oci = await ociImage(image);
    oci.manifest.annotations = {
      'io.containerd.image.name': 'docker.io/library/nginx:alpine',
      'org.opencontainers.image.ref.name': 'alpine',
    };
    const [loaded] = await loadArchive(layoutTar([oci.manifest], oci.blobs));
    expect(loaded!.repoTags).toEqual(['nginx:alpine']);
    expect(loaded!.layers.map((l, i) => bytesEqual(l, image.layers[i]!))).toEqual([true, true]);
  });

  it.each([
    ['v1', []],
    ['demo/app:v1', ['demo/app:v1']],
    ['localhost:5000/x:2', ['localhost:5000/x:2']],
  ])('names an image by a ref.name of %j → %j', async (refName, tags) => {
    const oci = await ociImage(await fixtureImage([base]));
    oci.manifest.annotations = { 'org.opencontainers.image.ref.name': refName };
    const [loaded] = await loadArchive(layoutTar([oci.manifest], oci.blobs));
    expect(loaded!.repoTags).toEqual(tags);
  });

  async function multiPlatform() {
    const amd = await ociImage(await fixtureImage([base], { architecture: 'amd64' }), {
      os: 'linux',
      architecture: 'amd64',
    });
    const arm = await ociImage(await fixtureImage([base], { architecture: 'arm64' }), {
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8',
    });
    const index = serialiseIndex({
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [amd.manifest, arm.manifest],
    });
    const indexDescriptor: Descriptor = {
      mediaType: MediaType.ociIndex,
      digest: (await sha256Of(index)) as Digest,
      size: index.length,
      annotations: { 'io.containerd.image.name': 'docker.io/library/alpine:latest' },
    };
    const blobs = new Map([...amd.blobs, ...arm.blobs, [`blobs/sha256/${await hex(index)}`, index]]);
    return { amd, arm, indexDescriptor, blobs };
  }

  it('follows a nested index to every platform it holds', async () => {
    const { indexDescriptor, blobs } = await multiPlatform();
    const loaded = await loadArchive(layoutTar([indexDescriptor], blobs));
    expect(loaded).toHaveLength(2);
    expect(loaded.map((l) => JSON.parse(new TextDecoder().decode(l.config)).architecture)).toEqual(['amd64', 'arm64']);
    expect(loaded.every((l) => l.repoTags[0] === 'alpine:latest')).toBe(true);
  });

  it('loads only the platform asked for', async () => {
    const { indexDescriptor, blobs } = await multiPlatform();
    const loaded = await loadArchive(layoutTar([indexDescriptor], blobs), {
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
    });
    expect(loaded.map((l) => JSON.parse(new TextDecoder().decode(l.config)).architecture)).toEqual(['arm64']);
  });

  it('skips platforms whose manifest is not in the archive', async () => {
    const { arm, indexDescriptor, blobs } = await multiPlatform();
    blobs.delete(`blobs/sha256/${encodedOf(arm.manifest.digest)}`);
    const loaded = await loadArchive(layoutTar([indexDescriptor], blobs));
    expect(loaded).toHaveLength(1);
  });

  it('prefers manifest.json when both are present (a docker save of Docker ≥ 25)', async () => {
    const image = await fixtureImage([base]);
    const loaded = await loadArchive(await saveImages([{ ...image, repoTags: ['x:1', 'y:2'] }]));
    expect(loaded).toHaveLength(1); // index.json alone would give one image per name
    expect(loaded[0]!.repoTags).toEqual(['x:1', 'y:2']);
  });
});
