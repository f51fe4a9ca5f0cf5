import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Evaluator, MiniRuntimeError } from './eval';
import { jsGlobals } from './js-env';
import { parseProgram } from './parse';
import { pyGlobals } from './py-env';
import { MiniSyntaxError } from './tokens';
import { pyFloat } from './values';

function runJs(source: string): string {
  let out = '';
  const globals = jsGlobals({
    out: (t) => (out += t),
    err: (t) => (out += t),
    env: new Map([['PORT', '8080']]),
    version: '22.14.0',
    hostname: 'c0ffee',
    arch: 'x64',
    pid: 1,
    argv: ['/usr/local/bin/node'],
    cwd: '/app',
  });
  new Evaluator('js', globals).run(parseProgram(source, 'js'));
  return out;
}

function runPy(source: string): string {
  let out = '';
  const { globals, modules } = pyGlobals({
    out: (t) => (out += t),
    err: (t) => (out += t),
    env: new Map([['HOME', '/root']]),
    version: '3.13.2',
    build: 'main, Feb  5 2025, 01:48:02) [GCC 12.2.0]',
    machine: 'x86_64',
    argv: ['-c'],
    cwd: '/',
    pid: 1,
  });
  new Evaluator('py', globals, modules).run(parseProgram(source, 'py'));
  return out;
}

describe('node -e: console.log of literals and arithmetic, as node prints them', () => {
  it.each([
    ['console.log(1+1)', '2\n'],
    ['console.log(7/2, 2**10, 10 % 3, -3)', '3.5 1024 1 -3\n'],
    ['console.log(0.1 + 0.2)', '0.30000000000000004\n'],
    ['console.log("a" + 1 + 2)', 'a12\n'],
    ['console.log(1 + 2 + "a")', '3a\n'],
    ['console.log(\'hello\', "world")', 'hello world\n'],
    ['console.log([1, "two", [3]])', "[ 1, 'two', [ 3 ] ]\n"],
    ['console.log({ a: 1, b: "x", "c-d": null })', "{ a: 1, b: 'x', 'c-d': null }\n"],
    ['console.log([], {})', '[] {}\n'],
    ['console.log(true && "yes", null ?? "dflt", 1 === 1.0, "1" == 1, "1" === 1)', 'yes dflt true true false\n'],
    ['console.log(1/0, -1/0, 0/0)', 'Infinity -Infinity NaN\n'],
    ['console.log(`port ${process.env.PORT}`)', 'port 8080\n'],
    ['const x = 6; let y = 7; console.log(x * y)', '42\n'],
    ['console.log(JSON.stringify({ a: [1, "b"], c: undefined }))', '{"a":[1,"b"]}\n'],
    ['console.log(Math.max(3, 9, 4), Math.round(2.5), Math.PI)', '9 3 3.141592653589793\n'],
    ["console.log(require('os').hostname(), process.version)", 'c0ffee v22.14.0\n'],
    ['console.log("abc".toUpperCase(), "a,b".split(","), [1,2].length)', "ABC [ 'a', 'b' ] 2\n"],
    ['console.log(typeof 1, typeof "s", typeof undefined)', 'number string undefined\n'],
    ['console.log(1 > 2 ? "big" : "small")', 'small\n'],
  ])('%s', (src, out) => {
    expect(runJs(src)).toBe(out);
  });

  it.each([
    ['console.log(x)', 'ReferenceError', 'x is not defined'],
    ['console.log(1).foo()', 'TypeError', "Cannot read properties of undefined (reading 'foo')"],
    ['foo()', 'ReferenceError', 'foo is not defined'],
  ])('%s throws %s', (src, kind, message) => {
    expect(() => runJs(src)).toThrow(expect.objectContaining({ kind, message }));
  });

  it.each(['console.log(1+)', 'console.log("open)', 'console.log(1 2)'])('%s is a syntax error', (src) => {
    expect(() => runJs(src)).toThrow(MiniSyntaxError);
  });
});

