import { describe, expect, it } from 'vitest';
import { ShellExpansionError, ShellLex, emptyEnv, envFromList, envFromRecord } from './shell-lex';

// Rows from BuildKit's frontend/dockerfile/shell/envVarTest (the "A" and "U" rows: all platforms and
// Unix), with its environment. `null` means ProcessWord must fail.
const env = envFromList(['PWD=/home', 'SHELL=bash', 'KOREAN=한국어', 'NULL=']);
const envVarTest: [string, string | null][] = [
  ['hello', 'hello'],
  ["he'll'o", 'hello'],
  ["he'llo", null],
  ["he\\'llo", "he'llo"],
  ["he\\\\'llo", null],
  ['abc\\tdef', 'abctdef'],
  ['"abc\\tdef"', 'abc\\tdef'],
  ['"abc\\\\tdef"', 'abc\\tdef'],
  ["'abc\\tdef'", 'abc\\tdef'],
  ['hello\\', 'hello'],
  ['hello\\\\', 'hello\\'],
  ['"hello', null],
  ['"hello\\"', null],
  [`"hel'lo"`, "hel'lo"],
  ["'hello", null],
  ["'hello\\'", 'hello\\'],
  ["'hello\\there'", 'hello\\there'],
  ["'hello\\\\there'", 'hello\\\\there'],
  [`"''"`, "''"],
  ['$.', '$.'],
  ['he$1x', 'hex'],
  ['he$.x', 'he$.x'],
  ['he$pwd.', 'he.'],
  ['he$PWD', 'he/home'],
  ['he\\$PWD', 'he$PWD'],
  ['he\\\\$PWD', 'he\\/home'],
  ['"he\\$PWD"', 'he$PWD'],
  ['"he\\\\$PWD"', 'he\\/home'],
  ['\\${}', '${}'],
  ['\\${}aaa', '${}aaa'],
  ['he\\${}', 'he${}'],
  ['he\\${}xx', 'he${}xx'],
  ['${}', null],
  ['${}aaa', null],
  ['he${}', null],
  ['he${}xx', null],
  ['he${hi}', 'he'],
  ['he${hi}xx', 'hexx'],
  ['he${PWD}', 'he/home'],
  ['he${.}', null],
  ['he${XXX:-000}xx', 'he000xx'],
  ['he${PWD:-000}xx', 'he/homexx'],
  ['he${XXX:-$PWD}xx', 'he/homexx'],
  ['he${XXX:-${PWD:-yyy}}xx', 'he/homexx'],
  ['he${XXX:-${YYY:-yyy}}xx', 'heyyyxx'],
  ['he${XXX:YYY}', null],
  ['he${XXX?}', null],
  ['he${XXX:?}', null],
  ['he${PWD?}', 'he/home'],
  ['he${PWD:?}', 'he/home'],
  ['he${NULL?}', 'he'],
  ['he${NULL:?}', null],
  ['he${XXX:+${PWD}}xx', 'hexx'],
  ['he${PWD:+${XXX}}xx', 'hexx'],
  ['he${PWD:+${SHELL}}xx', 'hebashxx'],
  ['he${XXX:+000}xx', 'hexx'],
  ['he${PWD:+000}xx', 'he000xx'],
  ["'he${XX}'", 'he${XX}'],
  ['"he${PWD}"', 'he/home'],
  [`"he'$PWD'"`, "he'/home'"],
  ['"$PWD"', '/home'],
  ["'$PWD'", '$PWD'],
  ["'\\$PWD'", '\\$PWD'],
  [`'"hello"'`, '"hello"'],
  ["'he\\$PWD'", 'he\\$PWD'],
  ['he${PWD', null],
  ['he${PWD:=000}xx', null],
  ['he${PWD:+${PWD}:}xx', 'he/home:xx'],
  ['he${XXX:-\\$PWD:}xx', 'he$PWD:xx'],
  ['he${XXX:-\\${PWD}z}xx', 'he${PWDz}xx'],
  ['안녕하세요', '안녕하세요'],
  ["안'녕'하세요", '안녕하세요'],
  ["안'녕하세요", null],
  ["안녕\\'하세요", "안녕'하세요"],
  ['안녕\\t하세요', '안녕t하세요'],
  ['"안녕\\t하세요"', '안녕\\t하세요'],
  ['안녕$1x', '안녕x'],
  ['안녕${PWD:+${SHELL}}xx', '안녕bashxx'],
  ['$KOREAN', '한국어'],
  ['안녕$KOREAN', '안녕한국어'],
  ['${{aaa}', null],
  ['${aaa}}', '}'],
  ['${aaa', null],
  ['${{aaa', null],
  ['${{aaa}}', null],
  ['${aaa}}}', '}}'],
  ['${aaa}bbb}', 'bbb}'],
  ['${aaa:-bbb}}', 'bbb}'],
  ['he${XXX-000}xx', 'he000xx'],
  ['he${NULL-000}xx', 'hexx'],
  ['he${NULL:-000}xx', 'he000xx'],
  ['he${NULL+000}xx', 'he000xx'],
  ['he${NULL:+000}xx', 'hexx'],
  ['$$', ''],
  ['$#', ''],
  ['${#}', ''],
];

