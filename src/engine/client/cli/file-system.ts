// The files the docker command reads and writes on the client's side: `docker save -o app.tar`,
// `docker load -i app.tar`, `docker cp`, `--cidfile`. In the page they are files of the laptop's
// working directory; in Node, the real disk. Paths are as the user typed them, relative to the
// working directory. Errors carry Go's wording (`open x.tar: no such file or directory`).
import type { Bytes } from '../../bytes';

export interface FileSystem {
  /** The whole file; rejects with FileSystemError when it cannot be read. */
  readFile(path: string): Promise<Bytes>;
  /** Create or replace the file with these bytes (a stream is written as it arrives). */
  writeFile(path: string, data: Bytes | AsyncIterable<Bytes>): Promise<void>;
  /** What is at `path`: a file, a directory, something else, or nothing (undefined). */
  stat(path: string): Promise<'file' | 'directory' | 'other' | undefined>;
  /** Create a directory (and its parents); for `docker cp` out of a container. */
  mkdir?(path: string): Promise<void>;
  /** The names in a directory; for `docker cp` of a directory into a container. */
  readdir?(path: string): Promise<string[]>;
  /**
   * What is at `path` without following a final symlink (Go's os.Lstat): its kind, permission
   * bits, size, modification time (seconds) and, for a symlink, its target. For `docker build`,
   * which sends modes and links in the context tar; without it files are sent as 0644, dirs 0755.
   */
  lstat?(path: string): Promise<FileInfo | undefined>;
  /** Remove a file, or a directory and everything in it; nothing there is not an error. */
  remove?(path: string): Promise<void>;
}

/** One file's details, as `lstat` reports them. */
export interface FileInfo {
  kind: 'file' | 'directory' | 'symlink' | 'other';
  /** Permission bits (0o644, 0o755), without the file-type bits. */
  mode: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  /** A symlink's target, as stored. */
  target?: string;
}

export class FileSystemError extends Error {
  override name = 'FileSystemError';
}

/** A file system with nothing in it that refuses writes (where a host offers no files). */
export const noFiles: FileSystem = {
  async readFile(path) {
    throw new FileSystemError(`open ${path}: no such file or directory`);
  },
  async writeFile(path) {
    throw new FileSystemError(`open ${path}: read-only file system`);
  },
  async stat(path) {
    return path === '/' || path === '.' ? 'directory' : undefined;
  },
};

/** The directory part of a path, as Go's filepath.Dir(filepath.Clean(path)) gives it. */
export function dirOf(path: string): string {
  const clean = path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  const slash = clean.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : clean.slice(0, slash);
}
