// .dockerignore patterns (moby/patternmatcher): which context paths a list of patterns excludes.
//
//   *.log          a `*.log` file at the root only (`*` and `?` never cross `/`)
//   **/*.log       a `.log` file at any depth (`**` is any number of directories, even none)
//   build/         the directory `build` and everything in it (patterns are cleaned: `build`)
//   !build/keep    …except this path: a `!` line re-includes, and the LAST matching line wins
//   [a-c]?.txt     Go's `filepath.Match` classes and escapes (`\*` is a literal star)
//
// A path also counts as matched when one of its parent directories matches, so `build` excludes
// `build/a/b.o`. Like patternmatcher, each pattern is sorted into the cheapest test that decides
// it: exact text, a prefix (`dir/**`), a suffix (`**/name`), or a regular expression.
import { DockerfileError } from './errors';
import { cleanPath, dirPath } from './go-path';
import { trimGoSpace } from './go-text';

/** A pattern Docker refuses: `illegal exclusion pattern: "!"`, or Go's `syntax error in pattern`. */
export class IgnorePatternError extends DockerfileError {
  override name = 'IgnorePatternError';
  readonly kind = 'context';
}

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

/** One compiled pattern. */
export interface Pattern {
  /** The cleaned pattern, without its `!`. */
  readonly text: string;
  readonly exclusion: boolean;
  readonly matchType: MatchType;
  readonly regexp?: RegExp;
}

const badPattern = () => new IgnorePatternError('syntax error in pattern');

/** Go's `filepath.Match` refuses malformed patterns up front: an unclosed `[`, a trailing `\`. */
function checkSyntax(pattern: string): void {
  const chars = Array.from(pattern);
  const escaped = (i: number): number => {
    const ch = chars[i];
    if (ch === undefined || ch === '-' || ch === ']') throw badPattern();
    if (ch === '\\') {
      if (chars[i + 1] === undefined) throw badPattern();
      return i + 2;
    }
    return i + 1;
  };
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!;
    if (ch === '\\') {
      if (chars[i + 1] === undefined) throw badPattern();
      i += 2;
    } else if (ch === '[') {
      i++;
      if (chars[i] === '^') i++;
      let ranges = 0;
      while (!(chars[i] === ']' && ranges > 0)) {
        i = escaped(i);
        if (chars[i] === '-') i = escaped(i + 1);
        ranges++;
      }
      i++;
    } else {
      i++;
    }
  }
}

const anyChar = '[^\\n]';
const oneNameChar = '(?:[\\ud800-\\udbff][\\udc00-\\udfff]|[^/])';
const literal = (ch: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch);

/** Sort a cleaned pattern into the cheapest test (patternmatcher's `compile`). */
function compile(text: string): { matchType: MatchType; regexp?: RegExp } {
  const chars = Array.from(text);
  let source = '^';
  let type: MatchType = 'exact';
  let inClass = false;
  for (let i = 0, token = 0; i < chars.length; i++, token++) {
    const ch = chars[i]!;
    if (ch === '*' && !inClass) {
      if (chars[i + 1] === '*') {
        i++;
        if (chars[i + 1] === '/') i++;
        if (i + 1 === chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            source += `${anyChar}*`;
            type = 'regexp';
          }
        } else {
          source += `(?:${anyChar}*/)?`;
          type = 'regexp';
        }
        if (token === 0) type = 'suffix';
      } else {
        source += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?' && !inClass) {
      source += oneNameChar;
      type = 'regexp';
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next === undefined) source += '\\\\';
      else {
        source += literal(next);
        i++;
        type = 'regexp';
      }
    } else if (ch === '[' && !inClass) {
      inClass = true;
      source += '[';
      if (chars[i + 1] === '^') source += chars[++i];
      type = 'regexp';
    } else if (ch === ']' && inClass) {
      inClass = false;
      source += ']';
    } else {
      source += inClass && ch !== ']' && ch !== '\\' ? ch.replace(/[[\]]/, '\\$&') : literal(ch);
    }
  }
  if (type !== 'regexp') return { matchType: type };
  return { matchType: type, regexp: new RegExp(source + '$') };
}

