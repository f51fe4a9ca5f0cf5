// The tar reader: archives as other tools write them (./ prefixes, V7, GNU long names and base-256
// numbers, PAX records, devices), and everything it must refuse — truncation, damage, breakouts.
import { describe, expect, it } from 'vitest';
import { concatBytes, fromUtf8, utf8 } from '../bytes';
import type { FsEntry } from './entry';
import { readTar, TarError, writeTar } from './tar';
import { BLOCK_SIZE, paddedSize, sealChecksum } from './tar-fields';
import { encodeHeader, type TarHeader } from './tar-header';
import { encodePaxRecords } from './tar-pax';

function entry(path: string, type: FsEntry['type'], extra: Partial<FsEntry> = {}): FsEntry {
  return { path, type, mode: type === 'dir' ? 0o755 : 0o644, uid: 0, gid: 0, mtime: 0, ...extra };
}

/** An archive built header by header, bypassing writeTar's checks: how a hostile or foreign tar looks. */
function rawTar(parts: { header: Partial<TarHeader>; data?: Uint8Array; patch?: (block: Uint8Array) => void }[]) {
  const blocks = parts.map(({ header, data = new Uint8Array(0), patch }) => {
    const full: TarHeader = {
      name: 'f',
      typeflag: '0',
      mode: 0o644,
      uid: 0,
      gid: 0,
      mtime: 0,
      linkname: '',
      size: data.length,
      ...header,
    };
    const encoded = encodeHeader(full);
    if (patch) {
      const last = encoded.subarray(encoded.length - BLOCK_SIZE);
      patch(last);
      sealChecksum(last);
    }
    const padded = new Uint8Array(paddedSize(data.length));
    padded.set(data);
    return concatBytes([encoded, padded]);
  });
  return concatBytes([...blocks, new Uint8Array(2 * BLOCK_SIZE)]);
}

