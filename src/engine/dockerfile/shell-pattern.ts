// Shell patterns inside `${VAR#pattern}`, `${VAR%pattern}` and `${VAR/pattern/replacement}`.
//
// BuildKit (`frontend/dockerfile/shell/lex.go`) supports POSIX's pattern-removal and bash's
// replacement forms with a small pattern language: `?` is one character, `*` any run of characters,
// and `\` escapes `*`, `?` or `\` (a `\` before `}` or `/` only protects that character from ending
// the `${…}`). Bracket expressions are not supported. `#`/`%` remove the shortest matching prefix or
// suffix, `##`/`%%` the longest:
//
//   VAR=/usr/local/bin   ${VAR#*/} → usr/local/bin   ${VAR##*/} → bin   ${VAR%/*} → /usr/local
//
// A suffix is removed by reversing both the value and the pattern and removing a prefix, because a
// regular expression finds leftmost matches only — the same trick BuildKit uses.

/** The pattern has an escape BuildKit refuses (`invalid escape '\x'`). */
export class ShellPatternError extends Error {
  override name = 'ShellPatternError';
}

// Go's `.` is any character but a newline; a JS `.` would also refuse `\r`, U+2028 and U+2029.
const anyChar = '[^\\n]';
const regexSpecials = new Set(['[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$']);

/** Translate a shell pattern to a regular expression; `*` is lazy unless `greedy`. */
export function shellPatternToRegExp(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const chars = Array.from(pattern);
  let out = anchored ? '^' : '';
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]!;
    if (ch === '*') {
      out += greedy ? `${anyChar}*` : `${anyChar}*?`;
      continue;
    }
    if (ch === '?') {
      out += anyChar;
      continue;
    }
    if (ch === '\\') {
      const next = chars[i + 1];
      if (next === '}' || next === '/') continue;
      i++;
      if (next !== '*' && next !== '?' && next !== '\\') {
        throw new ShellPatternError(`invalid escape '\\${next ?? '\ufffd'}'`);
      }
      out += '\\';
      ch = next;
    } else if (regexSpecials.has(ch)) {
      out += '\\';
    }
    out += ch;
  }
  return new RegExp(out, 'u');
}

/** `value` without the prefix `pattern` matches (shortest, or longest when greedy). */
export function trimPatternPrefix(pattern: string, value: string, greedy: boolean): string {
  const match = shellPatternToRegExp(pattern, greedy, true).exec(value);
  return match ? value.slice(match[0].length) : value;
}

/** Reverse a pattern without breaking its escapes: `a\*c` → `c\*a`. */
export function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = new Array<string>(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last;) {
    const ch = chars[i]!;
    const at = last - i;
    if (ch === '\\' && i !== last) {
      out[at - 1] = ch;
      out[at] = chars[i + 1]!;
      i += 2;
    } else {
      out[at] = ch;
      i++;
    }
  }
  return out.join('');
}

const reverse = (text: string): string => Array.from(text).reverse().join('');

/** `value` without the suffix `pattern` matches (shortest, or longest when greedy). */
export function trimPatternSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverse(trimPatternPrefix(reversePattern(pattern), reverse(value), greedy));
}

/** `${VAR/pattern/replacement}` (first match) or `${VAR//pattern/replacement}` (every match). */
export function replacePattern(value: string, pattern: string, replacement: string, all: boolean): string {
  const re = shellPatternToRegExp(pattern, true, false);
  if (all) return value.replace(new RegExp(re.source, 'gu'), () => replacement);
  const match = re.exec(value);
  if (!match) return value;
  return value.slice(0, match.index) + replacement + value.slice(match.index + match[0].length);
}
