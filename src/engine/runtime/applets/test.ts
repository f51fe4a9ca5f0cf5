// test and [: the shell's conditions. `[ -f /etc/os-release ]`, `[ "$a" = "$b" ]`, `[ "$n" -gt 3 ]`
// are commands like any other — exit status 0 for true, 1 for false, 2 for a malformed
// expression. POSIX fixes how up to four arguments are read (so `[ "$x" = "!" ]` works whatever
// $x holds); longer ones are parsed with `!`, `-a`, `-o` and parentheses.

import { isFsError } from '../../layer/fs-errors';
import type { ProcessContext } from '../contract';
import { statPath, type PathStats } from '../files';
import { registerApplet } from './registry';

/** A malformed test: the message is printed after the program's (or shell's) prefix. */
export class TestSyntaxError extends Error {
  override name = 'TestSyntaxError';
}

const UNARY = new Set([
  '-e',
  '-f',
  '-d',
  '-h',
  '-L',
  '-r',
  '-w',
  '-x',
  '-s',
  '-b',
  '-c',
  '-p',
  '-S',
  '-u',
  '-g',
  '-k',
  '-t',
  '-z',
  '-n',
  '-O',
  '-G',
]);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export type TestStyle = 'busybox' | 'gnu' | 'dash' | 'bash';

function stat(ctx: ProcessContext, path: string, follow = true): PathStats | undefined {
  try {
    return statPath(ctx, path, { follow });
  } catch (err) {
    if (isFsError(err)) return undefined;
    throw err;
  }
}

function integer(text: string, style: TestStyle): number {
  const t = text.trim();
  if (/^[+-]?\d+$/.test(t)) return Number(t);
  if (style === 'dash') throw new TestSyntaxError(`Illegal number: ${text}`);
  if (style === 'busybox') throw new TestSyntaxError(`invalid number '${text}'`);
  throw new TestSyntaxError(`${text}: integer expression expected`);
}

function unary(ctx: ProcessContext, op: string, arg: string): boolean {
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-t':
      return /^\d+$/.test(arg) && Number(arg) <= 2 && ctx.isatty?.(Number(arg) as 0 | 1 | 2) === true;
    case '-h':
    case '-L':
      return stat(ctx, arg, false)?.type === 'symlink';
  }
  const s = stat(ctx, arg);
  if (s === undefined) return false;
  switch (op) {
    case '-e':
      return true;
    case '-f':
      return s.type === 'file';
    case '-d':
      return s.type === 'dir';
    case '-c':
      return s.type === 'chardev';
    case '-b':
    case '-p':
    case '-S':
      return false;
    case '-r':
    case '-w':
      return ctx.uid === 0 || (s.mode & (op === '-r' ? 0o444 : 0o222)) !== 0;
    case '-x':
      return s.type === 'dir' || (s.mode & 0o111) !== 0;
    case '-s':
      return s.size > 0;
    case '-u':
      return (s.mode & 0o4000) !== 0;
    case '-g':
      return (s.mode & 0o2000) !== 0;
    case '-k':
      return (s.mode & 0o1000) !== 0;
    case '-O':
      return s.uid === ctx.uid;
    case '-G':
      return s.gid === ctx.gid;
    default:
      return false;
  }
}

function binary(ctx: ProcessContext, a: string, op: string, b: string, style: TestStyle): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-nt':
    case '-ot': {
      const sa = stat(ctx, a);
      const sb = stat(ctx, b);
      if (op === '-nt') return sa !== undefined && (sb === undefined || sa.mtime > sb.mtime);
      return sb !== undefined && (sa === undefined || sa.mtime < sb.mtime);
    }
    case '-ef':
      return stat(ctx, a) !== undefined && ctx.fs.realpath(a) === ctx.fs.realpath(b);
  }
  const x = integer(a, style);
  const y = integer(b, style);
  return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op] ?? false;
}

