// Path resolution as the kernel does it (path_resolution(7)), over the merged view of an overlay.
//
// The walk takes one name at a time from the root (absolute path) or the working directory
// (relative path). A symbolic link met on the way is replaced by its target's names — from the root
// again if the target is absolute — and the walk goes on; more than 40 links in one lookup is
// `ELOOP` (Linux's MAXSYMLINKS). `..` goes back to the directory the walk actually came through,
// so `link/..` is the parent of the link's *target*; at the root `..` stays at the root, which is why
// a container, whose root is a chroot-like mount, cannot climb out of it.
//
// The last name is followed only when the call asks (stat, open) or when the path ends in `/`;
// lstat, unlink, rename and friends act on the link itself.
import { FsError } from './fs-errors';
import { absolutePath, splitPath } from './fs-path';
import type { Frame, Merged, MergedDir } from './overlay-union';
import { asDir, mergedChild, seen } from './overlay-union';

/** Linux's limit on symbolic links followed in one lookup. */
export const MAX_SYMLINKS = 40;

/** Where a path leads: the directories walked through, the last name, and what is there (if anything). */
export interface Location {
  /** Directories from the root to the parent of `name`; empty when the path is the root itself. */
  chain: Frame[];
  /** The last name; '' for the root. */
  name: string;
  node: Merged | undefined;
  /** The path ended in `/` (or `/.`): it must name a directory. */
  mustBeDir: boolean;
}

/** A location known to exist. */
export interface Found extends Location {
  node: Merged;
}

/** Resolve `path` (absolute, or relative to `cwd`) in the merged tree under `root`. */
export function resolve(root: MergedDir, cwd: string, path: string, follow: boolean, syscall: string): Location {
  if (path === '') throw new FsError('ENOENT', syscall, path);
  const last = path.split('/').at(-1);
  const mustBeDir = splitPath(path).length > 0 && (last === '' || last === '.' || last === '..');
  const chain = path.startsWith('/') ? [{ name: '', dir: root }] : enter(root, cwd, syscall, path);
  let pending = splitPath(path);
  let links = 0;
  while (pending.length > 0) {
    const [name, ...rest] = pending as [string, ...string[]];
    pending = rest;
    if (name === '..') {
      if (chain.length > 1) chain.pop();
      continue;
    }
    const isLast = pending.length === 0;
    const node = mergedChild((chain[chain.length - 1] as Frame).dir, name);
    if (node === undefined) {
      if (isLast) return { chain, name, node, mustBeDir };
      throw new FsError('ENOENT', syscall, path);
    }
    const shown = seen(node);
    if (shown.kind === 'symlink' && (!isLast || follow || mustBeDir)) {
      if (++links > MAX_SYMLINKS) throw new FsError('ELOOP', syscall, path);
      if (shown.target === '') throw new FsError('ENOENT', syscall, path);
      if (shown.target.startsWith('/')) chain.length = 1;
      pending = [...splitPath(shown.target), ...pending];
      continue;
    }
    if (isLast) {
      if (mustBeDir && shown.kind !== 'dir') throw new FsError('ENOTDIR', syscall, path);
      return { chain, name, node, mustBeDir };
    }
    const dir = asDir(node);
    if (dir === undefined) throw new FsError('ENOTDIR', syscall, path);
    chain.push({ name, dir });
  }
  // The walk ended on a directory it had entered (`/`, `a/..`, a link to a directory).
  const top = chain.pop() as Frame;
  return { chain, name: top.name, node: top.dir, mustBeDir };
}

/** The frames of the working directory, every link on its way followed; it must be a directory. */
function enter(root: MergedDir, cwd: string, syscall: string, path: string): Frame[] {
  let location: Location;
  try {
    location = resolve(root, '/', absolutePath(splitPath(cwd)) + '/', true, syscall);
  } catch (err) {
    throw err instanceof FsError ? new FsError(err.code, syscall, path) : err;
  }
  const dir = location.node && asDir(location.node);
  if (dir === undefined) throw new FsError('ENOENT', syscall, path);
  return location.name === '' ? [{ name: '', dir }] : [...location.chain, { name: location.name, dir }];
}

/** The canonical absolute path of a location: what `realpath` prints. */
export function locationPath(location: Location): string {
  const names = location.chain.slice(1).map((frame) => frame.name);
  if (location.name !== '') names.push(location.name);
  return absolutePath(names);
}
