// Arithmetic expansion, `$(( … ))` (XCU 2.6.4): C's integer expressions — `+ - * / %`, comparisons,
// `&& ||`, bit operators, `?:`, assignments (`i += 1`), `++`/`--` — over variables holding
// integers. A variable's value is itself read as a number (empty or unset is 0). Division by zero
// and malformed expressions are errors the shell reports and that end a non-interactive shell.

/** What the evaluator needs from the shell: read and write variables. */
export interface ArithVariables {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {
  override name = 'ArithError';
  constructor(
    readonly kind: 'syntax' | 'divide-by-zero',
    readonly expression: string,
  ) {
    super(kind === 'syntax' ? 'arithmetic syntax error' : 'divide by zero');
  }
}

type Tok = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'op'; v: string };

const OPS = [
  '<<=',
  '>>=',
  '**',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '~',
  '&',
  '^',
  '|',
  '?',
  ':',
  '=',
  '(',
  ')',
  ',',
];

function tokenize(expr: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F]+|\d+#[0-9a-zA-Z@_]+|\d+)/.exec(expr.slice(i));
    if (num !== null) {
      out.push({ t: 'num', v: parseNumber(num[0], expr) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i));
    if (name !== null) {
      out.push({ t: 'name', v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => expr.startsWith(o, i));
    if (op === undefined) throw new ArithError('syntax', expr);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

function parseNumber(text: string, expr: string): number {
  if (/^0[xX]/.test(text)) return parseInt(text.slice(2), 16);
  if (text.includes('#')) {
    const [base, digits] = text.split('#') as [string, string];
    const n = parseInt(digits, Number(base));
    if (Number.isNaN(n)) throw new ArithError('syntax', expr);
    return n;
  }
  if (text.length > 1 && text.startsWith('0')) {
    if (/[89]/.test(text)) throw new ArithError('syntax', expr);
    return parseInt(text, 8);
  }
  return Number(text);
}

/** Integers only, as C's intmax_t arithmetic (exact within JavaScript's 53 bits). */
function int(n: number): number {
  return Math.trunc(n);
}

/** Evaluate an arithmetic expression (already expanded for `$x` and `$(…)`). */
export function evaluateArithmetic(expr: string, vars: ArithVariables): number {
  const toks = tokenize(expr);
  if (toks.length === 0) return 0;
  let pos = 0;
  const peek = () => toks[pos];
  const isOp = (v: string) => {
    const t = toks[pos];
    return t !== undefined && t.t === 'op' && t.v === v;
  };
  const fail = (): never => {
    throw new ArithError('syntax', expr);
  };
  const valueOf = (name: string, depth = 0): number => {
    const raw = (vars.get(name) ?? '').trim();
    if (raw === '') return 0;
    if (/^-?\d+$/.test(raw)) return Number(raw);
    if (depth > 10) fail();
    return evaluateArithmetic(raw, vars);
  };
  // Each level returns either a value, or (for a bare name) a reference for assignment.
  type Ref = { value: number; name?: string };
  let evaluate = true;

  const assignOps = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);
  function expression(): number {
    let v = assignment();
    while (isOp(',')) {
      pos++;
      v = assignment();
    }
    return v;
  }
  function assignment(): number {
    const start = pos;
    const t = peek();
    const next = toks[pos + 1];
    if (t?.t === 'name' && next?.t === 'op' && assignOps.has(next.v)) {
      pos += 2;
      const rhs = assignment();
      const op = next.v;
      const current = op === '=' ? 0 : valueOf(t.v);
      const result = op === '=' ? rhs : binary(op.slice(0, -1), current, rhs);
      if (evaluate) vars.set(t.v, String(result));
      return result;
    }
    pos = start;
    return conditional();
  }
  function conditional(): number {
    const cond = binaryLevel(0);
    if (!isOp('?')) return cond;
    pos++;
    const saved = evaluate;
    evaluate = saved && cond !== 0;
    const a = assignment();
    if (!isOp(':')) fail();
    pos++;
    evaluate = saved && cond === 0;
    const b = conditional();
    evaluate = saved;
    return cond !== 0 ? a : b;
  }
  const LEVELS: string[][] = [
    ['||'],
    ['&&'],
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '<=', '>', '>='],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%'],
    ['**'],
  ];
  function binaryLevel(level: number): number {
    if (level >= LEVELS.length) return unary();
    let left = binaryLevel(level + 1);
    for (;;) {
      const t = peek();
      if (t?.t !== 'op' || !(LEVELS[level] as string[]).includes(t.v)) return left;
      pos++;
      if (t.v === '&&' || t.v === '||') {
        const saved = evaluate;
        if ((t.v === '&&' && left === 0) || (t.v === '||' && left !== 0)) evaluate = false;
        const right = binaryLevel(level + 1);
        evaluate = saved;
        left = t.v === '&&' ? Number(left !== 0 && right !== 0) : Number(left !== 0 || right !== 0);
        continue;
      }
      const right = t.v === '**' ? binaryLevel(level) : binaryLevel(level + 1);
      left = binary(t.v, left, right);
    }
  }
  function binary(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
      case '%':
        if (b === 0) {
          if (!evaluate) return 0;
          throw new ArithError('divide-by-zero', expr);
        }
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '**':
        return a ** b;
      case '<<':
        return a * 2 ** b;
      case '>>':
        return Math.floor(a / 2 ** b);
      case '<':
        return Number(a < b);
      case '<=':
        return Number(a <= b);
      case '>':
        return Number(a > b);
      case '>=':
        return Number(a >= b);
      case '==':
        return Number(a === b);
      case '!=':
        return Number(a !== b);
      case '&':
        return Number(BigInt(a) & BigInt(b));
      case '|':
        return Number(BigInt(a) | BigInt(b));
      case '^':
        return Number(BigInt(a) ^ BigInt(b));
      default:
        return fail();
    }
  }
  function unary(): number {
    const t = peek();
    if (t?.t === 'op') {
      if (t.v === '+' || t.v === '-' || t.v === '!' || t.v === '~') {
        pos++;
        const v = unary();
        return t.v === '+' ? v : t.v === '-' ? -v : t.v === '!' ? Number(v === 0) : -v - 1;
      }
      if (t.v === '++' || t.v === '--') {
        pos++;
        const name = peek();
        if (name?.t !== 'name') fail();
        pos++;
        const v = valueOf((name as { v: string }).v) + (t.v === '++' ? 1 : -1);
        if (evaluate) vars.set((name as { v: string }).v, String(v));
        return v;
      }
    }
    return postfix();
  }
  function postfix(): number {
    const ref = primary();
    const t = peek();
    if (ref.name !== undefined && t?.t === 'op' && (t.v === '++' || t.v === '--')) {
      pos++;
      if (evaluate) vars.set(ref.name, String(ref.value + (t.v === '++' ? 1 : -1)));
    }
    return ref.value;
  }
  function primary(): Ref {
    const t = peek();
    if (t === undefined) return fail();
    pos++;
    if (t.t === 'num') return { value: t.v };
    if (t.t === 'name') return { value: valueOf(t.v), name: t.v };
    if (t.v === '(') {
      const v = expression();
      if (!isOp(')')) fail();
      pos++;
      return { value: v };
    }
    return fail();
  }
  const result = expression();
  if (pos < toks.length) fail();
  return int(result);
}