/** Evaluate a test expression (the arguments without `[`/`]`). Throws TestSyntaxError. */
export function evaluateTest(ctx: ProcessContext, args: readonly string[], style: TestStyle): boolean {
  const n = args.length;
  const [a, b, c, d] = args as [string, string, string, string];
  if (n === 0) return false;
  if (n === 1) return a !== '';
  if (n === 2) {
    if (a === '!') return b === '';
    if (UNARY.has(a)) return unary(ctx, a, b);
    throw new TestSyntaxError(style === 'bash' ? `${a}: unary operator expected` : 'unknown operand');
  }
  if (n === 3) {
    if (BINARY.has(b)) return binary(ctx, a, b, c, style);
    if (a === '!') return !evaluateTest(ctx, [b, c], style);
    if (a === '(' && c === ')') return b !== '';
    if (b === '-a') return a !== '' && c !== '';
    if (b === '-o') return a !== '' || c !== '';
  }
  if (n === 4) {
    if (a === '!') return !evaluateTest(ctx, [b, c, d], style);
    if (a === '(' && d === ')') return evaluateTest(ctx, [b, c], style);
  }
  return new ExpressionParser(ctx, args, style).parse();
}

/** The general grammar: or := and (-o and)*; and := not (-a not)*; not := ! not | primary. */
class ExpressionParser {
  private pos = 0;
  constructor(
    private readonly ctx: ProcessContext,
    private readonly args: readonly string[],
    private readonly style: TestStyle,
  ) {}

  parse(): boolean {
    const v = this.or();
    if (this.pos < this.args.length)
      throw new TestSyntaxError(this.style === 'bash' ? 'too many arguments' : 'unknown operand');
    return v;
  }

  private or(): boolean {
    let v = this.and();
    while (this.args[this.pos] === '-o') {
      this.pos++;
      v = this.and() || v;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.pos] === '-a') {
      this.pos++;
      v = this.not() && v;
    }
    return v;
  }

  private not(): boolean {
    if (this.args[this.pos] === '!') {
      this.pos++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args[this.pos];
    if (a === undefined) throw new TestSyntaxError(this.style === 'bash' ? 'argument expected' : 'missing argument');
    if (a === '(') {
      this.pos++;
      const v = this.or();
      if (this.args[this.pos] !== ')') throw new TestSyntaxError(this.style === 'bash' ? "`)' expected" : 'missing )');
      this.pos++;
      return v;
    }
    const op = this.args[this.pos + 1];
    if (op !== undefined && BINARY.has(op) && this.args[this.pos + 2] !== undefined) {
      this.pos += 3;
      return binary(this.ctx, a, op, this.args[this.pos - 1] as string, this.style);
    }
    if (UNARY.has(a) && op !== undefined) {
      this.pos += 2;
      return unary(this.ctx, a, op);
    }
    this.pos++;
    return a !== '';
  }
}

/**
 * Run `test`/`[` with `args` (including the final `]` for `[`): 0 true, 1 false, 2 error (the
 * message is returned for the caller to print in its own form).
 */
export function runTest(
  ctx: ProcessContext,
  bracket: boolean,
  args: readonly string[],
  style: TestStyle,
): { status: number; error?: string } {
  let expr = args;
  if (bracket) {
    if (args[args.length - 1] !== ']') return { status: 2, error: style === 'bash' ? "missing `]'" : 'missing ]' };
    expr = args.slice(0, -1);
  }
  try {
    return { status: evaluateTest(ctx, expr, style) ? 0 : 1 };
  } catch (err) {
    if (err instanceof TestSyntaxError) return { status: 2, error: err.message };
    throw err;
  }
}

registerApplet(['test', '[', '[['], async (tool) => {
  const bracket = tool.name !== 'test';
  const args =
    tool.name === '[[' && tool.args[tool.args.length - 1] === ']]' ? [...tool.args.slice(0, -1), ']'] : tool.args;
  const result = runTest(tool.ctx, bracket, args, tool.gnu ? 'gnu' : 'busybox');
  if (result.error !== undefined) tool.err(`${tool.name}: ${result.error}\n`);
  return result.status;
});
