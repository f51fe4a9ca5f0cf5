// A Pratt parser for the mini languages. Operator precedence follows each language: in Python
// `-2**2` is -4 and `not` binds looser than comparisons; JavaScript has `===`, `&&`, `??` and
// `a ? b : c` where Python has `==`, `and`, `b if a else c`. Statements are separated by `;` or a
// newline outside brackets. Anything outside the subset is a MiniSyntaxError with the offset.
import type { Expr, Stmt } from './ast';
import { MiniSyntaxError, tokenize, type Dialect, type Token } from './tokens';
import { bool, NONE, num, str, UNDEF, type Value } from './values';

const JS_BINARY: Record<string, number> = {
  '??': 1,
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '===': 3,
  '!==': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
  '**': 7,
};
const PY_BINARY: Record<string, number> = {
  or: 1,
  and: 2,
  '==': 4,
  '!=': 4,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  in: 4,
  'not in': 4,
  is: 4,
  'is not': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '//': 6,
  '%': 6,
  '**': 8,
};

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly dialect: Dialect,
  ) {}

  private peek(): Token {
    let t = this.tokens[this.i]!;
    while (this.depth > 0 && t.kind === 'op' && t.value === '\n') t = this.tokens[++this.i]!;
    return t;
  }
  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }
  private isOp(value: string): boolean {
    const t = this.peek();
    return (t.kind === 'op' || t.kind === 'name') && t.value === value;
  }
  private expect(value: string): void {
    const t = this.next();
    if ((t.kind !== 'op' && t.kind !== 'name') || t.value !== value) throw this.unexpected(t);
  }
  unexpected(t: Token): MiniSyntaxError {
    if (this.dialect === 'py')
      return new MiniSyntaxError(t.kind === 'end' ? "'(' was never closed" : 'invalid syntax', t.pos);
    if (t.kind === 'end') return new MiniSyntaxError('Unexpected end of input', t.pos);
    const text = t.kind === 'op' || t.kind === 'name' ? t.value : t.kind === 'num' ? 'number' : 'string';
    return new MiniSyntaxError(
      t.kind === 'num' ? 'Unexpected number' : t.kind === 'str' ? 'Unexpected string' : `Unexpected token '${text}'`,
      t.pos,
    );
  }

  /** Throw unless every token was used. */
  end(): void {
    const t = this.peek();
    if (t.kind !== 'end') throw this.unexpected(t);
  }

  program(): Stmt[] {
    const out: Stmt[] = [];
    for (;;) {
      while (this.isOp(';') || this.isOp('\n')) this.next();
      if (this.peek().kind === 'end') return out;
      out.push(this.statement());
      const t = this.peek();
      if (t.kind !== 'end' && !this.isOp(';') && !this.isOp('\n')) throw this.unexpected(t);
    }
  }

  private statement(): Stmt {
    const t = this.peek();
    if (t.kind === 'name' && this.dialect === 'js' && ['const', 'let', 'var'].includes(t.value)) {
      this.next();
      const name = this.next();
      if (name.kind !== 'name') throw this.unexpected(name);
      this.expect('=');
      return { k: 'let', name: name.value, value: this.expression(), pos: t.pos };
    }
    if (t.kind === 'name' && this.dialect === 'py' && t.value === 'import') {
      this.next();
      const m = this.next();
      if (m.kind !== 'name') throw this.unexpected(m);
      let as = m.value;
      if (this.isOp('as')) {
        this.next();
        const a = this.next();
        if (a.kind !== 'name') throw this.unexpected(a);
        as = a.value;
      }
      return { k: 'import', module: m.value, as, pos: t.pos };
    }
    const after = this.tokens[this.i + 1];
    if (this.dialect === 'py' && t.kind === 'name' && after?.kind === 'op' && after.value === '=') {
      this.next();
      this.next();
      return { k: 'let', name: t.value, value: this.expression(), pos: t.pos };
    }
    return { k: 'expr', expr: this.expression(), pos: t.pos };
  }

  expression(min = 0): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (this.dialect === 'js' && this.isOp('?') && min === 0) {
        this.next();
        const then = this.expression();
        this.expect(':');
        left = { k: 'cond', test: left, then, otherwise: this.expression(), pos: t.pos };
        continue;
      }
      if (this.dialect === 'py' && this.isOp('if') && min === 0) {
        this.next();
        const test = this.expression(1);
        this.expect('else');
        left = { k: 'cond', test, then: left, otherwise: this.expression(), pos: t.pos };
        continue;
      }
      let op = t.kind === 'op' || t.kind === 'name' ? t.value : '';
      const table = this.dialect === 'js' ? JS_BINARY : PY_BINARY;
      const second = this.tokens[this.i + 1];
      const secondWord = second?.kind === 'name' ? second.value : '';
      if (this.dialect === 'py' && op === 'not' && secondWord === 'in') op = 'not in';
      if (this.dialect === 'py' && op === 'is' && secondWord === 'not') op = 'is not';
      const prec = table[op];
      if (prec === undefined || prec < min) break;
      this.next();
      if (op === 'not in' || op === 'is not') this.next();
      const right = this.expression(op === '**' ? prec : prec + 1);
      left = { k: 'binary', op, left, right, pos: t.pos };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    const py = this.dialect === 'py';
    if (t.kind === 'op' && (t.value === '-' || t.value === '+' || (!py && t.value === '!'))) {
      this.next();
      return { k: 'unary', op: t.value, arg: py ? this.expression(7) : this.unary(), pos: t.pos };
    }
    if (t.kind === 'name' && ((py && t.value === 'not') || (!py && t.value === 'typeof'))) {
      this.next();
      return { k: 'unary', op: t.value, arg: py ? this.expression(3) : this.unary(), pos: t.pos };
    }
    return this.postfix(this.primary());
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      const t = this.tokens[this.i]!;
      if (t.kind !== 'op') return e;
      if (t.value === '.' || t.value === '?.') {
        this.next();
        const name = this.next();
        if (name.kind !== 'name') throw this.unexpected(name);
        e = { k: 'member', object: e, prop: name.value, pos: name.pos };
      } else if (t.value === '[') {
        this.next();
        this.depth++;
        const index = this.expression();
        this.expect(']');
        this.depth--;
        e = { k: 'index', object: e, index, pos: t.pos };
      } else if (t.value === '(') {
        this.next();
        this.depth++;
        const args: Expr[] = [];
        const kwargs: [string, Expr][] = [];
        while (!this.isOp(')')) {
          const a = this.peek();
          const eq = this.tokens[this.i + 1];
          if (this.dialect === 'py' && a.kind === 'name' && eq?.kind === 'op' && eq.value === '=') {
            this.next();
            this.next();
            kwargs.push([a.value, this.expression()]);
          } else args.push(this.expression());
          if (!this.isOp(')')) this.expect(',');
        }
        this.next();
        this.depth--;
        e = { k: 'call', callee: e, args, kwargs, pos: t.pos };
      } else return e;
    }
  }

  private primary(): Expr {
    const t = this.next();
    const py = this.dialect === 'py';
    switch (t.kind) {
      case 'num':
        return { k: 'lit', value: num(t.value, py ? t.isInt : Number.isInteger(t.value)), pos: t.pos };
      case 'str': {
        // Python joins adjacent string literals: 'it' 's' is 'its'.
        let text = t.value;
        for (let n = this.peek(); py && n.kind === 'str'; n = this.peek())
          text += (this.next() as { value: string }).value;
        return { k: 'lit', value: str(text), pos: t.pos };
      }
      case 'template':
        return {
          k: 'template',
          parts: t.parts.map((p) => (typeof p === 'string' ? p : parseExpression(p.source, this.dialect))),
          pos: t.pos,
        };
      case 'name': {
        const literals: Record<string, Value> = py
          ? { True: bool(true), False: bool(false), None: NONE }
          : { true: bool(true), false: bool(false), null: NONE, undefined: UNDEF };
        if (t.value in literals) return { k: 'lit', value: literals[t.value]!, pos: t.pos };
        return { k: 'name', name: t.value, pos: t.pos };
      }
      case 'op':
        if (t.value === '(') {
          this.depth++;
          const e = this.expression();
          this.expect(')');
          this.depth--;
          return e;
        }
        if (t.value === '[') {
          this.depth++;
          const items: Expr[] = [];
          while (!this.isOp(']')) {
            items.push(this.expression());
            if (!this.isOp(']')) this.expect(',');
          }
          this.next();
          this.depth--;
          return { k: 'list', items, pos: t.pos };
        }
        if (t.value === '{') {
          this.depth++;
          const entries: [Expr, Expr][] = [];
          while (!this.isOp('}')) {
            const keyTok = this.peek();
            let key: Expr;
            if (!py && keyTok.kind === 'name') {
              this.next();
              key = { k: 'lit', value: str(keyTok.value), pos: keyTok.pos };
              if (this.isOp(',') || this.isOp('}')) {
                entries.push([key, { k: 'name', name: keyTok.value, pos: keyTok.pos }]);
                if (!this.isOp('}')) this.expect(',');
                continue;
              }
            } else key = this.expression();
            this.expect(':');
            entries.push([key, this.expression()]);
            if (!this.isOp('}')) this.expect(',');
          }
          this.next();
          this.depth--;
          return { k: 'dict', entries, pos: t.pos };
        }
        throw this.unexpected(t);
      default:
        throw this.unexpected(t);
    }
  }
}

export function parseProgram(source: string, dialect: Dialect): Stmt[] {
  return new Parser(tokenize(source, dialect), dialect).program();
}

export function parseExpression(source: string, dialect: Dialect): Expr {
  const tokens = tokenize(source.trim(), dialect);
  const p = new Parser(tokens, dialect);
  const e = p.expression();
  p.end();
  return e;
}
