// Where COPY and ADD put things (moby `copy.go` performCopyForInfo, `internals.go` normalizeDest):
//
//   COPY app.py /srv/          a destination ending in `/` is a directory: /srv/app.py
//   COPY app.py /srv           …and so is one that already exists as a directory; else it is the
//                              file's new name: /srv (a file)
//   COPY src/ /srv/app         a directory's *contents* go into the destination, which is created
//   COPY a b /srv/             several sources need a destination ending in `/`
//   COPY app.py app/           a relative destination is taken from WORKDIR
//   ADD site.tar.gz /var/www/  ADD unpacks a local tar (plain or gzip'd) into the destination
//
// Copied files keep their mode and mtime; their owner becomes root — or the `--chown` user — except
// with `--from`, which keeps the owner they had. Parent directories that did not exist are made
// with mode 0755 (owned by the `--chown` user when one is given). Symlinks inside a copied directory
// stay symlinks; a symlink named as the source is followed and its target copied under its name.
import { followSymlinkInScope } from '../../dockerfile';
import { cleanPath, dirPath } from '../../dockerfile/go-path';
import type { FsEntry } from '../../layer/entry';
import { gunzip, isGzip } from '../../layer/gzip';
import type { Overlay, Stats } from '../../layer/overlay';
import { readTar } from '../../layer/tar';
import type { CopyInfo } from './copy-sources';
import { lstatOf, readLinkOf, resolveIn, walk } from './copy-sources';

export interface Identity {
  uid: number;
  gid: number;
}

export interface CopyOptions {
  /** ADD: unpack local archives. */
  decompress: boolean;
  /** The owner to give what is copied; undefined keeps the source's (`COPY --from`). */
  identity?: Identity;
}

/** The destination made absolute from WORKDIR, keeping a trailing slash (normalizeDest). */
export function normalizeDest(workingDir: string, requested: string): string {
  if (requested.startsWith('/')) return requested;
  const joined = cleanPath('/' + workingDir + '/' + requested);
  return requested.endsWith('/') && joined !== '/' ? joined + '/' : joined;
}

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const join = (dir: string, name: string) => (dir === '/' ? `/${name}` : `${dir}/${name}`);

/** An absolute path in `fs` with its symlinks resolved inside it (the destination's fullPath). */
function realPath(fs: Overlay, path: string): string {
  const resolved = followSymlinkInScope(path.replace(/^\/+/, ''), readLinkOf(fs));
  return resolved === '.' ? '/' : '/' + resolved;
}

function isDir(fs: Overlay, absolute: string): boolean {
  return lstatOf(fs, absolute === '/' ? '.' : absolute.slice(1))?.type === 'dir';
}

/** `mkdir -p`, giving new directories the owner `identity` (root when undefined). */
function mkdirAll(fs: Overlay, absolute: string, identity?: Identity): void {
  let at = '';
  for (const part of absolute.split('/').filter((p) => p !== '')) {
    at += '/' + part;
    if (!fs.exists(at)) fs.mkdir(at, { mode: 0o755, uid: identity?.uid ?? 0, gid: identity?.gid ?? 0 });
  }
}

/** Write one entry at `absolute` the way untar does: anything but a directory over a directory replaces it. */
function place(fs: Overlay, absolute: string, entry: FsEntry, linkRoot: string): void {
  const existing = lstatOf(fs, absolute.slice(1));
  const owner = { uid: entry.uid, gid: entry.gid };
  if (existing && !(existing.type === 'dir' && entry.type === 'dir')) fs.rm(absolute, { recursive: true, force: true });
  mkdirAll(fs, dirPath(absolute));
  switch (entry.type) {
    case 'dir':
      if (existing?.type === 'dir') {
        fs.chmod(absolute, entry.mode);
        fs.chown(absolute, entry.uid, entry.gid);
      } else fs.mkdir(absolute, { mode: entry.mode, ...owner });
      return;
    case 'file':
      fs.writeFile(absolute, entry.content ?? new Uint8Array(0), { mode: entry.mode, ...owner });
      fs.utimes(absolute, entry.mtime);
      return;
    case 'symlink':
      fs.symlink(entry.linkname ?? '', absolute, owner);
      return;
    case 'hardlink':
      fs.link(join(linkRoot, entry.linkname ?? ''), absolute);
      return;
  }
}

/** Untar entries under `root`, setting directory times last (as moby's Unpack does). */
function unpack(fs: Overlay, root: string, entries: readonly FsEntry[]): void {
  const dirs: [string, number][] = [];
  for (const entry of entries) {
    const at = entry.path === '' ? root : join(root, entry.path);
    place(fs, at, entry, root);
    if (entry.type === 'dir') dirs.push([at, entry.mtime]);
  }
  for (const [at, mtime] of dirs) fs.utimes(at, mtime);
}

/** A source file's entry under `name` (its metadata and content as the source has them). */
function entryOf(fs: Overlay, path: string, name: string, stats: Stats): FsEntry {
  const base = { path: name, type: stats.type, mode: stats.mode, uid: stats.uid, gid: stats.gid, mtime: stats.mtime };
  if (stats.type === 'file') return { ...base, content: fs.readFile('/' + path) };
  if (stats.type === 'symlink') return { ...base, linkname: fs.readlink('/' + path) };
  return base;
}

/** The bytes as a tar archive ADD would unpack (plain or gzip'd, at least one entry), else undefined. */
function archiveEntries(bytes: Uint8Array): FsEntry[] | undefined {
  try {
    const entries = readTar(isGzip(bytes) ? gunzip(bytes) : bytes);
    return entries.length > 0 ? entries : undefined;
  } catch {
    return undefined;
  }
}

/** Copy one source into `dest` (an absolute destination, possibly ending in `/`). */
export function performCopyForInfo(dest: Overlay, destPath: string, info: CopyInfo, options: CopyOptions): void {
  const src = info.source.fs;
  const srcPath = resolveIn(src, info.path);
  const stats = lstatOf(src, srcPath);
  if (!stats) throw new Error(`source path not found: stat ${info.path}: no such file or directory`);
  let target = realPath(dest, destPath);
  const identity = options.identity;
  if (stats.type === 'dir') {
    const existed = isDir(dest, target);
    const entries = walk(src, srcPath).map((p) => {
      const rel = srcPath === '.' ? p : p.slice(srcPath.length + 1);
      return entryOf(src, p, rel, lstatOf(src, p)!);
    });
    mkdirAll(dest, target);
    unpack(dest, target, [entryOf(src, srcPath, '', stats), ...entries]);
    if (identity) {
      if (!existed) dest.chown(target, identity.uid, identity.gid);
      for (const entry of entries)
        if (entry.type !== 'symlink') dest.chown(join(target, entry.path), identity.uid, identity.gid);
    }
    return;
  }
  const content = stats.type === 'file' ? src.readFile('/' + srcPath) : undefined;
  const archive = options.decompress && !info.noDecompress && content ? archiveEntries(content) : undefined;
  if (archive) {
    mkdirAll(dest, target);
    unpack(dest, target, archive);
    return;
  }
  if (isDir(dest, target) || destPath.endsWith('/')) target = join(target, basename(info.path));
  mkdirAll(dest, dirPath(target), identity);
  place(dest, target, entryOf(src, srcPath, basename(target), stats), '/');
  if (identity) dest.chown(target, identity.uid, identity.gid);
}
