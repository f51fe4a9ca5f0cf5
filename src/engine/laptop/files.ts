// The laptop's own files: what `ls`, `cat` and `edit` work on, where lessons put a Dockerfile and
// an app, where `docker save -o app.tar` writes and `docker build .` reads its context, and where
// the client keeps `~/.docker/config.json`. A plain in-memory tree — directories and regular files,
// POSIX paths — with a synchronous API, so the shell and the editor see a change at once.
//
// The student starts in /home/student (with an empty `.docker/`), beside /tmp and /etc/hostname.
// The tree is bounded like a small disk: no file over 16 MiB, no more than 64 MiB in all; beyond
// that writes fail with ENOSPC (`No space left on device`). Every change is announced to
// subscribers (the file browser, the editor, the world's persistence).
import type { Bytes } from '../bytes';
import { utf8, fromUtf8 } from '../bytes';
import type { FileSystem } from '../client/cli/file-system';
import type { ConfigStorage } from '../client/config/config-file';
import { laptopConfigStorage, laptopFileSystem } from './file-adapters';
import { LaptopFileError } from './file-errors';
import { type FilesData, readFilesData, writeFilesData } from './files-json';
import { baseName, isWithin, normalizePath, parentOf } from './laptop-path';

export const MAX_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_TREE_BYTES = 64 * 1024 * 1024;
export const HOME = '/home/student';

export type FileKind = 'file' | 'dir' | 'symlink';

export interface FileStat {
  kind: FileKind;
  /** Bytes for a file; 4096 for a directory, as ext4 shows it. */
  size: number;
  /** Permission bits: 0o644 for files, 0o755 for directories. */
  mode: number;
  /** Last modification, milliseconds since the epoch (the laptop's clock). */
  mtime: number;
}

export interface FileChange {
  path: string;
  kind: 'write' | 'remove' | 'mkdir' | 'rename';
}

/** @internal The tree's nodes; exported for the JSON form only. */
export type TreeNode =
  | { kind: 'file'; data: Bytes; mode: number; mtime: number }
  | { kind: 'dir'; children: Map<string, TreeNode>; mode: number; mtime: number };
type DirNode = Extract<TreeNode, { kind: 'dir' }>;

const DIR_SIZE = 4096;

export class LaptopFiles {
  private root: DirNode;
  private used = 0;
  private readonly listeners = new Set<(change: FileChange) => void>();
  readonly now: () => number;

  /** A fresh laptop: /home/student/.docker, /tmp, /etc/hostname (`laptop`). */
  constructor(options: { now?: () => number; hostname?: string } = {}) {
    this.now = options.now ?? (() => Date.now());
    this.root = { kind: 'dir', children: new Map(), mode: 0o755, mtime: this.now() };
    for (const dir of ['/etc', '/tmp', '/var/run', `${HOME}/.docker`]) this.mkdir(dir, { parents: true });
    this.writeFile('/etc/hostname', `${options.hostname ?? 'laptop'}\n`);
  }

  /** The bytes in use by files. */
  get usedBytes(): number {
    return this.used;
  }

  readFile(path: string): Bytes {
    const node = this.lookup(path);
    if (node.kind === 'dir') throw new LaptopFileError('EISDIR', normalizePath(path));
    return node.data.slice();
  }

  /** The file as UTF-8 text (invalid UTF-8 becomes U+FFFD, as a terminal would show it). */
  readText(path: string): string {
    const bytes = this.readFile(path);
    try {
      return fromUtf8(bytes);
    } catch {
      return new TextDecoder().decode(bytes);
    }
  }

  /** Create or replace a file; its directory must exist. */
  writeFile(path: string, data: Bytes | string): void {
    const abs = normalizePath(path);
    const bytes = typeof data === 'string' ? utf8(data) : data.slice();
    const parent = this.parentDir(abs);
    const name = baseName(abs);
    if (name === '') throw new LaptopFileError('EISDIR', abs);
    const existing = parent.children.get(name);
    if (existing?.kind === 'dir') throw new LaptopFileError('EISDIR', abs);
    const before = existing?.kind === 'file' ? existing.data.length : 0;
    if (bytes.length > MAX_FILE_BYTES || this.used - before + bytes.length > MAX_TREE_BYTES) {
      throw new LaptopFileError('ENOSPC', abs);
    }
    const now = this.now();
    parent.children.set(name, { kind: 'file', data: bytes, mode: existing?.mode ?? 0o644, mtime: now });
    if (!existing) parent.mtime = now;
    this.used += bytes.length - before;
    this.emit({ path: abs, kind: 'write' });
  }

  /** Create a directory; with `parents`, its missing parents too, and no error if it exists. */
  mkdir(path: string, options: { parents?: boolean } = {}): void {
    const abs = normalizePath(path);
    if (options.parents) {
      let dir = this.root;
      let at = '';
      for (const name of abs.split('/').filter(Boolean)) {
        at += `/${name}`;
        const next = dir.children.get(name);
        if (next?.kind === 'file') throw new LaptopFileError(at === abs ? 'EEXIST' : 'ENOTDIR', abs);
        if (next) dir = next;
        else dir = this.addDir(dir, name, at);
      }
      return;
    }
    if (abs === '/') throw new LaptopFileError('EEXIST', abs);
    const parent = this.parentDir(abs);
    if (parent.children.has(baseName(abs))) throw new LaptopFileError('EEXIST', abs);
    this.addDir(parent, baseName(abs), abs);
  }

  /** The names in a directory, sorted. */
  readdir(path: string): string[] {
    const node = this.lookup(path);
    if (node.kind !== 'dir') throw new LaptopFileError('ENOTDIR', normalizePath(path));
    return [...node.children.keys()].sort(compareNames);
  }

