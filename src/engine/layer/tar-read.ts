// Reading a tar into FsEntry values, as dockerd does when it unpacks a pulled layer.
//
// An archive is a sequence of (header, data padded to 512 bytes) ending in two zero blocks. Some
// headers describe the next one rather than a file: a PAX 'x' entry carries records (long or
// Unicode `path`/`linkpath`, big `size`, `uid`, `gid`, `mtime`) for the entry that follows; GNU
// tar's 'L' and 'K' entries carry a long name or link target for it; a PAX 'g' entry holds global
// records, which dockerd ignores and so do we. Names are cleaned (`./` prefix and a directory's
// trailing `/` removed) and checked against breakouts (path.ts) — the root entry `./` itself is
// skipped. Character and block devices and FIFOs cannot exist in our simulated filesystem and are
// skipped too; any other unknown kind of entry is an error, as in moby's createTarFile.
//
// Like Go's archive/tar (and so dockerd), an archive may also simply stop where the next header
// would begin (even before the last entry's padding), or after a single zero block: umoci, for
// one, writes layers that way. A layer's
// integrity is guarded by its digests, not by the end-of-archive marker. Any other truncation —
// inside a header, inside data, or after a PAX/GNU header that announces an entry — is an
// "unexpected EOF", and nothing is returned unless the whole archive reads cleanly.
import type { FsEntry } from './entry';
import { checkSymlinkTarget, normalizeEntryPath, normalizeHardlinkTarget } from './path';
import { TarError } from './tar-error';
import { BLOCK_SIZE, decodeText, isZeroBlock, paddedSize } from './tar-fields';
import { decodeHeader, type TarHeader } from './tar-header';
import { paxInteger, paxSeconds, parsePaxRecords, type PaxRecords } from './tar-pax';

/** Header-only kinds: their size field, if any, is not followed by data (Go's isHeaderOnlyType). */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6']);
/** Devices and FIFOs: read past, not returned. */
const SKIPPED = new Set(['3', '4', '6']);

/** What meta entries said about the entry that comes next. */
interface Pending {
  pax?: PaxRecords;
  longName?: string;
  longLink?: string;
}

/** A GNU long name/link: the entry's data up to its first NUL. */
function cString(data: Uint8Array, what: string): string {
  const end = data.indexOf(0);
  return decodeText(end === -1 ? data : data.subarray(0, end), what);
}

/** The header as it stands once the PAX records and GNU long names that precede it are applied. */
function resolve(header: TarHeader, pending: Pending): TarHeader {
  const pax = pending.pax ?? new Map<string, string>();
  for (const key of pax.keys()) {
    if (key.startsWith('GNU.sparse.'))
      throw new TarError(`unsupported tar entry ${JSON.stringify(header.name)}: GNU sparse file`);
  }
  const resolved: TarHeader = {
    ...header,
    name: pax.get('path') || header.name,
    linkname: pax.get('linkpath') || header.linkname,
    size: paxInteger(pax, 'size') ?? header.size,
    uid: paxInteger(pax, 'uid') ?? header.uid,
    gid: paxInteger(pax, 'gid') ?? header.gid,
    mtime: paxSeconds(pax, 'mtime') ?? header.mtime,
  };
  // Go applies a GNU long name after the PAX records.
  if (pending.longName) resolved.name = pending.longName;
  if (pending.longLink) resolved.linkname = pending.longLink;
  // A V7 "regular file" whose name ends in '/' is a directory.
  if (resolved.typeflag === '\0') resolved.typeflag = resolved.name.endsWith('/') ? '5' : '0';
  return resolved;
}

/** Turn a resolved header (and its data) into an FsEntry, or undefined for what we skip. */
function toEntry(header: TarHeader, data: Uint8Array): FsEntry | undefined {
  const path = normalizeEntryPath(header.name);
  const common = { path, mode: header.mode & 0o7777, uid: header.uid, gid: header.gid, mtime: header.mtime };
  if (SKIPPED.has(header.typeflag) || path === '') return undefined;
  switch (header.typeflag) {
    case '0':
    case '7':
      return { ...common, type: 'file', content: new Uint8Array(data) }; // a copy, even of a Node Buffer
    case '5':
      return { ...common, type: 'dir' };
    case '2':
      checkSymlinkTarget(path, header.linkname);
      return { ...common, type: 'symlink', linkname: header.linkname };
    case '1':
      return { ...common, type: 'hardlink', linkname: normalizeHardlinkTarget(path, header.linkname) };
    default:
      throw new TarError(
        `unhandled tar header type ${header.typeflag.charCodeAt(0)} (${JSON.stringify(header.typeflag)})`,
      );
  }
}

/**
 * Read every entry of a tar archive, in archive order. Throws TarError ("unexpected EOF",
 * "invalid tar header checksum", "invalid path …: path escapes the root", …) and then returns nothing.
 */
export function readTar(bytes: Uint8Array): FsEntry[] {
  const entries: FsEntry[] = [];
  let offset = 0;
  let pending: Pending = {};

  const take = (length: number): Uint8Array => {
    if (offset + length > bytes.length) throw new TarError('unexpected EOF');
    const part = bytes.subarray(offset, offset + length);
    offset += length;
    return part;
  };
  const takeData = (size: number): Uint8Array => {
    const data = take(size);
    // Missing padding after the final entry reads as the end of the archive, as in Go.
    offset = Math.min(offset + paddedSize(size) - size, bytes.length);
    return data;
  };

  const hasPending = () =>
    pending.pax !== undefined || pending.longName !== undefined || pending.longLink !== undefined;
  for (;;) {
    if (offset === bytes.length && !hasPending()) return entries;
    const block = take(BLOCK_SIZE);
    if (isZeroBlock(block)) {
      if (offset === bytes.length && !hasPending()) return entries;
      if (isZeroBlock(take(BLOCK_SIZE))) return entries;
      throw new TarError('invalid tar header: a zero block is followed by data');
    }
    const header = decodeHeader(block);
    switch (header.typeflag) {
      case 'x':
        pending.pax = parsePaxRecords(takeData(header.size));
        continue;
      case 'g':
        parsePaxRecords(takeData(header.size));
        pending = {}; // Go hands a global header to its caller as an entry of its own, ending any pending state
        continue;
      case 'L':
        pending.longName = cString(takeData(header.size), 'GNU long name');
        continue;
      case 'K':
        pending.longLink = cString(takeData(header.size), 'GNU long link name');
        continue;
      case 'S':
        throw new TarError(`unsupported tar entry ${JSON.stringify(header.name)}: GNU sparse file`);
    }
    const resolved = resolve(header, pending);
    pending = {};
    const data = takeData(HEADER_ONLY.has(resolved.typeflag) ? 0 : resolved.size);
    const entry = toEntry(resolved, data);
    if (entry) entries.push(entry);
  }
}
