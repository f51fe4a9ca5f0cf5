import { describe, expect, it } from 'vitest';
import { IgnorePatternError, PatternMatcher, matches, matchesOrParentMatches } from './pattern-matcher';

// Rows from moby/patternmatcher patternmatcher_test.go (TestMatches): pattern, path, excluded?
const single: [string, string, boolean][] = [
  ['**', 'file', true],
  ['**', 'file/', true],
  ['**/', 'file', true],
  ['**/', 'file/', true],
  ['**', '/', true],
  ['**/', '/', true],
  ['**', 'dir/file', true],
  ['**/', 'dir/file', true],
  ['**', 'dir/file/', true],
  ['**/', 'dir/file/', true],
  ['**/**', 'dir/file', true],
  ['**/**', 'dir/file/', true],
  ['dir/**', 'dir/file', true],
  ['dir/**', 'dir/file/', true],
  ['dir/**', 'dir/dir2/file', true],
  ['dir/**', 'dir/dir2/file/', true],
  ['**/dir', 'dir', true],
  ['**/dir', 'dir/file', true],
  ['**/dir2/*', 'dir/dir2/file', true],
  ['**/dir2/*', 'dir/dir2/file/', true],
  ['**/dir2/**', 'dir/dir2/dir3/file', true],
  ['**/dir2/**', 'dir/dir2/dir3/file/', true],
  ['**file', 'file', true],
  ['**file', 'dir/file', true],
  ['**/file', 'dir/file', true],
  ['**file', 'dir/dir/file', true],
  ['**/file', 'dir/dir/file', true],
  ['**/file*', 'dir/dir/file', true],
  ['**/file*', 'dir/dir/file.txt', true],
  ['**/file*txt', 'dir/dir/file.txt', true],
  ['**/file*.txt', 'dir/dir/file.txt', true],
  ['**/file*.txt*', 'dir/dir/file.txt', true],
  ['**/**/*.txt', 'dir/dir/file.txt', true],
  ['**/**/*.txt2', 'dir/dir/file.txt', false],
  ['**/*.txt', 'file.txt', true],
  ['**/**/*.txt', 'file.txt', true],
  ['a**/*.txt', 'a/file.txt', true],
  ['a**/*.txt', 'a/dir/file.txt', true],
  ['a**/*.txt', 'a/dir/dir/file.txt', true],
  ['a/*.txt', 'a/dir/file.txt', false],
  ['a/*.txt', 'a/file.txt', true],
  ['a/*.txt**', 'a/file.txt', true],
  ['a[b-d]e', 'ae', false],
  ['a[b-d]e', 'ace', true],
  ['a[b-d]e', 'aae', false],
  ['a[^b-d]e', 'aze', true],
  ['.*', '.foo', true],
  ['.*', 'foo', false],
  ['abc.def', 'abcdef', false],
  ['abc.def', 'abc.def', true],
  ['abc.def', 'abcZdef', false],
  ['abc?def', 'abcZdef', true],
  ['abc?def', 'abcdef', false],
  ['a\\\\', 'a\\', true],
  ['**/foo/bar', 'foo/bar', true],
  ['**/foo/bar', 'dir/foo/bar', true],
  ['**/foo/bar', 'dir/dir2/foo/bar', true],
  ['abc/**', 'abc', false],
  ['abc/**', 'abc/def', true],
  ['abc/**', 'abc/def/ghi', true],
  ['**/.foo', '.foo', true],
  ['**/.foo', 'bar.foo', false],
  ['a(b)c/def', 'a(b)c/def', true],
  ['a(b)c/def', 'a(b)c/xyz', false],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
  [
    'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl',
    'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl',
    true,
  ],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'axb', false],
  ['?', '😀', true],
];

const multi: [string[], string, boolean][] = [
  [['**', '!util/docker/web'], 'util/docker/web/foo', false],
  [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true],
  [
    ['**', '!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl'],
    'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl',
    false,
  ],
  [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
  [['docs', '!docs/README.md'], 'docs/README.md', false],
  [['docs/', '!docs/README.md'], 'docs/README.md', false],
  [['docs/*', '!docs/README.md'], 'docs/README.md', false],
  [['*.go', '!fileutils.go'], 'fileutils.go', false],
  [['!fileutils.go', '*.go'], 'fileutils.go', true],
];

describe('MatchesOrParentMatches (patternmatcher TestMatches)', () => {
  it.each(single)('%s vs %s', (pattern, path, excluded) => {
    expect(new PatternMatcher([pattern]).matchesOrParentMatches(path)).toBe(excluded);
  });

  it.each(multi)('%j vs %s', (patterns, path, excluded) => {
    expect(new PatternMatcher(patterns).matchesOrParentMatches(path)).toBe(excluded);
  });

  it('gives the same answers from the walker’s parent results', () => {
    for (const [pattern, path, excluded] of single) {
      const matcher = new PatternMatcher([pattern]);
      const parents = path.split('/').slice(0, -1);
      let info: readonly boolean[] = [];
      parents.forEach(
        (_, i) => (info = matcher.matchesUsingParentResults(parents.slice(0, i + 1).join('/'), info).info),
      );
      expect(matcher.matchesUsingParentResults(path, info).matched, `${pattern} vs ${path}`).toBe(excluded);
    }
  });
});

describe('package-level helpers', () => {
  it('never excludes the context itself', () => {
    expect(matchesOrParentMatches('.', ['*.go', '**'])).toBe(false);
    expect(matches('.', ['**'])).toBe(false);
  });

  it('cleans the path and the patterns', () => {
    expect(matchesOrParentMatches('./docs//a.md', ['docs/'])).toBe(true);
    expect(matchesOrParentMatches('fileutils.go', ['*'])).toBe(true);
  });

  it('the deprecated Matches checks only the parent at the pattern’s depth', () => {
    expect(matches('a/b/c/d', ['b'])).toBe(false);
    expect(matchesOrParentMatches('a/b/c/d', ['a/b'])).toBe(true);
    expect(matches('a/b/c/d', ['a/b'])).toBe(true);
    expect(matches('x/a/b', ['*/a'])).toBe(true);
  });

  it('has no effect without patterns, and ignores blank ones', () => {
    expect(matchesOrParentMatches('/any/path/there', [])).toBe(false);
    expect(new PatternMatcher(['docs', 'config', '', '  ']).patterns).toHaveLength(2);
  });

  it('notices exceptions, even indented ones', () => {
    expect(new PatternMatcher(['docs', '  !docs/README.md']).exclusions).toBe(true);
    expect(new PatternMatcher(['docs', '!docs/README.md  ']).exclusions).toBe(true);
    expect(new PatternMatcher(['docs']).exclusions).toBe(false);
  });

  it.each([
    [['!'], 'illegal exclusion pattern: "!"'],
    [['['], 'syntax error in pattern'],
    [['a[b'], 'syntax error in pattern'],
    [['[]a]'], 'syntax error in pattern'],
    [['x\\'], 'syntax error in pattern'],
    [['[a-]'], 'syntax error in pattern'],
  ])('refuses %j', (patterns, message) => {
    expect(() => new PatternMatcher(patterns)).toThrow(new IgnorePatternError(message));
  });

  it('accepts Go pattern classes', () => {
    expect(() => new PatternMatcher(['[a-c]', '[^x]', '[\\]]', 'a]b'])).not.toThrow();
    expect(new PatternMatcher(['a]b']).matchesOrParentMatches('a]b')).toBe(true);
    expect(new PatternMatcher(['[\\]]*']).matchesOrParentMatches(']x')).toBe(true);
  });
});
