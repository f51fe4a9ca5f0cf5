import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { DeprecatedSchema1Error, ManifestInvalidError, UnsupportedMediaTypeError } from './errors';
import { parseManifest } from './manifest';
import { MediaType } from './media-types';

const d = (c: string) => 'sha256:' + c.repeat(64);
const config = { mediaType: MediaType.ociConfig, digest: d('a'), size: 7023 };
const layer = { mediaType: MediaType.ociLayerGzip, digest: d('b'), size: 32654 };

function manifestBytes(fields: Record<string, unknown>): Uint8Array {
  return utf8(JSON.stringify({ schemaVersion: 2, config, layers: [layer], ...fields }));
}

const unknownType = 'application/vnd.foo.manifest.v1+json';
const should = (expected: string, got: string, ifPresent: boolean) =>
  `manifest invalid: ${ifPresent ? 'if present, ' : ''}mediaType in manifest should be '${expected}' not '${got}'`;

describe('parseManifest', () => {
  it('parses an OCI image manifest', () => {
    const m = parseManifest(manifestBytes({ mediaType: MediaType.ociManifest, annotations: { a: 'b' } }));
    expect(m.config).toEqual(config);
    expect(m.layers).toEqual([layer]);
    expect(m.annotations).toEqual({ a: 'b' });
  });

  // Payload mediaType × served Content-Type, after distribution's registry tests
  // (TestManifestAPI_Put_ManifestWithAllPossibleMediaTypeAndContentTypeCombinations).
  it.each([
    ['schema 2 in payload and content type', MediaType.dockerManifest, MediaType.dockerManifest, null],
    ['schema 2 in payload, no content type', MediaType.dockerManifest, undefined, null],
    [
      'none in payload, schema 2 in content type',
      undefined,
      MediaType.dockerManifest,
      should(MediaType.dockerManifest, '', false),
    ],
    ['oci in payload and content type', MediaType.ociManifest, MediaType.ociManifest, null],
    ['none in payload, oci in content type', undefined, MediaType.ociManifest, null],
    ['none in payload, no content type (OCI assumed)', undefined, undefined, null],
    [
      'schema 2 in payload, oci in content type',
      MediaType.dockerManifest,
      MediaType.ociManifest,
      should(MediaType.ociManifest, MediaType.dockerManifest, true),
    ],
    [
      'oci in payload, schema 2 in content type',
      MediaType.ociManifest,
      MediaType.dockerManifest,
      should(MediaType.dockerManifest, MediaType.ociManifest, false),
    ],
    [
      'unknown in payload, schema 2 in content type',
      unknownType,
      MediaType.dockerManifest,
      should(MediaType.dockerManifest, unknownType, false),
    ],
    [
      'unknown in payload, oci in content type',
      unknownType,
      MediaType.ociManifest,
      should(MediaType.ociManifest, unknownType, true),
    ],
    [
      'an index in payload, parsed as a manifest',
      MediaType.ociIndex,
      undefined,
      should(MediaType.ociManifest, MediaType.ociIndex, true),
    ],
  ])('%s', (_name, payload, contentType, error) => {
    const bytes = manifestBytes(payload ? { mediaType: payload } : {});
    if (error === null) expect(parseManifest(bytes, contentType).layers).toHaveLength(1);
    else expect(() => parseManifest(bytes, contentType)).toThrow(error);
  });

  it.each([
    [unknownType, undefined],
    [MediaType.ociManifest, unknownType],
    [undefined, 'application/vnd.oci.image.config.v1+json'],
  ])('refuses a media type it does not handle (payload %s, served %s)', (payload, contentType) => {
    const bytes = manifestBytes(payload ? { mediaType: payload } : {});
    expect(() => parseManifest(bytes, contentType)).toThrow(UnsupportedMediaTypeError);
    expect(() => parseManifest(bytes, contentType)).toThrow(`unsupported media type ${contentType ?? payload}`);
  });

  it.each([
    [{ schemaVersion: 1, name: 'x', tag: 'y', fsLayers: [] }, undefined],
    [{ schemaVersion: 2 }, 'application/vnd.docker.distribution.manifest.v1+prettyjws'],
    [{ schemaVersion: 2 }, 'application/vnd.docker.distribution.manifest.v1+json'],
  ])('refuses schema 1 with Docker’s deprecation message (%j, %s)', (doc, contentType) => {
    const run = () => parseManifest(utf8(JSON.stringify(doc)), contentType);
    expect(run).toThrow(DeprecatedSchema1Error);
    expect(run).toThrow(
      /^Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed/,
    );
  });

  it.each([
    [{ schemaVersion: 3 }, 'schemaVersion: schemaVersion must be 2'],
    [{ config: undefined }, 'config: required field is missing'],
    [{ layers: undefined }, 'layers: required field is missing'],
    [{ layers: 'x' }, 'layers: Invalid type: Expected Array but received "x"'],
    [{ layers: [{ ...layer, digest: 'sha256:abc' }] }, 'layers[0].digest: invalid checksum digest format'],
    [{ layers: [layer, { ...layer, size: -1 }] }, 'layers[1].size: size must not be negative'],
    [{ layers: [{ ...layer, size: 1.5 }] }, 'layers[0].size: size must be an integer'],
    [{ layers: [{ ...layer, mediaType: 'gzip' }] }, 'layers[0].mediaType: invalid media type'],
    [{ config: { ...config, digest: undefined } }, 'config.digest: required field is missing'],
    [{ annotations: { a: 1 } }, 'annotations: Invalid type: Expected an object of strings'],
  ])('says what is wrong with %j', (fields, detail) => {
    const run = () => parseManifest(manifestBytes(fields));
    expect(run).toThrow(ManifestInvalidError);
    expect(run).toThrow(`manifest invalid: ${detail}`);
  });

  it('says when the bytes are not JSON, or not UTF-8', () => {
    expect(() => parseManifest(utf8('{"schemaVersion":'))).toThrow('manifest invalid: invalid JSON');
    expect(() => parseManifest(new Uint8Array([0xff]))).toThrow('manifest invalid: not valid UTF-8');
    expect(() => parseManifest(utf8('[]'))).toThrow('manifest invalid: not a JSON object');
  });

  it('carries the registry error code', () => {
    const err = (() => {
      try {
        parseManifest(utf8('x'));
      } catch (e) {
        return e as ManifestInvalidError;
      }
    })();
    expect(err?.code).toBe('MANIFEST_INVALID');
  });

  it('keeps fields it does not model', () => {
    const m = parseManifest(manifestBytes({ extra: { x: 1 } })) as unknown as Record<string, unknown>;
    expect(m.extra).toEqual({ x: 1 });
  });

  it('accepts an empty layer list (an artifact or a scratch image)', () => {
    expect(parseManifest(manifestBytes({ layers: [] })).layers).toEqual([]);
  });
});
