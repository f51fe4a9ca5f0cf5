// Test support (imported only by *.test.ts): fast-check generators of layer contents — entry lists
// with long and Unicode names, contents from empty to big-ish, symlinks and hardlinks whose targets
// stay inside the root, owners and times beyond what ustar fields can hold — and the form readTar
// gives back for an entry, so round-trip properties can compare like with like.
import fc from 'fast-check';
import { bytesEqual, type Bytes } from '../bytes';
import type { FsEntry } from './entry';

/** One path segment: any Unicode (or just ASCII), never `/`, NUL, `.` or `..`. */
const segment = fc
  .oneof(
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }),
    fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 12 }),
  )
  .map((s) => s.replace(/[/\0]/g, '_'))
  .filter((s) => s !== '.' && s !== '..');

/** Long ASCII segments, so that paths around ustar's 100/155-byte limits (split or PAX) are common. */
const longSegment = fc
  .string({ unit: 'grapheme-ascii', minLength: 20, maxLength: 110 })
  .map((s) => s.replace(/\//g, '_'));

export const entryPath = fc
  .oneof(
    fc.array(segment, { minLength: 1, maxLength: 7 }),
    fc.array(fc.oneof(longSegment, segment), { minLength: 1, maxLength: 5 }),
  )
  .map((parts) => parts.join('/'));

/** Contents: mostly small, sometimes past 64 KiB (filled by a cheap generator, so runs stay quick). */
const content: fc.Arbitrary<Bytes> = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 1500 }).map((b) => new Uint8Array(b) as Bytes) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer()).map(([length, seed]) => {
      const bytes = new Uint8Array(length);
      let x = seed | 1;
      for (let i = 0; i < length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        bytes[i] = i % 7 === 0 ? 0x41 : x & 0xff; // partly repetitive, so gzip has something to do
      }
      return bytes;
    }),
  },
);

const common = fc.record({
  path: entryPath,
  mode: fc.integer({ min: 0, max: 0o7777 }),
  uid: fc.oneof(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 2 ** 32 })),
  gid: fc.oneof(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 2 ** 32 })),
  mtime: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 })),
});

/** A relative symlink target that climbs at most as far as the link's own directory allows. */
function safeRelativeTarget(path: string): fc.Arbitrary<string> {
  const depth = path.split('/').length - 1;
  return fc
    .tuple(fc.integer({ min: 0, max: depth }), fc.array(segment, { maxLength: 3 }))
    .map(([up, down]) => [...Array<string>(up).fill('..'), ...down].join('/') || '.');
}

export const fsEntry: fc.Arbitrary<FsEntry> = common.chain((base) =>
  fc.oneof(
    content.map((c): FsEntry => ({ ...base, type: 'file', content: c })),
    fc.constant<FsEntry>({ ...base, type: 'dir' }),
    fc
      .oneof(
        safeRelativeTarget(base.path),
        entryPath.map((p) => `/${p}`),
      )
      .map((linkname): FsEntry => ({ ...base, type: 'symlink', linkname })),
    entryPath.map((linkname): FsEntry => ({ ...base, type: 'hardlink', linkname })),
  ),
);

export const entryList = fc.array(fsEntry, { maxLength: 12 });

/** What readTar returns for an entry writeTar was given: files always carry content, others none. */
export function asRead(entry: FsEntry): FsEntry {
  const { content, linkname, ...rest } = entry;
  if (entry.type === 'file') return { ...rest, content: content ?? new Uint8Array(0) };
  if (entry.type === 'dir') return rest;
  return { ...rest, linkname };
}

/**
 * Whether two entry lists are the same, contents compared byte for byte (a deep `toEqual` over
 * 100 KiB typed arrays is far too slow to run hundreds of times). Returns the first difference, or ''.
 */
export function entryListDifference(actual: readonly FsEntry[], expected: readonly FsEntry[]): string {
  if (actual.length !== expected.length) return `${actual.length} entries, expected ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    const { content: a, ...metaA } = actual[i]!;
    const { content: b, ...metaB } = expected[i]!;
    if (JSON.stringify(metaA) !== JSON.stringify(metaB))
      return `entry ${i}: ${JSON.stringify(metaA)} ≠ ${JSON.stringify(metaB)}`;
    if ((a === undefined) !== (b === undefined) || (a && b && !bytesEqual(a, b))) return `entry ${i}: content differs`;
  }
  return '';
}
