// Evaluating mini-language trees. Operators behave as in the real languages for the values the
// subset has: JavaScript's `+` concatenates as soon as one side is a string, `/` is always float
// division, `==` compares loosely; Python's `/` gives a float, `//` floors, `%` takes the sign of
// the divisor, `+` of str and int is a TypeError, and dividing by zero is a ZeroDivisionError.
import type { Expr, Stmt } from './ast';
import type { Dialect } from './tokens';
import { bool, jsString, list, NONE, num, pyType, repr, str, toJson, truthy, UNDEF, type Value } from './values';

/** An error the program itself raises (`NameError`, `ReferenceError`…), at a source offset. */
export class MiniRuntimeError extends Error {
  override name = 'MiniRuntimeError';
  constructor(
    readonly kind: string,
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

/** `process.exit(n)` / `sys.exit(n)`. */
export class MiniExit extends Error {
  override name = 'MiniExit';
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export type Scope = Map<string, Value>;

export class Evaluator {
  constructor(
    readonly dialect: Dialect,
    readonly scope: Scope,
    /** Modules `import x` (py) can bring in. */
    private readonly modules: ReadonlyMap<string, Value> = new Map(),
  ) {}

  private fail(kind: string, message: string, pos: number): never {
    throw new MiniRuntimeError(kind, message, pos);
  }

  run(program: readonly Stmt[]): Value {
    let last: Value = UNDEF;
    for (const s of program) {
      if (s.k === 'let') this.scope.set(s.name, (last = this.eval(s.value)));
      else if (s.k === 'import') {
        const m = this.modules.get(s.module);
        if (!m) this.fail('ModuleNotFoundError', `No module named '${s.module}'`, s.pos);
        this.scope.set(s.as, m);
        last = NONE;
      } else last = this.eval(s.expr);
    }
    return last;
  }

  eval(e: Expr): Value {
    switch (e.k) {
      case 'lit':
        return e.value;
      case 'name': {
        const v = this.scope.get(e.name);
        if (v !== undefined) return v;
        return this.dialect === 'py'
          ? this.fail('NameError', `name '${e.name}' is not defined`, e.pos)
          : this.fail('ReferenceError', `${e.name} is not defined`, e.pos);
      }
      case 'template':
        return str(e.parts.map((p) => (typeof p === 'string' ? p : this.text(this.eval(p)))).join(''));
      case 'list':
        return list(e.items.map((x) => this.eval(x)));
      case 'dict':
        return { t: 'dict', v: new Map(e.entries.map(([k, v]) => [this.text(this.eval(k)), this.eval(v)])) };
      case 'unary':
        return this.unary(e.op, this.eval(e.arg), e.pos);
      case 'binary':
        return this.binary(e);
      case 'cond':
        return truthy(this.eval(e.test)) ? this.eval(e.then) : this.eval(e.otherwise);
      case 'member':
        return this.member(this.eval(e.object), e.prop, e.pos);
      case 'index':
        return this.index(this.eval(e.object), this.eval(e.index), e.pos);
      case 'call': {
        const callee = this.eval(e.callee);
        if (callee.t !== 'fn') {
          const what = e.callee.k === 'member' ? `${exprText(e.callee)}` : exprText(e.callee);
          return this.dialect === 'py'
            ? this.fail('TypeError', `'${pyType(callee)}' object is not callable`, e.pos)
            : this.fail('TypeError', `${what} is not a function`, e.pos);
        }
        const kwargs = new Map(e.kwargs.map(([k, v]) => [k, this.eval(v)]));
        try {
          return callee.call(
            e.args.map((a) => this.eval(a)),
            kwargs,
          );
        } catch (err) {
          if (err instanceof BuiltinError) this.fail(err.kind, err.message, e.pos);
          throw err;
        }
      }
    }
  }

  /** How a value becomes text in a template / f-string / str(). */
  text(v: Value): string {
    return this.dialect === 'py' ? (v.t === 'str' ? v.v : repr(v, 'py')) : jsString(v);
  }

  private unary(op: string, v: Value, pos: number): Value {
    if (op === '!' || op === 'not') return bool(!truthy(v));
    if (op === 'typeof')
      return str(
        v.t === 'num'
          ? 'number'
          : v.t === 'str'
            ? 'string'
            : v.t === 'bool'
              ? 'boolean'
              : v.t === 'undef'
                ? 'undefined'
                : v.t === 'fn'
                  ? 'function'
                  : 'object',
      );
    const n = this.numeric(v, op, pos);
    return num(op === '-' ? -n.v : n.v, n.int);
  }

  private numeric(v: Value, op: string, pos: number): { v: number; int: boolean } {
    if (v.t === 'num') return { v: v.v, int: v.int };
    if (v.t === 'bool') return { v: v.v ? 1 : 0, int: true };
    if (this.dialect === 'js') return { v: Number(v.t === 'str' ? v.v : v.t === 'none' ? 0 : NaN), int: false };
    return this.fail('TypeError', `bad operand type for unary ${op}: '${pyType(v)}'`, pos);
  }

  private binary(e: Extract<Expr, { k: 'binary' }>): Value {
    const { op } = e;
    if (op === '&&' || op === 'and') {
      const l = this.eval(e.left);
      return truthy(l) ? this.eval(e.right) : l;
    }
    if (op === '||' || op === 'or') {
      const l = this.eval(e.left);
      return truthy(l) ? l : this.eval(e.right);
    }
    if (op === '??') {
      const l = this.eval(e.left);
      return l.t === 'none' || l.t === 'undef' ? this.eval(e.right) : l;
    }
    const l = this.eval(e.left);
    const r = this.eval(e.right);
    return this.dialect === 'js' ? this.jsBinary(op, l, r) : this.pyBinary(op, l, r, e.pos);
  }

  private jsBinary(op: string, l: Value, r: Value): Value {
    const n = (v: Value) =>
      v.t === 'num' ? v.v : v.t === 'bool' ? Number(v.v) : v.t === 'str' ? Number(v.v) : v.t === 'none' ? 0 : NaN;
    switch (op) {
      case '+':
        if (l.t === 'str' || r.t === 'str' || l.t === 'list' || r.t === 'list' || l.t === 'dict' || r.t === 'dict')
          return str(jsString(l) + jsString(r));
        return num(n(l) + n(r));
      case '-':
        return num(n(l) - n(r));
      case '*':
        return num(n(l) * n(r));
      case '/':
        return num(n(l) / n(r));
      case '%':
        return num(n(l) % n(r));
      case '**':
        return num(n(l) ** n(r));
      case '===':
      case '!==': {
        const same =
          l.t === r.t &&
          (l.t === 'list' || l.t === 'dict'
            ? l === r
            : toJson(l) === toJson(r) && (l.t !== 'num' || (l as { v: number }).v === (r as { v: number }).v));
        return bool(op === '===' ? same : !same);
      }
      case '==':
      case '!=': {
        const nullish = (v: Value) => v.t === 'none' || v.t === 'undef';
        const same =
          nullish(l) || nullish(r)
            ? nullish(l) && nullish(r)
            : l.t === 'str' && r.t === 'str'
              ? l.v === r.v
              : n(l) === n(r);
        return bool(op === '==' ? same : !same);
      }
      default:
        if (l.t === 'str' && r.t === 'str') return bool(compare(op, l.v < r.v ? -1 : l.v > r.v ? 1 : 0));
        return bool(compare(op, n(l) - n(r)));
    }
  }

  private pyBinary(op: string, l: Value, r: Value, pos: number): Value {
    const bad = (): never =>
      this.fail('TypeError', `unsupported operand type(s) for ${op}: '${pyType(l)}' and '${pyType(r)}'`, pos);
    const isNum = (v: Value) => v.t === 'num' || v.t === 'bool';
    if (op === '==' || op === '!=') {
      const same =
        isNum(l) && isNum(r)
          ? this.numeric(l, op, pos).v === this.numeric(r, op, pos).v
          : repr(l, 'py') === repr(r, 'py');
      return bool(op === '==' ? same : !same);
    }
    if (op === 'is' || op === 'is not') return bool((l === r || (l.t === 'none' && r.t === 'none')) === (op === 'is'));
    if (op === 'in' || op === 'not in') {
      const has =
        r.t === 'str' && l.t === 'str'
          ? r.v.includes(l.v)
          : r.t === 'list'
            ? r.v.some((x) => repr(x, 'py') === repr(l, 'py'))
            : r.t === 'dict'
              ? r.v.has(this.text(l))
              : bad();
      return bool(has === (op === 'in'));
    }
    if (op === '+' && l.t === 'str')
      return r.t === 'str'
        ? str(l.v + r.v)
        : this.fail('TypeError', `can only concatenate str (not "${pyType(r)}") to str`, pos);
    if (op === '+' && l.t === 'list')
      return r.t === 'list'
        ? list([...l.v, ...r.v])
        : this.fail('TypeError', `can only concatenate list (not "${pyType(r)}") to list`, pos);
    if (op === '*' && (l.t === 'str' || l.t === 'list') && r.t === 'num' && r.int)
      return l.t === 'str'
        ? str(l.v.repeat(Math.max(0, r.v)))
        : list(Array.from({ length: Math.max(0, r.v) }, () => l.v).flat());
    if (['<', '>', '<=', '>='].includes(op)) {
      if (l.t === 'str' && r.t === 'str') return bool(compare(op, l.v < r.v ? -1 : l.v > r.v ? 1 : 0));
      if (!isNum(l) || !isNum(r))
        this.fail('TypeError', `'${op}' not supported between instances of '${pyType(l)}' and '${pyType(r)}'`, pos);
      return bool(compare(op, this.numeric(l, op, pos).v - this.numeric(r, op, pos).v));
    }
    if (!isNum(l) || !isNum(r)) return bad();
    const a = this.numeric(l, op, pos);
    const b = this.numeric(r, op, pos);
    const ints = a.int && b.int;
    switch (op) {
      case '+':
        return num(a.v + b.v, ints);
      case '-':
        return num(a.v - b.v, ints);
      case '*':
        return num(a.v * b.v, ints);
      case '/':
        if (b.v === 0) this.fail('ZeroDivisionError', ints ? 'division by zero' : 'float division by zero', pos);
        return num(a.v / b.v, false);
      case '//':
        if (b.v === 0)
          this.fail(
            'ZeroDivisionError',
            ints ? 'integer division or modulo by zero' : 'float floor division by zero',
            pos,
          );
        return num(Math.floor(a.v / b.v), ints);
      case '%':
        if (b.v === 0) this.fail('ZeroDivisionError', ints ? 'integer modulo by zero' : 'float modulo', pos);
        return num(a.v - b.v * Math.floor(a.v / b.v), ints);
      case '**':
        return num(a.v ** b.v, ints && b.v >= 0);
      default:
        return bad();
    }
  }

  private member(o: Value, prop: string, pos: number): Value {
    if (o.t === 'dict' && this.dialect === 'js') return o.v.get(prop) ?? UNDEF;
    if (o.t === 'dict' && o.v.has(prop)) return o.v.get(prop)!;
    const method = methodOf(o, prop, this.dialect);
    if (method) return method;
    if (this.dialect === 'js') {
      if (o.t === 'none' || o.t === 'undef')
        this.fail('TypeError', `Cannot read properties of ${repr(o, 'js')} (reading '${prop}')`, pos);
      return UNDEF;
    }
    return this.fail('AttributeError', `'${pyType(o)}' object has no attribute '${prop}'`, pos);
  }

  private index(o: Value, i: Value, pos: number): Value {
    if (o.t === 'dict') {
      const v = o.v.get(this.text(i));
      if (v !== undefined) return v;
      return this.dialect === 'py' ? this.fail('KeyError', repr(i, 'py'), pos) : UNDEF;
    }
    if ((o.t === 'list' || o.t === 'str') && i.t === 'num') {
      const items = o.t === 'list' ? o.v : [...o.v].map(str);
      const at = i.v < 0 && this.dialect === 'py' ? items.length + i.v : i.v;
      const v = items[at];
      if (v !== undefined) return v;
      return this.dialect === 'py'
        ? this.fail('IndexError', `${o.t === 'list' ? 'list' : 'string'} index out of range`, pos)
        : UNDEF;
    }
    return this.dialect === 'py' ? this.fail('TypeError', `'${pyType(o)}' object is not subscriptable`, pos) : UNDEF;
  }
}

function compare(op: string, d: number): boolean {
  return op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
}

/** An error a builtin raises; the evaluator attaches the call's position. */
export class BuiltinError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

function exprText(e: Expr): string {
  if (e.k === 'name') return e.name;
  if (e.k === 'member') return `${exprText(e.object)}.${e.prop}`;
  return 'expression';
}

/** Methods and properties of strings and lists. */
function methodOf(o: Value, prop: string, dialect: Dialect): Value | undefined {
  const f = (call: (args: Value[]) => Value): Value => ({ t: 'fn', name: prop, call });
  const arg = (args: Value[], i: number) => (args[i]?.t === 'str' ? (args[i] as { v: string }).v : '');
  if (o.t === 'str') {
    const s = o.v;
    if (dialect === 'js' && prop === 'length') return num(s.length);
    const table: Record<string, () => Value> = {
      toUpperCase: () => f(() => str(s.toUpperCase())),
      upper: () => f(() => str(s.toUpperCase())),
      toLowerCase: () => f(() => str(s.toLowerCase())),
      lower: () => f(() => str(s.toLowerCase())),
      trim: () => f(() => str(s.trim())),
      strip: () => f(() => str(s.trim())),
      split: () =>
        f((a) => list((dialect === 'py' && a.length === 0 ? s.trim().split(/\s+/) : s.split(arg(a, 0))).map(str))),
      includes: () => f((a) => bool(s.includes(arg(a, 0)))),
      startsWith: () => f((a) => bool(s.startsWith(arg(a, 0)))),
      startswith: () => f((a) => bool(s.startsWith(arg(a, 0)))),
      endswith: () => f((a) => bool(s.endsWith(arg(a, 0)))),
      replace: () =>
        f((a) => str(dialect === 'py' ? s.split(arg(a, 0)).join(arg(a, 1)) : s.replace(arg(a, 0), arg(a, 1)))),
      repeat: () => f((a) => str(s.repeat(a[0]?.t === 'num' ? a[0].v : 0))),
    };
    return table[prop]?.();
  }
  if (o.t === 'list') {
    if (dialect === 'js' && prop === 'length') return num(o.v.length);
    if (prop === 'join')
      return f((a) => str(o.v.map((x) => (x.t === 'str' ? x.v : repr(x, dialect))).join(a.length ? arg(a, 0) : ',')));
    if (prop === 'append' && dialect === 'py') return f((a) => (o.v.push(a[0] ?? NONE), NONE));
    if (prop === 'push' && dialect === 'js') return f((a) => (o.v.push(...a), num(o.v.length)));
  }
  if (o.t === 'num' && dialect === 'js' && prop === 'toFixed')
    return f((a) => str(o.v.toFixed(a[0]?.t === 'num' ? a[0].v : 0)));
  if (o.t === 'dict' && dialect === 'py') {
    if (prop === 'get') return f((a) => o.v.get(arg(a, 0)) ?? a[1] ?? NONE);
    if (prop === 'keys') return f(() => list([...o.v.keys()].map(str)));
    if (prop === 'items') return f(() => list([...o.v].map(([k, v]) => list([str(k), v]))));
  }
  return undefined;
}
