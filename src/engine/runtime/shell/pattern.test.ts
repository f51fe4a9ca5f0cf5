import { describe, expect, it } from 'vitest';
import { matchGlob, matchPattern, removeAffix, replacePattern } from './pattern';
import { evaluateArithmetic, ArithError } from './arith';

describe('shell patterns', () => {
  it.each([
    ['*.txt', 'a.txt', true],
    ['*.txt', 'a.txt.gz', false],
    ['?', 'a', true],
    ['?', 'ab', false],
    ['[abc]x', 'bx', true],
    ['[!abc]x', 'bx', false],
    ['[a-c]*', 'cat', true],
    ['[[:digit:]][[:upper:]]', '7Q', true],
    ['[]]', ']', true],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
    ['[', '[', true],
    ['*', '.hidden', true],
  ])('%j matches %j: %s', (pattern, text, expected) => {
    expect(matchGlob(pattern, text)).toBe(expected);
  });

  it('treats quoted pieces literally', () => {
    expect(matchPattern([{ text: '*', quoted: true }], 'x')).toBe(false);
    expect(matchPattern([{ text: '*', quoted: true }], '*')).toBe(true);
  });

  it.each([
    ['/usr/local/bin', '*/', 'prefix', false, 'usr/local/bin'],
    ['/usr/local/bin', '*/', 'prefix', true, 'bin'],
    ['a.tar.gz', '.*', 'suffix', false, 'a.tar'],
    ['a.tar.gz', '.*', 'suffix', true, 'a'],
    ['abc', 'x', 'prefix', true, 'abc'],
  ] as const)('removes %j with %j (%s, longest=%s)', (value, pattern, side, longest, expected) => {
    expect(removeAffix(value, [{ text: pattern, quoted: false }], side, longest)).toBe(expected);
  });

  it('replaces the first or every match', () => {
    expect(replacePattern('aXbXc', [{ text: 'X', quoted: false }], '-', false)).toBe('a-bXc');
    expect(replacePattern('aXbXc', [{ text: 'X', quoted: false }], '-', true)).toBe('a-b-c');
  });
});

describe('arithmetic', () => {
  const vars = (init: Record<string, string> = {}) => {
    const m = new Map(Object.entries(init));
    return { get: (n: string) => m.get(n), set: (n: string, v: string) => void m.set(n, v), m };
  };
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['7 / 2', 3],
    ['-7 / 2', -3],
    ['7 % 3', 1],
    ['2 ** 10', 1024],
    ['1 << 4', 16],
    ['0x1f', 31],
    ['017', 15],
    ['2#1010', 10],
    ['3 > 2 && 2 > 1', 1],
    ['0 || 0', 0],
    ['!0', 1],
    ['~0', -1],
    ['5 & 3 | 8 ^ 1', 9],
    ['1 ? 2 : 3', 2],
    ['x + 1', 1],
    ['', 0],
  ])('%j = %i', (expr, value) => {
    expect(evaluateArithmetic(expr, vars())).toBe(value);
  });

  it('assigns and increments variables', () => {
    const v = vars({ i: '5' });
    expect(evaluateArithmetic('i += 2', v)).toBe(7);
    expect(evaluateArithmetic('i++', v)).toBe(7);
    expect(v.m.get('i')).toBe('8');
    expect(evaluateArithmetic('--i', v)).toBe(7);
    expect(evaluateArithmetic('j = i * 2', v)).toBe(14);
    expect(v.m.get('j')).toBe('14');
  });

  it('reads a variable holding an expression', () => {
    expect(evaluateArithmetic('a * 2', vars({ a: '1 + 2' }))).toBe(6);
  });

  it.each([['1 +'], ['(1'], ['1 2'], ['09'], ['$']])('%j is a syntax error', (expr) => {
    expect(() => evaluateArithmetic(expr, vars())).toThrow(ArithError);
  });

  it('refuses to divide by zero, but not in a branch that is not taken', () => {
    expect(() => evaluateArithmetic('1 / 0', vars())).toThrow('divide by zero');
    expect(evaluateArithmetic('0 && 1 / 0', vars())).toBe(0);
  });
});
