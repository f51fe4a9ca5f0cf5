// A container's root filesystem under Docker's overlay2 driver: the image's layers, applied into one
// read-only snapshot, as the lower layer; a writable upper layer that belongs to the container; and
// the merged view its processes see (./overlay-union.ts explains the rules).
//
// The methods are the system calls a shell and its applets need, with their POSIX errors
// (./fs-errors.ts). Reads never change anything. Writes land in the upper layer only: the first
// change to a file from the image copies it up whole (a chmod too — overlay2 does not use
// metadata-only copy-up), a delete of an image file leaves a whiteout, and a directory created
// where the image had something is opaque. Renaming a directory that comes from the image fails
// with EXDEV, as on overlay2 without `redirect_dir` — `mv` then falls back to copy and delete.
// A hard link from the image is broken by a copy-up (overlayfs without `index=on`): writing through
// one name leaves the other name's content as the image had it.
//
// `docker diff` is ./changes.ts, `docker commit` is ./overlay-commit.ts; both read `upper`.
import { concatBytes, fromUtf8, utf8, type Bytes } from '../bytes';
import { FsError, isFsError } from './fs-errors';
import { compareNames } from './fs-path';
import { locationPath, resolve, type Found, type Location } from './overlay-resolve';
import { mergedSnapshot } from './overlay-snapshot';
import type { MergedDir, UpperDir } from './overlay-union';
import { asDir, copyUp, mergedNames, newUpperDir, place, remove, seen } from './overlay-union';
import type { Snapshot } from './snapshot';
import type { FileNode, SymlinkNode } from './snapshot-node';
import { DEFAULT_DIR_MODE, DEFAULT_FILE_MODE, MODE_MASK, SYMLINK_MODE, newFile, newSymlink } from './snapshot-node';
import { statsOf, type Stats } from './overlay-stat';

export type { Stats } from './overlay-stat';

export interface OverlayOptions {
  /** The clock for mtimes, in seconds; inject the simulation's clock. Defaults to 0 (the epoch). */
  now?: () => number;
  /** Working directory for relative paths (default `/`). */
  cwd?: string;
}

/** Owner and mode of a new entry; defaults are root and 0644 / 0755 / 0777 (symlinks). */
export interface CreateOptions {
  mode?: number;
  uid?: number;
  gid?: number;
}

export interface WriteOptions extends CreateOptions {
  /** Add to the end instead of truncating (`>>` rather than `>`). */
  append?: boolean;
}

export class Overlay {
  private readonly now: () => number;
  readonly cwd: string;

  /** Mount `lower` with a fresh upper layer, or with an existing one (a restarted container's). */
  constructor(
    readonly lower: Snapshot,
    options: OverlayOptions = {},
    readonly upper: UpperDir = newUpperDir(lower.root),
  ) {
    this.now = options.now ?? (() => 0);
    this.cwd = options.cwd ?? '/';
  }

  /** The same filesystem seen from another working directory (another process, or `cd`). */
  at(cwd: string): Overlay {
    return new Overlay(this.lower, { now: this.now, cwd }, this.upper);
  }

  /** The merged view frozen into a snapshot (`docker export`); later writes do not change it. */
  snapshot(): Snapshot {
    return mergedSnapshot(this.root());
  }

  stat(path: string): Stats {
    return statsOf(this.find(path, true, 'stat').node);
  }

  lstat(path: string): Stats {
    return statsOf(this.find(path, false, 'lstat').node);
  }

  /** Like `test -e`: follows symlinks, and any lookup error just means "no". */
  exists(path: string): boolean {
    try {
      return this.locate(path, true, 'stat').node !== undefined;
    } catch (err) {
      if (isFsError(err)) return false;
      throw err;
    }
  }

  readFile(path: string): Bytes {
    const node = seen(this.find(path, true, 'open').node);
    if (node.kind !== 'file') throw new FsError('EISDIR', 'read', path);
    return node.content.slice();
  }

