// The tar writer: the exact bytes of a ustar header, when names are split or moved to PAX records,
// and the entries it refuses to write.
import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../bytes';
import type { FsEntry } from './entry';
import { readTar, TarError, writeTar } from './tar';
import { BLOCK_SIZE } from './tar-fields';
import { encodeHeader, splitUstarName } from './tar-header';
import { encodePaxRecords, parsePaxRecords } from './tar-pax';

const text = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

function entry(path: string, type: FsEntry['type'], extra: Partial<FsEntry> = {}): FsEntry {
  return { path, type, mode: type === 'dir' ? 0o755 : 0o644, uid: 0, gid: 0, mtime: 0, ...extra };
}

describe('writeTar: the ustar header, byte by byte', () => {
  const tar = writeTar([
    entry('hello.txt', 'file', { mode: 0o644, uid: 1000, gid: 1000, mtime: 1700000000, content: utf8('hi\n') }),
  ]);

  it('is one header, one data block and the two-block end marker', () => {
    expect(tar.length).toBe(4 * BLOCK_SIZE);
    expect(fromUtf8(tar.subarray(512, 515))).toBe('hi\n');
    expect(tar.subarray(515, 2048).every((b) => b === 0)).toBe(true);
  });

  it.each([
    ['name', 0, 100, 'hello.txt'.padEnd(100, '\0')],
    ['mode', 100, 8, '0000644\0'],
    ['uid', 108, 8, '0001750\0'],
    ['gid', 116, 8, '0001750\0'],
    ['size', 124, 12, '00000000003\0'],
    ['mtime', 136, 12, '14524770400\0'],
    ['typeflag', 156, 1, '0'],
    ['linkname', 157, 100, '\0'.repeat(100)],
    ['magic + version', 257, 8, 'ustar\x0000'],
    ['uname + gname', 265, 64, '\0'.repeat(64)],
    ['devmajor + devminor', 329, 16, '0000000\x000000000\0'],
    ['prefix', 345, 155, '\0'.repeat(155)],
  ])('%s field', (_field, offset, width, expected) => {
    expect(text(tar, offset, width)).toBe(expected);
  });

  it('seals the checksum as six octal digits, NUL, space', () => {
    const field = text(tar, 148, 8);
    expect(field).toMatch(/^[0-7]{6}\0 $/);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : tar[i]!;
    expect(parseInt(field.slice(0, 6), 8)).toBe(sum);
  });

  it('writes each kind with its typeflag, a directory with its trailing slash, and only permission bits', () => {
    const out = writeTar([
      entry('./usr/bin/', 'dir', { mode: 0o40755 }),
      entry('usr/bin/sh', 'symlink', { mode: 0o777, linkname: 'busybox' }),
      entry('usr/bin/ash', 'hardlink', { linkname: './usr/bin/busybox' }),
      entry('usr/bin/su', 'file', { mode: 0o104755 }),
    ]);
    expect(text(out, 0, 9)).toBe('usr/bin/\0');
    expect(text(out, 156, 1)).toBe('5');
    expect(text(out, 100, 8)).toBe('0000755\0');
    expect(text(out, 512 + 156, 1)).toBe('2');
    expect(text(out, 512 + 157, 8)).toBe('busybox\0');
    expect(text(out, 1024 + 156, 1)).toBe('1');
    expect(text(out, 1024 + 157, 17)).toBe('usr/bin/busybox\0\0');
    expect(text(out, 1536 + 100, 8)).toBe('0004755\0');
  });

  it('keeps the order it is given and does not touch its input', () => {
    const input = [entry('b', 'file'), entry('a', 'dir')];
    const copy = structuredClone(input);
    expect(readTar(writeTar(input)).map((e) => e.path)).toEqual(['b', 'a']);
    expect(input).toEqual(copy);
  });
});

