import { describe, expect, it } from 'vitest';
import { DockerfileSyntaxError } from '../errors';
import {
  parseHealthConfig,
  parseJSON,
  parseMaybeJSON,
  parseMaybeJSONToList,
  parseNameVal,
  parseWords,
} from './line-parsers';
import { extractBuilderFlags, splitCommand } from './split-command';

describe('parseWords (BuildKit TestParseWords)', () => {
  const rows: [string, string[]][] = [
    ['foo', ['foo']],
    ['foo bar', ['foo', 'bar']],
    ['foo\\ bar', ['foo\\ bar']],
    ['foo=bar', ['foo=bar']],
    ["foo bar 'abc xyz'", ['foo', 'bar', "'abc xyz'"]],
    ['foo bar "abc xyz"', ['foo', 'bar', '"abc xyz"']],
    ['àöû', ['àöû']],
    ['föo bàr "âbc xÿz"', ['föo', 'bàr', '"âbc xÿz"']],
    ['a="b \\" c" d', ['a="b \\" c"', 'd']],
    ["a='b \\' c", ["a='b \\'", 'c']],
    ['x="" y', ['x=""', 'y']],
    ['trailing\\', ['trailing']],
  ];
  it.each(rows)('%s', (input, words) => {
    expect(parseWords(input, '\\')).toEqual(words);
  });

  it('uses the escape character in force', () => {
    expect(parseWords('a` b c\\ d', '`')).toEqual(['a` b', 'c\\', 'd']);
  });
});

describe('JSON form (BuildKit TestJSONArraysOfStrings)', () => {
  const valid: [string, string[]][] = [
    ['[]', []],
    ['[""]', ['']],
    ['["a"]', ['a']],
    ['["a","b"]', ['a', 'b']],
    ['[ "a", "b" ]', ['a', 'b']],
    ['[\t"a",\t"b"\t]', ['a', 'b']],
    ['\t[\t"a",\t"b"\t]\t', ['a', 'b']],
    [
      '["abc 123", "♥", "☃", "\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0000"]',
      ['abc 123', '♥', '☃', '" \\ / \b \f \n \r \t \u0000'],
    ],
  ];
  it.each(valid)('%s', (input, args) => {
    expect(parseJSON(input)).toEqual(args);
  });

  it.each([
    '["a",42,"b"]',
    '["a",123.456,"b"]',
    '["a",{},"b"]',
    '["a",{"c": "d"},"b"]',
    '["a",["c"],"b"]',
    '["a",true,"b"]',
    '["a",false,"b"]',
    '["a",null,"b"]',
  ])('%s is refused', (input) => {
    expect(() => parseJSON(input)).toThrow(
      new DockerfileSyntaxError('when using JSON array syntax, arrays must be comprised of strings only'),
    );
  });

  it('falls back to the shell form for text that is not a JSON array', () => {
    expect(parseMaybeJSON("['single', 'quotes']")).toEqual({ args: ["['single', 'quotes']"], json: false });
    expect(parseMaybeJSON('["unterminated"')).toEqual({ args: ['["unterminated"'], json: false });
    expect(parseMaybeJSON('["a"] trailing')).toEqual({ args: ['["a"] trailing'], json: false });
    expect(parseMaybeJSON('echo hi')).toEqual({ args: ['echo hi'], json: false });
    expect(parseMaybeJSON('["echo", "hi"]')).toEqual({ args: ['echo', 'hi'], json: true });
    expect(parseMaybeJSON('')).toEqual({ args: [], json: false });
  });

  it('splits COPY/ADD/VOLUME shell form at whitespace', () => {
    expect(parseMaybeJSONToList('a  b\tc')).toEqual({ args: ['a', 'b', 'c'], json: false });
    expect(parseMaybeJSONToList('["a b", "c"]')).toEqual({ args: ['a b', 'c'], json: true });
  });
});

describe('ENV and LABEL (BuildKit line_parsers_test)', () => {
  it('reads the legacy KEY value form (the rest of the line is the value)', () => {
    expect(parseNameVal('foo bar', 'LABEL', '\\').args).toEqual(['foo', 'bar', '']);
    expect(parseNameVal('PATH  /a b  c', 'ENV', '\\').args).toEqual(['PATH', '/a b  c', '']);
  });

  it('reads KEY=value pairs, keeping quotes for expansion', () => {
    expect(parseNameVal('foo=bar thing=star', 'LABEL', '\\').args).toEqual(['foo', 'bar', '=', 'thing', 'star', '=']);
    expect(parseNameVal('a="b c" d=', 'ENV', '\\').args).toEqual(['a', '"b c"', '=', 'd', '', '=']);
  });

  it('refuses ENV without a value', () => {
    expect(() => parseNameVal('foo', 'ENV', '\\')).toThrow('ENV must have two arguments');
  });
});

describe('HEALTHCHECK', () => {
  it('takes a type word, then exec or shell form', () => {
    expect(parseHealthConfig('CMD ["curl", "-f"]')).toEqual({ args: ['CMD', 'curl', '-f'], json: true });
    expect(parseHealthConfig('CMD   curl -f')).toEqual({ args: ['CMD', 'curl -f'], json: false });
    expect(parseHealthConfig('NONE')).toEqual({ args: ['NONE'], json: false });
  });
});

describe('splitting keyword, flags and arguments', () => {
  const rows: [string, string, string[], string][] = [
    ['COPY --from=build /a /b', 'COPY', ['--from=build'], '/a /b'],
    ['copy --chown="app user" --link a b', 'copy', ['--chown=app user', '--link'], 'a b'],
    ["RUN --mount=type=bind,source='a b' make", 'RUN', ['--mount=type=bind,source=a b'], 'make'],
    ['RUN -- --not-a-flag', 'RUN', [], '--not-a-flag'],
    ['RUN --network=none -- echo', 'RUN', ['--network=none'], 'echo'],
    ['RUN -x', 'RUN', [], '-x'],
    ['FROM', 'FROM', [], ''],
    ['  ENV   a=b  ', 'ENV', [], 'a=b'],
    ['HEALTHCHECK --interval=5s\tCMD x', 'HEALTHCHECK', ['--interval=5s'], 'CMD x'],
    ['COPY --chown=a\\ b x y', 'COPY', ['--chown=a b'], 'x y'],
    ['COPY --flag=', 'COPY', ['--flag='], ''],
    ['COPY --x=""', 'COPY', ['--x='], ''],
  ];
  it.each(rows)('%s', (line, keyword, flags, rest) => {
    expect(splitCommand(line)).toEqual({ keyword, flags, rest });
  });

  it('stops at the first word that is not a flag', () => {
    expect(extractBuilderFlags('--a --b c --d')).toEqual({ rest: 'c --d', flags: ['--a', '--b'] });
  });
});
