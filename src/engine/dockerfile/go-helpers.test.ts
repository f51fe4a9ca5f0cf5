import { describe, expect, it } from 'vitest';
import { DurationError, parseGoDuration } from './go-duration';
import { cleanPath, dirPath } from './go-path';
import { goList, goQuote, goQuoteList, isGoSpace, trimGoSpace } from './go-text';
import { levenshtein, suggest, withSuggestion } from './suggest';

describe('Go strconv.Quote', () => {
  const rows: [string, string][] = [
    ['c', '"c"'],
    ['a "b" \\c', '"a \\"b\\" \\\\c"'],
    ['tab\tnew\nline\r\x07\b\f\v', '"tab\\tnew\\nline\\r\\a\\b\\f\\v"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"'],
    ['é ☃ 😀', '"é ☃ 😀"'],
    ['\u00a0\u200b', '"\\u00a0\\u200b"'],
  ];
  it.each(rows)('%j', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });

  it('prints slices with %q and %v', () => {
    expect(goQuoteList(['--from=a', 'b c'])).toBe('["--from=a" "b c"]');
    expect(goList(['A', 'B'])).toBe('[A B]');
  });

  it('agrees with unicode.IsSpace', () => {
    expect(['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00a0', '\u2003', '\u3000'].every(isGoSpace)).toBe(true);
    expect(['a', '\u200b', '\ufeff', ''].some(isGoSpace)).toBe(false);
    expect(trimGoSpace('\u00a0 x y\t\n')).toBe('x y');
  });
});

describe('Go path.Clean and path.Dir', () => {
  const rows: [string, string][] = [
    ['', '.'],
    ['abc', 'abc'],
    ['abc/def/', 'abc/def'],
    ['a//b/./c/..', 'a/b'],
    ['../../x', '../../x'],
    ['/../x', '/x'],
    ['/', '/'],
    ['./', '.'],
    ['a/../..', '..'],
  ];
  it.each(rows)('%j', (path, clean) => {
    expect(cleanPath(path)).toBe(clean);
  });

  it('takes the directory part', () => {
    expect([dirPath('a/b/c'), dirPath('a'), dirPath('/a'), dirPath('')]).toEqual(['a/b', '.', '/', '.']);
  });
});

describe('Go time.ParseDuration', () => {
  const rows: [string, number][] = [
    ['0', 0],
    ['5s', 5e9],
    ['1m30s', 90e9],
    ['1.5h', 5400e9],
    ['500ms', 5e8],
    ['50ns', 50],
    ['2us', 2000],
    ['2µs', 2000],
    ['-1s', -1e9],
    ['+.5s', 5e8],
  ];
  it.each(rows)('%s', (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['5', 'time: missing unit in duration "5"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['.s', 'time: invalid duration ".s"'],
    ['s', 'time: invalid duration "s"'],
    ['9999999999h', 'time: invalid duration "9999999999h"'],
  ])('%j is refused', (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(new DurationError(message));
  });
});

describe('did you mean', () => {
  it('measures edit distance', () => {
    expect([levenshtein('RUNN', 'RUN'), levenshtein('kitten', 'sitting'), levenshtein('', 'abc')]).toEqual([1, 3, 3]);
  });

  it('suggests only options closer than 3 edits, matching the case typed', () => {
    const names = ['ADD', 'COPY', 'RUN', 'FROM'];
    expect(suggest('RUNN', names, false)).toBe('RUN');
    expect(suggest('runn', names, false)).toBe('run');
    expect(suggest('Runn', names, false)).toBe('run');
    expect(suggest('xyzzy', names, false)).toBeUndefined();
    expect(suggest('run', names, false)).toBeUndefined();
    expect(suggest('Form', ['from'], true)).toBeUndefined();
    expect(suggest('form', ['from'], true)).toBe('from');
    expect(withSuggestion('unknown flag: --form', 'from')).toBe('unknown flag: --form (did you mean from?)');
  });
});
