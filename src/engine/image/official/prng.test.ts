import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toHex } from '../../bytes';
import { gzip } from '../../layer/gzip';
import { randomBytes, seedOf } from './prng';

describe('seedOf', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a of %j is the published value', (text, hash) => {
    expect(seedOf(text)).toBe(hash);
  });
});

describe('randomBytes', () => {
  it('gives the same bytes for the same seed, every time', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 300 }), (seed, n) => {
        expect(toHex(randomBytes(seed, n))).toBe(toHex(randomBytes(seed, n)));
        expect(randomBytes(seed, n)).toHaveLength(n);
      }),
    );
  });

  it('a shorter request is a prefix of a longer one', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 64 }), (seed, a, b) => {
        const long = randomBytes(seed, a + b);
        expect(toHex(randomBytes(seed, a))).toBe(toHex(long.subarray(0, a)));
      }),
    );
  });

  it('pins the generator (a change here changes every digest of the catalogue)', () => {
    expect(toHex(randomBytes('bin/busybox@amd64', 16))).toMatchInlineSnapshot(`"e2cdcf7fd4730336d2d1600d80dee80d"`);
  });

  it('different seeds give different bytes', () => {
    expect(toHex(randomBytes('bin/busybox@amd64', 32))).not.toBe(toHex(randomBytes('bin/busybox@arm64', 32)));
  });

  it('is incompressible, as machine code nearly is', () => {
    const bytes = randomBytes('filler', 64 * 1024);
    expect(gzip(bytes).length).toBeGreaterThan(bytes.length * 0.99);
    const counts = new Array<number>(256).fill(0);
    for (const b of bytes) counts[b]!++;
    expect(Math.min(...counts)).toBeGreaterThan(150); // every byte value shows up about 256 times
    expect(Math.max(...counts)).toBeLessThan(370);
  });
});
