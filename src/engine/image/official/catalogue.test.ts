import { beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../digest';
import { sha256Of } from '../../digest';
import { openLayer } from '../../layer/layer';
import { MediaType } from '../media-types';
import type { ImageIndex, ImageManifest } from '../types';
import { expectedIndexDigests } from './catalogue.fixture';
import { buildOfficialCatalogue, generateOfficialCatalogue, type Catalogue } from './index';
import { jsonOf, resolveImage } from './walk';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await generateOfficialCatalogue();
}, 120_000);

const archs = ['amd64', 'arm64'] as const;

const requiredTags: readonly [string, string][] = [
  ['hello-world', 'latest'],
  ['busybox', 'latest'],
  ['busybox', '1.37'],
  ['alpine', '3.19'],
  ['alpine', '3.20'],
  ['alpine', '3.21'],
  ['alpine', 'latest'],
  ['alpine', '3'],
  ['ubuntu', '22.04'],
  ['ubuntu', 'jammy'],
  ['ubuntu', '24.04'],
  ['ubuntu', 'noble'],
  ['ubuntu', 'latest'],
  ['nginx', 'latest'],
  ['nginx', '1.27'],
  ['nginx', 'alpine'],
  ['nginx', '1.27-alpine'],
  ['httpd', 'latest'],
  ['httpd', '2.4'],
  ['redis', 'latest'],
  ['redis', '7'],
  ['node', 'latest'],
  ['node', '22'],
  ['node', '22-alpine'],
  ['node', 'alpine'],
  ['python', 'latest'],
  ['python', '3.12'],
  ['python', '3.12-slim'],
  ['debian', 'bookworm'],
  ['debian', 'bookworm-slim'],
];

describe('structure', () => {
  it.each(requiredTags)('%s:%s resolves for linux/amd64 and linux/arm64/v8', (repo, tag) => {
    for (const arch of archs) {
      const image = resolveImage(catalogue, `library/${repo}`, tag, arch);
      expect(image.index.mediaType).toBe(MediaType.ociIndex);
      expect(image.manifest.mediaType).toBe(MediaType.ociManifest);
      expect(image.config.architecture).toBe(arch);
      expect(image.config.os).toBe('linux');
      expect(image.config.variant).toBe(arch === 'arm64' ? 'v8' : undefined);
      expect(image.manifestDescriptor.platform).toEqual(
        arch === 'arm64'
          ? { architecture: 'arm64', os: 'linux', variant: 'v8' }
          : { architecture: 'amd64', os: 'linux' },
      );
    }
  });

  it('stores every blob under the sha256 of its bytes', async () => {
    for (const [digest, blob] of catalogue.blobs) expect(await sha256Of(blob.bytes)).toBe(digest);
  });

  it('gives every descriptor the digest, size and media type of the blob it names, and leaves no blob unnamed', () => {
    const named = new Set<Digest>();
    const check = (d: { digest: Digest; size: number; mediaType: string }) => {
      const blob = catalogue.blobs.get(d.digest);
      expect(blob, d.digest).toBeDefined();
      expect(blob!.bytes.length).toBe(d.size);
      expect(blob!.mediaType).toBe(d.mediaType);
      named.add(d.digest);
    };
    for (const tags of catalogue.repositories.values()) {
      for (const indexDigest of tags.values()) {
        named.add(indexDigest);
        expect(catalogue.blobs.get(indexDigest)!.mediaType).toBe(MediaType.ociIndex);
        const index = jsonOf<ImageIndex>(catalogue, indexDigest);
        expect(index.schemaVersion).toBe(2);
        for (const m of index.manifests) {
          check(m);
          const manifest = jsonOf<ImageManifest>(catalogue, m.digest);
          check(manifest.config);
          expect(manifest.config.mediaType).toBe(MediaType.ociConfig);
          for (const l of manifest.layers) {
            check(l);
            expect(l.mediaType).toBe(MediaType.ociLayerGzip);
          }
        }
      }
    }
    expect([...catalogue.blobs.keys()].filter((d) => !named.has(d))).toEqual([]);
  });

  it('lists as diff_ids exactly the digests of the uncompressed layer tars', async () => {
    for (const [repo, tags] of catalogue.repositories) {
      for (const tag of tags.keys()) {
        for (const arch of archs) {
          const image = resolveImage(catalogue, repo, tag, arch);
          const diffIds = image.config.rootfs.diff_ids;
          expect(image.config.rootfs.type).toBe('layers');
          expect(diffIds).toHaveLength(image.manifest.layers.length);
          expect(image.config.history!.filter((h) => !h.empty_layer)).toHaveLength(diffIds.length);
          for (const [i, layer] of image.manifest.layers.entries()) {
            // openLayer throws DigestMismatchError if either digest is wrong.
            await openLayer(image.layers[i]!, { digest: layer.digest, diffId: diffIds[i] });
          }
        }
        break; // tags of one index share everything below; one per index digest is enough
      }
    }
  }, 60_000);

  it.each([
    ['alpine', ['latest', '3', '3.21', '3.21.3']],
    ['nginx', ['latest', '1.27', '1.27.4', 'mainline', 'bookworm']],
    ['nginx', ['alpine', '1.27-alpine', '1.27.4-alpine']],
    ['node', ['22', 'lts', '22.14.0', '22-bookworm']],
    ['ubuntu', ['latest', '24.04', 'noble']],
    ['python', ['3.12-slim', '3.12.9-slim', '3.12-slim-bookworm']],
  ])('%s tags %j share one index digest', (repo, tags) => {
    const digests = new Set(tags.map((t) => catalogue.repositories.get(`library/${repo}`)!.get(t)));
    expect(digests.size).toBe(1);
    expect([...digests][0]).toBeDefined();
  });

  it('keeps different images apart', () => {
    const node = catalogue.repositories.get('library/node')!;
    expect(node.get('latest')).not.toBe(node.get('22'));
    expect(node.get('alpine')).not.toBe(node.get('22-alpine'));
  });
});

