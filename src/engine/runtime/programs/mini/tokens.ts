// The words of the two tiny languages Dockyard understands: the expression subset of JavaScript
// that `node -e 'console.log(1+1)'` needs and the matching subset of Python for
// `python3 -c 'print(1+1)'`. Numbers, strings (with escapes; JavaScript template literals keep
// their `${…}` parts for the parser), names, operators and punctuation. No `eval`: the simulator
// never runs a student's text as real JavaScript.

export type Dialect = 'js' | 'py';

export type Token =
  | { kind: 'num'; value: number; isInt: boolean; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'template'; parts: (string | { source: string })[]; pos: number }
  | { kind: 'name'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'end'; pos: number };

/** Input the tokenizer or parser cannot take; `pos` is the offset for the caret line. */
export class MiniSyntaxError extends Error {
  override name = 'MiniSyntaxError';
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

const OPS = [
  '===',
  '!==',
  '**=',
  '...',
  '//',
  '**',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '=>',
  '+=',
  '-=',
  '?.',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '=',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ';',
  '.',
  '?',
  '\n',
];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', f: '\f', v: '\v' };

function readEscape(text: string, i: number): [string, number] {
  const c = text[i]!;
  if (c in ESCAPES) return [ESCAPES[c]!, i + 1];
  if (c === 'x') return [String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16)), i + 3];
  if (c === 'u') return [String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16)), i + 5];
  return [c, i + 1];
}

/** A Python f-string (`f"hi {name}"`): literal parts and `{expression}` parts; `{{` is a brace. */
function fString(text: string, start: number): [Token, number] {
  const q = text[start + 1]!;
  let i = start + 2;
  const parts: (string | { source: string })[] = [];
  let s = '';
  while (i < text.length && text[i] !== q) {
    if (text.startsWith('{{', i) || text.startsWith('}}', i)) {
      s += text[i];
      i += 2;
    } else if (text[i] === '{') {
      const close = text.indexOf('}', i);
      if (close < 0) throw new MiniSyntaxError("f-string: expecting '}'", i);
      parts.push(s, { source: text.slice(i + 1, close) });
      s = '';
      i = close + 1;
    } else if (text[i] === '\\') {
      const [ch, next] = readEscape(text, i + 1);
      s += ch;
      i = next;
    } else s += text[i++];
  }
  if (i >= text.length) throw new MiniSyntaxError('unterminated string literal', start);
  return [{ kind: 'template', parts: [...parts, s], pos: start }, i + 1];
}

export function tokenize(text: string, dialect: Dialect): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || (c === '\\' && text[i + 1] === '\n')) {
      i += c === '\\' ? 2 : 1;
    } else if ((dialect === 'py' && c === '#') || (dialect === 'js' && c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][+-]?\d+)?)/.exec(
        text.slice(i),
      )!;
      const raw = m[0].replace(/_/g, '');
      out.push({ kind: 'num', value: Number(raw), isInt: !/[.eE]/.test(raw) || /^0[xX]/.test(raw), pos: i });
      i += m[0].length;
    } else if (c === '"' || c === "'" || (c === '`' && dialect === 'js')) {
      const start = i;
      const triple = dialect === 'py' && text.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      i += close.length;
      const parts: (string | { source: string })[] = [];
      let s = '';
      while (i < text.length && !text.startsWith(close, i)) {
        if (text[i] === '\\') {
          const [ch, next] = readEscape(text, i + 1);
          s += ch;
          i = next;
        } else if (c === '`' && text.startsWith('${', i)) {
          let depth = 1;
          let j = i + 2;
          for (; j < text.length && depth > 0; j++) depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
          parts.push(s, { source: text.slice(i + 2, j - 1) });
          s = '';
          i = j;
        } else if (text[i] === '\n' && !triple && c !== '`') {
          throw new MiniSyntaxError(
            dialect === 'py' ? 'unterminated string literal' : 'Invalid or unexpected token',
            start,
          );
        } else s += text[i++];
      }
      if (i >= text.length) {
        throw new MiniSyntaxError(
          dialect === 'py' ? 'unterminated string literal' : 'Invalid or unexpected token',
          start,
        );
      }
      i += close.length;
      if (c === '`') out.push({ kind: 'template', parts: [...parts, s], pos: start });
      else out.push({ kind: 'str', value: s, pos: start });
    } else if (dialect === 'py' && /[fF]/.test(c) && (text[i + 1] === '"' || text[i + 1] === "'")) {
      const [token, next] = fString(text, i);
      out.push(token);
      i = next;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i))!;
      out.push({ kind: 'name', value: m[0], pos: i });
      i += m[0].length;
    } else {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (!op)
        throw new MiniSyntaxError(dialect === 'py' ? `invalid character '${c}'` : 'Invalid or unexpected token', i);
      out.push({ kind: 'op', value: op, pos: i });
      i += op.length;
    }
  }
  out.push({ kind: 'end', pos: text.length });
  return out;
}
