import { describe, expect, it } from 'vitest';
import type { Digest } from '../digest';
import { MediaType } from './media-types';
import {
  compatiblePlatforms,
  formatPlatform,
  NoMatchingManifestError,
  normalizeArch,
  platformMatches,
  selectPlatform,
  type WantedPlatform,
} from './platform';
import type { Descriptor, ImageIndex, Platform } from './types';

let n = 0;
function entry(platform: Platform | undefined, mediaType: string = MediaType.ociManifest): Descriptor {
  const hex = (n++).toString(16).padStart(64, '0');
  return { mediaType, digest: `sha256:${hex}` as Digest, size: 500, ...(platform ? { platform } : {}) };
}
const linux = (architecture: string, variant?: string): Platform => ({
  os: 'linux',
  architecture,
  ...(variant ? { variant } : {}),
});
const index = (...manifests: Descriptor[]): ImageIndex => ({
  schemaVersion: 2,
  mediaType: MediaType.ociIndex,
  manifests,
});

const amd64Host: WantedPlatform = { os: 'linux', architecture: 'amd64' };
const arm64Host: WantedPlatform = { os: 'linux', architecture: 'arm64', variant: 'v8' };

describe('normalizeArch (containerd)', () => {
  it.each([
    ['x86_64', '', 'amd64', ''],
    ['x86-64', '', 'amd64', ''],
    ['amd64', 'v1', 'amd64', ''],
    ['amd64', 'v3', 'amd64', 'v3'],
    ['aarch64', '', 'arm64', ''],
    ['arm64', 'v8', 'arm64', ''],
    ['arm64', '8', 'arm64', ''],
    ['ARM64', 'V8', 'arm64', ''],
    ['arm', '', 'arm', 'v7'],
    ['arm', '6', 'arm', 'v6'],
    ['armhf', '', 'arm', 'v7'],
    ['armel', '', 'arm', 'v6'],
    ['i386', '', '386', ''],
    ['s390x', '', 's390x', ''],
  ])('%s/%s → %s/%s', (arch, variant, outArch, outVariant) => {
    expect(normalizeArch(arch, variant)).toEqual({ architecture: outArch, variant: outVariant });
  });
});

describe('compatiblePlatforms (containerd platforms.Only)', () => {
  const spell = (w: WantedPlatform) =>
    compatiblePlatforms(w).map((p) => [p.architecture, p.variant].filter(Boolean).join('/'));
  it.each<[WantedPlatform, string[]]>([
    [amd64Host, ['amd64', '386']],
    [{ os: 'linux', architecture: 'amd64', variant: 'v3' }, ['amd64/v3', 'amd64/v2', 'amd64', '386']],
    [arm64Host, ['arm64', 'arm/v8', 'arm/v7', 'arm/v6', 'arm/v5']],
    [{ os: 'linux', architecture: 'arm64' }, ['arm64', 'arm/v8', 'arm/v7', 'arm/v6', 'arm/v5']],
    [{ os: 'linux', architecture: 'arm', variant: 'v7' }, ['arm/v7', 'arm/v6', 'arm/v5']],
    [{ os: 'linux', architecture: 'riscv64' }, ['riscv64']],
  ])('%j runs %j', (wanted, vector) => expect(spell(wanted)).toEqual(vector));
});

describe('selectPlatform', () => {
  const amd64 = entry(linux('amd64'));
  const arm64v8 = entry(linux('arm64', 'v8'));
  const armv7 = entry(linux('arm', 'v7'));
  const armv6 = entry(linux('arm', 'v6'));
  const i386 = entry(linux('386'));
  const attestation = entry({ os: 'unknown', architecture: 'unknown' });
  const arm64plain = entry(linux('arm64'));
  const aarch64 = entry(linux('aarch64'));
  const x8664 = entry(linux('x86_64'));
  const bare = entry(undefined);

  it.each<[string, ImageIndex, WantedPlatform, Descriptor]>([
    ['amd64 from a typical index', index(amd64, arm64v8, armv7, attestation), amd64Host, amd64],
    ['arm64/v8 for an arm64 host', index(amd64, armv7, arm64v8, attestation), arm64Host, arm64v8],
    ['arm64 without variant in the index', index(amd64, arm64plain), arm64Host, arm64plain],
    ['aarch64 spelled the old way', index(aarch64), arm64Host, aarch64],
    ['arm/v7 on arm64 when there is no arm64', index(amd64, armv6, armv7), arm64Host, armv7],
    ['386 on amd64 when there is no amd64', index(arm64v8, i386), amd64Host, i386],
    ['the real match before an entry without platform', index(bare, amd64), amd64Host, amd64],
    ['amd64 host asking for arm64', index(amd64, arm64v8), { os: 'linux', architecture: 'arm64' }, arm64v8],
    ['an x86_64 entry', index(x8664), amd64Host, x8664],
  ])('%s', (_name, idx, wanted, expected) => {
    expect(selectPlatform(idx, wanted)).toBe(expected);
  });

  it('takes the first of equal matches', () => {
    const first = entry(linux('amd64'));
    const second = entry(linux('amd64'));
    expect(selectPlatform(index(first, second), amd64Host)).toBe(first);
  });

  it('falls back to an entry without a platform', () => {
    expect(selectPlatform(index(arm64v8, bare), amd64Host)).toBe(bare);
  });

  it('skips entries it could not pull (not a manifest or an index)', () => {
    const odd = entry(linux('amd64'), 'application/vnd.example.thing+json');
    const nested = entry(linux('amd64'), MediaType.dockerManifestList);
    expect(selectPlatform(index(odd, nested), amd64Host)).toBe(nested);
  });

  it.each<[WantedPlatform, string]>([
    [amd64Host, 'no matching manifest for linux/amd64 in the manifest list entries'],
    [arm64Host, 'no matching manifest for linux/arm64/v8 in the manifest list entries'],
    [
      { os: 'windows', architecture: 'amd64', 'os.version': '10.0.22631' },
      'no matching manifest for windows(10.0.22631)/amd64 in the manifest list entries',
    ],
  ])('says so when nothing matches %j', (wanted, message) => {
    const run = () => selectPlatform(index(entry(linux('s390x')), attestation), wanted);
    expect(run).toThrow(NoMatchingManifestError);
    expect(run).toThrow(message);
  });

  it('does not let arm64 run amd64 or the reverse', () => {
    expect(platformMatches(arm64Host, linux('amd64'))).toBe(false);
    expect(platformMatches(amd64Host, linux('arm64', 'v8'))).toBe(false);
    expect(platformMatches(amd64Host, { os: 'windows', architecture: 'amd64' })).toBe(false);
  });
});

describe('formatPlatform', () => {
  it.each<[WantedPlatform, string]>([
    [amd64Host, 'linux/amd64'],
    [arm64Host, 'linux/arm64/v8'],
    [{ os: '', architecture: 'amd64' }, 'unknown'],
  ])('%j → %s', (p, text) => expect(formatPlatform(p)).toBe(text));
});
