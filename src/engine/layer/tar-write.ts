// Writing a layer's tar: each FsEntry becomes a header (see tar-header.ts) and, for a file, its
// content padded with zeros to a whole 512-byte block; two zero blocks mark the end of the archive.
//
// The output is a pure function of the entries, in the order given: owner names are left empty,
// device numbers are 0, the mode field holds only permission bits (the kind of entry is the
// typeflag), and nothing depends on the clock or the machine — so the same files always give the
// same bytes, hence the same DiffID, in Node and in every browser.
import type { Bytes } from '../bytes';
import type { FsEntry } from './entry';
import { checkSymlinkTarget, normalizeEntryPath, normalizeHardlinkTarget } from './path';
import { TarError } from './tar-error';
import { BLOCK_SIZE, paddedSize } from './tar-fields';
import { encodeHeader } from './tar-header';

const TYPEFLAG: Record<FsEntry['type'], string> = { file: '0', hardlink: '1', symlink: '2', dir: '5' };
const EMPTY = new Uint8Array(0);

interface PreparedEntry {
  header: Bytes;
  content: Uint8Array;
}

function checkNumber(entry: FsEntry, field: 'uid' | 'gid' | 'mtime' | 'mode', min: number): number {
  const value = entry[field];
  if (!Number.isSafeInteger(value) || value < min) {
    throw new TarError(`invalid ${field} ${String(value)} for ${JSON.stringify(entry.path)}`);
  }
  return value;
}

/** Validate one entry and encode its header; throws TarError naming the entry when it cannot be written. */
function prepare(entry: FsEntry): PreparedEntry {
  const path = normalizeEntryPath(entry.path);
  const quoted = JSON.stringify(entry.path);
  if (path === '') throw new TarError(`invalid path ${quoted}: the root itself is not an entry`);
  const typeflag = TYPEFLAG[entry.type];
  if (typeflag === undefined) throw new TarError(`unknown entry type ${JSON.stringify(entry.type)} for ${quoted}`);
  const content = entry.content ?? EMPTY;
  if (entry.type !== 'file' && content.length > 0)
    throw new TarError(`${quoted} is a ${entry.type}: only files have content`);

  let linkname = '';
  if (entry.type === 'symlink') {
    linkname = entry.linkname ?? '';
    checkSymlinkTarget(path, linkname);
  } else if (entry.type === 'hardlink') {
    linkname = normalizeHardlinkTarget(path, entry.linkname ?? '');
  } else if (entry.linkname) {
    throw new TarError(`${quoted} is a ${entry.type}: only links have a link target`);
  }

  const header = encodeHeader({
    name: entry.type === 'dir' ? `${path}/` : path,
    typeflag,
    mode: checkNumber(entry, 'mode', 0) & 0o7777,
    uid: checkNumber(entry, 'uid', 0),
    gid: checkNumber(entry, 'gid', 0),
    mtime: checkNumber(entry, 'mtime', Number.MIN_SAFE_INTEGER),
    size: content.length,
    linkname,
  });
  return { header, content };
}

/**
 * Write entries as a tar archive (ustar, with PAX records where ustar cannot say it), in the order
 * given, ending with two zero blocks. Paths are normalised (`./a/` → `a`); unsafe ones throw TarError.
 */
export function writeTar(entries: readonly FsEntry[]): Bytes {
  const prepared = entries.map(prepare);
  const total = prepared.reduce((n, p) => n + p.header.length + paddedSize(p.content.length), 2 * BLOCK_SIZE);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const { header, content } of prepared) {
    out.set(header, offset);
    offset += header.length;
    out.set(content, offset);
    offset += paddedSize(content.length);
  }
  return out;
}
