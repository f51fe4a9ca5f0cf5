import { spawnSync } from 'node:child_process';
import { crc32 as zlibCrc32, deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual, concatBytes, utf8 } from '../bytes';
import { gunzip, gzip, GzipError, isGzip } from './gzip';
import { crc32 } from './gzip-crc32';

/** Some text-like, some random bytes: a few kilobytes that deflate compresses with dynamic blocks. */
const sample = concatBytes([
  utf8('root:x:0:0:root:/root:/bin/sh\n'.repeat(80)),
  new Uint8Array(3000).map((_, i) => (i * 2654435761) >>> 24),
]);

describe('isGzip', () => {
  it.each([
    [[0x1f, 0x8b, 0x08, 0x00], true],
    [[0x1f, 0x8b, 0x08], true],
    [[0x1f, 0x8b], false],
    [[0x1f, 0x8b, 0x07], false],
    [[0x75, 0x73, 0x74], false], // "ust…" — a plain tar starts with a name, not the gzip magic
    [[0x28, 0xb5, 0x2f, 0xfd], false], // zstd
    [[], false],
  ])('%j → %s', (bytes, expected) => {
    expect(isGzip(new Uint8Array(bytes))).toBe(expected);
  });
});

describe('gzip', () => {
  it('writes the fixed header Go writes: no mtime, no name, OS 255', () => {
    const out = gzip(sample);
    expect([...out.subarray(0, 10)]).toEqual([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
  });

  it('is deterministic and round-trips, including through Node zlib', () => {
    const a = gzip(sample);
    const b = gzip(new Uint8Array(sample));
    expect(bytesEqual(a, b)).toBe(true);
    expect(bytesEqual(gunzip(a), sample)).toBe(true);
    expect(bytesEqual(new Uint8Array(gunzipSync(a)), sample)).toBe(true);
    expect(a.length).toBeLessThan(sample.length);
  });

  it.skipIf(spawnSync('gzip', ['--version']).status !== 0)('is accepted by the gzip program', () => {
    const result = spawnSync('gzip', ['-dc'], { input: gzip(sample) });
    expect(result.status).toBe(0);
    expect(bytesEqual(new Uint8Array(result.stdout), sample)).toBe(true);
  });

  it('round-trips any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        expect(bytesEqual(gunzip(gzip(bytes)), bytes)).toBe(true);
      }),
    );
  });
});

describe('gunzip reads what other gzip writers produce', () => {
  it.each([0, 1, 6, 9])('Node zlib at level %i', (level) => {
    expect(bytesEqual(gunzip(gzipSync(sample, { level })), sample)).toBe(true);
  });

  it('empty content', () => {
    expect(gunzip(gzipSync(new Uint8Array(0))).length).toBe(0);
    expect(gunzip(gzip(new Uint8Array(0))).length).toBe(0);
  });

  it('concatenated members, as one stream (RFC 1952 §2.2)', () => {
    const joined = concatBytes([gzipSync(utf8('first ')), gzip(utf8('second ')), gzipSync(sample)]);
    expect(bytesEqual(gunzip(joined), concatBytes([utf8('first second '), sample]))).toBe(true);
  });

  it('any concatenation of members, empty ones included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ maxLength: 600 })), {
          minLength: 1,
          maxLength: 5,
        }),
        (parts) => {
          const joined = concatBytes(parts.map((p, i) => (i % 2 ? gzipSync(p) : gzip(p))));
          expect(bytesEqual(gunzip(joined), concatBytes(parts))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('identical concatenated members (whose trailers are the same)', () => {
    const member = gzip(sample);
    const twice = gunzip(concatBytes([member, member]));
    expect(bytesEqual(twice, concatBytes([sample, sample]))).toBe(true);
  });

  it('a header with extra field, file name, comment and header CRC', () => {
    const header = [0x1f, 0x8b, 0x08, 0x02 | 0x04 | 0x08 | 0x10, 1, 2, 3, 4, 0, 3, 4, 0, 0x41, 0x42, 0x43, 0x44];
    header.push(...utf8('layer.tar\0'), ...utf8('a comment\0'));
    const crc16 = crc32(new Uint8Array(header)) & 0xffff;
    header.push(crc16 & 0xff, crc16 >> 8);
    const trailer = new Uint8Array(8);
    new DataView(trailer.buffer).setUint32(0, crc32(sample), true);
    new DataView(trailer.buffer).setUint32(4, sample.length, true);
    const stream = concatBytes([new Uint8Array(header), deflateRawSync(sample), trailer]);
    expect(bytesEqual(gunzip(stream), sample)).toBe(true);
    stream[header.length - 1]! ^= 1;
    expect(() => gunzip(stream)).toThrow(new GzipError('gzip: invalid header'));
  });
});

describe('gunzip refuses bad input with Go’s errors', () => {
  const good = gzip(sample);
  const changed = (at: number, value: number) => {
    const copy = good.slice();
    copy[at < 0 ? copy.length + at : at] = value;
    return copy;
  };

  it.each([
    ['empty input', new Uint8Array(0), 'unexpected EOF'],
    ['a partial header', good.subarray(0, 7), 'unexpected EOF'],
    ['only a header', good.subarray(0, 10), 'unexpected EOF'],
    ['not gzip at all', utf8('hello, world'), 'gzip: invalid header'],
    ['a wrong method byte', changed(2, 7), 'gzip: invalid header'],
    ['reserved flag bits', changed(3, 0x20), 'gzip: invalid header'],
    ['a damaged CRC', changed(-8, good.at(-8)! ^ 0xff), 'gzip: invalid checksum'],
    ['a damaged length', changed(-1, good.at(-1)! ^ 0x01), 'gzip: invalid checksum'],
    ['trailing garbage', concatBytes([good, utf8('garbage')]), 'gzip: invalid header'],
    ['trailing zeros', concatBytes([good, new Uint8Array(16)]), 'gzip: invalid header'],
    ['an invalid block type', changed(10, 0x07), 'flate: corrupt input (invalid block type)'],
  ])('%s', (_case, bytes, message) => {
    expect(() => gunzip(bytes)).toThrow(new GzipError(message));
  });

  it('every truncation is "unexpected EOF"', () => {
    for (let cut = 0; cut < good.length; cut++) {
      expect(() => gunzip(good.subarray(0, cut)), `cut at ${cut}`).toThrow(new GzipError('unexpected EOF'));
    }
  });

  it('a changed byte anywhere either fails or changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bad = changed(at, good[at]! ^ flip);
        let out: Uint8Array | undefined;
        try {
          out = gunzip(bad);
        } catch (error) {
          expect(error).toBeInstanceOf(GzipError);
          return;
        }
        // Header bytes nobody checks (mtime, XFL, OS) and the unused padding bits after the deflate
        // stream's last code may change harmlessly; anything that is decoded must come out the same.
        expect(bytesEqual(out, sample), `changed byte ${at}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('crc32', () => {
  it('matches zlib, in one go and continued', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        expect(crc32(a)).toBe(zlibCrc32(a));
        expect(crc32(b, crc32(a))).toBe(zlibCrc32(concatBytes([a, b])));
      }),
    );
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926); // the standard check value
  });
});
