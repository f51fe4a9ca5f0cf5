// Shell patterns as Go's `path.Match` reads them — what `docker images 'demo/*'` (the `reference`
// filter) matches names with:
//
//   *        any run of characters except `/`        ?      one character except `/`
//   [a-z]    one character in the class ([^…] negates) \c     the character c itself
//
// A malformed pattern (an unclosed `[`, a trailing `\`) is Go's ErrBadPattern:
// `syntax error in pattern`.

export class BadPatternError extends Error {
  override name = 'BadPatternError';
  constructor() {
    super('syntax error in pattern');
  }
}

const special = /[.*+?^${}()|[\]\\/]/g;
const escapeChar = (c: string) => c.replace(special, '\\$&');

/** Translate a path.Match pattern into an anchored regular expression; throws BadPatternError. */
export function globToRegExp(pattern: string): RegExp {
  const chars = [...pattern];
  let out = '^';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      const next = chars[++i];
      if (next === undefined) throw new BadPatternError();
      out += escapeChar(next);
    } else if (c === '[') {
      const { source, end } = characterClass(chars, i + 1);
      out += source;
      i = end;
    } else out += escapeChar(c);
  }
  return new RegExp(out + '$', 'u');
}

/** Read `[…]` starting after the `[`; returns the regex class and the index of the closing `]`. */
function characterClass(chars: string[], start: number): { source: string; end: number } {
  let i = start;
  let negate = false;
  if (chars[i] === '^') {
    negate = true;
    i++;
  }
  const ranges: string[] = [];
  let first = true;
  for (;;) {
    const c = chars[i];
    if (c === undefined) throw new BadPatternError();
    if (c === ']' && !first) break;
    first = false;
    const lo = classChar(chars, i);
    i = lo.next;
    if (chars[i] === '-' && chars[i + 1] !== undefined && chars[i + 1] !== ']') {
      const hi = classChar(chars, i + 1);
      if (hi.char < lo.char) throw new BadPatternError();
      ranges.push(`${escapeChar(lo.char)}-${escapeChar(hi.char)}`);
      i = hi.next;
    } else ranges.push(escapeChar(lo.char));
  }
  // Like `?`, a class never matches the separator.
  return { source: negate ? `(?![/])[^${ranges.join('')}]` : `(?![/])[${ranges.join('')}]`, end: i };
}

function classChar(chars: string[], i: number): { char: string; next: number } {
  const c = chars[i];
  if (c === undefined || c === '-' || c === ']') throw new BadPatternError();
  if (c !== '\\') return { char: c, next: i + 1 };
  const escaped = chars[i + 1];
  if (escaped === undefined) throw new BadPatternError();
  return { char: escaped, next: i + 2 };
}

/** Go's path.Match over the whole of `name`. */
export function globMatch(pattern: string, name: string): boolean {
  return globToRegExp(pattern).test(name);
}
