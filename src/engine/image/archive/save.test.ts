import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesEqual, fromUtf8, utf8 } from '../../bytes';
import { encodedOf, sha256Of } from '../../digest';
import { gzip } from '../../layer/gzip';
import { readTar } from '../../layer/tar';
import { parseIndex } from '../image-index';
import { parseManifest } from '../manifest';
import { MediaType } from '../media-types';
import { ArchiveError } from './archive-error';
import { fixtureDir, fixtureFile, fixtureImage } from './fixture-images';
import { loadArchive } from './load';
import { saveImages } from './save';
import { expectedArchiveDigest, fixtureArchiveDigest } from './save.fixture';

const base = [fixtureDir('etc'), fixtureFile('etc/os-release', 'NAME="Alpine Linux"\n')];
const app = [fixtureDir('app'), fixtureFile('app/run.sh', 'echo hi\n', 0o755)];

async function twoLayerImage() {
  return fixtureImage([base, app]);
}

const read = (tar: Uint8Array) => new Map(readTar(tar).map((e) => [e.path, e]));
const text = (tar: Uint8Array, path: string) => fromUtf8(read(tar).get(path)!.content!);

describe('saveImages', () => {
  it('lays the archive out as docker save does', async () => {
    const image = await twoLayerImage();
    const tar = await saveImages([{ ...image, repoTags: ['alpine:latest'] }]);
    const entries = readTar(tar);
    const id = await sha256Of(image.config);
    const [l0, l1] = await Promise.all(image.layers.map((l) => sha256Of(l)));
    const names = entries.map((e) => e.path);
    expect(names.slice(0, 2)).toEqual(['blobs', 'blobs/sha256']);
    expect(names.slice(-4)).toEqual(['index.json', 'manifest.json', 'oci-layout', 'repositories']);
    const blobs = names.slice(2, -4);
    expect(blobs).toEqual([...blobs].sort());
    expect(blobs).toEqual(expect.arrayContaining([id, l0, l1].map((d) => `blobs/sha256/${encodedOf(d!)}`)));
    expect(blobs).toHaveLength(4); // config, two layers, manifest
    for (const e of entries) {
      expect([e.uid, e.gid]).toEqual([0, 0]);
      expect(e.mode).toBe(e.type === 'dir' ? 0o755 : 0o644);
    }
  });

  it('stores the config and the layers byte for byte, layers uncompressed under their diff_id', async () => {
    const image = await twoLayerImage();
    const files = read(await saveImages([{ ...image, repoTags: [] }]));
    expect(
      bytesEqual(files.get(`blobs/sha256/${encodedOf(await sha256Of(image.config))}`)!.content!, image.config),
    ).toBe(true);
    for (const layer of image.layers) {
      expect(bytesEqual(files.get(`blobs/sha256/${encodedOf(await sha256Of(layer))}`)!.content!, layer)).toBe(true);
    }
  });

  it('writes index.json with the containerd and OCI name annotations, one entry per name', async () => {
    const image = await twoLayerImage();
    const tar = await saveImages([{ ...image, repoTags: ['alpine:latest', 'localhost:5000/team/alpine:v1'] }]);
    const manifestBlob = parseIndex(utf8(text(tar, 'index.json'))).manifests[0]!;
    expect(text(tar, 'index.json')).toBe(
      `{"schemaVersion":2,"mediaType":"${MediaType.ociIndex}","manifests":[` +
        `{"mediaType":"${MediaType.ociManifest}","digest":"${manifestBlob.digest}","size":${manifestBlob.size},` +
        `"annotations":{"io.containerd.image.name":"docker.io/library/alpine:latest","org.opencontainers.image.ref.name":"latest"}},` +
        `{"mediaType":"${MediaType.ociManifest}","digest":"${manifestBlob.digest}","size":${manifestBlob.size},` +
        `"annotations":{"io.containerd.image.name":"localhost:5000/team/alpine:v1","org.opencontainers.image.ref.name":"v1"}}]}`,
    );
  });

  it('writes an OCI manifest of the uncompressed layers', async () => {
    const image = await twoLayerImage();
    const tar = await saveImages([{ ...image, repoTags: ['alpine'] }]);
    const entry = parseIndex(utf8(text(tar, 'index.json'))).manifests[0]!;
    const bytes = read(tar).get(`blobs/sha256/${encodedOf(entry.digest)}`)!.content!;
    expect(await sha256Of(bytes)).toBe(entry.digest);
    const manifest = parseManifest(bytes);
    expect(manifest.mediaType).toBe(MediaType.ociManifest);
    expect(manifest.config).toEqual({
      mediaType: MediaType.ociConfig,
      digest: await sha256Of(image.config),
      size: image.config.length,
    });
    expect(manifest.layers).toEqual(
      await Promise.all(
        image.layers.map(async (l) => ({
          mediaType: MediaType.ociLayerTar,
          digest: await sha256Of(l),
          size: l.length,
        })),
      ),
    );
  });

  it('writes manifest.json, with familiar names and LayerSources, as Go’s encoder does', async () => {
    const image = await fixtureImage([base]);
    const tar = await saveImages([{ ...image, repoTags: ['docker.io/library/alpine:3.21'] }]);
    const id = encodedOf(await sha256Of(image.config));
    const diff = await sha256Of(image.layers[0]!);
    expect(text(tar, 'manifest.json')).toBe(
      `[{"Config":"blobs/sha256/${id}","RepoTags":["alpine:3.21"],"Layers":["blobs/sha256/${encodedOf(diff)}"],` +
        `"LayerSources":{"${diff}":{"mediaType":"${MediaType.ociLayerTar}","size":${image.layers[0]!.length},"digest":"${diff}"}}}]\n`,
    );
  });

  it('writes oci-layout and repositories as Docker does', async () => {
    const image = await twoLayerImage();
    const tar = await saveImages([{ ...image, repoTags: ['alpine:latest', 'alpine:3.21', 'myuser/app'] }]);
    expect(text(tar, 'oci-layout')).toBe('{"imageLayoutVersion": "1.0.0"}');
    const top = encodedOf(await sha256Of(image.layers[1]!));
    expect(text(tar, 'repositories')).toBe(
      `{"alpine":{"3.21":"${top}","latest":"${top}"},"myuser/app":{"latest":"${top}"}}\n`,
    );
  });

  it('dates config and layer blobs by the image, everything else by the epoch', async () => {
    const image = await fixtureImage([base], { created: '2024-05-06T07:08:09.999Z' });
    const created = Date.parse('2024-05-06T07:08:09Z') / 1000;
    const files = read(await saveImages([{ ...image, repoTags: ['a:b'] }]));
    const id = `blobs/sha256/${encodedOf(await sha256Of(image.config))}`;
    const layer = `blobs/sha256/${encodedOf(await sha256Of(image.layers[0]!))}`;
    for (const [path, entry] of files) {
      const expected = path === id || path === layer || path === 'blobs' ? created : 0;
      expect([path, entry.mtime]).toEqual([path, expected]);
    }
  });

  it('is deterministic', async () => {
    const image = await twoLayerImage();
    const input = [{ ...image, repoTags: ['alpine:latest'] }];
    expect(bytesEqual(await saveImages(input), await saveImages(input))).toBe(true);
  });

  it('stores a layer shared by two images once', async () => {
    const one = await fixtureImage([base]);
    const two = await fixtureImage([base, app]);
    const tar = await saveImages([
      { ...one, repoTags: ['one:1'] },
      { ...two, repoTags: ['two:2'] },
    ]);
    const shared = `blobs/sha256/${encodedOf(await sha256Of(one.layers[0]!))}`;
    expect(readTar(tar).filter((e) => e.path === shared)).toHaveLength(1);
    expect(JSON.parse(text(tar, 'manifest.json'))).toHaveLength(2);
  });

  it('merges two inputs of the same image, dropping repeated names and digest references', async () => {
    const image = await twoLayerImage();
    const tar = await saveImages([
      { ...image, repoTags: ['alpine:latest', 'alpine@sha256:' + 'a'.repeat(64)] },
      { ...image, repoTags: ['docker.io/library/alpine:latest', 'alpine:3'] },
    ]);
    const items = JSON.parse(text(tar, 'manifest.json')) as { RepoTags: string[] }[];
    expect(items.map((i) => i.RepoTags)).toEqual([['alpine:latest', 'alpine:3']]);
    expect(parseIndex(utf8(text(tar, 'index.json'))).manifests).toHaveLength(2);
  });

  it('saves an untagged image: RepoTags null, an unannotated index entry, no repositories file', async () => {
    const image = await twoLayerImage();
    const tar = await saveImages([{ ...image, repoTags: [] }]);
    expect(text(tar, 'manifest.json')).toContain('"RepoTags":null');
    expect(parseIndex(utf8(text(tar, 'index.json'))).manifests[0]!.annotations).toBeUndefined();
    expect(read(tar).has('repositories')).toBe(false);
  });

  it.each<[string, () => Promise<Parameters<typeof saveImages>[0]>, string, string]>([
    [
      'an image without layers',
      async () => [{ ...(await fixtureImage([])), repoTags: [] }],
      'empty-image',
      'empty export - not implemented',
    ],
    [
      'a layer that is not the one the config names',
      async () => {
        const image = await twoLayerImage();
        return [{ ...image, layers: [image.layers[1]!, image.layers[0]!], repoTags: [] }];
      },
      'diff-id-mismatch',
      'invalid diffID for layer 0',
    ],
    [
      'a compressed layer',
      async () => {
        const image = await twoLayerImage();
        return [{ ...image, layers: [gzip(image.layers[0]!), image.layers[1]!], repoTags: [] }];
      },
      'diff-id-mismatch',
      'layer 0 is gzip-compressed: save takes the uncompressed tar',
    ],
    [
      'a missing layer',
      async () => {
        const image = await twoLayerImage();
        return [{ ...image, layers: [image.layers[0]!], repoTags: [] }];
      },
      'layers-mismatch',
      'invalid image: the config lists 2 layers, 1 were given',
    ],
  ])('refuses %s', async (_name, input, kind, message) => {
    const err = await saveImages(await input()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArchiveError);
    expect((err as ArchiveError).kind).toBe(kind);
    expect((err as Error).message).toContain(message);
  });

  it('refuses a bad name or a bad config', async () => {
    const image = await twoLayerImage();
    await expect(saveImages([{ ...image, repoTags: ['Alpine'] }])).rejects.toThrow(
      'invalid reference format: repository name (library/Alpine) must be lowercase',
    );
    await expect(saveImages([{ ...image, config: utf8('{}'), repoTags: [] }])).rejects.toThrow('invalid image config');
  });

  it('round-trips through loadArchive', async () => {
    const image = await twoLayerImage();
    const [loaded] = await loadArchive(await saveImages([{ ...image, repoTags: ['docker.io/myuser/app:v2', 'app'] }]));
    expect(loaded!.configDigest).toBe(await sha256Of(image.config));
    expect(bytesEqual(loaded!.config, image.config)).toBe(true);
    expect(loaded!.layers.map((l, i) => bytesEqual(l, image.layers[i]!))).toEqual([true, true]);
    expect(loaded!.repoTags).toEqual(['myuser/app:v2', 'app:latest']);
  });
});

describe('save and load (property)', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
  const layer = fc.uniqueArray(fc.record({ path: name, content: fc.string({ maxLength: 64 }) }), {
    selector: (f) => f.path,
    maxLength: 3,
  });

  it('gives back exactly the images and names that were saved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(layer, { minLength: 1, maxLength: 3 }),
        fc.array(name, { maxLength: 2 }),
        async (layers, tags) => {
          const image = await fixtureImage(layers.map((files) => files.map((f) => fixtureFile(f.path, f.content))));
          const repoTags = [...new Set(tags)].map((t) => `${t}:v1`);
          const [loaded, ...rest] = await loadArchive(await saveImages([{ ...image, repoTags }]));
          expect(rest).toEqual([]);
          expect(bytesEqual(loaded!.config, image.config)).toBe(true);
          expect(loaded!.layers.every((l, i) => bytesEqual(l, image.layers[i]!))).toBe(true);
          expect(loaded!.repoTags).toEqual(repoTags);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('save in every engine', () => {
  it('gives the fixture archive the digest the browser test also expects', async () => {
    expect(await fixtureArchiveDigest()).toBe(expectedArchiveDigest);
  });
});