describe('python3 -c: print of literals and arithmetic, as Python prints them', () => {
  it.each([
    ['print(1+1)', '2\n'],
    ['print(4/2, 7//2, 7%3, -7//2, -7%3, 2**10)', '2.0 3 1 -4 2 1024\n'],
    ['print(-2**2, (-2)**2)', '-4 4\n'],
    ['print(0.1 + 0.2)', '0.30000000000000004\n'],
    ['print(1e16, 1.5e-5, 123.0, 1e-4)', '1e+16 1.5e-05 123.0 0.0001\n'],
    ["print('hello', \"world\", sep='-')", 'hello-world\n'],
    ["print([1, 'two', None, True], {'a': 1})", "[1, 'two', None, True] {'a': 1}\n"],
    ["print('ab' * 3, [0] * 2, 'a' in 'cat')", 'ababab [0, 0] True\n'],
    ['print(len("héllo"), str(42) + "!", int("7") * 2, float("2.5"))', '5 42! 14 2.5\n'],
    ['print(round(2.5), round(3.5), round(2.675, 2), abs(-3))', '2 4 2.67 3\n'],
    ['print(sum([1, 2, 3]), max(3, 9, 4), min([5, 2]), sorted([3, 1, 2]))', '6 9 2 [1, 2, 3]\n'],
    ['print(list(range(3)), range(1, 7, 2))', '[0, 1, 2] [1, 3, 5]\n'],
    ['x = 6\ny = 7\nprint(x * y)', '42\n'],
    ['name = "Ada"; print(f"Hello, {name}! {1 + 1}")', 'Hello, Ada! 2\n'],
    ['import sys; print(sys.version)', '3.13.2 (main, Feb  5 2025, 01:48:02) [GCC 12.2.0]\n'],
    ['import platform; print(platform.python_version())', '3.13.2\n'],
    ['import os; print(os.getenv("HOME"), os.getenv("NOPE", "dflt"))', '/root dflt\n'],
    ['print("yes" if 1 < 2 else "no", not True, 1 == 1.0)', 'yes False True\n'],
    ['import json; print(json.dumps({"a": [1, 2.0, "x,y"]}))', '{"a": [1, 2.0, "x,y"]}\n'],
    ['print()', '\n'],
    ["print('it''s')", 'its\n'],
  ])('%s', (src, out) => {
    expect(runPy(src)).toBe(out);
  });

  it.each([
    ['print(1/0)', 'ZeroDivisionError', 'division by zero'],
    ['print(1.0/0)', 'ZeroDivisionError', 'float division by zero'],
    ['print(1//0)', 'ZeroDivisionError', 'integer division or modulo by zero'],
    ['print(x)', 'NameError', "name 'x' is not defined"],
    ['print("a" + 1)', 'TypeError', 'can only concatenate str (not "int") to str'],
    ['print(1 + "a")', 'TypeError', "unsupported operand type(s) for +: 'int' and 'str'"],
    ['print(int("x"))', 'ValueError', "invalid literal for int() with base 10: 'x'"],
    ['import nope', 'ModuleNotFoundError', "No module named 'nope'"],
    ['print([1][5])', 'IndexError', 'list index out of range'],
  ])('%s raises %s', (src, kind, message) => {
    expect(() => runPy(src)).toThrow(expect.objectContaining({ kind, message }));
  });

  it('a syntax error', () => {
    expect(() => runPy('print(1 +)')).toThrow(MiniSyntaxError);
    expect(() => runPy('print(1 +)')).not.toThrow(MiniRuntimeError);
  });

  it('float repr round-trips: Number(pyFloat(x)) === x for any finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(pyFloat(x))).toBe(x);
      }),
    );
  });

  it('integer arithmetic agrees with Python’s floor-division identity (a == (a//b)*b + a%b)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -50, max: 50 }).filter((b) => b !== 0),
        (a, b) => {
          expect(runPy(`print((${a})//(${b})*(${b}) + (${a})%(${b}))`)).toBe(`${a}\n`);
        },
      ),
      { numRuns: 60 },
    );
  });
});
