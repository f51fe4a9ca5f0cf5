// `docker cp` on the daemon side (moby daemon/archive.go): files go in and out of a container as
// tar archives, whether it runs or not.
//
//   stat     HEAD …/archive?path=/etc/hosts   the path's stat, base64 JSON in the
//            `X-Docker-Container-Path-Stat` header: {"name","size","mode","mtime","linkTarget"},
//            `mode` being Go's FileMode (permission bits, plus 1<<31 for a directory, 1<<27 for a
//            symlink)
//   get      GET  …/archive?path=/etc           a tar whose top entry is the path's base name
//   put      PUT  …/archive?path=/tmp           the request body, a tar, extracted into that
//            directory (which must exist and be one)
//
// A missing path is `Could not find the file /x in container web` (404). The paths are those the
// container sees — its image, its init layer and its own changes — and what `put` writes lands in
// its own layer, so it shows in `docker diff`.
//
// Symlinks travel as symlinks, their targets untouched. Docker's rule for one whose relative target
// climbs above the copied path (the nginx image's `/etc/nginx/modules -> ../../usr/lib/nginx/modules`)
// differs by direction: `get` sends it as it is (it is the extracting side that judges; the CLI's
// own untar refuses it, while `docker cp web:/etc/nginx - | tar -x` keeps it), and `put`, which
// extracts, refuses it as a breakout: `invalid symlink "/tmp/dir/up" -> "../../etc/passwd"` (500),
// the path being where the link would have landed inside the container.
import type { FsEntry } from '../../layer/entry';
import { isFsError } from '../../layer/fs-errors';
import type { Overlay } from '../../layer/overlay';
import { normalizeEntryPath } from '../../layer/path';
import { readTar, TarError, writeTar } from '../../layer/tar';
import { encodeHeader } from '../../layer/tar-header';
import { DaemonError } from '../api/errors';
import { goTime } from '../api/system-info';
import type { Container } from './container';

export interface PathStat {
  name: string;
  size: number;
  mode: number;
  mtime: string;
  linkTarget: string;
}

const GO_MODE_DIR = 2 ** 31;
const GO_MODE_SYMLINK = 2 ** 27;
const GO_MODE_SETUID = 2 ** 23;
const GO_MODE_SETGID = 2 ** 22;
const GO_MODE_STICKY = 2 ** 20;

/** A Unix mode as Go's os.FileMode encodes it. */
function goFileMode(type: 'file' | 'dir' | 'symlink', mode: number): number {
  let out = mode & 0o777;
  if (mode & 0o4000) out += GO_MODE_SETUID;
  if (mode & 0o2000) out += GO_MODE_SETGID;
  if (mode & 0o1000) out += GO_MODE_STICKY;
  if (type === 'dir') out += GO_MODE_DIR;
  if (type === 'symlink') out += GO_MODE_SYMLINK;
  return out;
}

/** The absolute path the API means (`etc` is `/etc`), without a trailing slash. */
function absolute(path: string): string {
  const joined = ('/' + path).replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function notFound(path: string, given: string): DaemonError {
  return DaemonError.notFound(`Could not find the file ${path} in container ${given}`);
}

export function statPath(container: Container, path: string, given: string): PathStat {
  const fs = container.rootfs;
  const abs = absolute(path);
  try {
    const stats = fs.lstat(abs);
    const base = abs === '/' ? '/' : abs.slice(abs.lastIndexOf('/') + 1);
    let linkTarget = '';
    if (stats.type === 'symlink') {
      try {
        linkTarget = fs.realpath(abs);
      } catch {
        linkTarget = fs.readlink(abs);
      }
    }
    return {
      name: base,
      size: stats.size,
      mode: goFileMode(stats.type, stats.mode),
      mtime: goTime(stats.mtime * 1000),
      linkTarget,
    };
  } catch (err) {
    if (isFsError(err)) throw notFound(path, given);
    throw err;
  }
}

/** The `X-Docker-Container-Path-Stat` header value. */
export function statHeader(stat: PathStat): string {
  const json = JSON.stringify(stat);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)));
}

