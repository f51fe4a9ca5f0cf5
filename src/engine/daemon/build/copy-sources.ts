// What a COPY or ADD copies, and the checksum the cache keys it by (moby `copy.go` calcCopyInfo).
//
// Sources come from the build context, or — with `COPY --from` — from another stage's or image's
// filesystem. A source path is taken relative to that root (`/app` and `./app` mean `app`), every
// symlink on the way resolved *inside* it, and then:
//
//   a file       → `file:<tarsum>`                         ADD a.tar.gz, COPY main.go
//   a directory  → `dir:<sha256 of every sum under it>`    COPY src/ (its contents are copied)
//   a pattern    → each match in turn (`*.txt`, `conf/?.ini`, `[ab]*`), Go's filepath.Match rules
//   nothing      → `COPY failed: file not found in build context or excluded by .dockerignore:
//                   stat nope: file does not exist` (a stage: `COPY failed: stat nope: file does not exist`)
//   outside      → `COPY failed: forbidden path outside the build context: ../x ()`
//
// A pattern that matches nothing leaves no source at all: `COPY failed: no source files were specified`.
import {
  ContextPathError,
  copySourcePath,
  fileNotFoundInContext,
  followSymlinkInScope,
  resolveContextPath,
} from '../../dockerfile';
import { isFsError } from '../../layer/fs-errors';
import type { Digest } from '../../digest';
import { Overlay, type Stats } from '../../layer/overlay';
import { emptySnapshot } from '../../layer/snapshot';
import { globMatch } from '../glob';
import type { ImageStore } from '../image-store';
import type { BuildContext } from './context';
import { fileSum, hashStringSlice, tarName } from './tarsum';

/** Where COPY reads from: a read-only filesystem and how its files are checksummed. */
export interface CopySource {
  readonly fs: Overlay;
  /** True for `--from` (a stage or an image), false for the build context. */
  readonly fromImage: boolean;
  /** The checksum of a path (symlinks followed): a tarsum, or the path itself when it has none. */
  hash(path: string): Promise<string>;
}

/** One thing to copy: a path in the source, its checksum, and whether ADD may unpack it. */
export interface CopyInfo {
  source: CopySource;
  path: string;
  hash: string;
  noDecompress?: boolean;
}

/** A path's target, when it is a symlink of `fs` (paths relative to its root). */
export function readLinkOf(fs: Overlay): (path: string) => string | undefined {
  return (path) => {
    try {
      return fs.lstat('/' + path).type === 'symlink' ? fs.readlink('/' + path) : undefined;
    } catch (err) {
      if (isFsError(err)) return undefined;
      throw err;
    }
  };
}

/** lstat of a root-relative path, undefined when missing. */
export function lstatOf(fs: Overlay, path: string): Stats | undefined {
  try {
    return fs.lstat(path === '.' ? '/' : '/' + path);
  } catch (err) {
    if (isFsError(err)) return undefined;
    throw err;
  }
}

/** The root-relative path with every symlink resolved within the source. */
export function resolveIn(fs: Overlay, path: string): string {
  return followSymlinkInScope(path, readLinkOf(fs));
}

export function contextSource(context: BuildContext): CopySource {
  return { fs: context.filesystem(), fromImage: false, hash: async (path) => context.hash(path) };
}

/** A stage's or image's filesystem, its files checksummed lazily (moby's lazySource). */
export async function imageSource(store: ImageStore, imageId: Digest | ''): Promise<CopySource> {
  const image = imageId === '' ? undefined : store.get(imageId);
  const fs = new Overlay(image ? await store.snapshot(image.id) : emptySnapshot());
  const sums = new Map<string, string>();
  return {
    fs,
    fromImage: true,
    async hash(path) {
      const resolved = resolveIn(fs, path);
      const stats = lstatOf(fs, resolved);
      if (!stats) return resolved;
      let sum = sums.get(resolved);
      if (sum === undefined) {
        const type = stats.type;
        const entry = {
          path: resolved,
          type,
          mode: stats.mode,
          uid: stats.uid,
          gid: stats.gid,
          mtime: stats.mtime,
          ...(type === 'file' ? { content: fs.readFile('/' + resolved) } : {}),
          ...(type === 'symlink' ? { linkname: fs.readlink('/' + resolved) } : {}),
        };
        sum = await fileSum(tarName(resolved, type === 'dir'), entry);
        sums.set(resolved, sum);
      }
      return sum;
    },
  };
}

/** Every path under `dir` (not `dir` itself when it is the root), depth first, names in byte order. */
export function walk(fs: Overlay, dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    if (path !== '.') out.push(path);
    if (lstatOf(fs, path)?.type !== 'dir') return;
    for (const name of fs.readdir(path === '.' ? '/' : '/' + path)) visit(path === '.' ? name : `${path}/${name}`);
  };
  visit(dir);
  return out;
}

/** moby's containsWildcards: an unescaped `*`, `?` or `[`. */
export function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

function patternMatches(pattern: string, path: string): boolean {
  try {
    return globMatch(pattern, path);
  } catch {
    return false;
  }
}

/** The copy infos for one source path (calcCopyInfo); throws with the words `COPY failed:` follows. */
export async function calcCopyInfo(source: CopySource, orig: string, allowWildcards = true): Promise<CopyInfo[]> {
  const path = copySourcePath(orig);
  if (allowWildcards && containsWildcards(path)) {
    const infos: CopyInfo[] = [];
    for (const candidate of walk(source.fs, '.')) {
      if (patternMatches(path, candidate)) infos.push(...(await calcCopyInfo(source, candidate, false)));
    }
    return infos;
  }
  const resolved = resolveContextPath(path, readLinkOf(source.fs));
  const stats = lstatOf(source.fs, resolved);
  if (!stats || stats.type === 'symlink') {
    const message = source.fromImage ? `stat ${path}: file does not exist` : fileNotFoundInContext(path);
    throw new ContextPathError(message);
  }
  if (stats.type !== 'dir') return [{ source, path, hash: `file:${await source.hash(path)}` }];
  const sums: string[] = [];
  for (const sub of walk(source.fs, resolved)) sums.push(await source.hash(sub));
  sums.sort();
  return [{ source, path, hash: await hashStringSlice('dir', sums) }];
}
