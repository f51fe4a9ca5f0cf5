// POSIX regular expressions, translated to JavaScript's. grep and sed speak two dialects: basic
// (BRE, the default) where `\(…\)`, `\{n\}`, `\+`, `\?` and `\|` are the operators and a bare `(`
// or `+` is just a character, and extended (ERE, `grep -E`, `sed -E`) where it is the other way
// round. Both know bracket classes like `[[:digit:]]`; GNU adds `\<`, `\>`, `\w`, `\s`.

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
};

/** A malformed expression (unmatched `\(`, bad class…): grep exits 2, sed reports it. */
export class RegexError extends Error {
  override name = 'RegexError';
}

/** Translate `[...]` starting at `i`; returns the JS class and the index after it. */
function bracket(re: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (re[j] === '^') {
    out += '^';
    j++;
  }
  if (re[j] === ']') {
    out += '\\]';
    j++;
  }
  for (; j < re.length; j++) {
    const c = re[j] as string;
    if (c === ']') return [`${out}]`, j + 1];
    if (c === '[' && re[j + 1] === ':') {
      const m = /^\[:([a-z]+):\]/.exec(re.slice(j));
      if (m === null || CLASSES[m[1] as string] === undefined) throw new RegexError('Invalid character class name');
      out += CLASSES[m[1] as string];
      j += m[0].length - 1;
      continue;
    }
    out += c === '\\' || c === '[' ? `\\${c}` : c;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

/** The JavaScript source for a POSIX basic (`extended` false) or extended regular expression. */
export function translateRegex(re: string, extended: boolean): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i] as string;
    const atStart = out === '' || out.endsWith('(') || out.endsWith('|') || out === '^';
    if (c === '[') {
      const [cls, next] = bracket(re, i);
      out += cls;
      i = next - 1;
      continue;
    }
    if (c === '\\') {
      const n = re[i + 1];
      i++;
      if (n === undefined) throw new RegexError('Trailing backslash');
      if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSbB'.includes(n) || /[1-9]/.test(n)) out += `\\${n}`;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else if (!extended && '(){}|+?'.includes(n)) {
        out += n;
        if (n === '(') depth++;
        if (n === ')') depth--;
      } else out += /[A-Za-z0-9]/.test(n) ? n : `\\${n}`;
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) {
      out += `\\${c}`;
      continue;
    }
    if (extended && c === '(') depth++;
    if (extended && c === ')') {
      if (depth === 0) {
        out += '\\)';
        continue;
      }
      depth--;
    }
    if (c === '*' && atStart) {
      out += '\\*';
      continue;
    }
    if (c === '^' && !atStart && !extended) {
      out += '\\^';
      continue;
    }
    if (
      c === '$' &&
      !extended &&
      i !== re.length - 1 &&
      !(re[i + 1] === '\\' && (re[i + 2] === ')' || re[i + 2] === '|'))
    ) {
      out += '\\$';
      continue;
    }
    if (c === '/') {
      out += '\\/';
      continue;
    }
    out += c;
  }
  if (depth !== 0) throw new RegexError(extended ? 'Unmatched ( or \\(' : 'Unmatched ( or \\(');
  return out;
}

/** A RegExp for a POSIX expression (`flags`: `i`, `g`). Throws RegexError. */
export function posixRegex(re: string, options: { extended: boolean; ignoreCase?: boolean; global?: boolean }): RegExp {
  const source = translateRegex(re, options.extended);
  try {
    return new RegExp(source, `${options.ignoreCase ? 'i' : ''}${options.global ? 'g' : ''}`);
  } catch (err) {
    throw new RegexError(err instanceof Error ? err.message : String(err));
  }
}

/** A literal string as a RegExp (`grep -F`). */
export function literalRegex(text: string, ignoreCase = false, global = false): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), `${ignoreCase ? 'i' : ''}${global ? 'g' : ''}`);
}
