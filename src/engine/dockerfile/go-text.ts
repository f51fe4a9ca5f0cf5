// Go's text rules, as the Docker code we mirror applies them.
//
// The Dockerfile parser and its error messages are written in Go, so a faithful port has to agree
// with Go on two small things: which characters are "space" (`unicode.IsSpace`, used when splitting
// words and trimming lines) and how a string looks when printed with `%q` (`strconv.Quote`, used in
// messages such as `Syntax error - can't find = in "c". Must be of the form: name=value`).

const unicodeWhiteSpace = /^\p{White_Space}$/u;

/** Go's `unicode.IsSpace`: ASCII `\t \n \v \f \r` and space, U+0085, U+00A0, and Unicode White_Space. */
export function isGoSpace(ch: string): boolean {
  switch (ch) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case '\u0085':
    case '\u00a0':
      return true;
  }
  return ch.length > 0 && ch.charCodeAt(0) > 0xff && unicodeWhiteSpace.test(ch);
}

/** Go's `strings.TrimSpace`. */
export function trimGoSpace(text: string): string {
  return trimRightGoSpace(trimLeftGoSpace(text));
}

/** Go's `strings.TrimLeftFunc(s, unicode.IsSpace)`. */
export function trimLeftGoSpace(text: string): string {
  const chars = Array.from(text);
  let i = 0;
  while (i < chars.length && isGoSpace(chars[i]!)) i++;
  return chars.slice(i).join('');
}

/** Go's `strings.TrimRightFunc(s, unicode.IsSpace)`. */
export function trimRightGoSpace(text: string): string {
  const chars = Array.from(text);
  let end = chars.length;
  while (end > 0 && isGoSpace(chars[end - 1]!)) end--;
  return chars.slice(0, end).join('');
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const namedEscapes: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

/** Go's `strconv.Quote` (what `%q` prints for a string). */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const named = namedEscapes[ch];
    const code = ch.codePointAt(0)!;
    if (named !== undefined) out += named;
    else if (ch === ' ' || printable.test(ch)) out += ch;
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff)
      out += '\\ufffd'; // a lone surrogate is not UTF-8 at all
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out + '"';
}

/** Go's `%q` of a string slice: `["a" "b"]`. */
export function goQuoteList(items: readonly string[]): string {
  return `[${items.map(goQuote).join(' ')}]`;
}

/** Go's `%v` of a string slice: `[a b]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}
