// PAX extended headers: how a POSIX tar says what the fixed ustar fields cannot (pax.md, "pax Extended
// Header"). Before an entry's own header comes an entry of type 'x' whose data is a list of records
//
//   "<length> <keyword>=<value>\n"     e.g. "30 mtime=1700000000.123456789\n"
//
// where <length> counts the whole record, its own digits included. The keywords we meet in layers:
// `path` and `linkpath` (names longer than the ustar fields, or not ASCII), `size` (8 GiB and over),
// `uid`/`gid` (over 2,097,151), `mtime` (negative, huge or sub-second), plus ones we read past
// (`atime`, `ctime`, `uname`, `gname`, `SCHILY.xattr.*`, `LIBARCHIVE.*`). A 'g' entry carries global
// records; dockerd ignores those, and so do we after checking they parse.
import { concatBytes, utf8, type Bytes } from '../bytes';
import { TarError } from './tar-error';
import { decodeText } from './tar-fields';

export type PaxRecords = Map<string, string>;

/** Keywords whose values we use, which must be UTF-8 text; others (xattrs…) may hold any bytes. */
const TEXT_KEYS = new Set(['path', 'linkpath', 'size', 'uid', 'gid', 'mtime', 'uname', 'gname']);
const lenient = new TextDecoder('utf-8');

/** One record, its length prefix computed so that it counts its own digits. */
function encodeRecord(key: string, value: string): Bytes {
  const body = utf8(` ${key}=${value}\n`);
  const digits = String(body.length).length;
  let length = body.length + digits;
  if (String(length).length > digits) length += 1; // a 98-byte body: 100 has 3 digits, so 101
  return concatBytes([utf8(String(length)), body]);
}

/** The data of an 'x' entry: records sorted by keyword, so the same header always gives the same bytes. */
export function encodePaxRecords(records: PaxRecords): Bytes {
  const keys = [...records.keys()].sort();
  return concatBytes(keys.map((key) => encodeRecord(key, records.get(key)!)));
}

/** Parse the data of an 'x' or 'g' entry. A later record for the same keyword wins. */
export function parsePaxRecords(data: Uint8Array): PaxRecords {
  const records: PaxRecords = new Map();
  const bad = (why: string) => new TarError(`invalid PAX record: ${why}`);
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1 || space === offset || space - offset > 20) throw bad('missing length');
    let length = 0;
    for (let i = offset; i < space; i++) {
      const digit = data[i]! - 0x30;
      if (digit < 0 || digit > 9) throw bad('length is not a number');
      length = length * 10 + digit;
    }
    const end = offset + length;
    if (length < 5 || end > data.length) throw bad('length out of range');
    if (data[end - 1] !== 0x0a) throw bad('record does not end with a newline');
    const record = data.subarray(space + 1, end - 1);
    const equals = record.indexOf(0x3d);
    if (equals <= 0) throw bad('missing keyword');
    const key = decodeText(record.subarray(0, equals), 'PAX keyword');
    const raw = record.subarray(equals + 1);
    if (TEXT_KEYS.has(key)) {
      const value = decodeText(raw, `PAX ${key}`);
      if (value.includes('\0')) throw bad(`${key} contains a NUL byte`);
      records.set(key, value);
    } else {
      records.set(key, lenient.decode(raw)); // e.g. a binary SCHILY.xattr.security.capability: kept, never used
    }
    offset = end;
  }
  return records;
}

/** A PAX integer (`size`, `uid`, `gid`): decimal, non-negative. */
export function paxInteger(records: PaxRecords, key: string): number | undefined {
  const text = records.get(key);
  if (text === undefined || text === '') return undefined;
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new TarError(`invalid PAX ${key}: ${text}`);
  return Number(text);
}

/** A PAX time (`mtime`): decimal seconds, maybe negative, maybe fractional; we keep whole seconds (floor). */
export function paxSeconds(records: PaxRecords, key: string): number | undefined {
  const text = records.get(key);
  if (text === undefined || text === '') return undefined;
  const match = /^(-?)([0-9]+)(?:\.([0-9]*))?$/.exec(text);
  if (!match) throw new TarError(`invalid PAX ${key}: ${text}`);
  const whole = Number(match[2]);
  if (!Number.isSafeInteger(whole)) throw new TarError(`invalid PAX ${key}: ${text}`);
  const hasFraction = /[1-9]/.test(match[3] ?? '');
  if (match[1] !== '-') return whole;
  return whole === 0 && !hasFraction ? 0 : -whole - (hasFraction ? 1 : 0); // "-0" is 0, "-0.5" is -1
}