describe('ShellLex.processWord (BuildKit envVarTest)', () => {
  const lex = new ShellLex('\\');
  it.each(envVarTest)('%s', (input, expected) => {
    if (expected === null) expect(() => lex.processWord(input, env)).toThrow(ShellExpansionError);
    else expect(lex.processWord(input, env)).toBe(expected);
  });
});

describe('ShellLex.processWords (BuildKit wordsTest)', () => {
  const words = envFromList(['hi=hi', 'space=abc  def', 'leading=  ab c', 'trailing=ab c   ']);
  const lex = new ShellLex('\\');
  const rows: [string, string[]][] = [
    ['hello', ['hello']],
    ['hello${hi}bye', ['hellohibye']],
    ['hello${space}bye', ['helloabc', 'defbye']],
    ['hello"${space}"bye', ['helloabc  defbye']],
    ['hello "${space}"bye', ['hello', 'abc  defbye']],
    ['hello${leading}def', ['hello', 'ab', 'cdef']],
    ['hello"${leading}" def', ['hello  ab c', 'def']],
    ['hello"${leading}"', ['hello  ab c']],
    ['hello${leading}', ['hello', 'ab', 'c']],
    ['hello${trailing}', ['helloab', 'c']],
    ['hello${trailing}d', ['helloab', 'c', 'd']],
    ['hello"${trailing}"d', ['helloab c   d']],
    ['hel"lo${trailing}"', ['helloab c   ']],
    ['hello" there  "', ['hello there  ']],
    ['hello there     ', ['hello', 'there']],
    ['hello\\ there', ['hello there']],
    ['hello\\" there', ['hello"', 'there']],
    ['hello"\\\\there"', ['hello\\there']],
    ['hello"\\there"', ['hello\\there']],
    ["hello'\\\\there'", ['hello\\\\there']],
    ["hello'\\there'", ['hello\\there']],
    ["hello'$there'", ['hello$there']],
  ];
  it.each(rows)('%s', (input, expected) => {
    expect(lex.processWords(input, words)).toEqual(expected);
  });

  it('fails on an unterminated quote', () => {
    expect(() => lex.processWords('hello" there', words)).toThrow(ShellExpansionError);
  });
});

