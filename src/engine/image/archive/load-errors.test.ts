import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { encodedOf } from '../../digest';
import { gzip } from '../../layer/gzip';
import { readTar, writeTar } from '../../layer/tar';
import { ArchiveError, type ArchiveErrorKind } from './archive-error';
import { file, hex, layoutTar, legacyDockerArchive, ociImage, tamper } from './fixture-archives';
import { fixtureDir, fixtureFile, fixtureImage } from './fixture-images';
import { loadArchive } from './load';
import { saveImages } from './save';

const base = [fixtureDir('etc'), fixtureFile('etc/os-release', 'NAME="Alpine Linux"\n')];
const app = [fixtureDir('app'), fixtureFile('app/run.sh', 'echo hi\n', 0o755)];

async function expectArchiveError(promise: Promise<unknown>, kind: ArchiveErrorKind, message: string | RegExp) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ArchiveError);
  expect((err as ArchiveError).kind).toBe(kind);
  if (typeof message === 'string') expect((err as Error).message).toContain(message);
  else expect((err as Error).message).toMatch(message);
}

describe('loadArchive refuses bad archives, loading nothing', () => {
  it('without manifest.json or index.json', async () => {
    await expectArchiveError(
      loadArchive(writeTar([file('hello', 'x')])),
      'no-manifest',
      'invalid archive: does not contain a manifest.json',
    );
  });

  it('that is not a tar at all', async () => {
    await expectArchiveError(loadArchive(utf8('hello, world')), 'not-a-tar', /^invalid archive: /);
    await expectArchiveError(loadArchive(gzip(utf8('not a tar inside'))), 'not-a-tar', /^invalid archive: /);
  });

  it.each<[string, string, ArchiveErrorKind, string]>([
    [
      'malformed manifest.json',
      '[{"Config":',
      'malformed-json',
      'invalid archive: failed to decode manifest.json: invalid JSON',
    ],
    ['a null manifest.json', 'null', 'malformed-json', 'invalid manifest, manifest cannot be null (but can be [])'],
    [
      'manifest.json of the wrong shape',
      '{"Config":"x"}',
      'malformed-json',
      'invalid archive: failed to decode manifest.json: ',
    ],
    [
      'a manifest.json item without Layers',
      '[{"Config":"c.json"}]',
      'malformed-json',
      'Layers: required field is missing',
    ],
  ])('with %s', async (_name, json, kind, message) => {
    await expectArchiveError(loadArchive(writeTar([file('manifest.json', json)])), kind, message);
  });

  it('that is missing a file its manifest.json names', async () => {
    const image = await fixtureImage([base]);
    const tar = await legacyDockerArchive(image, ['a:1']);
    const without = writeTar(readTar(tar).filter((e) => !e.path.endsWith('/layer.tar')));
    await expectArchiveError(
      loadArchive(without),
      'missing-file',
      /^invalid archive: [0-9a-f]{64}\/layer\.tar: no such file or directory$/,
    );
  });

  it('whose layer does not match the config’s diff_id', async () => {
    const image = await fixtureImage([base, app]);
    const swapped = await legacyDockerArchive(image, ['a:1'], [image.layers[0]!, writeTar([fixtureFile('evil', 'x')])]);
    await expectArchiveError(
      loadArchive(swapped),
      'diff-id-mismatch',
      /^invalid diffID for layer 1: expected "sha256:[0-9a-f]{64}", got "sha256:[0-9a-f]{64}"$/,
    );
  });

  it('whose config lists more layers than manifest.json', async () => {
    const image = await fixtureImage([base, app]);
    await expectArchiveError(
      loadArchive(await legacyDockerArchive(image, null, [image.layers[0]!])),
      'layers-mismatch',
      'invalid manifest, layers length mismatch: expected 1, got 2',
    );
  });

  it('whose blob does not hash to its name (docker save layout)', async () => {
    const image = await fixtureImage([base]);
    const tar = await saveImages([{ ...image, repoTags: ['a:1'] }]);
    const layerPath = `blobs/sha256/${await hex(image.layers[0]!)}`;
    const bad = tamper(tar, layerPath, (c) => {
      const copy = c.slice();
      copy[600] = copy[600]! ^ 1; // inside the file data of the layer tar
      return copy;
    });
    await expectArchiveError(loadArchive(bad), 'digest-mismatch', `invalid archive: ${layerPath}: digest mismatch`);
  });

  it('whose config is not a config', async () => {
    const image = await fixtureImage([base]);
    const tar = await legacyDockerArchive({ ...image, config: utf8('{"architecture":"amd64"}') }, null, image.layers);
    await expectArchiveError(loadArchive(tar), 'malformed-json', 'invalid image config: os: required field is missing');
  });

  it.each(['alpine@sha256:' + 'a'.repeat(64), 'Alpine:latest', 'not a name'])(
    'with the RepoTags entry %j',
    async (tag) => {
      const image = await fixtureImage([base]);
      await expectArchiveError(
        loadArchive(await legacyDockerArchive(image, [tag])),
        'invalid-tag',
        `invalid tag "${tag}"`,
      );
    },
  );

  it('whose OCI blob does not match its descriptor', async () => {
    const oci = await ociImage(await fixtureImage([base]));
    const tar = layoutTar([oci.manifest], oci.blobs);
    const manifestPath = `blobs/sha256/${encodedOf(oci.manifest.digest)}`;
    await expectArchiveError(
      loadArchive(tamper(tar, manifestPath, (c) => utf8(new TextDecoder().decode(c).replace('"size"', '"size" ')))),
      'size-mismatch',
      `invalid archive: ${manifestPath}: size mismatch`,
    );
    await expectArchiveError(
      loadArchive(
        tamper(tar, manifestPath, (c) => utf8(new TextDecoder().decode(c).replace('schemaVersion', 'schemaVersioN'))),
      ),
      'digest-mismatch',
      `invalid archive: ${manifestPath}: digest mismatch`,
    );
  });

  it('whose OCI layer blob is missing', async () => {
    const oci = await ociImage(await fixtureImage([base]));
    const layer = [...oci.blobs.keys()][0]!;
    oci.blobs.delete(layer);
    await expectArchiveError(
      loadArchive(layoutTar([oci.manifest], oci.blobs)),
      'missing-file',
      `invalid archive: ${layer}: no such file or directory`,
    );
  });

  it('whose index.json is not an index', async () => {
    await expectArchiveError(
      loadArchive(writeTar([file('index.json', '{"schemaVersion":2}')])),
      'malformed-json',
      'invalid archive: index.json: manifest invalid: manifests: required field is missing',
    );
  });

  it('whose layer is compressed with zstd', async () => {
    const image = await fixtureImage([base]);
    const zstd = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0]);
    await expectArchiveError(
      loadArchive(await legacyDockerArchive(image, null, [zstd])),
      'unsupported',
      'zstd-compressed layers are not supported',
    );
  });
});
