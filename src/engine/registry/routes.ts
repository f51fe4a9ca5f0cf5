// The URL space of the OCI Distribution API (distribution-spec spec.md, "Endpoints"), as route
// matchers that read like the spec's table: end-1 `/v2/`, end-2/3 manifests, end-4a..6 uploads,
// end-2 blobs, end-8 tags, `_catalog`, and the token endpoint a registry's auth realm points at.
import { isRepositoryPath, MAX_PATH_LENGTH } from '../reference';

export type Route =
  | { kind: 'base' }
  | { kind: 'catalog' }
  | { kind: 'token' }
  | { kind: 'blob'; name: string; digest: string }
  | { kind: 'uploads'; name: string }
  | { kind: 'upload'; name: string; uuid: string }
  | { kind: 'manifest'; name: string; reference: string }
  | { kind: 'tags'; name: string }
  | { kind: 'unknown' };

// A route takes any name-ish text; the handler answers NAME_INVALID for what the reference
// grammar refuses (lowercase path components joined by `/`, at most 255 characters).
export const maxNameLength = MAX_PATH_LENGTH;

export function isValidRepositoryName(name: string): boolean {
  return name.length <= maxNameLength && isRepositoryPath(name);
}

const patterns: [RegExp, (m: RegExpExecArray) => Route][] = [
  [/^\/v2\/?$/, () => ({ kind: 'base' })],
  [/^\/v2\/_catalog$/, () => ({ kind: 'catalog' })],
  [/^\/token$/, () => ({ kind: 'token' })],
  [/^\/v2\/(.+)\/blobs\/uploads\/?$/, (m) => ({ kind: 'uploads', name: m[1]! })],
  [/^\/v2\/(.+)\/blobs\/uploads\/([^/]+)$/, (m) => ({ kind: 'upload', name: m[1]!, uuid: m[2]! })],
  [/^\/v2\/(.+)\/blobs\/([^/]+)$/, (m) => ({ kind: 'blob', name: m[1]!, digest: m[2]! })],
  [/^\/v2\/(.+)\/manifests\/([^/]+)$/, (m) => ({ kind: 'manifest', name: m[1]!, reference: m[2]! })],
  [/^\/v2\/(.+)\/tags\/list$/, (m) => ({ kind: 'tags', name: m[1]! })],
];

/** Match a request path (without its query) to a route. */
export function matchRoute(path: string): Route {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { kind: 'unknown' };
  }
  for (const [re, make] of patterns) {
    const m = re.exec(decoded);
    if (m) return make(m);
  }
  return { kind: 'unknown' };
}

/** The repository a route acts on, if any. */
export function repositoryOf(route: Route): string | undefined {
  return 'name' in route ? route.name : undefined;
}
