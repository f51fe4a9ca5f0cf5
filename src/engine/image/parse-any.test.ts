import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { DeprecatedSchema1Error, ManifestInvalidError, UnsupportedMediaTypeError } from './errors';
import { MediaType } from './media-types';
import { bareMediaType, parseManifestOrIndex } from './parse-any';

const d = (c: string) => 'sha256:' + c.repeat(64);
const manifest = {
  schemaVersion: 2,
  config: { mediaType: MediaType.ociConfig, digest: d('a'), size: 1 },
  layers: [{ mediaType: MediaType.ociLayerGzip, digest: d('b'), size: 2 }],
};
const index = { schemaVersion: 2, manifests: [{ mediaType: MediaType.ociManifest, digest: d('c'), size: 3 }] };
const json = (value: object) => utf8(JSON.stringify(value));

describe('parseManifestOrIndex', () => {
  it.each([
    [
      'OCI manifest by its mediaType',
      { ...manifest, mediaType: MediaType.ociManifest },
      undefined,
      'manifest',
      MediaType.ociManifest,
    ],
    [
      'Docker manifest by its mediaType',
      { ...manifest, mediaType: MediaType.dockerManifest },
      undefined,
      'manifest',
      MediaType.dockerManifest,
    ],
    ['OCI index by its mediaType', { ...index, mediaType: MediaType.ociIndex }, undefined, 'index', MediaType.ociIndex],
    [
      'manifest list by its mediaType',
      { ...index, mediaType: MediaType.dockerManifestList },
      undefined,
      'index',
      MediaType.dockerManifestList,
    ],
    ['manifest by shape (config)', manifest, undefined, 'manifest', MediaType.ociManifest],
    ['index by shape (manifests)', index, undefined, 'index', MediaType.ociIndex],
    ['manifest by Content-Type', manifest, MediaType.ociManifest, 'manifest', MediaType.ociManifest],
    [
      'index by Content-Type with parameters',
      index,
      `${MediaType.ociIndex}; charset=utf-8`,
      'index',
      MediaType.ociIndex,
    ],
    ['index by Content-Type in capitals', index, MediaType.ociIndex.toUpperCase(), 'index', MediaType.ociIndex],
    [
      'a generic Content-Type is ignored',
      { ...manifest, mediaType: MediaType.dockerManifest },
      'application/json',
      'manifest',
      MediaType.dockerManifest,
    ],
    ['octet-stream is ignored', index, 'application/octet-stream', 'index', MediaType.ociIndex],
  ])('recognises %s', (_name, doc, contentType, kind, mediaType) => {
    const parsed = parseManifestOrIndex(json(doc), contentType);
    expect(parsed.kind).toBe(kind);
    expect(parsed.mediaType).toBe(mediaType);
    if (parsed.kind === 'manifest') expect(parsed.manifest.layers).toHaveLength(1);
    else expect(parsed.index.manifests).toHaveLength(1);
  });

  it('refuses a Content-Type that contradicts the document', () => {
    expect(() =>
      parseManifestOrIndex(json({ ...manifest, mediaType: MediaType.ociManifest }), MediaType.ociIndex),
    ).toThrow(ManifestInvalidError);
  });

  it.each([
    [{ ...manifest, mediaType: 'application/vnd.foo+json' }, undefined, 'application/vnd.foo+json'],
    [manifest, 'application/vnd.oci.image.layer.v1.tar', 'application/vnd.oci.image.layer.v1.tar'],
  ])('refuses unknown types: %j served as %s', (doc, contentType, named) => {
    expect(() => parseManifestOrIndex(json(doc), contentType)).toThrow(UnsupportedMediaTypeError);
    expect(() => parseManifestOrIndex(json(doc), contentType)).toThrow(`unsupported media type ${named}`);
  });

  it('refuses schema 1, whether by field or by type', () => {
    expect(() => parseManifestOrIndex(json({ schemaVersion: 1, fsLayers: [] }))).toThrow(DeprecatedSchema1Error);
    expect(() =>
      parseManifestOrIndex(json(manifest), 'application/vnd.docker.distribution.manifest.v1+prettyjws'),
    ).toThrow(DeprecatedSchema1Error);
  });

  it('refuses what is neither', () => {
    expect(() => parseManifestOrIndex(json({ schemaVersion: 2 }))).toThrow(
      'manifest invalid: no mediaType, and neither config nor manifests: not a manifest or an index',
    );
    expect(() => parseManifestOrIndex(utf8('{'))).toThrow('manifest invalid: invalid JSON');
  });
});

describe('bareMediaType', () => {
  it.each([
    ['application/json', 'application/json'],
    [' Application/JSON ; charset=UTF-8', 'application/json'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(bareMediaType(input)).toBe(output));
});
