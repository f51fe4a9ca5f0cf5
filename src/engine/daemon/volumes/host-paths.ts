// The daemon host's own files, as bind mounts see them (`-v ./site:/usr/share/nginx/html`). For the
// laptop's daemon they are the laptop's files — the ones the student edits — so a page changed on
// the laptop is served changed at once, and a file a container writes under a bind mount appears
// on the laptop. The world adapts its file tree to this small interface and hands it to the
// daemon (`DaemonOptions.hostPaths`); a daemon given none keeps an in-memory disk of its own
// (`MemoryHostPaths`), as a cloud VM's daemon would have its own disk.
//
// Paths are absolute and clean (`/home/student/site/index.html`). Calls are synchronous, as the
// container's filesystem calls are. Errors are `FsError`s (../../layer/fs-errors.ts) with the
// errno a real filesystem gives: ENOENT, ENOTDIR, EISDIR, ENOTEMPTY.
import type { Bytes } from '../../bytes';
import { Overlay } from '../../layer/overlay';
import { emptySnapshot } from '../../layer/snapshot';

export interface HostPathStat {
  type: 'file' | 'dir' | 'symlink';
  /** Bytes of a file. */
  size: number;
  /** Permission bits (`0o644`). */
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
}

export interface HostPaths {
  /** What is at `path` (symlinks followed), or undefined when nothing is. */
  stat(path: string): HostPathStat | undefined;
  readFile(path: string): Bytes;
  /** Create or replace a file (its directory must exist). */
  writeFile(path: string, data: Bytes): void;
  /** Names in a directory, sorted, without `.` and `..`. */
  readdir(path: string): string[];
  /** `mkdir -p`. */
  mkdir(path: string): void;
  /** `rm -r`: a file, or a directory with everything under it. */
  remove(path: string): void;
}

/** A host disk in memory (a daemon whose world gave it no files of its own, tests). */
export class MemoryHostPaths implements HostPaths {
  private readonly fs: Overlay;

  constructor(now: () => number = () => 0) {
    this.fs = new Overlay(emptySnapshot(), { now: () => Math.floor(now() / 1000) });
  }

  stat(path: string): HostPathStat | undefined {
    if (!this.fs.exists(path)) return undefined;
    const s = this.fs.stat(path);
    return { type: s.type, size: s.type === 'file' ? s.size : 4096, mode: s.mode, mtime: s.mtime };
  }

  readFile(path: string): Bytes {
    return this.fs.readFile(path);
  }

  writeFile(path: string, data: Bytes): void {
    this.fs.writeFile(path, data);
  }

  readdir(path: string): string[] {
    return this.fs.readdir(path);
  }

  mkdir(path: string): void {
    this.fs.mkdir(path, { parents: true });
  }

  remove(path: string): void {
    this.fs.rm(path, { recursive: true });
  }
}
