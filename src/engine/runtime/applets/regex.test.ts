import { describe, expect, it } from 'vitest';
import { posixRegex, RegexError } from './regex';
import { sed, SedError } from './sed';

describe('POSIX regular expressions', () => {
  it.each([
    ['a\\(b\\)*c', false, 'abbc', true],
    ['a(b)*c', false, 'a(b)c', true],
    ['a(b)*c', true, 'abbc', true],
    ['a\\{2\\}', false, 'aa', true],
    ['a{2}', false, 'a{2}', true],
    ['x\\|y', false, 'y', true],
    ['x|y', false, 'y', false],
    ['a+', false, 'a+', true],
    ['a+', true, 'aaa', true],
    ['^[[:digit:]]\\+$', false, '123', true],
    ['\\<word\\>', false, 'a word here', true],
    ['*star', false, '*star', true],
    ['a^b', false, 'a^b', true],
    ['a$b', false, 'a$b', true],
  ])('%j (extended=%s) against %j: %s', (re, extended, text, expected) => {
    expect(posixRegex(re, { extended }).test(text)).toBe(expected);
  });

  it('reports malformed expressions', () => {
    expect(() => posixRegex('a\\(b', { extended: false })).toThrow(RegexError);
    expect(() => posixRegex('[[:nope:]]', { extended: false })).toThrow('Invalid character class name');
  });
});

describe('sed', () => {
  it.each([
    ['s/a/b/', 'aaa\n', 'baa\n'],
    ['s/a/b/g', 'aaa\n', 'bbb\n'],
    ['s/a/b/2', 'aaa\n', 'aba\n'],
    ['s/A/b/gi', 'aAa\n', 'bbb\n'],
    ['s/\\(.\\)\\(.\\)/\\2\\1/', 'ab\n', 'ba\n'],
    ['s/x*/-/g', 'abc\n', '-a-b-c-\n'],
    ['2d', '1\n2\n3\n', '1\n3\n'],
    ['/2/,$d', '1\n2\n3\n', '1\n'],
    ['$!d', '1\n2\n3\n', '3\n'],
    ['1!G;h;$!d', '1\n2\n3\n', '3\n2\n1\n'],
    ['=', 'a\n', '1\na\n'],
    ['2i\\\nbefore', '1\n2\n', '1\nbefore\n2\n'],
    ['2c changed', '1\n2\n3\n', '1\nchanged\n3\n'],
    ['/1/{s/1/one/;p}', '1\n2\n', 'one\none\n2\n'],
  ])('%j on %j', (script, input, output) => {
    expect(sed(script, input)).toBe(output);
  });

  it('prints only what is asked with -n', () => {
    expect(sed('/b/p', 'a\nb\n', { quiet: true })).toBe('b\n');
  });

  it('refuses unknown commands and unterminated s', () => {
    expect(() => sed('k', 'x\n')).toThrow(SedError);
    expect(() => sed('s/a/b', 'x\n')).toThrow("unterminated `s' command");
  });
});
