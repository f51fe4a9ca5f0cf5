// One tar header, written and read. Writing follows Go's archive/tar (what dockerd, containerd and
// skopeo use): plain ustar when every value fits, a name longer than 100 bytes split across the
// `prefix` and `name` fields when it can be, and otherwise a PAX 'x' entry in front carrying the
// values that do not fit — with the ustar field left as a best-effort ASCII stand-in (or 0) for old
// readers. Reading accepts the three header dialects found in the wild: ustar/PAX ("ustar\0" "00"),
// GNU ("ustar  \0", whose prefix area holds other things) and the old V7 layout (no magic).
import { utf8, type Bytes } from '../bytes';
import { TarError } from './tar-error';
import {
  BLOCK_SIZE,
  checksums,
  fitsOctal,
  paddedSize,
  readNumber,
  readText,
  sealChecksum,
  writeBytes,
  writeOctal,
} from './tar-fields';
import { encodePaxRecords, type PaxRecords } from './tar-pax';

/** What a header says, before any PAX or GNU long-name entry is applied to it. */
export interface TarHeader {
  /** Full name as the archive spells it (`./usr/bin/`, `etc/hosts`), prefix already joined. */
  name: string;
  /** The typeflag character: '0' file, '1' hardlink, '2' symlink, '5' dir, 'x' PAX, 'L' GNU long name… */
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  linkname: string;
}

export type HeaderDialect = 'ustar' | 'gnu' | 'v7';

const USTAR_MAGIC = utf8('ustar\0');
const USTAR_VERSION = utf8('00');
const NAME_MAX = 100;
const PREFIX_MAX = 155;

const isAscii = (text: string) => [...text].every((c) => c.charCodeAt(0) < 0x80);
/** What goes in a ustar field when the real value is in a PAX record: its ASCII characters, truncated. */
const asciiStandIn = (text: string, max: number) =>
  utf8(
    [...text]
      .filter((c) => c.charCodeAt(0) < 0x80)
      .join('')
      .slice(0, max),
  );

/**
 * Split a long ASCII name between ustar's `prefix` (≤ 155 bytes) and `name` (≤ 100 bytes) at a `/`,
 * the last one that still lets the prefix fit; undefined when no split works.
 */
export function splitUstarName(name: string): { prefix: string; name: string } | undefined {
  if (name.length <= NAME_MAX || !isAscii(name)) return undefined;
  let limit = Math.min(name.length, PREFIX_MAX + 1);
  if (limit === name.length && name.endsWith('/')) limit -= 1; // never split at a directory's own '/'
  const slash = name.lastIndexOf('/', limit - 1);
  const rest = name.length - slash - 1;
  if (slash <= 0 || rest === 0 || rest > NAME_MAX || slash > PREFIX_MAX) return undefined;
  return { prefix: name.slice(0, slash), name: name.slice(slash + 1) };
}

function baseBlock(typeflag: string): Uint8Array {
  const block = new Uint8Array(BLOCK_SIZE);
  block[156] = typeflag.charCodeAt(0);
  writeBytes(block, 'magic', USTAR_MAGIC);
  writeBytes(block, 'version', USTAR_VERSION);
  writeOctal(block, 'devmajor', 0);
  writeOctal(block, 'devminor', 0);
  return block;
}

/** The name Go gives a PAX entry: `<dir>/PaxHeaders.0/<base>`, ASCII, at most 100 bytes. */
function paxEntryName(name: string): Bytes {
  const trimmed = name.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  const joined = `${trimmed.slice(0, slash + 1)}PaxHeaders.0/${trimmed.slice(slash + 1)}`;
  return asciiStandIn(joined.replace(/\/+$/, ''), NAME_MAX);
}

/**
 * Encode one entry's header: a single ustar block, or a PAX 'x' entry (header block + padded records)
 * followed by the ustar block. The entry's data is not included.
 */
