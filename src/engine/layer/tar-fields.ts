// The 512-byte header block every tar entry starts with, field by field (POSIX ustar, pax.md
// "ustar Interchange Format"):
//
//   offset  size  field            offset  size  field
//        0   100  name                257     6  magic    "ustar\0" (GNU: "ustar ")
//      100     8  mode (octal)        263     2  version  "00"      (GNU: " \0")
//      108     8  uid  (octal)        265    32  uname
//      116     8  gid  (octal)        297    32  gname
//      124    12  size (octal)        329     8  devmajor
//      136    12  mtime (octal)       337     8  devminor
//      148     8  chksum              345   155  prefix   (ustar: name = prefix + "/" + name)
//      156     1  typeflag
//      157   100  linkname
//
// Numbers are ASCII octal, NUL-terminated, so an 8-byte field holds at most 7 digits (2,097,151) and a
// 12-byte one 11 digits (8 GiB − 1). GNU tar escapes those limits with base-256 (high bit set); PAX
// with extended records (tar-pax.ts). The checksum is the sum of all 512 bytes with the checksum field
// itself counted as eight spaces; some old writers summed signed bytes, so readers accept both.
import { fromUtf8 } from '../bytes';
import { TarError } from './tar-error';

export const BLOCK_SIZE = 512;

/** [offset, width] of each header field. */
export const FIELD = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  chksum: [148, 8],
  typeflag: [156, 1],
  linkname: [157, 100],
  magic: [257, 6],
  version: [263, 2],
  uname: [265, 32],
  gname: [297, 32],
  devmajor: [329, 8],
  devminor: [337, 8],
  prefix: [345, 155],
} as const satisfies Record<string, readonly [number, number]>;

export type FieldName = keyof typeof FIELD;

/** Bytes a header's data occupies in the archive: rounded up to whole blocks. */
export function paddedSize(size: number): number {
  return Math.ceil(size / BLOCK_SIZE) * BLOCK_SIZE;
}

/** Whether `value` can be written as octal digits in a field of `width` bytes (one byte is the NUL). */
export function fitsOctal(value: number, width: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value < 8 ** (width - 1);
}

/** Write `value` as zero-padded octal followed by a NUL, filling the field. */
export function writeOctal(block: Uint8Array, field: FieldName, value: number): void {
  const [offset, width] = FIELD[field];
  const digits = value.toString(8).padStart(width - 1, '0');
  for (let i = 0; i < width - 1; i++) block[offset + i] = digits.charCodeAt(i);
  block[offset + width - 1] = 0;
}

/** Copy bytes into a field; the caller has checked they fit (a full-width field has no NUL, as ustar allows). */
export function writeBytes(block: Uint8Array, field: FieldName, bytes: Uint8Array): void {
  const [offset, width] = FIELD[field];
  if (bytes.length > width) throw new RangeError(`${field} field overflow`);
  block.set(bytes, offset);
}

/** The raw bytes of a field up to its first NUL. */
export function fieldBytes(block: Uint8Array, field: FieldName): Uint8Array {
  const [offset, width] = FIELD[field];
  const raw = block.subarray(offset, offset + width);
  const end = raw.indexOf(0);
  return end === -1 ? raw : raw.subarray(0, end);
}

/** A text field (name, linkname, prefix…), which must be UTF-8. */
export function readText(block: Uint8Array, field: FieldName): string {
  return decodeText(fieldBytes(block, field), field);
}

export function decodeText(bytes: Uint8Array, what: string): string {
  try {
    return fromUtf8(bytes);
  } catch {
    throw new TarError(`invalid tar header: ${what} is not valid UTF-8`);
  }
}

/**
 * A numeric field: octal text (leading/trailing spaces and NULs ignored, empty means 0), or GNU
 * base-256 when the first byte has its high bit set (0x80 positive, 0xff… negative, two's complement).
 */
export function readNumber(block: Uint8Array, field: FieldName): number {
  const [offset, width] = FIELD[field];
  const raw = block.subarray(offset, offset + width);
  const bad = () => new TarError(`invalid tar header: malformed ${field} field`);
  if (raw[0]! & 0x80) {
    const invert = raw[0]! & 0x40 ? 0xff : 0;
    let value = 0;
    for (let i = 0; i < raw.length; i++) {
      const byte = (i === 0 ? raw[i]! & 0x7f : raw[i]!) ^ (i === 0 ? invert & 0x7f : invert);
      value = value * 256 + byte;
      if (!Number.isSafeInteger(value)) throw bad();
    }
    return invert ? -value - 1 : value;
  }
  let text = '';
  for (const byte of raw) text += String.fromCharCode(byte);
  text = text.replace(/^[ \0]+|[ \0]+$/g, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw bad();
  const value = parseInt(text, 8);
  if (!Number.isSafeInteger(value)) throw bad();
  return value;
}

/** The header checksum, both ways old and new writers computed it. */
export function checksums(block: Uint8Array): { unsigned: number; signed: number } {
  const [offset, width] = FIELD.chksum;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK_SIZE; i++) {
    const byte = i >= offset && i < offset + width ? 0x20 : block[i]!;
    unsigned += byte;
    signed += byte < 128 ? byte : byte - 256;
  }
  return { unsigned, signed };
}

/** Fill in the checksum field the way Go and GNU tar do: six octal digits, a NUL, a space. */
export function sealChecksum(block: Uint8Array): void {
  const [offset] = FIELD.chksum;
  const digits = checksums(block).unsigned.toString(8).padStart(6, '0');
  for (let i = 0; i < 6; i++) block[offset + i] = digits.charCodeAt(i);
  block[offset + 6] = 0;
  block[offset + 7] = 0x20;
}

export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK_SIZE; i++) if (block[i] !== 0) return false;
  return true;
}
