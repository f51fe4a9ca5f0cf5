// Reading nginx.conf as nginx does (src/core/ngx_conf_file.c): the file is a list of directives,
// each a name and arguments ended by `;`, or a name and arguments followed by a `{ … }` block of
// more directives. Words are split on whitespace; `"…"` and `'…'` quote (with `\` escapes); `#`
// starts a comment; `include` splices in other files — a glob such as `conf.d/*.conf`, relative to
// /etc/nginx — at the point where it stands, which is how the image's default.conf gets into
// the `http { }` block. Errors carry file and line, in nginx's wording.
import type { Overlay } from '../../../layer/overlay';
import { isFsError } from '../../../layer/fs-errors';
import { NginxConfigError } from './conf-error';

export interface Directive {
  name: string;
  args: string[];
  /** The block's directives, for `http { … }`, `server { … }`, `location / { … }`. */
  block?: Directive[];
  file: string;
  line: number;
}

type Token = { kind: 'word'; text: string; line: number } | { kind: ';' | '{' | '}'; line: number };

/** The configuration prefix: relative includes are resolved against it (`--conf-path` of the package). */
export const CONF_PREFIX = '/etc/nginx/';

/** Where `-g` directives come from; nginx names no line for them. */
const COMMAND_LINE = 'command line';

/** nginx turns `\"`, `\'` and `\\` into the character and `\t`, `\r`, `\n` into controls; other pairs stay. */
function unescape(c: string): string {
  if (c === 'n') return '\n';
  if (c === 't') return '\t';
  if (c === 'r') return '\r';
  return c === '"' || c === "'" || c === '\\' ? c : `\\${c}`;
}

function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ';' || c === '{' || c === '}') {
      tokens.push({ kind: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let word = '';
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) {
          word += unescape(text[i + 1]!);
          i += 2;
          continue;
        }
        if (text[i] === '\n') line++;
        word += text[i++];
      }
      if (i >= text.length) {
        if (file === COMMAND_LINE) throw new NginxConfigError('unexpected end of parameter, expecting ";"', file);
        throw new NginxConfigError('unexpected end of file, expecting ";" or "}"', file, line);
      }
      i++;
      tokens.push({ kind: 'word', text: word, line: start });
    } else {
      let word = '';
      while (i < text.length && !/[\s;{}]/.test(text[i]!)) {
        // `${var}` keeps its braces inside a word.
        if (text[i] === '$' && text[i + 1] === '{') {
          const close = text.indexOf('}', i);
          if (close < 0) break;
          word += text.slice(i, close + 1);
          i = close + 1;
          continue;
        }
        if (text[i] === '\\' && i + 1 < text.length) {
          word += unescape(text[i + 1]!);
          i += 2;
          continue;
        }
        word += text[i++];
      }
      tokens.push({ kind: 'word', text: word, line });
    }
  }
  return tokens;
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** Files an `include` names: a plain path must exist; a glob may match nothing. */
function includedFiles(fs: Overlay, pattern: string, file: string, line: number): string[] {
  const path = pattern.startsWith('/') ? pattern : CONF_PREFIX + pattern;
  if (!/[*?[]/.test(path)) return [path];
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash) || '/';
  const matcher = globToRegExp(path.slice(slash + 1));
  try {
    return fs
      .readdir(dir)
      .filter((name) => matcher.test(name))
      .map((name) => `${dir}/${name}`)
      .filter((p) => fs.stat(p).type === 'file');
  } catch (err) {
    if (isFsError(err)) return [];
    throw new NginxConfigError(`include "${pattern}" failed`, file, line);
  }
}

function readConf(fs: Overlay, path: string, from?: { file: string; line: number }): string {
  try {
    return fs.readText(path);
  } catch (err) {
    if (!isFsError(err)) throw err;
    const errno = err.code === 'ENOENT' ? 2 : err.code === 'EISDIR' ? 21 : 20;
    throw new NginxConfigError(`open() "${path}" failed (${errno}: ${err.reason})`, from?.file, from?.line);
  }
}

/** Every file read while parsing, in order, with its text (what `nginx -T` prints). */
export type FilesRead = { path: string; text: string }[];

class Parser {
  private pos = 0;
  constructor(
    private readonly fs: Overlay,
    private readonly tokens: Token[],
    private readonly file: string,
    private readonly depth: number,
    private readonly files?: FilesRead,
  ) {}

  /** Directives until `}` (inside a block) or the end of the file (at the top). */
  list(inBlock: boolean): Directive[] {
    const out: Directive[] = [];
    for (;;) {
      const t = this.tokens[this.pos];
      if (t === undefined) {
        if (inBlock) throw this.error('unexpected end of file, expecting "}"', this.lastLine());
        return out;
      }
      if (t.kind === '}') {
        if (!inBlock) throw this.error('unexpected "}"', t.line);
        this.pos++;
        return out;
      }
      if (t.kind !== 'word') throw this.error(`unexpected "${t.kind}"`, t.line);
      out.push(...this.directive());
    }
  }

  private directive(): Directive[] {
    const head = this.tokens[this.pos++] as Token & { kind: 'word' };
    const args: string[] = [];
    for (;;) {
      const t = this.tokens[this.pos++];
      if (t === undefined) throw this.error('unexpected end of file, expecting ";" or "}"', this.lastLine());
      if (t.kind === 'word') args.push(t.text);
      else if (t.kind === ';') {
        const d: Directive = { name: head.text, args, file: this.file, line: head.line };
        return d.name === 'include' ? this.include(d) : [d];
      } else if (t.kind === '{') {
        return [{ name: head.text, args, block: this.list(true), file: this.file, line: head.line }];
      } else throw this.error('unexpected "}"', t.line);
    }
  }

  private include(d: Directive): Directive[] {
    if (d.args.length !== 1) throw this.error('invalid number of arguments in "include" directive', d.line);
    if (this.depth > 10) throw this.error('include nesting too deep', d.line);
    return includedFiles(this.fs, d.args[0]!, d.file, d.line).flatMap((path) =>
      parseConfFile(this.fs, path, this.depth + 1, { file: d.file, line: d.line }, this.files),
    );
  }

  private lastLine(): number {
    return this.tokens[this.tokens.length - 1]?.line ?? 1;
  }

  private error(reason: string, line: number): NginxConfigError {
    if (this.file !== COMMAND_LINE) return new NginxConfigError(reason, this.file, line);
    const words = reason.startsWith('unexpected end of file') ? 'unexpected end of parameter, expecting ";"' : reason;
    return new NginxConfigError(words, COMMAND_LINE);
  }
}

/** Parse one file (and everything it includes) into directives. */
export function parseConfFile(
  fs: Overlay,
  path: string,
  depth = 0,
  from?: { file: string; line: number },
  files?: FilesRead,
): Directive[] {
  const text = readConf(fs, path, from);
  files?.push({ path, text });
  return new Parser(fs, tokenize(text, path), path, depth, files).list(false);
}

/** Parse the text of `-g` ("global directives" from the command line), as nginx does. */
export function parseGlobalDirectives(fs: Overlay, text: string): Directive[] {
  return new Parser(fs, tokenize(text, COMMAND_LINE), COMMAND_LINE, 0).list(false);
}
