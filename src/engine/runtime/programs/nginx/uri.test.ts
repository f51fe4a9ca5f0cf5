import { describe, expect, it } from 'vitest';
import { parseRequestUri } from './uri';

describe('request URI normalisation', () => {
  it.each([
    ['/', '/', ''],
    ['/index.html?x=1&y=2', '/index.html', 'x=1&y=2'],
    ['//a///b', '/a/b', ''],
    ['/a/./b/', '/a/b/', ''],
    ['/a/../b', '/b', ''],
    ['/a/b/..', '/a/', ''],
    ['/hello%20world.txt', '/hello world.txt', ''],
  ])('%s → %s', (url, uri, args) => {
    expect(parseRequestUri(url)).toEqual({ ok: true, uri, args });
  });

  it.each(['/../etc/passwd', '/a/../../b', '/%2e%2e/x', 'index.html', '/bad%zz', '/nul%00'])(
    '%s is a bad request',
    (url) => {
      expect(parseRequestUri(url).ok).toBe(false);
    },
  );
});