export function encodeHeader(header: TarHeader): Bytes {
  const pax: PaxRecords = new Map();
  const block = baseBlock(header.typeflag);

  const nameBytes = utf8(header.name);
  const split = splitUstarName(header.name);
  if (nameBytes.length <= NAME_MAX && isAscii(header.name)) {
    writeBytes(block, 'name', nameBytes);
  } else if (split) {
    writeBytes(block, 'prefix', utf8(split.prefix));
    writeBytes(block, 'name', utf8(split.name));
  } else {
    pax.set('path', header.name);
    writeBytes(block, 'name', asciiStandIn(header.name, NAME_MAX));
  }

  if (utf8(header.linkname).length <= NAME_MAX && isAscii(header.linkname)) {
    writeBytes(block, 'linkname', utf8(header.linkname));
  } else {
    pax.set('linkpath', header.linkname);
    writeBytes(block, 'linkname', asciiStandIn(header.linkname, NAME_MAX));
  }

  writeOctal(block, 'mode', header.mode);
  for (const field of ['uid', 'gid', 'size', 'mtime'] as const) {
    const value = header[field];
    if (fitsOctal(value, field === 'uid' || field === 'gid' ? 8 : 12)) {
      writeOctal(block, field, value);
    } else {
      pax.set(field, String(value));
      writeOctal(block, field, 0);
    }
  }
  sealChecksum(block);
  if (pax.size === 0) return block as Bytes;

  const records = encodePaxRecords(pax);
  const paxBlock = baseBlock('x');
  writeBytes(paxBlock, 'name', paxEntryName(header.name));
  writeOctal(paxBlock, 'mode', 0);
  writeOctal(paxBlock, 'uid', 0);
  writeOctal(paxBlock, 'gid', 0);
  writeOctal(paxBlock, 'size', records.length);
  writeOctal(paxBlock, 'mtime', 0);
  sealChecksum(paxBlock);

  const out = new Uint8Array(BLOCK_SIZE + paddedSize(records.length) + BLOCK_SIZE);
  out.set(paxBlock, 0);
  out.set(records, BLOCK_SIZE);
  out.set(block, out.length - BLOCK_SIZE);
  return out;
}

/** Which layout the header uses, judged as Go's archive/tar does (anything unrecognised is V7). */
function dialectOf(block: Uint8Array): HeaderDialect {
  const magic = String.fromCharCode(...block.subarray(257, 263));
  const version = String.fromCharCode(...block.subarray(263, 265));
  if (magic === 'ustar\0') return 'ustar';
  if (magic === 'ustar ' && version === ' \0') return 'gnu';
  return 'v7';
}

/** A numeric field that cannot be negative (GNU base-256 could say so; only mtime may be). */
function readCount(block: Uint8Array, field: 'mode' | 'uid' | 'gid' | 'size'): number {
  const value = readNumber(block, field);
  if (value < 0) throw new TarError(`invalid tar header: negative ${field}`);
  return value;
}

/** Decode one header block, checking its checksum first. */
export function decodeHeader(block: Uint8Array): TarHeader & { dialect: HeaderDialect } {
  const stored = readNumber(block, 'chksum');
  const { unsigned, signed } = checksums(block);
  if (stored !== unsigned && stored !== signed) throw new TarError('invalid tar header checksum');
  const dialect = dialectOf(block);
  let name = readText(block, 'name');
  if (dialect === 'ustar') {
    const prefix = readText(block, 'prefix');
    if (prefix !== '') name = `${prefix}/${name}`;
  }
  return {
    dialect,
    name,
    typeflag: String.fromCharCode(block[156]!),
    mode: readCount(block, 'mode'),
    uid: readCount(block, 'uid'),
    gid: readCount(block, 'gid'),
    size: readCount(block, 'size'),
    mtime: readNumber(block, 'mtime'),
    linkname: readText(block, 'linkname'),
  };
}
