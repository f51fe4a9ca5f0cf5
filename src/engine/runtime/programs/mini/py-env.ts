// The builtins and modules a Python one-liner in Dockyard's miniature Python can use: print, len,
// str, int, float, abs, min, max, sum, round, range, sorted, and the modules sys, os, platform,
// math and json. `sys.version` and `platform.python_version()` come from the image's Python.
import { BuiltinError, MiniExit } from './eval';
import { bool, dict, display, fn, list, NONE, num, pyType, repr, str, toJson, truthy, type Value } from './values';

export interface PyHost {
  out(text: string): void;
  err(text: string): void;
  env: ReadonlyMap<string, string>;
  version: string;
  /** `main, Feb  4 2025, 14:51:09) [GCC 12.2.0]`, the rest of sys.version. */
  build: string;
  machine: string;
  argv: string[];
  cwd: string;
  pid: number;
}

const asNumber = (v: Value, what: string): { v: number; int: boolean } => {
  if (v.t === 'num') return { v: v.v, int: v.int };
  if (v.t === 'bool') return { v: Number(v.v), int: true };
  throw new BuiltinError('TypeError', `${what}: '${pyType(v)}'`);
};

const items = (v: Value | undefined): Value[] => {
  if (v?.t === 'list') return v.v;
  if (v?.t === 'str') return [...v.v].map(str);
  if (v?.t === 'dict') return [...v.v.keys()].map(str);
  throw new BuiltinError('TypeError', `'${v ? pyType(v) : 'NoneType'}' object is not iterable`);
};

export function pyGlobals(host: PyHost): { globals: Map<string, Value>; modules: Map<string, Value> } {
  const kwText = (kw: Map<string, Value>, name: string, fallback: string) => {
    const v = kw.get(name);
    return v === undefined || v.t === 'none' ? fallback : v.t === 'str' ? v.v : repr(v, 'py');
  };
  const globals = new Map<string, Value>([
    [
      'print',
      fn('print', (args, kw) => {
        host.out(args.map((a) => display(a, 'py')).join(kwText(kw, 'sep', ' ')) + kwText(kw, 'end', '\n'));
        return NONE;
      }),
    ],
    [
      'len',
      fn('len', ([v]) => {
        if (v?.t === 'str') return num([...v.v].length);
        if (v?.t === 'list') return num(v.v.length);
        if (v?.t === 'dict') return num(v.v.size);
        throw new BuiltinError('TypeError', `object of type '${v ? pyType(v) : 'NoneType'}' has no len()`);
      }),
    ],
    ['str', fn('str', ([v]) => str(v === undefined ? '' : display(v, 'py')))],
    ['repr', fn('repr', ([v]) => str(v === undefined ? '' : repr(v, 'py')))],
    [
      'int',
      fn('int', ([v]) => {
        if (v === undefined) return num(0, true);
        if (v.t === 'str') {
          if (!/^\s*[+-]?\d+\s*$/.test(v.v))
            throw new BuiltinError('ValueError', `invalid literal for int() with base 10: ${repr(v, 'py')}`);
          return num(parseInt(v.v, 10), true);
        }
        return num(
          Math.trunc(asNumber(v, 'int() argument must be a string, a bytes-like object or a real number, not').v),
          true,
        );
      }),
    ],
    [
      'float',
      fn('float', ([v]) => {
        if (v === undefined) return num(0, false);
        if (v.t === 'str') {
          const n = Number(v.v.trim());
          if (v.v.trim() === '' || Number.isNaN(n))
            throw new BuiltinError('ValueError', `could not convert string to float: ${repr(v, 'py')}`);
          return num(n, false);
        }
        return num(asNumber(v, 'float() argument must be a string or a real number, not').v, false);
      }),
    ],
    ['bool', fn('bool', ([v]) => bool(v !== undefined && truthy(v)))],
    [
      'abs',
      fn('abs', ([v]) => {
        const n = asNumber(v ?? NONE, 'bad operand type for abs()');
        return num(Math.abs(n.v), n.int);
      }),
    ],
    [
      'round',
      fn('round', ([v, d]) => {
        const n = asNumber(v ?? NONE, "type NoneType doesn't define __round__ method");
        if (d === undefined) return num(roundHalfEven(n.v), true);
        return num(roundDigits(n.v, asNumber(d, 'digits').v), n.int);
      }),
    ],
    [
      'sum',
      fn('sum', ([v]) =>
        items(v).reduce<Value>(
          (acc, x) => {
            const [a, b] = [
              asNumber(acc, 'unsupported operand'),
              asNumber(x, "unsupported operand type(s) for +: 'int' and"),
            ];
            return num(a.v + b.v, a.int && b.int);
          },
          num(0, true),
        ),
      ),
    ],
    ['max', fn('max', (args) => extreme(args.length === 1 ? items(args[0]) : args, 1))],
    ['min', fn('min', (args) => extreme(args.length === 1 ? items(args[0]) : args, -1))],
    [
      'range',
      fn('range', (args) => {
        const n = args.map((a) => asNumber(a, "'float' object cannot be interpreted as an integer").v);
        const [start, stop, step] = n.length === 1 ? [0, n[0]!, 1] : [n[0]!, n[1]!, n[2] ?? 1];
        const out: Value[] = [];
        for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(num(i, true));
        return list(out);
      }),
    ],
    [
      'sorted',
      fn('sorted', ([v]) =>
        list(
          [...items(v)].sort((a, b) =>
            a.t === 'str' && b.t === 'str'
              ? a.v < b.v
                ? -1
                : a.v > b.v
                  ? 1
                  : 0
              : asNumber(a, 'sort').v - asNumber(b, 'sort').v,
          ),
        ),
      ),
    ],
    ['list', fn('list', ([v]) => list(v === undefined ? [] : [...items(v)]))],
    ['type', fn('type', ([v]) => str(`<class '${v ? pyType(v) : 'NoneType'}'>`))],
  ]);
  const modules = new Map<string, Value>([
    [
      'sys',
      dict([
        ['version', str(`${host.version} (${host.build}`)],
        ['platform', str('linux')],
        ['argv', list(host.argv.map(str))],
        ['executable', str(`/usr/local/bin/python${host.version.split('.').slice(0, 2).join('.')}`)],
        [
          'exit',
          fn('exit', ([code]) => {
            if (code !== undefined && code.t === 'str') host.err(`${code.v}\n`);
            throw new MiniExit(code === undefined || code.t === 'none' ? 0 : code.t === 'num' ? code.v : 1);
          }),
        ],
      ]),
    ],
    [
      'os',
      dict([
        ['environ', dict([...host.env].map(([k, v]) => [k, str(v)]))],
        [
          'getenv',
          fn('getenv', ([k, d]) => {
            const v = host.env.get(k?.t === 'str' ? k.v : '');
            return v === undefined ? (d ?? NONE) : str(v);
          }),
        ],
        ['getcwd', fn('getcwd', () => str(host.cwd))],
        ['getpid', fn('getpid', () => num(host.pid, true))],
        ['name', str('posix')],
      ]),
    ],
    [
      'platform',
      dict([
        ['python_version', fn('python_version', () => str(host.version))],
        ['system', fn('system', () => str('Linux'))],
        ['machine', fn('machine', () => str(host.machine))],
      ]),
    ],
    [
      'math',
      dict([
        ['pi', num(Math.PI, false)],
        ['e', num(Math.E, false)],
        ['sqrt', fn('sqrt', ([v]) => num(Math.sqrt(asNumber(v ?? NONE, 'must be real number, not').v), false))],
        ['floor', fn('floor', ([v]) => num(Math.floor(asNumber(v ?? NONE, 'must be real number, not').v), true))],
        ['ceil', fn('ceil', ([v]) => num(Math.ceil(asNumber(v ?? NONE, 'must be real number, not').v), true))],
      ]),
    ],
    ['json', dict([['dumps', fn('dumps', ([v]) => str(pyJson(v ?? NONE)))]])],
  ]);
  return { globals, modules };
}

