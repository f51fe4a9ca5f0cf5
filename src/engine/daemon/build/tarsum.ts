// The checksums the classic build cache keys COPY and ADD by (moby `remotecontext` tarsum v1 and
// `filehash.go`). Each file gets a sha256 over selected tar header fields — written as
// `name<value>mode<value>…` — followed by its content:
//
//   name  mode  uid  gid  size  typeflag  linkname  uname  gname  devmajor  devminor
//
// and nothing else: tarsum v1 leaves out `mtime`, which is why touching a file does not bust the
// cache while editing it does. The step's history then reads
//
//   COPY file:<sum> in /app/              one file
//   COPY dir:<sha256 of the sorted sums of everything under it, comma-joined> in /app/
//   COPY multi:<sha256 of the sources' hashes, comma-joined> in /app/     several sources
//
// A directory's name carries its trailing slash (`src/`), as in the tar the docker CLI sends.
import { concatBytes, utf8 } from '../../bytes';
import { encodedOf, sha256Of } from '../../digest';
import type { FsEntry } from '../../layer/entry';

const typeflags: Record<FsEntry['type'], string> = { file: '0', hardlink: '1', symlink: '2', dir: '5' };

/** The tar name of a path: relative, with a trailing `/` for a directory. */
export function tarName(path: string, isDir: boolean): string {
  return isDir ? `${path}/` : path;
}

async function sha256Hex(data: Uint8Array): Promise<string> {
  return encodedOf(await sha256Of(data));
}

/** tarsum v1's per-file sum (hex) of an entry named `name`. */
export function fileSum(name: string, entry: FsEntry): Promise<string> {
  const content = entry.type === 'file' ? (entry.content ?? new Uint8Array(0)) : new Uint8Array(0);
  const header = [
    ['name', name],
    ['mode', String(entry.mode)],
    ['uid', String(entry.uid)],
    ['gid', String(entry.gid)],
    ['size', String(content.length)],
    ['typeflag', typeflags[entry.type]],
    ['linkname', entry.linkname ?? ''],
    ['uname', ''],
    ['gname', ''],
    ['devmajor', '0'],
    ['devminor', '0'],
  ]
    .map(([k, v]) => k! + v!)
    .join('');
  return sha256Hex(concatBytes([utf8(header), content]));
}

/** moby's hashStringSlice: `<prefix>:` + sha256 of the items joined with commas. */
export async function hashStringSlice(prefix: string, items: readonly string[]): Promise<string> {
  return `${prefix}:${await sha256Hex(utf8(items.join(',')))}`;
}

/** The source part of a COPY's cache key: the one source's hash, or `multi:` over several. */
export function sourceHash(hashes: readonly string[]): Promise<string> {
  return hashes.length === 1 ? Promise.resolve(hashes[0]!) : hashStringSlice('multi', hashes);
}
