// Property tests: any valid reference survives printing and parsing back, in either form; and no
// input, however odd, makes the parsers throw anything but an InvalidReferenceError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../digest';
import { parseImageCreateQuery, parseRepoTag, toImageCreateQuery } from './engine-api-forms';
import { InvalidReferenceError } from './errors';
import { MAX_PATH_LENGTH } from './grammar';
import { parseAnyReference, parseReference, parseWithoutNormalizing } from './parse';
import {
  familiarName,
  familiarString,
  fullString,
  imageReference,
  nameOnly,
  withDefaultTag,
  withDigest,
  type ImageReference,
} from './reference';
import { parseTagTarget } from './tag';

const chars = (set: string) => fc.constantFrom(...set.split(''));
const lowerAlnum = 'abcdefghijklmnopqrstuvwxyz0123456789';
const word = lowerAlnum + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_';

const alphaNumeric = fc.string({ unit: chars(lowerAlnum), minLength: 1, maxLength: 6 });
const component = (separators: string[]) =>
  fc
    .tuple(alphaNumeric, fc.array(fc.tuple(fc.constantFrom(...separators), alphaNumeric), { maxLength: 3 }))
    .map(([head, rest]) => head + rest.map(([sep, alnum]) => sep + alnum).join(''));
/**
 * A path. Its first component has no `.`, and is not `localhost`: on Docker Hub, such a first
 * component would make the familiar form look like a registry (Docker's own ambiguity; see
 * parse.test.ts), so the familiar round trip would not hold in Docker either.
 */
const path = fc
  .tuple(
    component(['_', '__', '-', '--']).filter((c) => c !== 'localhost'),
    fc.array(component(['.', '_', '__', '-', '---']), { maxLength: 4 }),
  )
  .map(([first, rest]) => [first, ...rest].join('/'));

const label = fc
  .tuple(
    chars(lowerAlnum + 'ABC'),
    fc.string({ unit: chars(lowerAlnum + '-'), maxLength: 6 }),
    chars(lowerAlnum + 'XYZ'),
  )
  .map(([a, middle, z]) => a + middle + z);
const port = fc.option(
  fc.integer({ min: 1, max: 65535 }).map((p) => `:${p}`),
  { nil: '' },
);
const domain = fc.oneof(
  fc.constantFrom('docker.io', 'localhost', 'localhost:5000', '[::1]:5000', '127.0.0.1:5000', '[fd00:1:2::3]'),
  fc
    .tuple(fc.array(label, { minLength: 2, maxLength: 3 }), port)
    .map(([labels, p]) => labels.join('.') + p)
    .filter((d) => d !== 'index.docker.io'),
);
const tag = fc
  .tuple(chars(word), fc.string({ unit: chars(word + '.-'), maxLength: 127 }))
  .map(([head, rest]) => head + rest);
const hex = (length: number) => fc.string({ unit: chars('0123456789abcdef'), minLength: length, maxLength: length });
const digest = fc
  .oneof(
    hex(64).map((h) => `sha256:${h}`),
    hex(128).map((h) => `sha512:${h}`),
  )
  .map(parseDigest);

/** A valid reference, already in Docker's normalised form. */
const reference: fc.Arbitrary<ImageReference> = fc
  .record({ domain, path, tag: fc.option(tag, { nil: undefined }), digest: fc.option(digest, { nil: undefined }) })
  .map((r) => ({
    ...r,
    path: r.domain === 'docker.io' && !r.path.includes('/') ? `library/${r.path}` : r.path,
  }))
  .filter((r) => r.path.length <= MAX_PATH_LENGTH)
  .map(imageReference);

/** Text made of the characters that matter to the grammar, so the interesting branches are hit. */
const grammarSoup = fc.string({ unit: chars('aZ09._-/:@[]%%f sha256A'), maxLength: 40 });
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), grammarSoup);

describe('round trips', () => {
  it('full string → parse gives the same reference', () => {
    fc.assert(
      fc.property(reference, (ref) => {
        expect(parseReference(fullString(ref))).toEqual(ref);
        expect(parseWithoutNormalizing(fullString(ref))).toEqual(ref);
        expect(parseAnyReference(fullString(ref))).toEqual(ref);
      }),
      { numRuns: 500 },
    );
  });

  it('familiar string → parse gives the same full form', () => {
    fc.assert(
      fc.property(reference, (ref) => {
        const back = parseReference(familiarString(ref));
        expect(back).toEqual(ref);
        expect(fullString(back)).toBe(fullString(ref));
        expect(familiarString(back)).toBe(familiarString(ref));
      }),
      { numRuns: 500 },
    );
  });

  it('the Engine API query pair carries the reference across', () => {
    fc.assert(
      fc.property(
        reference.filter((r) => familiarName(r) !== 'scratch'),
        (ref) => {
          const { fromImage, tag } = toImageCreateQuery(ref);
          const expected = ref.digest ? withDigest(nameOnly(ref), ref.digest) : withDefaultTag(ref);
          expect(parseImageCreateQuery(fromImage, tag)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('any input', () => {
  /** Run `parse`; anything thrown must be an InvalidReferenceError with a message. */
  function onlyTypedErrors<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidReferenceError);
      expect((error as Error).message).not.toBe('');
      return undefined;
    }
  }

  it('gives a reference or a typed reference error, and what parses prints back stably', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const ref = onlyTypedErrors(() => parseReference(text));
        if (ref) {
          expect(Object.isFrozen(ref)).toBe(true);
          expect(ref.path.length).toBeLessThanOrEqual(MAX_PATH_LENGTH);
          expect(parseReference(fullString(ref))).toEqual(ref);
        }
        onlyTypedErrors(() => parseWithoutNormalizing(text));
        onlyTypedErrors(() => parseAnyReference(text));
        onlyTypedErrors(() => parseTagTarget(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the Engine API forms a reference or a typed reference error', () => {
    fc.assert(
      fc.property(anyText, anyText, (name, tagText) => {
        onlyTypedErrors(() => parseImageCreateQuery(name, tagText));
        onlyTypedErrors(() => parseRepoTag(name, tagText));
      }),
      { numRuns: 1000 },
    );
  });
});
