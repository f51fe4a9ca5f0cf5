import { describe, expect, it } from 'vitest';
import { absolutePath, cleanEntryPath, compareNames, splitPath } from './fs-path';

describe('fs-path', () => {
  it.each<[string, string[] | undefined]>([
    ['etc/hosts', ['etc', 'hosts']],
    ['./etc/', ['etc']],
    ['/etc//hosts', ['etc', 'hosts']],
    ['./', []],
    ['a/../b', ['b']],
    ['a/b/../../..', undefined],
    ['../etc/passwd', undefined],
  ])('cleans the layer entry name %j', (path, names) => {
    expect(cleanEntryPath(path)).toEqual(names);
  });

  it('splits system-call paths keeping `..` for the resolver', () => {
    expect(splitPath('/a/./b/../c/')).toEqual(['a', 'b', '..', 'c']);
    expect(absolutePath([])).toBe('/');
    expect(absolutePath(['etc', 'hosts'])).toBe('/etc/hosts');
  });

  it('orders names byte-wise, as ls does in the C locale', () => {
    expect(['b', 'a-b', 'B', 'a', '.wh.x'].sort(compareNames)).toEqual(['.wh.x', 'B', 'a', 'a-b', 'b']);
  });
});