describe('error messages', () => {
  const lex = new ShellLex('\\');
  const rows: [string, string][] = [
    ['${x', `failed to process "\${x": unsupported modifier (\ufffd) in substitution`],
    ['${x:-y', `failed to process "\${x:-y": syntax error: missing '}'`],
    ['${}', 'failed to process "${}": syntax error: bad substitution'],
    ['${:x}', 'failed to process "${:x}": syntax error: bad substitution'],
    ['${', `failed to process "\${": syntax error: missing '}'`],
    ['${x:=y}', 'failed to process "${x:=y}": unsupported modifier (:=) in substitution'],
    ['${x:#y}', 'failed to process "${x:#y}": unsupported modifier (:#) in substitution'],
    ['${x?}', 'failed to process "${x?}": x: is not allowed to be unset'],
    ['${x?please set x}', 'failed to process "${x?please set x}": x: please set x'],
    ['${NULL:?}', 'failed to process "${NULL:?}": NULL: is not allowed to be empty'],
    ["'abc", `failed to process "'abc": unexpected end of statement while looking for matching single-quote`],
    ['"abc', 'failed to process "\\"abc": unexpected end of statement while looking for matching double-quote'],
    ['${x/a', `failed to process "\${x/a": syntax error: missing '/' in \${}`],
    ['${x#\\a}', 'failed to process "${x#\\\\a}": invalid pattern (\\a) in substitution: invalid escape \'\\a\''],
  ];
  it.each(rows)('%s', (input, message) => {
    expect(() => lex.processWord(input, env)).toThrow(message);
  });

  it('keeps the word that failed', () => {
    try {
      lex.processWord('a${b', env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ShellExpansionError);
      expect((error as ShellExpansionError).word).toBe('a${b');
      expect((error as ShellExpansionError).kind).toBe('expansion');
    }
  });
});

describe('pattern operators', () => {
  const lex = new ShellLex('\\');
  const paths = envFromRecord({ P: '/usr/local/bin', F: 'archive.tar.gz', S: 'a*b' });
  const rows: [string, string][] = [
    ['${P#*/}', 'usr/local/bin'],
    ['${P##*/}', 'bin'],
    ['${P%/*}', '/usr/local'],
    ['${P%%/*}', ''],
    ['${F%.*}', 'archive.tar'],
    ['${F%%.*}', 'archive'],
    ['${F#*.}', 'tar.gz'],
    ['${F##*.}', 'gz'],
    ['${F#nomatch}', 'archive.tar.gz'],
    ['${P/local/share}', '/usr/share/bin'],
    ['${F/a/A}', 'Archive.tar.gz'],
    ['${F//a/A}', 'Archive.tAr.gz'],
    ['${F/?r/XX}', 'XXchive.tar.gz'],
    ['${S#a\\*}', 'b'],
    ['${UNSET#x}', ''],
    ['${P/\\//:}', ':usr/local/bin'],
  ];
  it.each(rows)('%s', (input, expected) => {
    expect(lex.processWord(input, paths)).toBe(expected);
  });
});

describe('options', () => {
  it('uses the backtick as escape after `# escape=``', () => {
    const lex = new ShellLex('`');
    expect(lex.processWord('C:\\path`$PWD', env)).toBe('C:\\path$PWD');
    expect(lex.processWord('"a`"b"', env)).toBe('a"b');
    expect(lex.processWord('a\\$PWD', env)).toBe('a\\/home');
  });

  it('keeps quotes and escapes when asked (the heredoc detector)', () => {
    const lex = new ShellLex('\\', { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
    expect(lex.processWords(`RUN <<'EOF' "a b" c\\ d $X \${Y:-z}`, emptyEnv)).toEqual([
      'RUN',
      "<<'EOF'",
      '"a b"',
      'c\\ d',
      '$X',
      '${Y:-z}',
    ]);
  });

  it('treats quotes as plain characters with skipProcessQuotes', () => {
    const lex = new ShellLex('\\', { skipProcessQuotes: true });
    expect(lex.processWord(`'$PWD' "x"`, env)).toBe(`'/home' "x"`);
  });

  it('reports which variables were found and which were not', () => {
    const result = new ShellLex().processWordWithMatches('$PWD ${NOPE:-x} $SHELL', env);
    expect(result.result).toBe('/home x bash');
    expect([...result.matched].sort()).toEqual(['PWD', 'SHELL']);
    expect([...result.unmatched]).toEqual(['NOPE']);
  });

  it('lets a later KEY=value win and reads KEY alone as empty', () => {
    const e = envFromList(['A=1', 'A=2', 'B']);
    expect(new ShellLex().processWord('$A-${B:-unset}-${B-unset}', e)).toBe('2-unset-');
  });
});