  readText(path: string): string {
    return fromUtf8(this.readFile(path));
  }

  /** The names in a directory, sorted, without `.` and `..`. */
  readdir(path: string): string[] {
    const dir = asDir(this.find(path, true, 'open').node);
    if (dir === undefined) throw new FsError('ENOTDIR', 'open', path);
    return [...mergedNames(dir)].sort(compareNames);
  }

  readlink(path: string): string {
    const node = seen(this.find(path, false, 'readlink').node);
    if (node.kind !== 'symlink') throw new FsError('EINVAL', 'readlink', path);
    return node.target;
  }

  /** The canonical absolute path, every symlink resolved. */
  realpath(path: string): string {
    return locationPath(this.find(path, true, 'realpath'));
  }

  /** Create or truncate (or append to) a file; a symlink is followed, even to a missing target. */
  writeFile(path: string, data: Bytes | string, options: WriteOptions = {}): void {
    const at = this.locate(path, true, 'open');
    const bytes = typeof data === 'string' ? utf8(data) : data.slice();
    const now = this.now();
    if (at.node === undefined) {
      if (at.mustBeDir) throw new FsError('EISDIR', 'open', path);
      place(at.chain, at.name, newFile(this.meta(options, DEFAULT_FILE_MODE, now), bytes), now);
      return;
    }
    if (seen(at.node).kind === 'dir') throw new FsError('EISDIR', 'open', path);
    const file = copyUp(at.chain, at.name, at.node) as FileNode;
    file.content = options.append ? concatBytes([file.content, bytes]) : bytes;
    file.mtime = now;
  }

  /** `mkdir`, or `mkdir -p` with `parents` (existing directories are fine, links to them too). */
  mkdir(path: string, options: CreateOptions & { parents?: boolean } = {}): void {
    if (!options.parents) return this.mkdirOne(path, options);
    const parts = path.split('/');
    const steps = parts.flatMap((name, i) => (['', '.', '..'].includes(name) ? [] : [parts.slice(0, i + 1).join('/')]));
    for (const [i, prefix] of steps.entries()) {
      const at = this.locate(prefix, true, 'mkdir');
      if (at.node === undefined) this.mkdirOne(prefix, options);
      else if (seen(at.node).kind !== 'dir')
        throw new FsError(i === steps.length - 1 ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
    }
  }

  private mkdirOne(path: string, options: CreateOptions): void {
    const at = this.locate(path, false, 'mkdir');
    if (at.node !== undefined) throw new FsError('EEXIST', 'mkdir', path);
    const now = this.now();
    place(at.chain, at.name, newUpperDir(this.meta(options, DEFAULT_DIR_MODE, now)), now);
  }

  /** `ln -s target path`. The target is stored as given and resolved only when used. */
  symlink(target: string, path: string, options: Omit<CreateOptions, 'mode'> = {}): void {
    const at = this.locate(path, false, 'symlink');
    if (at.node !== undefined) throw new FsError('EEXIST', 'symlink', path);
    const now = this.now();
    place(at.chain, at.name, newSymlink(this.meta(options, SYMLINK_MODE, now), target), now);
  }

  /** `ln existing newPath`: a second name for the same file (copied up first if it is the image's). */
  link(existing: string, newPath: string): void {
    const from = this.find(existing, false, 'link');
    if (seen(from.node).kind === 'dir') throw new FsError('EPERM', 'link', existing);
    const to = this.locate(newPath, false, 'link');
    if (to.node !== undefined) throw new FsError('EEXIST', 'link', newPath);
    const node = copyUp(from.chain, from.name, from.node) as FileNode | SymlinkNode;
    place(to.chain, to.name, node, this.now());
  }

  unlink(path: string): void {
    const at = this.find(path, false, 'unlink');
    if (at.name === '' || seen(at.node).kind === 'dir') throw new FsError('EISDIR', 'unlink', path);
    remove(at.chain, at.name, this.now());
  }

  rmdir(path: string): void {
    const at = this.find(path, false, 'rmdir');
    const dir = asDir(at.node);
    if (dir === undefined) throw new FsError('ENOTDIR', 'rmdir', path);
    if (at.name === '') throw new FsError('EBUSY', 'rmdir', path);
    if (mergedNames(dir).size > 0) throw new FsError('ENOTEMPTY', 'rmdir', path);
    remove(at.chain, at.name, this.now());
  }

  /** `rm` (`-r` to take a directory with everything under it, `-f` to ignore a missing path). */
  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    let at: Found;
    try {
      at = this.find(path, false, 'unlink');
    } catch (err) {
      if (options.force && isFsError(err, 'ENOENT')) return;
      throw err;
    }
    if (at.name === '') throw new FsError('EBUSY', 'rmdir', path);
    if (seen(at.node).kind === 'dir' && !options.recursive) throw new FsError('EISDIR', 'unlink', path);
    remove(at.chain, at.name, this.now()); // one whiteout hides the whole lower subtree
  }