describe('long names: ustar prefix split, else PAX', () => {
  const a = (n: number) => 'a'.repeat(n);
  const b = (n: number) => 'b'.repeat(n);
  it.each([
    ['fits in name', a(100), undefined],
    ['split at the slash', `${a(50)}/${b(60)}`, { prefix: a(50), name: b(60) }],
    ['prefix at its limit', `${a(155)}/${b(100)}`, { prefix: a(155), name: b(100) }],
    ['last part too long', `${a(155)}/${b(101)}`, undefined],
    ['prefix too long', `${a(156)}/b`, undefined],
    ['last slash that fits', `x/${a(150)}/${b(50)}`, { prefix: `x/${a(150)}`, name: b(50) }],
    ['directory of 99 + slash', `a/${b(99)}/`, { prefix: 'a', name: `${b(99)}/` }],
    ['directory of 100 + slash', `x/${b(100)}/`, undefined],
    ['leading slash only', `/${b(100)}`, undefined],
    ['not ASCII', `${a(60)}/ü${b(60)}`, undefined],
  ])('%s', (_case, name, expected) => {
    expect(splitUstarName(name)).toEqual(expected);
  });

  it('writes a splittable name in prefix + name, with no PAX entry', () => {
    const path = `${a(120)}/${b(80)}`;
    const out = writeTar([entry(path, 'file')]);
    expect(out.length).toBe(3 * BLOCK_SIZE);
    expect(text(out, 0, 81)).toBe(`${b(80)}\0`);
    expect(text(out, 345, 121)).toBe(`${a(120)}\0`);
    expect(readTar(out)[0]!.path).toBe(path);
  });

  it('puts an unsplittable name in a PAX path record, with an ASCII stand-in in the ustar field', () => {
    const path = `${a(300)}.txt`;
    const out = writeTar([entry(path, 'file')]);
    expect(text(out, 156, 1)).toBe('x');
    expect(text(out, 0, 27)).toBe(`PaxHeaders.0/${a(14)}`);
    const records = parsePaxRecords(out.subarray(512, 512 + parseInt(text(out, 124, 11), 8)));
    expect([...records]).toEqual([['path', path]]);
    expect(text(out, 1024, 100)).toBe(a(100));
    expect(readTar(out)[0]!.path).toBe(path);
  });

  it.each([
    ['a non-ASCII name', entry('café/crème', 'file'), [['path', 'café/crème']]],
    ['a long link target', entry('l', 'symlink', { linkname: `/${a(120)}` }), [['linkpath', `/${a(120)}`]]],
    ['a non-ASCII link target', entry('l', 'symlink', { linkname: 'naïve' }), [['linkpath', 'naïve']]],
    ['a uid over 2097151', entry('f', 'file', { uid: 2097152 }), [['uid', '2097152']]],
    ['a gid over 2097151', entry('f', 'file', { gid: 4000000000 }), [['gid', '4000000000']]],
    ['a negative mtime', entry('f', 'file', { mtime: -1 }), [['mtime', '-1']]],
    ['an mtime past 11 octal digits', entry('f', 'file', { mtime: 8 ** 11 }), [['mtime', String(8 ** 11)]]],
  ])('uses PAX for %s', (_case, input, expected) => {
    const out = writeTar([input]);
    expect(text(out, 156, 1)).toBe('x');
    const records = parsePaxRecords(out.subarray(512, 512 + parseInt(text(out, 124, 11), 8)));
    expect([...records]).toEqual(expected);
    const [back] = readTar(out);
    expect(back).toEqual(input.type === 'file' ? { ...input, content: new Uint8Array(0) } : input);
  });

  it('needs no PAX at the ustar limits', () => {
    const out = writeTar([entry('f', 'file', { uid: 2097151, gid: 2097151, mtime: 8 ** 11 - 1 })]);
    expect(text(out, 156, 1)).toBe('0');
    expect(text(out, 108, 8)).toBe('7777777\0');
    expect(text(out, 136, 12)).toBe('77777777777\0');
  });

  it('uses PAX for a size of 8 GiB (too big to build in memory, so through the header encoder)', () => {
    const size = 8 * 1024 ** 3;
    const out = encodeHeader({ name: 'big', typeflag: '0', mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname: '', size });
    const records = parsePaxRecords(out.subarray(512, 512 + parseInt(text(out, 124, 11), 8)));
    expect(records.get('size')).toBe(String(size));
    expect(text(out, out.length - 512 + 124, 12)).toBe('00000000000\0');
  });

  it('writes PAX records whose length counts its own digits, across the 1→2 and 2→3 digit boundaries', () => {
    for (let n = 0; n < 200; n++) {
      const record = encodePaxRecords(new Map([['path', 'p'.repeat(n)]]));
      const declared = Number(fromUtf8(record).split(' ')[0]);
      expect(declared, `value of ${n} bytes`).toBe(record.length);
      expect(parsePaxRecords(record).get('path')).toBe('p'.repeat(n));
    }
  });
});

describe('writeTar refuses entries it cannot write safely', () => {
  it.each([
    ['the root', entry('./', 'dir'), 'invalid path "./": the root itself is not an entry'],
    ['an escaping path', entry('../x', 'file'), 'invalid path "../x": path escapes the root'],
    ['an absolute path', entry('/etc/passwd', 'file'), 'invalid path "/etc/passwd": path is absolute'],
    ['an escaping symlink', entry('a/l', 'symlink', { linkname: '../../x' }), 'invalid symlink "a/l" -> "../../x"'],
    ['a symlink without target', entry('l', 'symlink'), 'invalid symlink "l" -> "": empty target'],
    ['an escaping hardlink', entry('h', 'hardlink', { linkname: '../x' }), 'invalid hardlink "h" -> "../x"'],
    ['content on a directory', entry('d', 'dir', { content: utf8('x') }), '"d" is a dir: only files have content'],
    ['a link target on a file', entry('f', 'file', { linkname: 'x' }), '"f" is a file: only links have a link target'],
    ['a negative uid', entry('f', 'file', { uid: -1 }), 'invalid uid -1 for "f"'],
    ['a fractional mtime', entry('f', 'file', { mtime: 1.5 }), 'invalid mtime 1.5 for "f"'],
    ['a NaN mode', entry('f', 'file', { mode: NaN }), 'invalid mode NaN for "f"'],
    ['an unknown type', { ...entry('f', 'file'), type: 'fifo' as FsEntry['type'] }, 'unknown entry type "fifo"'],
  ])('%s', (_case, input, message) => {
    expect(() => writeTar([entry('ok', 'file'), input])).toThrow(TarError);
    expect(() => writeTar([entry('ok', 'file'), input])).toThrow(message);
  });
});