  /** What is at `path`, or undefined when nothing is. */
  stat(path: string): FileStat | undefined {
    const node = this.find(normalizePath(path));
    if (!node) return undefined;
    const size = node.kind === 'file' ? node.data.length : DIR_SIZE;
    return { kind: node.kind, size, mode: node.mode, mtime: node.mtime };
  }

  exists(path: string): boolean {
    return this.find(normalizePath(path)) !== undefined;
  }

  /** Remove a file or a directory; a directory with entries only when `recursive`. */
  remove(path: string, options: { recursive?: boolean } = {}): void {
    const abs = normalizePath(path);
    if (abs === '/') throw new LaptopFileError('EINVAL', abs);
    const node = this.lookup(abs);
    if (node.kind === 'dir' && node.children.size > 0 && !options.recursive) {
      throw new LaptopFileError('ENOTEMPTY', abs);
    }
    const parent = this.parentDir(abs);
    parent.children.delete(baseName(abs));
    parent.mtime = this.now();
    this.used -= bytesIn(node);
    this.emit({ path: abs, kind: 'remove' });
  }

  /** Move or rename, replacing a file (or an empty directory) at `to` as rename(2) does. */
  rename(from: string, to: string): void {
    const src = normalizePath(from);
    const dst = normalizePath(to);
    const node = this.lookup(src);
    if (src === dst) return;
    if (src === '/' || (node.kind === 'dir' && isWithin(dst, src))) throw new LaptopFileError('EINVAL', dst);
    const target = this.parentDir(dst);
    const existing = target.children.get(baseName(dst));
    if (existing?.kind === 'dir' && node.kind === 'file') throw new LaptopFileError('EISDIR', dst);
    if (existing?.kind === 'file' && node.kind === 'dir') throw new LaptopFileError('ENOTDIR', dst);
    if (existing?.kind === 'dir' && existing.children.size > 0) throw new LaptopFileError('ENOTEMPTY', dst);
    const source = this.parentDir(src);
    source.children.delete(baseName(src));
    target.children.set(baseName(dst), node);
    this.used -= existing ? bytesIn(existing) : 0;
    source.mtime = target.mtime = this.now();
    this.emit({ path: dst, kind: 'rename' });
  }

  /** Every path below `path` (not `path` itself), parents before children, in sorted order. */
  walk(path: string): string[] {
    const abs = normalizePath(path);
    const node = this.lookup(abs);
    const out: string[] = [];
    const visit = (dir: TreeNode, at: string) => {
      if (dir.kind !== 'dir') return;
      for (const name of [...dir.children.keys()].sort(compareNames)) {
        const child = `${at === '/' ? '' : at}/${name}`;
        out.push(child);
        visit(dir.children.get(name) as TreeNode, child);
      }
    };
    visit(node, abs);
    return out;
  }

  /** Hear about every change; returns the function that stops listening. */
  subscribe(listener: (change: FileChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** These files for the docker client: paths relative to `cwd()`, errors in Go's words. */
  asFileSystem(cwd: () => string): FileSystem {
    return laptopFileSystem(this, cwd);
  }

  /** `dir/config.json` for the docker client (`/home/student/.docker`). */
  configStorage(dir: string): ConfigStorage {
    return laptopConfigStorage(this, dir);
  }

  /** The whole tree as JSON-safe data (file contents in base64). */
  toJSON(): FilesData {
    return writeFilesData(this.root);
  }

  /** A tree from `toJSON()`'s data; bad data throws FilesDataError saying what is wrong. */
  static fromJSON(data: unknown, now: () => number = () => Date.now()): LaptopFiles {
    const { root, used } = readFilesData(data, { maxFile: MAX_FILE_BYTES, maxTree: MAX_TREE_BYTES });
    const files = new LaptopFiles({ now });
    files.root = root;
    files.used = used;
    return files;
  }

  private addDir(parent: DirNode, name: string, abs: string): DirNode {
    const now = this.now();
    const dir: DirNode = { kind: 'dir', children: new Map(), mode: 0o755, mtime: now };
    parent.children.set(name, dir);
    parent.mtime = now;
    this.emit({ path: abs, kind: 'mkdir' });
    return dir;
  }

  /** The node at a clean path, or undefined (also when a component is a file). */
  private find(abs: string): TreeNode | undefined {
    let node: TreeNode = this.root;
    for (const name of abs.split('/').filter(Boolean)) {
      if (node.kind !== 'dir') return undefined;
      const next = node.children.get(name);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  /** The node at `path`, or ENOENT / ENOTDIR as the kernel would say. */
  private lookup(path: string): TreeNode {
    const abs = normalizePath(path);
    let node: TreeNode = this.root;
    for (const name of abs.split('/').filter(Boolean)) {
      if (node.kind !== 'dir') throw new LaptopFileError('ENOTDIR', abs);
      const next = node.children.get(name);
      if (!next) throw new LaptopFileError('ENOENT', abs);
      node = next;
    }
    return node;
  }

  private parentDir(abs: string): DirNode {
    const parent = this.lookup(parentOf(abs));
    if (parent.kind !== 'dir') throw new LaptopFileError('ENOTDIR', abs);
    return parent;
  }

  private emit(change: FileChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (err) {
        // A listener's failure is its own: the change is made; report it without undoing anything.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }
}

/** Byte order, as `ls` sorts in the C locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bytesIn(node: TreeNode): number {
  if (node.kind === 'file') return node.data.length;
  let total = 0;
  for (const child of node.children.values()) total += bytesIn(child);
  return total;
}
