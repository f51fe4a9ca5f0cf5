// Shell patterns (XCU 2.13): `*` matches any string, `?` any one character, `[abc]`, `[a-z]`,
// `[!0-9]` and `[[:digit:]]` one character of a set; a backslash or quotes make a character
// literal. The same patterns serve `case`, `${x#prefix}` and pathname expansion (`*.txt`), so a
// pattern is built from pieces that remember whether they were quoted: in `"$dir"/*.log` only the
// `*` is special.

/** A piece of a pattern: quoted text matches itself only. */
export interface PatternPiece {
  text: string;
  quoted: boolean;
}

const CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
  word: 'A-Za-z0-9_',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** True when the pieces contain an unquoted `*`, `?` or `[` (so globbing has work to do). */
export function hasMagic(pieces: readonly PatternPiece[]): boolean {
  return pieces.some((p) => !p.quoted && /[*?[]/.test(p.text));
}

/** The regular-expression source for a pattern (no anchors). */
export function patternSource(pieces: readonly PatternPiece[]): string {
  // Flatten to characters, each marked literal or special.
  const chars: { c: string; literal: boolean }[] = [];
  for (const piece of pieces) {
    for (let i = 0; i < piece.text.length; i++) {
      const c = piece.text[i] as string;
      if (!piece.quoted && c === '\\' && i + 1 < piece.text.length) {
        chars.push({ c: piece.text[++i] as string, literal: true });
      } else chars.push({ c, literal: piece.quoted });
    }
  }
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const { c, literal } = chars[i] as { c: string; literal: boolean };
    if (literal) out += escapeRegExp(c);
    else if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '[') {
      const parsed = bracket(chars, i);
      if (parsed === undefined) out += '\\[';
      else {
        out += parsed.source;
        i = parsed.end;
      }
    } else out += escapeRegExp(c);
  }
  return out;
}

/** A bracket expression starting at `start` (`[`), or undefined when it never closes. */
function bracket(chars: { c: string; literal: boolean }[], start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (chars[i]?.c === '!' || chars[i]?.c === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < chars.length; i++) {
    const { c, literal } = chars[i] as { c: string; literal: boolean };
    if (c === ']' && !literal && !first) return { source: `[${negate ? '^' : ''}${body}]`, end: i };
    first = false;
    if (c === '[' && !literal && chars[i + 1]?.c === ':') {
      const rest = chars
        .slice(i + 2)
        .map((x) => x.c)
        .join('');
      const m = /^([a-z]+):\]/.exec(rest);
      if (m !== null && CLASSES[m[1] as string] !== undefined) {
        body += CLASSES[m[1] as string];
        i += 2 + m[0].length - 1;
        continue;
      }
    }
    if (c === '-' && !literal && body !== '' && chars[i + 1] !== undefined && chars[i + 1]?.c !== ']') {
      body += '-';
      continue;
    }
    body += c === '\\' || c === ']' || c === '[' || c === '^' || c === '-' ? `\\${c}` : c;
  }
  return undefined;
}

/** Does the whole of `text` match the pattern? */
export function matchPattern(pieces: readonly PatternPiece[], text: string): boolean {
  return new RegExp(`^${patternSource(pieces)}$`).test(text);
}

/** A pattern written as plain text (every character unquoted): `matchGlob('*.txt', 'a.txt')`. */
export function matchGlob(pattern: string, text: string): boolean {
  return matchPattern([{ text: pattern, quoted: false }], text);
}

/**
 * `${x#p}` (`shortest` prefix), `${x##p}` (longest prefix), `${x%p}`, `${x%%p}` (suffixes): the
 * value with the matching part removed, or unchanged when nothing matches.
 */
export function removeAffix(
  value: string,
  pieces: readonly PatternPiece[],
  side: 'prefix' | 'suffix',
  longest: boolean,
): string {
  const re = new RegExp(`^${patternSource(pieces)}$`);
  if (side === 'prefix') {
    for (let n = 0; n <= value.length; n++) {
      const len = longest ? value.length - n : n;
      if (re.test(value.slice(0, len))) return value.slice(len);
    }
  } else {
    for (let n = 0; n <= value.length; n++) {
      const start = longest ? n : value.length - n;
      if (re.test(value.slice(start))) return value.slice(0, start);
    }
  }
  return value;
}

/** `${x/p/r}` (first match) and `${x//p/r}` (every match), longest match at each position. */
export function replacePattern(
  value: string,
  pieces: readonly PatternPiece[],
  replacement: string,
  all: boolean,
): string {
  const re = new RegExp(`^${patternSource(pieces)}$`);
  let out = '';
  let i = 0;
  let replaced = false;
  while (i <= value.length) {
    let matched = -1;
    if (!replaced || all) {
      for (let end = value.length; end > i; end--) {
        if (re.test(value.slice(i, end))) {
          matched = end;
          break;
        }
      }
    }
    if (matched > i) {
      out += replacement;
      i = matched;
      replaced = true;
      continue;
    }
    if (i < value.length) out += value[i];
    i++;
  }
  return out;
}
