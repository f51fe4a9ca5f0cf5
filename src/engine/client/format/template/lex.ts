// The words of a Go template (Go's text/template/parse lexer), as `docker … --format` reads them:
// text outside `{{ }}`, and inside an action fields (`.Config.Cmd`), variables (`$v`),
// identifiers (`json`, `range`), strings, numbers, `|`, `(`, `)`, `:=`. `{{-` and `-}}` trim the
// blanks next to the action. Errors use Go's words (`unclosed action`).

export type TokenKind =
  | 'text'
  | 'left'
  | 'right'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'space'
  | 'comment'
  | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Byte offset in the template (for error positions). */
  pos: number;
  line: number;
}

export class TemplateSyntaxError extends Error {
  override name = 'TemplateSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** Split `source` into tokens; throws TemplateSyntaxError. */
export function lex(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string, pos: number) =>
    tokens.push({ kind, text, pos, line: lineAt(source, pos) });
  const fail = (pos: number, message: string): never => {
    throw new TemplateSyntaxError(lineAt(source, pos), message);
  };
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) {
      push('text', source.slice(i), i);
      break;
    }
    let text = source.slice(i, open);
    const trimLeft =
      /^\{\{- [\s\S]/.test(source.slice(open, open + 4)) || /^\{\{-[\t\n\r ]/.test(source.slice(open, open + 4));
    if (trimLeft) text = text.replace(/[\t\n\r ]+$/, '');
    if (text) push('text', text, i);
    push('left', '{{', open);
    i = open + 2 + (trimLeft ? 2 : 0);
    // Comments: {{/* … */}}
    if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i);
      if (end < 0) fail(i, 'unclosed comment');
      i = end + 2;
      const close = /^( -)?\}\}/.exec(source.slice(i));
      if (!close) fail(i, 'comment ends before closing delimiter');
      push('comment', '', i);
      i += close![0].length;
      if (close![1]) i = skipBlanks(source, i);
      push('right', '}}', i);
      continue;
    }
    let depth = 0;
    for (;;) {
      if (i >= source.length) fail(i, 'unclosed action');
      const rest = source.slice(i);
      const trimRight = /^ -\}\}/.test(rest) || /^[\t\r\n]-\}\}/.test(rest);
      if (rest.startsWith('}}') || trimRight) {
        if (depth > 0) fail(i, 'unclosed left paren');
        i += trimRight ? 4 : 2;
        push('right', '}}', i);
        if (trimRight) i = skipBlanks(source, i);
        break;
      }
      const c = source[i]!;
      const start = i;
      if (/[\t\r\n ]/.test(c)) {
        while (i < source.length && /[\t\r\n ]/.test(source[i]!) && !/^ -\}\}/.test(source.slice(i))) i++;
        if (i === start) i++;
        push('space', source.slice(start, i), start);
      } else if (c === '|') {
        i++;
        push('pipe', '|', start);
      } else if (c === '(') {
        i++;
        depth++;
        push('leftParen', '(', start);
      } else if (c === ')') {
        if (depth === 0) fail(i, 'unexpected right paren');
        i++;
        depth--;
        push('rightParen', ')', start);
      } else if (c === ',') {
        i++;
        push('comma', ',', start);
      } else if (rest.startsWith(':=')) {
        i += 2;
        push('declare', ':=', start);
      } else if (c === '=') {
        i++;
        push('assign', '=', start);
      } else if (c === '"') {
        i++;
        while (i < source.length && source[i] !== '"') {
          if (source[i] === '\n') fail(i, 'unterminated quoted string');
          i += source[i] === '\\' ? 2 : 1;
        }
        if (i >= source.length) fail(i, 'unterminated quoted string');
        i++;
        push('string', source.slice(start, i), start);
      } else if (c === '`') {
        const end = source.indexOf('`', i + 1);
        if (end < 0) fail(i, 'unterminated raw quoted string');
        i = end + 1;
        push('rawString', source.slice(start, i), start);
      } else if (c === "'") {
        i++;
        while (i < source.length && source[i] !== "'") i += source[i] === '\\' ? 2 : 1;
        if (i >= source.length) fail(i, 'unterminated character constant');
        i++;
        push('char', source.slice(start, i), start);
      } else if (c === '$') {
        i++;
        while (i < source.length && /[\p{L}\p{N}_]/u.test(source[i]!)) i++;
        push('variable', source.slice(start, i), start);
      } else if (c === '.' && !/[0-9]/.test(source[i + 1] ?? '')) {
        i++;
        while (i < source.length && /[\p{L}\p{N}_]/u.test(source[i]!)) i++;
        push(i === start + 1 ? 'dot' : 'field', source.slice(start, i), start);
      } else if (/[0-9+\-.]/.test(c)) {
        while (i < source.length && /[0-9a-zA-Z_.+-]/.test(source[i]!)) {
          if ((source[i] === '+' || source[i] === '-') && i > start && !/[eEpP]/.test(source[i - 1]!)) break;
          i++;
        }
        push('number', source.slice(start, i), start);
      } else if (/[\p{L}_]/u.test(c)) {
        while (i < source.length && /[\p{L}\p{N}_]/u.test(source[i]!)) i++;
        const word = source.slice(start, i);
        push(
          KEYWORDS.has(word)
            ? 'keyword'
            : word === 'true' || word === 'false'
              ? 'bool'
              : word === 'nil'
                ? 'nil'
                : 'identifier',
          word,
          start,
        );
      } else {
        const code = c.codePointAt(0)!;
        fail(i, `unrecognized character in action: U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
      }
    }
  }
  push('eof', '', source.length);
  return tokens;
}

function skipBlanks(source: string, i: number): number {
  while (i < source.length && /[\t\n\r ]/.test(source[i]!)) i++;
  return i;
}
