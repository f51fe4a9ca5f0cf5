import { describe, expect, it } from 'vitest';
import {
  ContextPathError,
  copyFailed,
  copySourcePath,
  fileNotFoundInContext,
  resolveContextPath,
} from './context-path';

describe('COPY/ADD sources stay inside the build context', () => {
  const inside: [string, string][] = [
    ['app', 'app'],
    ['/app', 'app'],
    ['./app/', 'app'],
    ['/./app', 'app'],
    ['a/b/../c', 'a/c'],
    ['.', '.'],
    ['/', '.'],
    ['a/..', '.'],
    ['//x', 'x'],
  ];
  it.each(inside)('%s → %s', (source, path) => {
    expect(resolveContextPath(source)).toBe(path);
  });

  const outside: [string, string][] = [
    ['../x', 'forbidden path outside the build context: ../x ()'],
    ['./../x', 'forbidden path outside the build context: ../x ()'],
    ['/../x', 'forbidden path outside the build context: ../x ()'],
    ['//../x', 'forbidden path outside the build context: /../x ()'],
    ['a/../../x', 'forbidden path outside the build context: a/../../x ()'],
    ['..', 'forbidden path outside the build context: .. ()'],
  ];
  it.each(outside)('%s is refused', (source, message) => {
    expect(() => resolveContextPath(source)).toThrow(new ContextPathError(message));
  });

  it('follows symbolic links, but only within the context', () => {
    const links: Record<string, string> = { 'lib/current': 'v2', escape: '../../../etc', abs: '/etc/passwd', up: '..' };
    const readLink = (path: string) => links[path];
    expect(resolveContextPath('lib/current/x.so', readLink)).toBe('lib/v2/x.so');
    expect(resolveContextPath('escape/passwd', readLink)).toBe('etc/passwd');
    expect(resolveContextPath('abs', readLink)).toBe('etc/passwd');
    expect(resolveContextPath('up/up/x', readLink)).toBe('x');
  });

  it('gives up on a loop of links', () => {
    expect(() => resolveContextPath('a', (p) => (p === 'a' ? 'b' : p === 'b' ? 'a' : undefined))).toThrow(
      'evalSymlinksInScope: too many links in a',
    );
  });

  it('words the classic builder’s COPY errors', () => {
    expect(copySourcePath('/./x')).toBe('x');
    expect(copyFailed('COPY', fileNotFoundInContext('/missing.txt'))).toBe(
      'COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt: file does not exist',
    );
  });
});
