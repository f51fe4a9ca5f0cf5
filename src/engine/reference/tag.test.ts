import { describe, expect, it } from 'vitest';
import { InvalidReferenceError, ReferenceRefusedError, TagFormatError } from './errors';
import { fullString } from './reference';
import { isValidTag, parseTag, parseTagTarget } from './tag';

describe('tag grammar [\\w][\\w.-]{0,127}', () => {
  it.each([
    'latest',
    '3.20',
    'v1.2.3-rc.1',
    '_private',
    'UPPER',
    '0',
    'a..b',
    'a--b',
    'a__b',
    'x.',
    'x-',
    'a'.repeat(128),
  ])('accepts %s', (tag) => {
    expect(isValidTag(tag)).toBe(true);
    expect(parseTag(tag)).toBe(tag);
  });

  it.each(['', '.x', '-x', 'a b', 'a:b', 'a/b', 'a@b', 'a+b', 'é', 'a\n', 'a'.repeat(129)])('refuses %j', (tag) => {
    expect(isValidTag(tag)).toBe(false);
    expect(() => parseTag(tag)).toThrow(TagFormatError);
    expect(() => parseTag(tag)).toThrow('invalid tag format');
  });
});

describe('docker tag SOURCE TARGET: the target', () => {
  it.each([
    ['myapp', 'docker.io/library/myapp:latest'],
    ['myapp:v1', 'docker.io/library/myapp:v1'],
    ['myuser/myapp', 'docker.io/myuser/myapp:latest'],
    ['localhost:5000/myapp:v2', 'localhost:5000/myapp:v2'],
  ])('%s → %s', (target, full) => {
    expect(fullString(parseTagTarget(target))).toBe(full);
  });

  it('refuses a digest', () => {
    const target = `busybox@sha256:${'abcdef76720241213f5303bda7704ec4c2ef75613173910a56fb1b6e20251507'}`;
    expect(() => parseTagTarget(target)).toThrow(ReferenceRefusedError);
    expect(() => parseTagTarget(target)).toThrow('refusing to create a tag with a digest reference');
  });

  it('refuses what parseReference refuses', () => {
    expect(() => parseTagTarget('MyApp')).toThrow(InvalidReferenceError);
    expect(() => parseTagTarget('MyApp')).toThrow(
      'invalid reference format: repository name (library/MyApp) must be lowercase',
    );
  });
});
