// A container's mount namespace over its root filesystem: the overlay root with volumes, bind
// mounts and tmpfs mounted on top at their destinations. A call on a path under a mount point goes
// to the mounted filesystem (the longest mount point wins: `/data/logs` inside `/data`); every
// other path goes to the overlay — the container's writable layer — as before. So a file written
// to `/data` lands in the volume and survives `docker rm`, while one written to `/tmp` lands in
// the container's layer and goes with it.
//
// Like the kernel, a mount point cannot be removed (`EBUSY`), and a rename or hard link across two
// filesystems fails with `EXDEV` (`mv` then copies and deletes). A path that reaches a mount point
// through a symlink is followed to it.
import type { Bytes } from '../../bytes';
import { FsError, isFsError } from '../../layer/fs-errors';
import { Overlay, type CreateOptions, type OverlayOptions, type Stats, type WriteOptions } from '../../layer/overlay';
import type { UpperDir } from '../../layer/overlay-union';
import type { Snapshot } from '../../layer/snapshot';
import { cleanPath, type MountFs } from './mount-fs';

/** One mounted filesystem: `fs` at `target` (an absolute, clean path other than `/`). */
export interface ActiveMount {
  target: string;
  fs: MountFs;
}

interface Routed {
  fs: MountFs;
  /** The path inside the mounted filesystem (`/` for the mount point itself). */
  inner: string;
  target: string;
}

export class MountedOverlay extends Overlay {
  private readonly mounts: ActiveMount[];
  private readonly clock: () => number;

  constructor(lower: Snapshot, options: OverlayOptions, upper: UpperDir, mounts: readonly ActiveMount[]) {
    super(lower, options, upper);
    this.clock = options.now ?? (() => 0);
    this.mounts = [...mounts].sort((a, b) => b.target.length - a.target.length);
  }

  override at(cwd: string): Overlay {
    return new MountedOverlay(this.lower, { now: this.clock, cwd }, this.upper, this.mounts);
  }

  private absolute(path: string): string {
    return cleanPath(path.startsWith('/') ? path : `${this.cwd}/${path}`);
  }

  private match(abs: string): Routed | undefined {
    for (const m of this.mounts) {
      if (abs === m.target) return { fs: m.fs, inner: '/', target: m.target };
      if (abs.startsWith(m.target + '/')) return { fs: m.fs, inner: abs.slice(m.target.length), target: m.target };
    }
    return undefined;
  }

  /** The mounted filesystem a path falls in, lexically or through a symlinked parent. */
  private route(path: string): Routed | undefined {
    const abs = this.absolute(path);
    const direct = this.match(abs);
    if (direct || abs === '/') return direct;
    const slash = abs.lastIndexOf('/');
    const parent = abs.slice(0, slash) || '/';
    try {
      const real = super.realpath(parent);
      if (real === parent) return undefined;
      return this.match(cleanPath(`${real}/${abs.slice(slash + 1)}`));
    } catch (err) {
      if (isFsError(err)) return undefined;
      throw err;
    }
  }

  override stat(path: string): Stats {
    const r = this.route(path);
    return r ? r.fs.stat(r.inner) : super.stat(path);
  }
  override lstat(path: string): Stats {
    const r = this.route(path);
    return r ? r.fs.lstat(r.inner) : super.lstat(path);
  }
  override exists(path: string): boolean {
    const r = this.route(path);
    return r ? r.fs.exists(r.inner) : super.exists(path);
  }
  override readFile(path: string): Bytes {
    const r = this.route(path);
    return r ? r.fs.readFile(r.inner) : super.readFile(path);
  }
  override readText(path: string): string {
    const r = this.route(path);
    return r ? r.fs.readText(r.inner) : super.readText(path);
  }
  override readdir(path: string): string[] {
    const r = this.route(path);
    return r ? r.fs.readdir(r.inner) : super.readdir(path);
  }
  override readlink(path: string): string {
    const r = this.route(path);
    return r ? r.fs.readlink(r.inner) : super.readlink(path);
  }
  override realpath(path: string): string {
    const r = this.route(path);
    if (!r) return super.realpath(path);
    const inner = r.fs.realpath(r.inner);
    return inner === '/' ? r.target : `${r.target}${inner}`;
  }
  override writeFile(path: string, data: Bytes | string, options?: WriteOptions): void {
    const r = this.route(path);
    if (r) r.fs.writeFile(r.inner, data, options);
    else super.writeFile(path, data, options);
  }
  override mkdir(path: string, options: CreateOptions & { parents?: boolean } = {}): void {
    const r = this.route(path);
    if (!r) return super.mkdir(path, options);
    if (r.inner === '/') {
      if (!options.parents) throw new FsError('EEXIST', 'mkdir', path);
      return;
    }
    r.fs.mkdir(r.inner, options);
  }
  override symlink(target: string, path: string, options?: Omit<CreateOptions, 'mode'>): void {
    const r = this.route(path);
    if (r) r.fs.symlink(target, r.inner, options);
    else super.symlink(target, path, options);
  }
  override link(existing: string, newPath: string): void {
    const [a, b] = [this.route(existing), this.route(newPath)];
    if (a?.target !== b?.target) throw new FsError('EXDEV', 'link', existing);
    if (a && b) a.fs.link(a.inner, b.inner);
    else super.link(existing, newPath);
  }
  override unlink(path: string): void {
    const r = this.route(path);
    if (r?.inner === '/') throw new FsError('EISDIR', 'unlink', path);
    if (r) r.fs.unlink(r.inner);
    else super.unlink(path);
  }
  override rmdir(path: string): void {
    const r = this.route(path);
    if (r?.inner === '/' || this.holdsMount(path)) throw new FsError('EBUSY', 'rmdir', path);
    if (r) r.fs.rmdir(r.inner);
    else super.rmdir(path);
  }
  override rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    const r = this.route(path);
    if (r?.inner === '/' || this.holdsMount(path)) throw new FsError('EBUSY', 'rmdir', path);
    if (r) r.fs.rm(r.inner, options);
    else super.rm(path, options);
  }
  override rename(from: string, to: string): void {
    const [a, b] = [this.route(from), this.route(to)];
    if (a?.inner === '/' || b?.inner === '/' || this.holdsMount(from)) throw new FsError('EBUSY', 'rename', from);
    if (a?.target !== b?.target) throw new FsError('EXDEV', 'rename', from);
    if (a && b) a.fs.rename(a.inner, b.inner);
    else super.rename(from, to);
  }
  override chmod(path: string, mode: number): void {
    const r = this.route(path);
    if (r) r.fs.chmod(r.inner, mode);
    else super.chmod(path, mode);
  }
  override chown(path: string, uid: number, gid: number): void {
    const r = this.route(path);
    if (r) r.fs.chown(r.inner, uid, gid);
    else super.chown(path, uid, gid);
  }
  override utimes(path: string, mtime: number): void {
    const r = this.route(path);
    if (r) r.fs.utimes(r.inner, mtime);
    else super.utimes(path, mtime);
  }

  /** True when a mount point lies strictly below `path` (it cannot be removed or moved). */
  private holdsMount(path: string): boolean {
    const abs = this.absolute(path);
    const prefix = abs === '/' ? '/' : abs + '/';
    return this.mounts.some((m) => m.target.startsWith(prefix));
  }
}
