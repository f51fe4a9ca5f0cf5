import { describe, expect, it } from 'vitest';
import { checkSymlinkTarget, normalizeEntryPath, normalizeHardlinkTarget } from './path';
import { TarError } from './tar-error';

describe('normalizeEntryPath', () => {
  // [raw tar name, cleaned path] — the forms GNU tar, Go and docker save actually write.
  const cleaned: [string, string][] = [
    ['etc/hosts', 'etc/hosts'],
    ['./etc/hosts', 'etc/hosts'],
    ['usr/bin/', 'usr/bin'],
    ['./usr/bin/', 'usr/bin'],
    ['a//b///c', 'a/b/c'],
    ['a/./b', 'a/b'],
    ['a/../b', 'b'],
    ['a/b/../../c', 'c'],
    ['./', ''],
    ['.', ''],
    ['', ''],
    ['a/..', ''],
    ['.wh..wh..opq', '.wh..wh..opq'],
    ['etc/.wh.motd', 'etc/.wh.motd'],
    ['...', '...'],
    ['..a/b..', '..a/b..'],
    ['café/naïve ☕', 'café/naïve ☕'],
  ];
  it.each(cleaned)('%j → %j', (raw, path) => {
    expect(normalizeEntryPath(raw)).toBe(path);
  });

  // [raw name, the end of the error message] — every form of escaping the root, and the other refusals.
  const refused: [string, string][] = [
    ['..', 'invalid path "..": path escapes the root'],
    ['../etc/passwd', 'invalid path "../etc/passwd": path escapes the root'],
    ['./../x', 'invalid path "./../x": path escapes the root'],
    ['a/../../x', 'invalid path "a/../../x": path escapes the root'],
    ['a/b/../../../x', 'invalid path "a/b/../../../x": path escapes the root'],
    ['../a/../b', 'invalid path "../a/../b": path escapes the root'],
    ['a/../..', 'invalid path "a/../..": path escapes the root'],
    ['/etc/passwd', 'invalid path "/etc/passwd": path is absolute'],
    ['/', 'invalid path "/": path is absolute'],
    ['//x', 'invalid path "//x": path is absolute'],
    ['a\0b', 'invalid path "a\\u0000b": contains a NUL byte'],
    ['bad\ud800', 'invalid path "bad\\ud800": not valid Unicode'],
  ];
  it.each(refused)('refuses %j', (raw, message) => {
    expect(() => normalizeEntryPath(raw)).toThrow(TarError);
    expect(() => normalizeEntryPath(raw)).toThrow(message);
  });
});

describe('normalizeHardlinkTarget', () => {
  it.each([
    ['b', 'etc/hosts', 'etc/hosts'],
    ['b', './etc/hosts', 'etc/hosts'],
    ['a/b/c', 'x/../y', 'y'],
  ])('%j -> %j is %j', (link, target, expected) => {
    expect(normalizeHardlinkTarget(link, target)).toBe(expected);
  });

  it.each([
    ['usr/x', '../etc/shadow', 'invalid hardlink "usr/x" -> "../etc/shadow": path escapes the root'],
    ['usr/x', 'a/../../b', 'invalid hardlink "usr/x" -> "a/../../b": path escapes the root'],
    ['usr/x', '/etc/shadow', 'invalid hardlink "usr/x" -> "/etc/shadow": path is absolute'],
    ['usr/x', '', 'invalid hardlink "usr/x" -> "": target is the root'],
    ['usr/x', './', 'invalid hardlink "usr/x" -> "./": target is the root'],
  ])('refuses %j -> %j', (link, target, message) => {
    expect(() => normalizeHardlinkTarget(link, target)).toThrow(new TarError(message));
  });
});

describe('checkSymlinkTarget', () => {
  // A relative target is resolved from the link's directory; absolute ones stay inside the container.
  it.each([
    ['bin/sh', 'busybox'],
    ['bin/sh', '/bin/busybox'],
    ['bin/sh', '/../../../etc/passwd'],
    ['usr/lib/x', '../../etc/os-release'],
    ['usr/lib/x', '../..'],
    ['usr/lib/x', './y/../../z'],
    ['x', '.'],
    ['a/b/c/d', '../../../e'],
  ])('accepts %j -> %j', (link, target) => {
    expect(() => checkSymlinkTarget(link, target)).not.toThrow();
  });

  it.each([
    ['x', '..', 'path escapes the root'],
    ['x', '../etc/passwd', 'path escapes the root'],
    ['usr/lib/x', '../../../etc', 'path escapes the root'],
    ['a/b', '../../a', 'path escapes the root'],
    ['a/b', 'c/../../../a', 'path escapes the root'],
    ['x', '', 'empty target'],
    ['x', 'a\0b', 'contains a NUL byte'],
  ])('refuses %j -> %j', (link, target, why) => {
    expect(() => checkSymlinkTarget(link, target)).toThrow(
      new TarError(`invalid symlink ${JSON.stringify(link)} -> ${JSON.stringify(target)}: ${why}`),
    );
  });
});
