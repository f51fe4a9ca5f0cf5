// Go's strconv and time parsing as the flag library uses them, with Go's error wording.
import { describe, expect, test } from 'vitest';
import {
  FlagValueError,
  formatGoDuration,
  goQuote,
  parseGoBool,
  parseGoDuration,
  parseGoInt,
  parseGoUint,
  parseRamInBytes,
} from './go-strconv';

describe('strconv', () => {
  test.each([
    ['42', 42],
    ['-42', -42],
    ['+7', 7],
    ['0x1F', 31],
    ['0o17', 15],
    ['017', 15],
    ['0b101', 5],
    ['1_000', 1000],
    ['0x_1F', 31],
    ['9007199254740991', 9007199254740991],
  ])('ParseInt(%s)', (text, want) => {
    expect(parseGoInt(text)).toBe(want);
  });

  test.each([
    ['', 'strconv.ParseInt: parsing "": invalid syntax'],
    ['1.5', 'strconv.ParseInt: parsing "1.5": invalid syntax'],
    ['08', 'strconv.ParseInt: parsing "08": invalid syntax'],
    ['1__0', 'strconv.ParseInt: parsing "1__0": invalid syntax'],
    ['_1', 'strconv.ParseInt: parsing "_1": invalid syntax'],
    ['9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
  ])('ParseInt(%s) fails', (text, message) => {
    expect(() => parseGoInt(text)).toThrow(new FlagValueError(message));
  });

  test('ParseUint with 16 bits, ParseBool', () => {
    expect(parseGoUint('65535', 16)).toBe(65535);
    expect(() => parseGoUint('70000', 16)).toThrow('strconv.ParseUint: parsing "70000": value out of range');
    expect(() => parseGoUint('-1', 16)).toThrow('strconv.ParseUint: parsing "-1": invalid syntax');
    expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(parseGoBool)).toEqual(Array(6).fill(true));
    expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(parseGoBool)).toEqual(Array(6).fill(false));
    expect(() => parseGoBool('yes')).toThrow('strconv.ParseBool: parsing "yes": invalid syntax');
  });

  test('Quote', () => {
    expect(goQuote('a"b\\c\n\t\x00é')).toBe('"a\\"b\\\\c\\n\\t\\x00é"');
  });
});

describe('durations and sizes', () => {
  test.each([
    ['0', 0],
    ['1s', 1e9],
    ['1h30m', 5400e9],
    ['1.5s', 1.5e9],
    ['300ms', 3e8],
    ['-2m', -120e9],
    ['1µs', 1e3],
  ])('ParseDuration(%s)', (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  test.each([
    ['5', 'time: missing unit in duration "5"'],
    ['5q', 'time: unknown unit "q" in duration "5q"'],
    ['x', 'time: invalid duration "x"'],
    ['', 'time: invalid duration ""'],
  ])('ParseDuration(%s) fails', (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(message);
  });

  test('Duration.String', () => {
    expect([0, 1.5e9, 5400e9, 3e8, 61e9].map(formatGoDuration)).toEqual(['0s', '1.5s', '1h30m0s', '300ms', '1m1s']);
  });

  test('RAMInBytes', () => {
    expect(parseRamInBytes('512m')).toBe(512 * 1024 ** 2);
    expect(parseRamInBytes('1.5GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseRamInBytes('1024')).toBe(1024);
    expect(() => parseRamInBytes('xx')).toThrow("invalid size: 'xx'");
  });
});
