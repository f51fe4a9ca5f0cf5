import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../bytes';
import { programOf } from './elf';
import { amd64 } from './platforms';
import { comparePaths, contentSize, DuplicatePathError, FileTree, orderForTar } from './tree';

const at = 1_700_000_000;

describe('FileTree', () => {
  it('creates missing parents like mkdir -p and orders parents first', () => {
    const entries = new FileTree(amd64, at)
      .text('/etc/nginx/conf.d/default.conf', 'x')
      .dir('etc', { mode: 0o700 })
      .entries();
    expect(entries.map((e) => `${e.type} ${e.path}`)).toEqual([
      'dir etc',
      'dir etc/nginx',
      'dir etc/nginx/conf.d',
      'file etc/nginx/conf.d/default.conf',
    ]);
    expect(entries[0]!.mode).toBe(0o700); // an explicit dir() replaces the implied one
    expect(entries.every((e) => e.mtime === at && e.uid === 0)).toBe(true);
  });

  it('refuses the same path twice', () => {
    const t = new FileTree(amd64, at).text('a', 'x');
    expect(() => t.text('a', 'y')).toThrow(DuplicatePathError);
    expect(() => t.program('a', 'a', 10)).toThrow('duplicate path in layer: a');
  });

  it('sizes binaries so file contents add up to the target', () => {
    const t = new FileTree(amd64, at).text('etc/motd', 'hello\n');
    t.program('bin/big', 'big', 9_000).program('bin/small', 'small', 1_000);
    const entries = t.entries(5_000);
    expect(Math.abs(contentSize(entries) - 5_000)).toBeLessThanOrEqual(1);
    const big = entries.find((e) => e.path === 'bin/big')!;
    const small = entries.find((e) => e.path === 'bin/small')!;
    expect(big.content!.length).toBeGreaterThan(small.content!.length * 8);
    expect(programOf(big.content!)).toBe('big');
    expect(big.mode).toBe(0o755);
  });

  it('keeps text exactly as given', () => {
    const [, file] = new FileTree(amd64, at).text('etc/hostname-free', 'ünïcode\n').entries();
    expect(fromUtf8(file!.content!)).toBe('ünïcode\n');
  });
});

describe('ordering for a tar', () => {
  it('compares paths component by component', () => {
    expect(['a-c', 'a/b', 'a'].sort(comparePaths)).toEqual(['a', 'a/b', 'a-c']);
  });

  it('writes a hard link only after the file it names', () => {
    const entries = new FileTree(amd64, at)
      .program('bin/busybox', 'busybox', 100)
      .hardlink('bin/[', 'bin/busybox')
      .hardlink('bin/ash', '/bin/busybox')
      .entries();
    const order = entries.map((e) => e.path);
    expect(order.indexOf('bin/busybox')).toBeLessThan(order.indexOf('bin/['));
    expect(order.indexOf('bin/busybox')).toBeLessThan(order.indexOf('bin/ash'));
    expect(entries.find((e) => e.path === 'bin/ash')!.linkname).toBe('bin/busybox');
  });

  it('keeps a dangling hard link at the end rather than dropping it', () => {
    const out = orderForTar([
      { path: 'x', type: 'hardlink', linkname: 'nowhere', mode: 0o644, uid: 0, gid: 0, mtime: 0 },
    ]);
    expect(out).toHaveLength(1);
  });
});
