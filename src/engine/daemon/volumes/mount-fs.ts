// What can be mounted into a container: anything with the filesystem calls a container's programs
// make (the public methods of the overlay root). A volume's data and a tmpfs are overlay
// filesystems of their own; a bind mount is the host's directory, reached through `HostPaths`
// (`HostPathsFs` below). Paths given to a mounted filesystem are absolute inside it: `/index.html`
// is `<source>/index.html` on the host.
import { concatBytes, fromUtf8, utf8, type Bytes } from '../../bytes';
import { FsError } from '../../layer/fs-errors';
import { splitPath } from '../../layer/fs-path';
import type { CreateOptions, Overlay, Stats, WriteOptions } from '../../layer/overlay';
import type { HostPaths } from './host-paths';

export type MountFs = Pick<
  Overlay,
  | 'stat'
  | 'lstat'
  | 'exists'
  | 'readFile'
  | 'readText'
  | 'readdir'
  | 'readlink'
  | 'realpath'
  | 'writeFile'
  | 'mkdir'
  | 'symlink'
  | 'link'
  | 'unlink'
  | 'rmdir'
  | 'rm'
  | 'rename'
  | 'chmod'
  | 'chown'
  | 'utimes'
>;

/** Clean an absolute path lexically: `/a/./b/../c` → `/a/c`. */
export function cleanPath(path: string): string {
  const names: string[] = [];
  for (const name of splitPath(path)) {
    if (name === '..') names.pop();
    else names.push(name);
  }
  return '/' + names.join('/');
}

/** A bind mount: the host directory `source`, read and written through HostPaths. */
export class HostPathsFs implements MountFs {
  constructor(
    private readonly host: HostPaths,
    private readonly source: string,
  ) {}

  private full(path: string): string {
    const inner = cleanPath(path);
    return inner === '/' ? this.source : cleanPath(`${this.source}${inner}`);
  }

  private need(path: string, syscall: string) {
    const st = this.host.stat(this.full(path));
    if (st === undefined) throw new FsError('ENOENT', syscall, path);
    return st;
  }

  private parentIsDir(path: string, syscall: string): void {
    const parent = cleanPath(`${cleanPath(path)}/..`);
    const st = this.host.stat(this.full(parent));
    if (st === undefined) throw new FsError('ENOENT', syscall, path);
    if (st.type !== 'dir') throw new FsError('ENOTDIR', syscall, path);
  }

  stat(path: string): Stats {
    const st = this.need(path, 'stat');
    return { type: st.type, mode: st.mode, uid: 0, gid: 0, mtime: st.mtime, size: st.size, layer: 'upper' };
  }
  lstat(path: string): Stats {
    return this.stat(path);
  }
  exists(path: string): boolean {
    return this.host.stat(this.full(path)) !== undefined;
  }
  readFile(path: string): Bytes {
    if (this.need(path, 'open').type === 'dir') throw new FsError('EISDIR', 'read', path);
    return this.host.readFile(this.full(path));
  }
  readText(path: string): string {
    return fromUtf8(this.readFile(path));
  }
  readdir(path: string): string[] {
    if (this.need(path, 'open').type !== 'dir') throw new FsError('ENOTDIR', 'open', path);
    return this.host.readdir(this.full(path));
  }
  readlink(path: string): string {
    this.need(path, 'readlink');
    throw new FsError('EINVAL', 'readlink', path);
  }
  realpath(path: string): string {
    this.need(path, 'realpath');
    return cleanPath(path);
  }
  writeFile(path: string, data: Bytes | string, options: WriteOptions = {}): void {
    const bytes = typeof data === 'string' ? utf8(data) : data.slice();
    const st = this.host.stat(this.full(path));
    if (st?.type === 'dir') throw new FsError('EISDIR', 'open', path);
    if (st === undefined) this.parentIsDir(path, 'open');
    const before = options.append && st !== undefined ? this.host.readFile(this.full(path)) : new Uint8Array();
    this.host.writeFile(this.full(path), options.append ? concatBytes([before, bytes]) : bytes);
  }
  mkdir(path: string, options: CreateOptions & { parents?: boolean } = {}): void {
    const st = this.host.stat(this.full(path));
    if (st !== undefined) {
      if (options.parents && st.type === 'dir') return;
      throw new FsError('EEXIST', 'mkdir', path);
    }
    if (!options.parents) this.parentIsDir(path, 'mkdir');
    this.host.mkdir(this.full(path));
  }
  symlink(_target: string, path: string): void {
    throw new FsError('EPERM', 'symlink', path);
  }
  link(existing: string): void {
    throw new FsError('EPERM', 'link', existing);
  }
  unlink(path: string): void {
    if (this.need(path, 'unlink').type === 'dir') throw new FsError('EISDIR', 'unlink', path);
    this.host.remove(this.full(path));
  }
  rmdir(path: string): void {
    if (this.need(path, 'rmdir').type !== 'dir') throw new FsError('ENOTDIR', 'rmdir', path);
    if (cleanPath(path) === '/') throw new FsError('EBUSY', 'rmdir', path);
    if (this.host.readdir(this.full(path)).length > 0) throw new FsError('ENOTEMPTY', 'rmdir', path);
    this.host.remove(this.full(path));
  }
  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    const st = this.host.stat(this.full(path));
    if (st === undefined) {
      if (options.force) return;
      throw new FsError('ENOENT', 'unlink', path);
    }
    if (cleanPath(path) === '/') throw new FsError('EBUSY', 'rmdir', path);
    if (st.type === 'dir' && !options.recursive) throw new FsError('EISDIR', 'unlink', path);
    this.host.remove(this.full(path));
  }
  rename(from: string, to: string): void {
    const st = this.need(from, 'rename');
    if (st.type === 'dir') throw new FsError('EXDEV', 'rename', from);
    this.writeFile(to, this.host.readFile(this.full(from)));
    this.host.remove(this.full(from));
  }
  chmod(path: string): void {
    this.need(path, 'chmod');
  }
  chown(path: string): void {
    this.need(path, 'chown');
  }
  utimes(path: string): void {
    this.need(path, 'utimes');
  }
}
