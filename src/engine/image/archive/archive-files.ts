// An image archive opened for reading: the tar's entries by path, with links followed the way the
// daemon follows them when it loads (moby's `safePath` resolves symlinks inside the unpacked
// archive; skopeo's docker-archive output, for one, holds `<id>/layer.tar` symlinks). A whole
// archive compressed with gzip (`docker save | gzip`) is accepted too, as `docker load` accepts it.
import type { Bytes } from '../../bytes';
import type { FsEntry } from '../../layer/entry';
import { gunzip, isGzip } from '../../layer/gzip';
import { readTar } from '../../layer/tar';
import { ArchiveError } from './archive-error';

const maxLinkHops = 16;

function joinPath(dir: string, target: string): string | undefined {
  const parts = target.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.pop() === undefined) return undefined;
    } else parts.push(segment);
  }
  return parts.join('/');
}

export class ArchiveFiles {
  readonly #entries: Map<string, FsEntry>;

  private constructor(entries: Map<string, FsEntry>) {
    this.#entries = entries;
  }

  /** Read the archive; throws ArchiveError (`not-a-tar`) when it is not one. */
  static read(bytes: Uint8Array): ArchiveFiles {
    let entries: FsEntry[];
    try {
      entries = readTar(isGzip(bytes) ? gunzip(bytes) : bytes);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ArchiveError('not-a-tar', `invalid archive: ${reason}`, { cause: err });
    }
    return new ArchiveFiles(new Map(entries.map((e) => [e.path, e])));
  }

  /** The regular file at `path` after following links, or undefined when there is none. */
  find(path: string): Bytes | undefined {
    let current = joinPath('', path);
    for (let hop = 0; current !== undefined && hop <= maxLinkHops; hop++) {
      const entry = this.#entries.get(current);
      if (!entry) return undefined;
      if (entry.type === 'file') return (entry.content ?? new Uint8Array(0)) as Bytes;
      if (entry.type === 'hardlink') current = joinPath('', entry.linkname ?? '');
      else if (entry.type === 'symlink')
        current = joinPath(current.split('/').slice(0, -1).join('/'), entry.linkname ?? '');
      else return undefined;
    }
    return undefined;
  }

  /** The file at `path`; throws ArchiveError (`missing-file`) when the archive does not hold it. */
  file(path: string): Bytes {
    const bytes = this.find(path);
    if (bytes === undefined) {
      throw new ArchiveError('missing-file', `invalid archive: ${path}: no such file or directory`);
    }
    return bytes;
  }

  has(path: string): boolean {
    return this.find(path) !== undefined;
  }
}
