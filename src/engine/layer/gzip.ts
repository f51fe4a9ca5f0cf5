// Gzip: how a layer travels. A registry stores and serves the layer tar compressed with gzip
// (media type `application/vnd.oci.image.layer.v1.tar+gzip`), and the manifest names the
// *compressed* bytes — so the compressor must be deterministic, or rebuilding the same files would
// give a new layer digest every time.
//
// A gzip member (RFC 1952) is a 10-byte header — magic 1f 8b, method 8 (deflate), flags, mtime,
// extra flags, OS — optional fields the flags announce (extra, file name, comment, header CRC), a
// raw deflate stream, then the CRC-32 and length (mod 2^32) of the uncompressed data.
//
// We compress with fflate (pure JS, so Node and Chromium give identical bytes; CompressionStream
// would not promise that) at level 6, Go's default, with the header fixed the way Go's compress/gzip
// writes it for dockerd: mtime 0, no file name, OS byte 255 ("unknown"). We decompress with fflate
// too, then check what fflate does not: the trailer's CRC-32 and length, reporting Go's errors
// ("gzip: invalid header", "gzip: invalid checksum", "unexpected EOF"). Concatenated members, which
// RFC 1952 allows and Go reads as one stream, are read as one stream here too.
import { gzipSync, inflateSync } from 'fflate';
import { asBytes, concatBytes, type Bytes } from '../bytes';
import { crc32 } from './gzip-crc32';

/** The compressed data is not valid gzip, or ends early. */
export class GzipError extends Error {
  override name = 'GzipError';
}

const LEVEL = 6;
const OS_UNKNOWN = 0xff;
const FLAG = { hcrc: 2, extra: 4, name: 8, comment: 16, reserved: 0xe0 };
/** Deflate cannot expand more than about 1032:1, so a larger length claim is corrupt. */
const MAX_RATIO = 1032;

/** Whether the bytes start like a gzip stream (moby's DetectCompression looks at the same 3 bytes). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** Compress deterministically: same input, same bytes, everywhere. */
export function gzip(bytes: Uint8Array): Bytes {
  const out = gzipSync(bytes, { level: LEVEL, mtime: 0 });
  out[9] = OS_UNKNOWN;
  return asBytes(out);
}

const readUint32 = (bytes: Uint8Array, at: number) =>
  (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

/** Parse a member header at `start`; returns where its deflate data begins. */
function memberBody(bytes: Uint8Array, start: number): number {
  const need = (end: number) => {
    if (end > bytes.length) throw new GzipError('unexpected EOF');
  };
  need(start + 10);
  if (!isGzip(bytes.subarray(start))) throw new GzipError('gzip: invalid header');
  const flags = bytes[start + 3]!;
  if (flags & FLAG.reserved) throw new GzipError('gzip: invalid header');
  let at = start + 10;
  if (flags & FLAG.extra) {
    need(at + 2);
    at += 2 + (bytes[at]! | (bytes[at + 1]! << 8));
    need(at);
  }
  for (const flag of [FLAG.name, FLAG.comment]) {
    if (!(flags & flag)) continue;
    const end = bytes.indexOf(0, at);
    if (end === -1) throw new GzipError('unexpected EOF');
    at = end + 1;
  }
  if (flags & FLAG.hcrc) {
    need(at + 2);
    const expected = bytes[at]! | (bytes[at + 1]! << 8);
    if ((crc32(bytes.subarray(start, at)) & 0xffff) !== expected) throw new GzipError('gzip: invalid header');
    at += 2;
  }
  return at;
}

function inflateError(error: unknown): GzipError {
  const message = error instanceof Error ? error.message : String(error);
  return new GzipError(message === 'unexpected EOF' ? message : `flate: corrupt input (${message})`);
}

/**
 * Inflate a raw deflate stream (fflate stops at its final block and ignores what follows). `sizeHint`
 * lets fflate write straight into a buffer of the right size; one byte of slack reveals a wrong hint,
 * in which case we inflate again letting fflate grow its own buffer.
 */
function inflate(body: Uint8Array, sizeHint: number | undefined): Bytes {
  if (sizeHint !== undefined && sizeHint <= body.length * MAX_RATIO + 1024) {
    try {
      const out = inflateSync(body, { out: new Uint8Array(sizeHint + 1) });
      if (out.length <= sizeHint) return asBytes(out);
    } catch {
      // fall through: the retry reports the real error
    }
  }
  try {
    return asBytes(inflateSync(body));
  } catch (error) {
    throw inflateError(error);
  }
}

/** Where the 8-byte trailer (CRC-32, length) of a member that inflated to `output` sits. */
function findTrailer(bytes: Uint8Array, body: number, output: Uint8Array): number {
  const crc = crc32(output);
  const length = output.length >>> 0;
  const isTrailer = (at: number) => readUint32(bytes, at) === crc && readUint32(bytes, at + 4) === length;

  // fflate does not say where the deflate data ended, so look for the first place the expected trailer
  // sits followed by the end or by another member. (Checking only the last 8 bytes would be wrong for
  // two identical members, whose trailers are equal; and the pattern can also match a few bytes early,
  // overlapping the end of the deflate data, as the all-zero trailer of empty content does.)
  const first = crc & 0xff;
  let trailerThenGarbage = false;
  for (let at = bytes.indexOf(first, body); at !== -1 && at + 8 <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    if (!isTrailer(at)) continue;
    if (at + 8 === bytes.length || isGzip(bytes.subarray(at + 8))) return at;
    trailerThenGarbage = true;
  }
  if (trailerThenGarbage) throw new GzipError('gzip: invalid header'); // Go reads what follows as a header, and fails
  // No trailer: either the input stops inside it, or it is damaged.
  const expected = new Uint8Array(8);
  new DataView(expected.buffer).setUint32(0, crc, true);
  new DataView(expected.buffer).setUint32(4, length, true);
  for (let k = 7; k >= 1; k--) {
    const tail = bytes.subarray(bytes.length - k);
    if (tail.length === k && tail.every((b, i) => b === expected[i])) throw new GzipError('unexpected EOF');
  }
  try {
    inflateSync(bytes.subarray(body, bytes.length - 1));
  } catch {
    throw new GzipError('unexpected EOF'); // the deflate data needs every byte: nothing is left for a trailer
  }
  throw new GzipError('gzip: invalid checksum');
}

/** Decompress a gzip stream (one or more members), verifying every member's CRC-32 and length. */
export function gunzip(bytes: Uint8Array): Bytes {
  if (bytes.length === 0) throw new GzipError('unexpected EOF');
  const lastLength = bytes.length >= 4 ? readUint32(bytes, bytes.length - 4) : undefined;
  const members: Bytes[] = [];
  let start = 0;
  while (start < bytes.length) {
    const body = memberBody(bytes, start);
    if (body >= bytes.length) throw new GzipError('unexpected EOF');
    const output = inflate(bytes.subarray(body), members.length === 0 ? lastLength : undefined);
    const trailer = findTrailer(bytes, body, output);
    members.push(output);
    start = trailer + 8;
  }
  return members.length === 1 ? members[0]! : concatBytes(members);
}
