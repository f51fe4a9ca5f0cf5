// Read-only mounts (`-v data:/data:ro`, `--mount …,readonly`, `--read-only` style): every call that
// would change the filesystem fails with EROFS, which libc words `Read-only file system` —
//
//   / # touch /data/x
//   touch: /data/x: Read-only file system
//
// Reads pass through untouched.
import type { Bytes } from '../../bytes';
import { FsError, type Errno } from '../../layer/fs-errors';
import type { Stats, WriteOptions, CreateOptions } from '../../layer/overlay';
import type { MountFs } from './mount-fs';

/** EROFS: the layer's errno table has no entry for it, so the sentence is carried here. */
export class ReadOnlyFsError extends FsError {
  override readonly code: Errno;

  constructor(syscall: string, path: string) {
    super('EPERM', syscall, path);
    this.code = 'EROFS' as Errno;
    this.message = `${path}: Read-only file system`;
  }

  override get reason(): string {
    return 'Read-only file system';
  }
}

/** The same filesystem, mounted read-only. */
export class ReadOnlyFs implements MountFs {
  constructor(private readonly inner: MountFs) {}

  stat(path: string): Stats {
    return this.inner.stat(path);
  }
  lstat(path: string): Stats {
    return this.inner.lstat(path);
  }
  exists(path: string): boolean {
    return this.inner.exists(path);
  }
  readFile(path: string): Bytes {
    return this.inner.readFile(path);
  }
  readText(path: string): string {
    return this.inner.readText(path);
  }
  readdir(path: string): string[] {
    return this.inner.readdir(path);
  }
  readlink(path: string): string {
    return this.inner.readlink(path);
  }
  realpath(path: string): string {
    return this.inner.realpath(path);
  }
  writeFile(path: string, _data: Bytes | string, _options?: WriteOptions): void {
    throw new ReadOnlyFsError('open', path);
  }
  mkdir(path: string, _options?: CreateOptions & { parents?: boolean }): void {
    throw new ReadOnlyFsError('mkdir', path);
  }
  symlink(_target: string, path: string): void {
    throw new ReadOnlyFsError('symlink', path);
  }
  link(_existing: string, newPath: string): void {
    throw new ReadOnlyFsError('link', newPath);
  }
  unlink(path: string): void {
    throw new ReadOnlyFsError('unlink', path);
  }
  rmdir(path: string): void {
    throw new ReadOnlyFsError('rmdir', path);
  }
  rm(path: string): void {
    throw new ReadOnlyFsError('unlink', path);
  }
  rename(from: string): void {
    throw new ReadOnlyFsError('rename', from);
  }
  chmod(path: string): void {
    throw new ReadOnlyFsError('chmod', path);
  }
  chown(path: string): void {
    throw new ReadOnlyFsError('chown', path);
  }
  utimes(path: string): void {
    throw new ReadOnlyFsError('utimes', path);
  }
}
