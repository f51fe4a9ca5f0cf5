// Properties of the tar writer and reader over arbitrary entry lists (see layer-arbitraries.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesEqual } from '../bytes';
import { asRead, entryList, entryListDifference } from './layer-arbitraries';
import { readTar, TarError, writeTar } from './tar';

describe('tar properties', () => {
  it('readTar gives back exactly what writeTar was given, in order', () => {
    fc.assert(
      fc.property(entryList, (entries) => {
        expect(entryListDifference(readTar(writeTar(entries)), entries.map(asRead))).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('writeTar is deterministic: equal entries, identical bytes', () => {
    fc.assert(
      fc.property(entryList, (entries) => {
        const again = structuredClone(entries);
        expect(bytesEqual(writeTar(again), writeTar(entries))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a truncated archive is "unexpected EOF", unless cut between entries (as Go reads it)', () => {
    fc.assert(
      fc.property(
        entryList.chain((entries) => {
          const tar = writeTar(entries);
          return fc.tuple(fc.constant(tar), fc.integer({ min: 0, max: tar.length - 1 }));
        }),
        ([tar, cut]) => {
          const full = readTar(tar);
          let listed: ReturnType<typeof readTar>;
          try {
            listed = readTar(tar.subarray(0, cut));
          } catch (err) {
            expect(err).toEqual(new TarError('unexpected EOF'));
            return;
          }
          // A cut that reads cleanly fell between entries: it gives a prefix of the listing, each
          // entry whole (a file cut short would differ in content).
          expect(listed).toEqual(full.slice(0, listed.length));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any changed byte of a header outside its checksum field is caught by the checksum', () => {
    fc.assert(
      fc.property(
        entryList.filter((e) => e.length > 0),
        fc.integer({ min: 0, max: 511 }).filter((i) => i < 148 || i >= 156),
        fc.integer({ min: 1, max: 255 }),
        (entries, offset, flip) => {
          const tar = writeTar(entries);
          tar[offset] = tar[offset]! ^ flip;
          expect(() => readTar(tar)).toThrow(new TarError('invalid tar header checksum'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