describe('readTar: archives other tools write', () => {
  it('reads contents as copies, even out of a Node Buffer (whose slice() would share memory)', () => {
    const archive = Buffer.from(writeTar([entry('f', 'file', { content: utf8('abc') })]));
    const [read] = readTar(archive);
    archive.fill(0);
    expect(fromUtf8(read!.content!)).toBe('abc');
    expect(Object.getPrototypeOf(read!.content)).toBe(Uint8Array.prototype);
  });

  it('strips ./ prefixes and trailing slashes, and skips the root entry', () => {
    const tar = rawTar([
      { header: { name: './', typeflag: '5', mode: 0o755 } },
      { header: { name: './etc/', typeflag: '5', mode: 0o755 } },
      { header: { name: './etc/hosts' }, data: utf8('h') },
    ]);
    expect(readTar(tar).map((e) => [e.path, e.type])).toEqual([
      ['etc', 'dir'],
      ['etc/hosts', 'file'],
    ]);
  });

  it('reads V7 entries (typeflag NUL: a file, or a directory when the name ends in /) and contiguous files', () => {
    const tar = rawTar([
      { header: { name: 'dir/', typeflag: '\0' } },
      { header: { name: 'dir/file', typeflag: '\0' }, data: utf8('v7') },
      { header: { name: 'contig', typeflag: '7' }, data: utf8('c') },
    ]);
    expect(readTar(tar).map((e) => [e.path, e.type, e.content && fromUtf8(e.content)])).toEqual([
      ['dir', 'dir', undefined],
      ['dir/file', 'file', 'v7'],
      ['contig', 'file', 'c'],
    ]);
  });

  it('reads GNU long names and long link targets (typeflags L and K)', () => {
    const longName = `${'n'.repeat(200)}/file`;
    const longLink = `${'t'.repeat(150)}/target`;
    const tar = rawTar([
      { header: { name: '././@LongLink', typeflag: 'L' }, data: utf8(`${longName}\0`) },
      { header: { name: '././@LongLink', typeflag: 'K' }, data: utf8(`${longLink}\0`) },
      { header: { name: 'n'.repeat(100), typeflag: '2', linkname: 't'.repeat(100) } },
      { header: { name: 'short' }, data: utf8('s') },
    ]);
    const [link, short] = readTar(tar);
    expect(link).toMatchObject({ path: longName, type: 'symlink', linkname: longLink });
    expect(short).toMatchObject({ path: 'short', type: 'file' });
  });

  it('applies PAX records to the next entry only, floors fractional times, and ignores global (g) records', () => {
    const pax = encodePaxRecords(
      new Map([
        ['path', 'from/pax'],
        ['uid', '3000000'],
        ['gid', '3000001'],
        ['mtime', '1700000000.987654321'],
        ['atime', '1.5'],
        ['SCHILY.xattr.user.x', 'v'],
      ]),
    );
    const global = encodePaxRecords(
      new Map([
        ['path', 'global/wins'],
        ['mtime', '5'],
      ]),
    );
    const tar = rawTar([
      { header: { name: 'pax_global_header', typeflag: 'g' }, data: global },
      { header: { name: 'PaxHeaders.0/ignored', typeflag: 'x' }, data: pax },
      { header: { name: 'ignored', mtime: 1 }, data: utf8('1') },
      { header: { name: 'plain', mtime: 7 }, data: utf8('2') },
    ]);
    expect(readTar(tar).map(({ content: _c, ...e }) => e)).toEqual([
      { path: 'from/pax', type: 'file', mode: 0o644, uid: 3000000, gid: 3000001, mtime: 1700000000 },
      { path: 'plain', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 7 },
    ]);
  });

  it('reads past binary xattr records (file capabilities are raw bytes, not UTF-8)', () => {
    const value = new Uint8Array([0x01, 0x00, 0x00, 0x02, 0xff, 0xfe, 0x20, 0x00]);
    const body = concatBytes([utf8(' SCHILY.xattr.security.capability='), value, utf8('\n')]);
    const record = concatBytes([utf8(String(body.length + 2)), body]);
    const tar = rawTar([{ header: { name: 'x', typeflag: 'x' }, data: record }, { header: { name: 'usr/bin/ping' } }]);
    expect(readTar(tar).map((e) => e.path)).toEqual(['usr/bin/ping']);
  });

  it('takes the data size from a PAX size record', () => {
    const tar = rawTar([
      { header: { name: 'x', typeflag: 'x' }, data: encodePaxRecords(new Map([['size', '3']])) },
      { header: { name: 'f', size: 0 }, data: utf8('abc') },
    ]);
    expect(fromUtf8(readTar(tar)[0]!.content!)).toBe('abc');
  });

  it.each([
    ['-1.5', -2],
    ['-2', -2],
    ['0.0', 0],
    ['12.', 12],
    ['-0', 0],
    ['-0.5', -1],
  ])('reads PAX mtime %s as %d', (value, seconds) => {
    const tar = rawTar([
      { header: { name: 'x', typeflag: 'x' }, data: encodePaxRecords(new Map([['mtime', value]])) },
      { header: { name: 'f' } },
    ]);
    expect(readTar(tar)[0]!.mtime).toBe(seconds);
  });

  it('reads GNU base-256 numbers, positive and negative, and octal padded with spaces', () => {
    const tar = rawTar([
      {
        header: { name: 'f' },
        patch: (block) => {
          block.set([0x80, 0, 0, 0, 0, 0x2d, 0xc6, 0xc0], 108); // uid 3000000
          block.set([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfb], 136); // mtime -5
          block.set(utf8('   644 \0'), 100);
        },
      },
    ]);
    expect(readTar(tar)[0]).toMatchObject({ uid: 3000000, mtime: -5, mode: 0o644 });
  });

  it('accepts a checksum computed over signed bytes, as some old writers did', () => {
    const tar = rawTar([{ header: { name: 'é' } }]);
    let signed = 0;
    for (let i = 0; i < 512; i++) {
      const byte = i >= 148 && i < 156 ? 32 : tar[i]!;
      signed += byte < 128 ? byte : byte - 256;
    }
    tar.set(utf8(`${signed.toString(8).padStart(6, '0')}\0 `), 148);
    expect(readTar(tar)[0]!.path).toBe('é');
  });

  it('skips devices and FIFOs, which a simulated filesystem cannot hold', () => {
    const tar = rawTar([
      { header: { name: 'dev/null', typeflag: '3' } },
      { header: { name: 'dev/sda', typeflag: '4' } },
      { header: { name: 'run/fifo', typeflag: '6' } },
      { header: { name: 'kept' } },
    ]);
    expect(readTar(tar).map((e) => e.path)).toEqual(['kept']);
  });

  it('reads no data after header-only entries whatever their size field says (as Go does)', () => {
    const tar = rawTar([
      { header: { name: 'd/', typeflag: '5', size: 512 } },
      { header: { name: 'f' }, data: utf8('after') },
    ]);
    expect(readTar(tar).map((e) => e.path)).toEqual(['d', 'f']);
  });
});

