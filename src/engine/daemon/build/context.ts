// The build context as the classic builder receives it (moby `remotecontext/archive.go`,
// `detect.go`): the body of `POST /build` is a tar of the directory the client named — gzip'd
// with `docker build --compress` — which the daemon unpacks into a scratch directory, computing a
// tarsum (./tarsum.ts) for every entry as it goes. Those sums, not the files' times, are what the
// build cache compares.
//
// Then it finds the Dockerfile (`Dockerfile`, or `dockerfile` as a fallback; `Cannot locate
// specified Dockerfile: …`), reads it, and — when `.dockerignore` lists them — deletes the
// Dockerfile and the .dockerignore from the context, so that `COPY . /app` cannot pick them up.
// Everything else the CLI sent is the context, read-only, for COPY and ADD.
//
// Unpacking refuses what would land outside the scratch directory, as moby's untar does: an entry
// named `../x`, or a symlink whose relative target climbs out (`invalid symlink "evil" ->
// "../../etc/passwd"`). A link pointing to an absolute path is kept; it is followed *inside* the
// context (context-path.ts), never on the daemon's host.
import { buildFilesRemovedByDaemon, followSymlinkInScope, locateDockerfile, readDockerignore } from '../../dockerfile';
import type { FsEntry } from '../../layer/entry';
import { gunzip, isGzip } from '../../layer/gzip';
import { Overlay } from '../../layer/overlay';
import { snapshotFromEntries } from '../../layer/snapshot';
import { readTar } from '../../layer/tar';
import { fileSum, tarName } from './tarsum';

const lenient = new TextDecoder('utf-8');

export class BuildContext {
  private constructor(
    private readonly entries: Map<string, FsEntry>,
    private readonly sums: Map<string, string>,
  ) {}

  /** Unpack a context tar (gzip'd or not); throws TarError for a broken or escaping archive. */
  static async open(body: Uint8Array): Promise<BuildContext> {
    const tar = isGzip(body) ? gunzip(body) : body;
    const entries = new Map<string, FsEntry>();
    const sums = new Map<string, string>();
    for (const entry of readTar(tar)) {
      entries.set(entry.path, entry);
      sums.set(entry.path, await fileSum(tarName(entry.path, entry.type === 'dir'), entry));
    }
    return new BuildContext(entries, sums);
  }

  /** The target of a symlink in the context, or undefined. */
  readLink = (path: string): string | undefined => {
    const entry = this.entries.get(path);
    return entry?.type === 'symlink' ? entry.linkname : undefined;
  };

  /** A path with every symlink resolved inside the context (`.` for the root). */
  resolve(path: string): string {
    return followSymlinkInScope(path, this.readLink);
  }

  /** Whether a path names a file or directory here (links followed in scope). */
  exists(path: string): boolean {
    const resolved = this.resolve(path);
    if (resolved === '.' || this.entries.has(resolved)) return true;
    return [...this.entries.keys()].some((p) => p.startsWith(resolved + '/'));
  }

  /** A regular file's text; undefined when there is none at `path`. */
  readText(path: string): string | undefined {
    const entry = this.entries.get(this.resolve(path));
    return entry?.type === 'file' ? lenient.decode(entry.content ?? new Uint8Array(0)) : undefined;
  }

  /** Delete a path and everything under it (moby's archiveContext.Remove). */
  remove(path: string): void {
    for (const key of [...this.entries.keys()]) {
      if (key === path || key.startsWith(path + '/')) {
        this.entries.delete(key);
        this.sums.delete(key);
      }
    }
  }

  /** The tarsum of a path after resolving links; the path itself when the archive has no entry for it. */
  hash(path: string): string {
    const resolved = this.resolve(path);
    return this.sums.get(resolved) ?? path;
  }

  /** The context as a read-only filesystem, for COPY and ADD to read from. */
  filesystem(): Overlay {
    return new Overlay(snapshotFromEntries([...this.entries.values()]));
  }
}

/** The Dockerfile a build uses: its name in the context and its text. */
export interface ContextDockerfile {
  name: string;
  text: string;
}

/**
 * Find and read the Dockerfile, then drop it and the .dockerignore from the context when the
 * .dockerignore excludes them (moby `withDockerfileFromContext` and `removeDockerfile`).
 */
export function takeDockerfile(context: BuildContext, requested: string): ContextDockerfile {
  const name = locateDockerfile(requested, (p) => context.readText(p) !== undefined);
  const text = context.readText(name) ?? '';
  const ignore = context.readText('.dockerignore');
  if (ignore !== undefined) {
    for (const file of buildFilesRemovedByDaemon(readDockerignore(ignore), name)) context.remove(context.resolve(file));
  }
  return { name, text };
}
