import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { parseIndex } from './image-index';
import { MediaType } from './media-types';

const d = (c: string) => 'sha256:' + c.repeat(64);

describe('parseIndex', () => {
  const entry = {
    mediaType: MediaType.ociManifest,
    digest: d('c'),
    size: 1024,
    platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
  };
  const indexBytes = (fields: Record<string, unknown>) =>
    utf8(JSON.stringify({ schemaVersion: 2, manifests: [entry], ...fields }));

  it('parses an OCI index and a Docker manifest list', () => {
    expect(parseIndex(indexBytes({ mediaType: MediaType.ociIndex })).manifests[0]?.platform?.variant).toBe('v8');
    expect(parseIndex(indexBytes({ mediaType: MediaType.dockerManifestList })).manifests).toHaveLength(1);
    expect(parseIndex(indexBytes({}), MediaType.ociIndex).manifests).toHaveLength(1);
  });

  it.each([
    [
      MediaType.dockerManifestList,
      MediaType.ociIndex,
      `if present, mediaType in image index should be '${MediaType.ociIndex}' not '${MediaType.dockerManifestList}'`,
    ],
    [
      undefined,
      MediaType.dockerManifestList,
      `mediaType in manifest list should be '${MediaType.dockerManifestList}' not ''`,
    ],
    [
      MediaType.ociManifest,
      undefined,
      `if present, mediaType in image index should be '${MediaType.ociIndex}' not '${MediaType.ociManifest}'`,
    ],
  ])('checks payload %s against served %s', (payload, contentType, detail) => {
    expect(() => parseIndex(indexBytes(payload ? { mediaType: payload } : {}), contentType)).toThrow(
      `manifest invalid: ${detail}`,
    );
  });

  it.each([
    [
      { manifests: [{ ...entry, platform: { os: 'linux' } }] },
      'manifests[0].platform.architecture: required field is missing',
    ],
    [{ manifests: undefined }, 'manifests: required field is missing'],
    [
      { manifests: [{ ...entry, digest: 'sha256:' + 'G'.repeat(64) }] },
      'manifests[0].digest: invalid checksum digest format',
    ],
  ])('says what is wrong with %j', (fields, detail) => {
    expect(() => parseIndex(indexBytes(fields))).toThrow(`manifest invalid: ${detail}`);
  });
});
