// How nginx picks `Content-Type` for a file: the extension after the last dot of the URI, looked
// up (case-insensitively) in the `types { }` map — /etc/nginx/mime.types in the image — and
// `default_type` when there is no extension or no match (application/octet-stream in the image's
// nginx.conf, which makes browsers download unknown files instead of showing them).
import type { Scope } from './conf-model';

export function contentTypeOf(path: string, scope: Pick<Scope, 'types' | 'defaultType'>): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot < 0) return scope.defaultType;
  return scope.types.get(name.slice(dot + 1).toLowerCase()) ?? scope.defaultType;
}
