import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromUtf8 } from '../bytes';
import type { Digest } from '../digest';
import { parseConfig } from './config';
import { parseIndex } from './image-index';
import { parseManifest } from './manifest';
import { MediaType } from './media-types';
import { serialiseConfig, serialiseIndex, serialiseManifest } from './serialise';
import type { ImageConfig, ImageIndex, ImageManifest } from './types';

const d = (c: string) => ('sha256:' + c.repeat(64)) as Digest;

describe('serialiseManifest', () => {
  it('writes the keys in Go struct order whatever order they were set in', () => {
    const manifest = {
      layers: [{ size: 3, digest: d('b'), mediaType: MediaType.ociLayerTar }],
      config: { size: 2, digest: d('a'), mediaType: MediaType.ociConfig },
      mediaType: MediaType.ociManifest,
      schemaVersion: 2,
    } as ImageManifest;
    expect(fromUtf8(serialiseManifest(manifest))).toBe(
      `{"schemaVersion":2,"mediaType":"${MediaType.ociManifest}",` +
        `"config":{"mediaType":"${MediaType.ociConfig}","digest":"${d('a')}","size":2},` +
        `"layers":[{"mediaType":"${MediaType.ociLayerTar}","digest":"${d('b')}","size":3}]}`,
    );
  });

  it('sorts annotation keys and puts descriptor annotations after size', () => {
    const manifest: ImageManifest = {
      schemaVersion: 2,
      config: { mediaType: MediaType.ociConfig, digest: d('a'), size: 1, annotations: { z: '1', a: '2' } },
      layers: [],
      annotations: { 'org.opencontainers.image.title': 'x', 'com.example': 'y' },
    };
    expect(fromUtf8(serialiseManifest(manifest))).toBe(
      `{"schemaVersion":2,"config":{"mediaType":"${MediaType.ociConfig}","digest":"${d('a')}","size":1,"annotations":{"a":"2","z":"1"}},` +
        `"layers":[],"annotations":{"com.example":"y","org.opencontainers.image.title":"x"}}`,
    );
  });
});

describe('serialiseIndex', () => {
  it('orders platform fields as image-spec specs-go does', () => {
    const index: ImageIndex = {
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [
        {
          platform: { variant: 'v8', os: 'linux', architecture: 'arm64' },
          size: 5,
          digest: d('c'),
          mediaType: MediaType.ociManifest,
        },
      ],
    };
    expect(fromUtf8(serialiseIndex(index))).toBe(
      `{"schemaVersion":2,"mediaType":"${MediaType.ociIndex}","manifests":[{"mediaType":"${MediaType.ociManifest}",` +
        `"digest":"${d('c')}","size":5,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}}]}`,
    );
  });
});

describe('serialiseConfig', () => {
  it('orders the config as BuildKit writes it', () => {
    const config: ImageConfig = {
      rootfs: { diff_ids: [d('d')], type: 'layers' },
      history: [{ empty_layer: true, created_by: 'CMD ["sh"]', created: '2024-01-01T00:00:00Z' }],
      config: { Cmd: ['sh'], Env: ['PATH=/bin'], WorkingDir: '/', ExposedPorts: { '80/tcp': {} } },
      os: 'linux',
      architecture: 'amd64',
      created: '2024-01-01T00:00:00Z',
    };
    expect(fromUtf8(serialiseConfig(config))).toBe(
      '{"created":"2024-01-01T00:00:00Z","architecture":"amd64","os":"linux",' +
        '"config":{"ExposedPorts":{"80/tcp":{}},"Env":["PATH=/bin"],"Cmd":["sh"],"WorkingDir":"/"},' +
        `"rootfs":{"type":"layers","diff_ids":["${d('d')}"]},` +
        '"history":[{"created":"2024-01-01T00:00:00Z","created_by":"CMD [\\"sh\\"]","empty_layer":true}]}',
    );
  });

  it('escapes HTML characters in commands as Go does', () => {
    const config: ImageConfig = {
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      history: [{ created_by: 'RUN a && b > c' }],
    };
    expect(fromUtf8(serialiseConfig(config))).toContain('"created_by":"RUN a \\u0026\\u0026 b \\u003e c"');
    expect(parseConfig(serialiseConfig(config)).history?.[0]?.created_by).toBe('RUN a && b > c');
  });
});

// Generated documents survive serialise → parse unchanged, and the bytes do not depend on the
// order in which the object's keys were set.
const digest = fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256:${h}` as Digest);
const text = fc.string({ maxLength: 12 });
const annotations = fc.dictionary(text, text, { maxKeys: 3 });
const descriptor = fc.record(
  {
    mediaType: fc.constantFrom(MediaType.ociLayerGzip, MediaType.ociLayerTar, MediaType.dockerLayerGzip),
    digest,
    size: fc.nat(),
    annotations,
  },
  { requiredKeys: ['mediaType', 'digest', 'size'] },
);
const manifest = fc.record(
  {
    schemaVersion: fc.constant(2 as const),
    mediaType: fc.constant(MediaType.ociManifest),
    config: descriptor,
    layers: fc.array(descriptor, { maxLength: 4 }),
    annotations,
  },
  { requiredKeys: ['schemaVersion', 'config', 'layers'] },
);

function shuffledKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(shuffledKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffledKeys(v)])) as T;
}

describe('serialisation (property)', () => {
  it('round-trips manifests and is independent of key order', () => {
    fc.assert(
      fc.property(manifest, (m) => {
        const bytes = serialiseManifest(m as ImageManifest);
        expect(parseManifest(bytes)).toEqual(m);
        expect(serialiseManifest(shuffledKeys(m) as ImageManifest)).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips indexes', () => {
    const entry = fc.record({
      mediaType: fc.constant(MediaType.ociManifest),
      digest,
      size: fc.nat(),
      platform: fc.record({ architecture: fc.constantFrom('amd64', 'arm64'), os: fc.constant('linux') }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), (manifests) => {
        const index: ImageIndex = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
        expect(parseIndex(serialiseIndex(shuffledKeys(index)))).toEqual(index);
      }),
    );
  });
});