describe('readTar: refusals', () => {
  const good = writeTar([entry('a', 'file', { content: utf8('hello') }), entry('b', 'dir')]);

  it.each([
    ['a cut inside a header', good.subarray(0, 100)],
    ['a cut inside the data', good.subarray(0, 514)],
    ['a cut after a PAX header announcing an entry', writeTar([entry('é'.repeat(200), 'dir')]).subarray(0, 1024)],
  ])('%s: unexpected EOF', (_case, bytes) => {
    expect(() => readTar(bytes)).toThrow(new TarError('unexpected EOF'));
  });

  // Go's archive/tar (and so dockerd) takes these as a clean end; umoci writes layers without the marker.
  it.each([
    ['an empty input', new Uint8Array(0), []],
    ['no end marker', good.subarray(0, 1536), ['a', 'b']],
    ['half an end marker', good.subarray(0, 2048), ['a', 'b']],
    ['a stop between entries', good.subarray(0, 1024), ['a']],
  ])('%s ends the archive cleanly, as in Go', (_case, bytes, paths) => {
    expect(readTar(bytes).map((e) => e.path)).toEqual(paths);
  });

  it('a damaged header: invalid tar header checksum', () => {
    const bad = good.slice();
    bad[3] = bad[3]! ^ 0x20;
    expect(() => readTar(bad)).toThrow(new TarError('invalid tar header checksum'));
  });

  it('a zero block followed by data', () => {
    const bad = concatBytes([good.subarray(0, 1536), new Uint8Array(512), good.subarray(0, 512)]);
    expect(() => readTar(bad)).toThrow('invalid tar header');
  });

  it.each([
    ['length not a number', '1x path=a\n', 'invalid PAX record: length is not a number'],
    ['length too long', '99 path=a\n', 'invalid PAX record: length out of range'],
    ['no newline', '10 path=ab', 'invalid PAX record: record does not end with a newline'],
    ['no keyword', '6 =ab\n', 'invalid PAX record: missing keyword'],
    ['bad uid', '11 uid=-12\n', 'invalid PAX uid: -12'],
    ['bad mtime', '13 mtime=1e9\n', 'invalid PAX mtime: 1e9'],
  ])('a malformed PAX record (%s)', (_case, record, message) => {
    const tar = rawTar([{ header: { name: 'x', typeflag: 'x' }, data: utf8(record) }, { header: { name: 'f' } }]);
    expect(() => readTar(tar)).toThrow(new TarError(message));
  });

  it.each([
    ['size', 124],
    ['uid', 108],
  ])('a negative %s (GNU base-256)', (field, offset) => {
    const tar = rawTar([{ header: { name: 'f' }, patch: (block) => block.fill(0xff, offset, offset + 8) }]);
    expect(() => readTar(tar)).toThrow(new TarError(`invalid tar header: negative ${field}`));
  });

  it('names that are not UTF-8', () => {
    const tar = rawTar([{ header: { name: 'f' }, patch: (block) => block.set([0x66, 0xe9, 0x00], 0) }]);
    expect(() => readTar(tar)).toThrow('invalid tar header: name is not valid UTF-8');
  });

  it.each([
    ['S', 'unsupported tar entry "s": GNU sparse file'],
    ['Z', 'unhandled tar header type 90 ("Z")'],
  ])('typeflag %s', (typeflag, message) => {
    expect(() => readTar(rawTar([{ header: { name: 's', typeflag } }]))).toThrow(new TarError(message));
  });

  it('GNU sparse files announced by PAX', () => {
    const pax = encodePaxRecords(new Map([['GNU.sparse.major', '1']]));
    const tar = rawTar([{ header: { name: 'x', typeflag: 'x' }, data: pax }, { header: { name: 's' } }]);
    expect(() => readTar(tar)).toThrow('GNU sparse file');
  });

  // Every way an entry can try to leave the root; a good entry comes first, and nothing is returned.
  const gnuLong = (name: string) => ({ header: { name: '././@LongLink', typeflag: 'L' }, data: utf8(`${name}\0`) });
  const paxPath = (name: string) => ({
    header: { name: 'x', typeflag: 'x' },
    data: encodePaxRecords(new Map([['path', name]])),
  });
  it.each([
    ['../ in the name', [{ header: { name: '../evil' } }], 'invalid path "../evil": path escapes the root'],
    ['a/../../ in the name', [{ header: { name: 'a/../../evil' } }], 'path escapes the root'],
    ['./.. in the name', [{ header: { name: './../evil' } }], 'path escapes the root'],
    ['.. as the whole name', [{ header: { name: '..', typeflag: '5' } }], 'path escapes the root'],
    ['an absolute name', [{ header: { name: '/etc/passwd' } }], 'invalid path "/etc/passwd": path is absolute'],
    ['../ through a PAX path', [paxPath('../../evil'), { header: { name: 'f' } }], 'path escapes the root'],
    ['../ through a GNU long name', [gnuLong(`../${'x'.repeat(120)}`), { header: { name: 'f' } }], 'escapes the root'],
    ['../ in a ustar prefix', [{ header: { name: `../${'p'.repeat(60)}/${'n'.repeat(60)}` } }], 'escapes the root'],
    [
      'an escaping symlink',
      [{ header: { name: 'usr/lib/l', typeflag: '2', linkname: '../../../etc/shadow' } }],
      'invalid symlink "usr/lib/l" -> "../../../etc/shadow": path escapes the root',
    ],
    [
      'an escaping hardlink',
      [{ header: { name: 'h', typeflag: '1', linkname: '../etc/shadow' } }],
      'invalid hardlink "h" -> "../etc/shadow": path escapes the root',
    ],
    [
      'an absolute hardlink',
      [{ header: { name: 'h', typeflag: '1', linkname: '/etc/shadow' } }],
      'invalid hardlink "h" -> "/etc/shadow": path is absolute',
    ],
  ])('%s', (_case, parts, message) => {
    const tar = rawTar([{ header: { name: 'fine' }, data: utf8('ok') }, ...parts]);
    expect(() => readTar(tar)).toThrow(TarError);
    expect(() => readTar(tar)).toThrow(message);
  });

  it('accepts an absolute symlink target, which stays inside the container', () => {
    const tar = rawTar([{ header: { name: 'bin/sh', typeflag: '2', linkname: '/../../bin/busybox' } }]);
    expect(readTar(tar)[0]).toMatchObject({ type: 'symlink', linkname: '/../../bin/busybox' });
  });
});