function matchPattern(pattern: Pattern, path: string): boolean {
  switch (pattern.matchType) {
    case 'exact':
      return path === pattern.text;
    case 'prefix':
      return path.startsWith(pattern.text.slice(0, -2));
    case 'suffix': {
      const suffix = pattern.text.slice(2);
      return path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    case 'regexp':
      return pattern.regexp!.test(path);
  }
}

/** Per-pattern results for a directory, handed down to its children (patternmatcher's `MatchInfo`). */
export type MatchInfo = readonly boolean[];

/** A list of .dockerignore patterns, ready to test paths against. */
export class PatternMatcher {
  readonly patterns: readonly Pattern[];
  /** Whether any pattern is a `!` exception. */
  readonly exclusions: boolean;

  constructor(patterns: readonly string[]) {
    const compiled: Pattern[] = [];
    for (const raw of patterns) {
      let text = trimGoSpace(raw);
      if (text === '') continue;
      text = cleanPath(text);
      const exclusion = text.startsWith('!');
      if (exclusion) {
        if (text.length === 1) throw new IgnorePatternError('illegal exclusion pattern: "!"');
        text = text.slice(1);
      }
      checkSyntax(text);
      compiled.push({ text, exclusion, ...compile(text) });
    }
    this.patterns = compiled;
    this.exclusions = compiled.some((p) => p.exclusion);
  }

  /** Whether `file` or one of its parent directories is excluded (the current rule). */
  matchesOrParentMatches(file: string): boolean {
    return this.evaluate(file, (pattern, parents) =>
      parents.some((_, i) => matchPattern(pattern, parents.slice(0, i + 1).join('/'))),
    );
  }

  /** The deprecated rule the docker CLI still uses in places: only the parent at the pattern's depth. */
  matches(file: string): boolean {
    return this.evaluate(file, (pattern, parents) => {
      const depth = pattern.text.split('/').length;
      return depth <= parents.length && matchPattern(pattern, parents.slice(0, depth).join('/'));
    });
  }

  /** Whether `file` itself is excluded, ignoring its parents. */
  matchesExact(file: string): boolean {
    return this.evaluate(file, () => false);
  }

  private evaluate(file: string, parentMatch: (pattern: Pattern, parents: string[]) => boolean): boolean {
    const parent = dirPath(file);
    const parents = parent.split('/');
    let matched = false;
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue; // only a later `!` can undo a match, and vice versa
      let match = matchPattern(pattern, file);
      if (!match && parent !== '.') match = parentMatch(pattern, parents);
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  }

  /** The walker's rule: like matchesOrParentMatches, reusing the parent directory's results. */
  matchesUsingParentResults(file: string, parentInfo: MatchInfo = []): { matched: boolean; info: MatchInfo } {
    const info: boolean[] = [];
    let matched = false;
    this.patterns.forEach((pattern, i) => {
      let match = parentInfo[i] ?? false;
      if (!match && pattern.exclusion === matched) {
        match = matchPattern(pattern, file);
        if (!match && parentInfo.length === 0) {
          const parent = dirPath(file);
          if (parent !== '.') {
            const parents = parent.split('/');
            match = parents.some((_, j) => matchPattern(pattern, parents.slice(0, j + 1).join('/')));
          }
        }
      }
      info.push(match);
      if (match) matched = !pattern.exclusion;
    });
    return { matched, info };
  }
}

/** patternmatcher's package-level `MatchesOrParentMatches`: cleans the path; `.` is never excluded. */
export function matchesOrParentMatches(file: string, patterns: readonly string[]): boolean {
  const matcher = new PatternMatcher(patterns);
  const clean = cleanPath(file);
  return clean !== '.' && matcher.matchesOrParentMatches(clean);
}

/** patternmatcher's deprecated package-level `Matches` (the docker CLI's build-file check uses it). */
export function matches(file: string, patterns: readonly string[]): boolean {
  const matcher = new PatternMatcher(patterns);
  const clean = cleanPath(file);
  return clean !== '.' && matcher.matches(clean);
}
