// A small builder for the file trees of the official images' layers.
//
// A layer is a set of filesystem entries (FsEntry: directories, files, symlinks, hard links). This
// builder collects them in Docker's vocabulary — `text` for files a student reads, `program` and
// `library` for ELF stand-ins — creates missing parent directories as `mkdir -p` would, and hands
// them back parents-first in path order (a hard link after the file it names), as a tar needs them.
//
// Sizes: an image here is about 1/1000 of the real one. Text files keep their real contents; the
// binaries are weighted by their real sizes and share whatever budget is left, so a layer's content
// adds up to its target (`entries(targetBytes)`) and images stay in proportion to each other.
import { utf8, type Bytes } from '../../bytes';
import type { FsEntry } from '../../layer/entry';
import { elfStandIn, minimumStandInSize } from './elf';
import { randomBytes } from './prng';
import type { TargetPlatform } from './platforms';

export interface Owner {
  mode?: number;
  uid?: number;
  gid?: number;
}

interface Binary {
  path: string;
  name: string;
  kind: 'program' | 'library' | 'data';
  weight: number;
  owner: Owner;
  embedded?: string;
  staticExecutable?: boolean;
}

/** Thrown when a recipe adds the same path twice: a bug in the catalogue, never user input. */
export class DuplicatePathError extends Error {
  override name = 'DuplicatePathError';
}

function clean(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/+$/, '');
}

/** Compare paths component by component, so `a/b` sorts right after `a`, before `a-c`. */
export function comparePaths(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}

export class FileTree {
  private readonly fixed = new Map<string, FsEntry>();
  private readonly binaries: Binary[] = [];

  constructor(
    readonly platform: TargetPlatform,
    readonly mtime: number,
  ) {}

  private has(path: string): boolean {
    return this.fixed.has(path) || this.binaries.some((b) => b.path === path);
  }

  private parents(path: string): void {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!this.fixed.has(dir)) this.put({ path: dir, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: this.mtime });
    }
  }

  private put(entry: FsEntry, replaceDir = false): this {
    const existing = this.fixed.get(entry.path);
    const mayReplace = replaceDir && existing?.type === 'dir';
    if (!mayReplace && this.has(entry.path)) throw new DuplicatePathError(`duplicate path in layer: ${entry.path}`);
    this.parents(entry.path);
    this.fixed.set(entry.path, entry);
    return this;
  }

  private base(path: string, o: Owner, mode: number) {
    return { path: clean(path), mode: o.mode ?? mode, uid: o.uid ?? 0, gid: o.gid ?? 0, mtime: this.mtime };
  }

  dir(path: string, o: Owner = {}): this {
    return this.put({ ...this.base(path, o, 0o755), type: 'dir' }, true);
  }

  text(path: string, content: string, o: Owner = {}): this {
    return this.put({ ...this.base(path, o, 0o644), type: 'file', content: utf8(content) });
  }

  bytes(path: string, content: Bytes, o: Owner = {}): this {
    return this.put({ ...this.base(path, o, 0o644), type: 'file', content });
  }

  symlink(path: string, target: string): this {
    return this.put({ ...this.base(path, {}, 0o777), type: 'symlink', linkname: target });
  }

  /** A hard link; `target` is another path of this layer. */
  hardlink(path: string, target: string): this {
    return this.put({ ...this.base(path, {}, 0o755), type: 'hardlink', linkname: clean(target) });
  }

  /** An executable stand-in weighing `realSize` bytes in the real image. */
  program(path: string, name: string, realSize: number, o: Owner & { embedded?: string; static?: boolean } = {}): this {
    return this.binary(path, name, 'program', realSize, { mode: 0o755, ...o }, o.embedded, o.static);
  }

  /** A shared-library stand-in weighing `realSize` bytes in the real image. */
  library(path: string, soname: string, realSize: number, o: Owner = {}): this {
    return this.binary(path, soname, 'library', realSize, { mode: 0o755, ...o });
  }

  /** Opaque binary data (compressed docs, caches, archives) weighing `realSize` bytes. */
  data(path: string, realSize: number, o: Owner = {}): this {
    return this.binary(path, '', 'data', realSize, { mode: 0o644, ...o });
  }

  private binary(
    path: string,
    name: string,
    kind: Binary['kind'],
    weight: number,
    owner: Owner,
    embedded?: string,
    staticExecutable?: boolean,
  ): this {
    const p = clean(path);
    if (this.has(p)) throw new DuplicatePathError(`duplicate path in layer: ${p}`);
    this.parents(p);
    this.binaries.push({ path: p, name, kind, weight, owner, embedded, staticExecutable });
    return this;
  }

  /**
   * The entries, sized so file contents add up to about `targetBytes` (default: each binary at
   * 1/1000 of its real size). Parents come before children and hard links after their targets.
   */
  entries(targetBytes?: number): FsEntry[] {
    const fixedBytes = [...this.fixed.values()].reduce((n, e) => n + (e.content?.length ?? 0), 0);
    const totalWeight = this.binaries.reduce((n, b) => n + b.weight, 0);
    const factor =
      targetBytes === undefined || totalWeight === 0 ? 1 / 1000 : Math.max(0, targetBytes - fixedBytes) / totalWeight;
    const all: FsEntry[] = [...this.fixed.values()];
    for (const b of this.binaries) {
      const wanted = Math.round(b.weight * factor);
      const content =
        b.kind === 'data'
          ? randomBytes(b.path, Math.max(16, wanted))
          : elfStandIn({
              name: b.name,
              kind: b.kind,
              platform: this.platform,
              size: Math.max(minimumStandInSize(b.name, b.embedded) + 16, wanted),
              seed: b.path,
              embedded: b.embedded,
              staticExecutable: b.staticExecutable,
            });
      all.push({ ...this.base(b.path, b.owner, 0o755), type: 'file', content });
    }
    return orderForTar(all);
  }
}

/** Path order, parents first; a hard link is held back until the file it names has been written. */
export function orderForTar(entries: readonly FsEntry[]): FsEntry[] {
  const sorted = [...entries].sort((a, b) => comparePaths(a.path, b.path));
  const written = new Set<string>();
  const waiting: FsEntry[] = [];
  const out: FsEntry[] = [];
  const emit = (e: FsEntry) => {
    out.push(e);
    written.add(e.path);
    for (let i = 0; i < waiting.length;) {
      const w = waiting[i]!;
      if (written.has(w.linkname!)) {
        waiting.splice(i, 1);
        emit(w);
      } else i++;
    }
  };
  for (const e of sorted) {
    if (e.type === 'hardlink' && !written.has(e.linkname!)) waiting.push(e);
    else emit(e);
  }
  return [...out, ...waiting];
}

/** Sum of the file contents: what `docker images` counts as an image's size. */
export function contentSize(entries: readonly FsEntry[]): number {
  return entries.reduce((n, e) => n + (e.type === 'file' ? (e.content?.length ?? 0) : 0), 0);
}