/** json.dumps with Python's default separators (`', '` and `': '`). */
function pyJson(v: Value): string {
  if (v.t === 'list') return `[${v.v.map(pyJson).join(', ')}]`;
  if (v.t === 'dict') return `{${[...v.v].map(([k, x]) => `${JSON.stringify(k)}: ${pyJson(x)}`).join(', ')}}`;
  if (v.t === 'num' && !v.int && Number.isInteger(v.v)) return `${v.v}.0`;
  return toJson(v) ?? 'null';
}

/**
 * round(x, n) on the exact decimal value of the double, as Python does: `round(2.675, 2)` is 2.67
 * because 2.675 is really 2.67499999…; an exact tie (0.125) goes to the even digit.
 */
function roundDigits(x: number, digits: number): number {
  if (digits < 0 || digits > 20 || !Number.isFinite(x)) return x;
  const exact = Math.abs(x).toFixed(Math.min(100, digits + 40));
  const tail = exact.slice(exact.indexOf('.') + 1 + digits);
  const fixed = Math.abs(x).toFixed(digits);
  if (/^50*$/.test(tail)) {
    const down = Number(exact.slice(0, exact.indexOf('.') + 1 + digits).replace(/\.$/, ''));
    const lastDigit = Number(fixed.replace('.', '').slice(-1));
    const result = lastDigit % 2 === 0 ? Number(fixed) : down;
    return Math.sign(x) * result;
  }
  return Math.sign(x) * Number(fixed);
}

/** Python's round(): halves go to the even neighbour (`round(2.5)` is 2). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function extreme(values: Value[], sign: 1 | -1): Value {
  if (values.length === 0)
    throw new BuiltinError('ValueError', `${sign > 0 ? 'max' : 'min'}() iterable argument is empty`);
  return values.reduce((best, v) => {
    const d =
      best.t === 'str' && v.t === 'str'
        ? v.v > best.v
          ? 1
          : v.v < best.v
            ? -1
            : 0
        : asNumber(v, 'compare').v - asNumber(best, 'compare').v;
    return d * sign > 0 ? v : best;
  });
}
