import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { decodeJson, decodeJsonObject, goJsonText, JsonDecodeError } from './json';

describe('decodeJson', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['[1,2]', [1, 2]],
    ['"x"', 'x'],
  ])('decodes %s', (text, value) => {
    expect(decodeJson(utf8(text))).toEqual(value);
  });

  it.each([
    [utf8('{"a":'), 'invalid JSON'],
    [utf8('nope'), 'invalid JSON'],
    [utf8(''), 'invalid JSON'],
    [new Uint8Array([0x7b, 0xff, 0x7d]), 'not valid UTF-8'],
  ])('says why %j is not JSON', (bytes, reason) => {
    const err = (() => {
      try {
        decodeJson(bytes);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(JsonDecodeError);
    expect((err as JsonDecodeError).reason).toBe(reason);
    expect((err as Error).cause).toBeDefined();
  });

  it.each(['[]', '1', 'null', '"s"'])('refuses %s where an object is needed', (text) => {
    expect(() => decodeJsonObject(utf8(text))).toThrow('not a JSON object');
  });
});

describe('goJsonText', () => {
  it('writes compact JSON in the given key order, then the other keys sorted', () => {
    const order = (path: readonly string[]) => (path.length === 0 ? ['z', 'a'] : undefined);
    expect(goJsonText({ b: 1, a: 2, z: 3, c: { y: 1, x: 2 } }, order)).toBe('{"z":3,"a":2,"b":1,"c":{"x":2,"y":1}}');
  });

  it('sorts integer-like keys as strings, as Go sorts map keys', () => {
    expect(goJsonText({ '9': 'a', '10': 'b', x: 'c' })).toBe('{"10":"b","9":"a","x":"c"}');
  });

  it('escapes <, >, & and the line separators as Go does', () => {
    expect(goJsonText({ s: 'a<b>&c\u2028\u2029' })).toBe('{"s":"a\\u003cb\\u003e\\u0026c\\u2028\\u2029"}');
  });

  it('drops undefined members but keeps null', () => {
    expect(goJsonText({ a: undefined, b: null, c: [1, null] })).toBe('{"b":null,"c":[1,null]}');
  });

  it('keeps unicode as it is', () => {
    expect(goJsonText({ s: 'héllo ✓' })).toBe('{"s":"héllo ✓"}');
  });
});
