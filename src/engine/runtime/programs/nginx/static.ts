// nginx's static and index modules: how a URI becomes a file. The file is `root` + URI (or, with
// `alias`, the URI with the location's prefix replaced). A URI ending in `/` is a directory: the
// index module looks for each `index` file in turn and, finding one, restarts the request
// internally at `/dir/index.html` — which can land in another location. A directory asked for
// without its slash is redirected (301) to the same path with one. A missing file is a 404 and a
// line in the error log: `open() "/usr/share/nginx/html/nope" failed (2: No such file or directory)`.
import { isFsError } from '../../../layer/fs-errors';
import type { Overlay, Stats } from '../../../layer/overlay';
import { ERRNO_NUMBERS } from '../log-file';
import type { LocationConf, Scope } from './conf-model';

export type StaticOutcome =
  | { kind: 'file'; path: string; stats: Stats }
  | { kind: 'index'; uri: string }
  | { kind: 'slash' }
  | { kind: 'listing'; path: string }
  | { kind: 'error'; status: 403 | 404 | 500; log?: string };

type Where = Pick<Scope, 'root' | 'index' | 'autoindex'> & Partial<Pick<LocationConf, 'alias' | 'path'>>;

/** The filesystem path for a URI under a location's root or alias. */
export function filePathOf(where: Where, uri: string): string {
  if (where.alias !== undefined && where.path !== undefined && uri.startsWith(where.path)) {
    return where.alias + uri.slice(where.path.length);
  }
  return where.root.replace(/\/$/, '') + uri;
}

function reasonOf(err: unknown): string {
  if (isFsError(err)) return `(${ERRNO_NUMBERS[err.code] ?? 5}: ${glibcReason(err.code, err.reason)})`;
  return '(5: Input/output error)';
}

/** nginx in the Debian image uses glibc's texts; they differ from musl's for a few errnos. */
function glibcReason(code: string, reason: string): string {
  return code === 'ELOOP' ? 'Too many levels of symbolic links' : reason;
}

function statOrError(fs: Overlay, path: string): Stats | unknown {
  try {
    return fs.stat(path);
  } catch (err) {
    return err;
  }
}

function isStats(x: unknown): x is Stats {
  return typeof x === 'object' && x !== null && 'type' in x && 'mtime' in x;
}

/** Resolve a URI to a file, an internal redirect to an index file, a slash redirect, or an error. */
export function resolveStatic(fs: Overlay, where: Where, uri: string): StaticOutcome {
  const path = filePathOf(where, uri);
  if (uri.endsWith('/')) {
    for (const name of where.index) {
      const candidate = name.startsWith('/') ? name : path + name;
      const st = statOrError(fs, candidate);
      if (isStats(st) && st.type === 'file') return { kind: 'index', uri: name.startsWith('/') ? name : uri + name };
    }
    const dir = statOrError(fs, path);
    if (isStats(dir) && dir.type === 'dir') {
      if (where.autoindex) return { kind: 'listing', path };
      return { kind: 'error', status: 403, log: `directory index of "${path}" is forbidden` };
    }
    const first = path + (where.index[0] ?? 'index.html');
    return { kind: 'error', status: 404, log: `"${first}" is not found ${reasonOf(dir)}` };
  }
  const st = statOrError(fs, path);
  if (!isStats(st)) {
    return { kind: 'error', status: 404, log: `open() "${path}" failed ${reasonOf(st)}` };
  }
  if (st.type === 'dir') return { kind: 'slash' };
  return { kind: 'file', path, stats: st };
}

/** nginx's ETag: last-modified time and size, in hex — `"67a3b1c4-267"`. */
export function etagOf(stats: Stats): string {
  return `"${stats.mtime.toString(16)}-${stats.size.toString(16)}"`;
}
