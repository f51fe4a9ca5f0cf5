// jsonAnswerBytes writes exactly what `JSON.stringify(value) + '\n'` encodes to, item by item for
// arrays: a table of the awkward cases, then random JSON-like values (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { jsonAnswerBytes } from './json-answer';

const reference = (value: unknown) => utf8(JSON.stringify(value) + '\n');

describe('jsonAnswerBytes', () => {
  it.each([
    ['an empty array', []],
    ['one object', [{ Id: 'a', Names: ['/a'] }]],
    ['objects with non-ASCII text', [{ a: 'é<x>&' }, { b: '日本' }, { c: '😀' }]],
    ['a lone surrogate', ['\ud800', 'x\udc00y']],
    ['holes, undefined, functions and symbols', [undefined, () => 1, Symbol('s'), , null]], // eslint-disable-line no-sparse-arrays
    ['nested arrays', [[], [[1, 2], { a: [3] }], 'x']],
    ['a Date item (toJSON)', [new Date(0), { at: new Date(1) }]],
    ['control characters and quotes', ['\n\t"\\\u0001', { 'k"': '\u2028' }]],
    ['numbers', [0, -0, 1.5, 1e21, NaN, Infinity]],
    ['an object', { Containers: [{ Id: 'x' }], n: 1 }],
    ['a string', 'text'],
    ['null', null],
  ])('%s', (_name, value) => {
    expect(jsonAnswerBytes(value)).toEqual(reference(value));
  });

  it('an array with its own toJSON is written as JSON.stringify would', () => {
    const odd = Object.assign([1, 2], { toJSON: () => 'odd' });
    expect(jsonAnswerBytes(odd)).toEqual(reference(odd));
  });

  it('matches JSON.stringify for any JSON value, whatever its text (lone surrogates too)', () => {
    const json = fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 });
    fc.assert(
      fc.property(fc.array(json), json, (list, single) => {
        expect(jsonAnswerBytes(list)).toEqual(reference(list));
        expect(jsonAnswerBytes(single)).toEqual(reference(single));
      }),
      { numRuns: 150 },
    );
  });
});