describe('shared layers', () => {
  const layersOf = (ref: string, arch: string) => {
    const [repo, tag] = ref.split(':') as [string, string];
    return resolveImage(catalogue, `library/${repo}`, tag, arch).manifest.layers.map((l) => l.digest);
  };

  it.each([
    ['nginx:alpine', 'alpine:3.21', 1],
    ['node:22-alpine', 'alpine:3.21', 1],
    ['node:alpine', 'alpine:latest', 1],
    ['nginx:latest', 'debian:bookworm-slim', 1],
    ['httpd:latest', 'debian:bookworm-slim', 1],
    ['redis:latest', 'debian:bookworm-slim', 1],
    ['python:3.12-slim', 'debian:bookworm-slim', 1],
    ['node:22', 'debian:bookworm', 1],
    ['python:3.12', 'node:22', 4],
    ['python:latest', 'node:latest', 4],
  ])('%s starts with the same blob(s) as %s (%i layers)', (a, b, count) => {
    for (const arch of archs) expect(layersOf(a, arch).slice(0, count)).toEqual(layersOf(b, arch).slice(0, count));
  });

  it('does not share the next layer after the common base', () => {
    expect(layersOf('python:3.12', 'amd64')[4]).not.toBe(layersOf('node:22', 'amd64')[4]);
    expect(layersOf('nginx:alpine', 'amd64')[0]).not.toBe(layersOf('alpine:3.20', 'amd64')[0]);
  });

  it('gives each platform its own binary layers', () => {
    for (const ref of ['alpine:latest', 'busybox:latest', 'hello-world:latest', 'ubuntu:latest', 'debian:latest']) {
      const [a, b] = archs.map((arch) => layersOf(ref, arch));
      expect(a!.filter((d) => b!.includes(d))).toEqual([]);
    }
  });

  it('shares text-only layers across platforms, as BuildKit does for identical COPY results', () => {
    const [a, b] = archs.map((arch) => layersOf('nginx:latest', arch));
    expect(a!.slice(0, 2).filter((d) => b!.includes(d))).toEqual([]); // debian, nginx packages
    expect(a!.slice(2)).toEqual(b!.slice(2)); // the entrypoint and its four scripts
  });
});

describe('determinism', () => {
  it('generates the identical catalogue twice', async () => {
    const again = await buildOfficialCatalogue();
    expect([...again.blobs.keys()]).toEqual([...catalogue.blobs.keys()]);
    expect(again.repositories).toEqual(catalogue.repositories);
  }, 120_000);

  it('memoises: the same object on every call', async () => {
    expect(await generateOfficialCatalogue()).toBe(catalogue);
  });

  it.each(Object.entries(expectedIndexDigests))('%s has the fixture digest', (ref, digest) => {
    const [repo, tag] = ref.split(':') as [string, string];
    expect(catalogue.repositories.get(repo)!.get(tag)).toBe(digest);
  });
});