/** Entries for `abs` and everything below it, named from its base name. */
function collect(fs: Overlay, abs: string, name: string, out: FsEntry[]): void {
  const s = fs.lstat(abs);
  const meta = { path: name, mode: s.mode, uid: s.uid, gid: s.gid, mtime: s.mtime };
  if (s.type === 'dir') {
    out.push({ ...meta, type: 'dir' });
    for (const child of fs.readdir(abs)) collect(fs, `${abs === '/' ? '' : abs}/${child}`, `${name}/${child}`, out);
  } else if (s.type === 'symlink') {
    out.push({ ...meta, type: 'symlink', linkname: fs.readlink(abs) });
  } else {
    out.push({ ...meta, type: 'file', content: fs.readFile(abs) });
  }
}

/** GET: the path as a tar, and its stat. */
export function archivePath(container: Container, path: string, given: string): { tar: Uint8Array; stat: PathStat } {
  const stat = statPath(container, path, given);
  const abs = absolute(path);
  const entries: FsEntry[] = [];
  collect(container.rootfs, abs, abs === '/' ? '.' : stat.name, entries);
  return { tar: copyTar(entries), stat };
}

const END_OF_ARCHIVE = 1024;

/**
 * The archive `get` sends: as a layer's tar, except that a symlink keeps a target climbing above the
 * archive's top (a layer's tar refuses one; `docker cp` leaves the judgement to the extracting side).
 */
function copyTar(entries: readonly FsEntry[]): Uint8Array {
  const parts = entries.map((e) => {
    if (e.type !== 'symlink') return writeTar([e]).subarray(0, -END_OF_ARCHIVE);
    const name = normalizeEntryPath(e.path);
    const meta = { mode: e.mode & 0o7777, uid: e.uid, gid: e.gid, mtime: e.mtime, size: 0 };
    return encodeHeader({ name, typeflag: '2', linkname: e.linkname ?? '', ...meta });
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, END_OF_ARCHIVE));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A symlink in a `put` archive that would point above the extraction directory: Docker's breakout error. */
function breakout(err: TarError, base: string): DaemonError | undefined {
  const quoted = '("(?:[^"\\\\]|\\\\.)*")';
  const m = new RegExp(`^invalid symlink ${quoted} -> ${quoted}: path escapes the root$`).exec(err.message);
  if (m === null) return undefined;
  const path = JSON.parse(m[1] as string) as string;
  const target = JSON.parse(m[2] as string) as string;
  return DaemonError.system(`invalid symlink ${JSON.stringify(`${base}/${path}`)} -> ${JSON.stringify(target)}`);
}

/** PUT: extract `tar` into the directory `path`. */
export function extractToDir(
  container: Container,
  path: string,
  tar: Uint8Array,
  given: string,
  noOverwriteDirNonDir: boolean,
): void {
  const fs = container.rootfs;
  const abs = absolute(path);
  const target = statPath(container, abs, given);
  if (target.mode < GO_MODE_DIR && !fs.stat(abs).type.startsWith('dir')) {
    throw DaemonError.invalidParameter('extraction point is not a directory');
  }
  const base = abs === '/' ? '' : abs;
  let entries: FsEntry[];
  try {
    entries = readTar(tar);
  } catch (err) {
    throw (err instanceof TarError && breakout(err, base)) || DaemonError.invalidParameter((err as Error).message);
  }
  for (const entry of entries) {
    const dest = `${base}/${entry.path}`;
    const owner = { uid: entry.uid, gid: entry.gid };
    const existing = fs.exists(dest) ? fs.lstat(dest).type : undefined;
    if (noOverwriteDirNonDir && existing !== undefined && (existing === 'dir') !== (entry.type === 'dir')) {
      throw DaemonError.invalidParameter(
        existing === 'dir'
          ? `cannot overwrite directory "${dest}" with non-directory "${entry.path}"`
          : `cannot overwrite non-directory "${dest}" with directory "${entry.path}"`,
      );
    }
    const parent = dest.slice(0, dest.lastIndexOf('/')) || '/';
    fs.mkdir(parent, { parents: true });
    if (entry.type === 'dir') {
      if (existing !== 'dir') {
        if (existing !== undefined) fs.rm(dest, { recursive: true, force: true });
        fs.mkdir(dest, { mode: entry.mode, ...owner });
      } else fs.chmod(dest, entry.mode);
    } else {
      if (existing !== undefined) fs.rm(dest, { recursive: true, force: true });
      if (entry.type === 'symlink') fs.symlink(entry.linkname ?? '', dest, owner);
      else if (entry.type === 'hardlink') fs.link(`${base}/${entry.linkname ?? ''}`, dest);
      else fs.writeFile(dest, entry.content ?? new Uint8Array(0), { mode: entry.mode, ...owner });
    }
  }
}