  /** `rename(2)`: replaces a file, or an empty directory, at the destination. */
  rename(from: string, to: string): void {
    const src = this.find(from, false, 'rename');
    const dst = this.locate(to, false, 'rename');
    if (src.name === '' || dst.name === '') throw new FsError('EBUSY', 'rename', src.name === '' ? from : to);
    const node = seen(src.node);
    const [srcPath, dstPath] = [locationPath(src), locationPath(dst)];
    if (srcPath === dstPath) return;
    if (node.kind === 'dir' && dstPath.startsWith(srcPath + '/')) throw new FsError('EINVAL', 'rename', to);
    if (dst.node !== undefined) {
      const target = seen(dst.node);
      if (target === node) return; // two names of one file: POSIX says do nothing
      if (node.kind === 'dir' && target.kind !== 'dir') throw new FsError('ENOTDIR', 'rename', to);
      if (node.kind !== 'dir' && target.kind === 'dir') throw new FsError('EISDIR', 'rename', to);
      const dir = asDir(dst.node);
      if (dir !== undefined && mergedNames(dir).size > 0) throw new FsError('ENOTEMPTY', 'rename', to);
    }
    if (node.kind === 'dir' && src.node.lower !== undefined) throw new FsError('EXDEV', 'rename', from);
    const now = this.now();
    const moved = copyUp(src.chain, src.name, src.node);
    remove(src.chain, src.name, now);
    place(dst.chain, dst.name, moved, now);
  }

  chmod(path: string, mode: number): void {
    const at = this.find(path, true, 'chmod');
    copyUp(at.chain, at.name, at.node).mode = mode & MODE_MASK;
  }

  chown(path: string, uid: number, gid: number): void {
    const at = this.find(path, true, 'chown');
    Object.assign(copyUp(at.chain, at.name, at.node), { uid, gid });
  }

  /** Set the modification time (`touch -d`), in seconds. */
  utimes(path: string, mtime: number): void {
    const at = this.find(path, true, 'utimes');
    copyUp(at.chain, at.name, at.node).mtime = mtime;
  }

  private root(): MergedDir {
    return { upper: this.upper, lower: this.lower.root };
  }

  private locate(path: string, follow: boolean, syscall: string): Location {
    return resolve(this.root(), this.cwd, path, follow, syscall);
  }

  private find(path: string, follow: boolean, syscall: string): Found {
    const at = this.locate(path, follow, syscall);
    if (at.node === undefined) throw new FsError('ENOENT', syscall, path);
    return at as Found;
  }

  private meta(options: CreateOptions, mode: number, mtime: number) {
    return { mode: (options.mode ?? mode) & MODE_MASK, uid: options.uid ?? 0, gid: options.gid ?? 0, mtime };
  }
}
