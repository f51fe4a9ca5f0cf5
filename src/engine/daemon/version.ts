// Which Docker Engine this daemon is: the classic engine 28.2.2 speaking Engine API 1.50, the
// version the docker CLI on these machines (28.2.2) negotiates. Every answer that names a
// version — `/_ping` headers, `/version`, `/info`, the `Server` header — reads it from here.

/** The highest Engine API version served, advertised in `Api-Version` on every answer. */
export const API_VERSION = '1.50';
/** The oldest Engine API version still accepted (moby's MinAPIVersion). */
export const MIN_API_VERSION = '1.24';
export const ENGINE_VERSION = '28.2.2';
export const ENGINE_GIT_COMMIT = '45873be';
export const GO_VERSION = 'go1.24.3';
export const BUILD_TIME = '2025-05-30T12:07:14.000000000+00:00';

/** The runtime components `docker version` lists under the engine. */
export const COMPONENTS = {
  containerd: { version: '1.7.27', commit: '05044ec0a9a75232cad458027ca83437aae3f4da' },
  runc: { version: '1.2.5', commit: 'v1.2.5-0-g59923ef' },
  dockerInit: { version: '0.19.0', commit: 'de40ad0' },
} as const;

/**
 * Compare dotted API versions numerically, part by part, as moby's `versions.compare` does
 * (`1.9` < `1.24`); a missing part counts as 0. Returns -1, 0 or 1.
 */
export function compareApiVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = Number.parseInt(pa[i] ?? '0', 10) || 0;
    const y = Number.parseInt(pb[i] ?? '0', 10) || 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
