// moby's filters.Args rules, row by row.
import { describe, expect, it } from 'vitest';
import { DaemonError } from './api/errors';
import { FilterArgs } from './filters';

describe('FilterArgs', () => {
  it('reads both JSON forms', () => {
    expect(FilterArgs.fromJson('{"a":{"x":true,"y":true}}').get('a')).toEqual(['x', 'y']);
    expect(FilterArgs.fromJson('{"a":["x","y"]}').get('a')).toEqual(['x', 'y']);
    expect(FilterArgs.fromJson('').keys()).toEqual([]);
    expect(FilterArgs.fromJson(null).keys()).toEqual([]);
  });

  it.each(['[1]', '{"a":"x"}', '{"a":[1]}', '{', '"a"'])('refuses %s as invalid filter (400)', (text) => {
    expect(() => FilterArgs.fromJson(text)).toThrow(DaemonError);
    expect(() => FilterArgs.fromJson(text)).toThrow('invalid filter');
  });

  const f = FilterArgs.of({ type: ['image'], container: ['ab'], label: ['a', 'b=2'] });
  it.each([
    ['exact: unfiltered key', () => f.exactMatch('event', 'anything'), true],
    ['exact: listed', () => f.exactMatch('type', 'image'), true],
    ['exact: not listed', () => f.exactMatch('type', 'container'), false],
    ['fuzzy: prefix', () => f.fuzzyMatch('container', 'abcdef'), true],
    ['fuzzy: not a prefix', () => f.fuzzyMatch('container', 'xab'), false],
    ['labels: all present', () => f.matchKeyValues('label', { a: '1', b: '2' }), true],
    ['labels: wrong value', () => f.matchKeyValues('label', { a: '1', b: '3' }), false],
    ['labels: missing key', () => f.matchKeyValues('label', { b: '2' }), false],
    ['labels: none', () => f.matchKeyValues('label', null), false],
    ['labels: unfiltered', () => f.matchKeyValues('nolabel', null), true],
  ])('%s', (_name, run, expected) => {
    expect(run()).toBe(expected);
  });

  it.each([
    [{}, true],
    [{ dangling: ['true'] }, true],
    [{ dangling: ['1'] }, true],
    [{ dangling: ['false'] }, false],
    [{ dangling: ['0'] }, false],
  ])('boolOrDefault %j', (record, expected) => {
    expect(FilterArgs.of(record).boolOrDefault('dangling', true)).toBe(expected);
  });

  it.each([
    [{ dangling: ['true', 'false'] }, "invalid filter 'dangling=[true false]'"],
    [{ dangling: ['maybe'] }, "invalid filter 'dangling=[maybe]'"],
    [{ dangling: [] }, "invalid filter 'dangling'"],
  ])('boolOrDefault refuses %j', (record, message) => {
    expect(() => FilterArgs.of(record).boolOrDefault('dangling', true)).toThrow(message);
  });

  it('validates names', () => {
    expect(() => FilterArgs.of({ x: ['1'] }).validate(['y'])).toThrow("invalid filter 'x'");
    expect(() => FilterArgs.of({ y: ['1'] }).validate(['y'])).not.toThrow();
  });
});
