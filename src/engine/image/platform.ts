// Picking the right image from an index for this machine, as Docker's classic pull does
// (`daemon/internal/distribution/pull_v2_unix.go` filterManifests, containerd `platforms.Only`).
//
// Platforms are compared after normalisation (containerd `platforms.Normalize`): `x86_64` is
// `amd64`, `aarch64` is `arm64`, and the common variants are spelled as no variant at all —
// `arm64/v8` is `arm64`, `amd64/v1` is `amd64`, `arm` alone is `arm/v7`. A machine also runs the
// platforms it is compatible with, in order of preference:
//
//   linux/amd64        → amd64, then 386
//   linux/arm64(/v8)   → arm64, then arm/v8, arm/v7, arm/v6, arm/v5
//   linux/arm/v7       → arm/v7, then arm/v6, arm/v5
//
// Entries without a platform match anything and are tried last. When nothing matches, the daemon
// says `no matching manifest for linux/arm64/v8 in the manifest list entries`, naming the platform
// as it was asked for (an arm64 host asks for `linux/arm64/v8`, an amd64 host for `linux/amd64`).
import { indexMediaTypes, manifestMediaTypes } from './media-types';
import type { Descriptor, ImageIndex, Platform } from './types';

export interface WantedPlatform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
}

export class NoMatchingManifestError extends Error {
  override name = 'NoMatchingManifestError';
  constructor(readonly platform: WantedPlatform) {
    super(`no matching manifest for ${formatPlatform(platform)} in the manifest list entries`);
  }
}

/** `linux/arm64/v8`, `linux/amd64`, `windows(10.0.17763)/amd64` (containerd `FormatAll`). */
export function formatPlatform(p: WantedPlatform): string {
  if (!p.os) return 'unknown';
  const os = p['os.version'] ? `${p.os}(${p['os.version']})` : p.os;
  return [os, p.architecture, p.variant].filter((part) => part).join('/');
}

/** containerd's `normalizeArch`. */
export function normalizeArch(architecture: string, variant = ''): { architecture: string; variant: string } {
  const arch = architecture.toLowerCase();
  let v = variant.toLowerCase();
  switch (arch) {
    case 'i386':
      return { architecture: '386', variant: '' };
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return { architecture: 'amd64', variant: v === 'v1' ? '' : v };
    case 'aarch64':
    case 'arm64':
      return { architecture: 'arm64', variant: v === '8' || v === 'v8' ? '' : v };
    case 'armhf':
      return { architecture: 'arm', variant: 'v7' };
    case 'armel':
      return { architecture: 'arm', variant: 'v6' };
    case 'arm':
      if (v === '' || v === '7') v = 'v7';
      else if (v === '5' || v === '6' || v === '8') v = 'v' + v;
      return { architecture: 'arm', variant: v };
    default:
      return { architecture: arch, variant: v };
  }
}

interface Normal {
  os: string;
  architecture: string;
  variant: string;
}

export function normalizePlatform(p: WantedPlatform | Platform): Normal {
  const os = p.os.toLowerCase() === 'macos' ? 'darwin' : p.os.toLowerCase();
  return { os, ...normalizeArch(p.architecture, p.variant) };
}

/** The platforms a machine runs, best first (containerd `platformVector`, arm64 v8.x/v9.x aside). */
export function compatiblePlatforms(wanted: WantedPlatform): Normal[] {
  const p = normalizePlatform(wanted);
  const vector: Normal[] = [p];
  const armVersion = (variant: string) => Number.parseInt(variant.replace(/^v/, ''), 10);
  if (p.architecture === 'amd64') {
    const level = armVersion(p.variant);
    for (let v = level - 1; v >= 1; v--) vector.push({ ...p, variant: v === 1 ? '' : `v${v}` });
    vector.push({ os: p.os, architecture: '386', variant: '' });
  } else if (p.architecture === 'arm') {
    for (let v = armVersion(p.variant) - 1; v >= 5; v--) vector.push({ ...p, variant: `v${v}` });
  } else if (p.architecture === 'arm64' && (p.variant === '' || p.variant === 'v8')) {
    for (let v = 8; v >= 5; v--) vector.push({ os: p.os, architecture: 'arm', variant: `v${v}` });
  }
  return vector;
}

function same(a: Normal, b: Normal): boolean {
  return a.os === b.os && a.architecture === b.architecture && a.variant === b.variant;
}

/** How well a descriptor's platform suits the machine: its rank in the vector, or -1. */
function rank(vector: Normal[], platform: Platform | undefined): number {
  if (platform === undefined) return vector.length; // matches, but after every real match
  const p = normalizePlatform(platform);
  return vector.findIndex((candidate) => same(candidate, p));
}

/** Whether an image of platform `candidate` runs on a machine that wants `wanted`. */
export function platformMatches(wanted: WantedPlatform, candidate: Platform): boolean {
  return rank(compatiblePlatforms(wanted), candidate) !== -1;
}

/**
 * The index entry Docker would pull for `wanted`: the best-ranked manifest (or nested index),
 * the first one listed among equals. Throws NoMatchingManifestError when there is none.
 */
export function selectPlatform(index: ImageIndex, wanted: WantedPlatform): Descriptor {
  const vector = compatiblePlatforms(wanted);
  let best: { descriptor: Descriptor; rank: number } | undefined;
  for (const descriptor of index.manifests) {
    const known = manifestMediaTypes.includes(descriptor.mediaType) || indexMediaTypes.includes(descriptor.mediaType);
    if (!known) continue; // the daemon skips content it cannot pull
    const r = rank(vector, descriptor.platform);
    if (r !== -1 && (best === undefined || r < best.rank)) best = { descriptor, rank: r };
  }
  if (!best) throw new NoMatchingManifestError(wanted);
  return best.descriptor;
}
