import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import type { FsEntry } from '../layer/entry';
import { formatG, humanSize, imageSize, layerDiffSize } from './size';

const KB = 1000;
const MB = 1000 * KB;
const GB = 1000 * MB;
const TB = 1000 * GB;
const PB = 1000 * TB;

describe('humanSize with 4 digits = go-units HumanSize (its own TestHumanSize rows)', () => {
  it.each([
    [1000, '1kB'],
    [1024, '1.024kB'],
    [1000000, '1MB'],
    [1048576, '1.049MB'],
    [2 * MB, '2MB'],
    [3.42 * GB, '3.42GB'],
    [5.372 * TB, '5.372TB'],
    [2.22 * PB, '2.22PB'],
    [10000000000000 * PB, '1e+04YB'],
  ])('%d → %s', (size, text) => expect(humanSize(size, 4)).toBe(text));
});

describe('humanSize with 3 digits, as docker images prints', () => {
  it.each([
    [0, '0B'],
    [5, '5B'],
    [999, '999B'],
    [1000, '1kB'],
    [13_312, '13.3kB'],
    [7_800_000, '7.8MB'],
    [7_838_208, '7.84MB'],
    [124_000_000, '124MB'],
    [1_050_000_000, '1.05GB'],
    [187_694_648, '188MB'],
    // Go rounds the exact binary value, ties to even: 1.125 → 1.12, 1.375 → 1.38.
    [1125, '1.12kB'],
    [1375, '1.38kB'],
    // Rounding can carry past 999 within a unit: go-units prints it as Go's %g does.
    [999_500, '1e+03kB'],
  ])('%d → %s', (size, text) => expect(humanSize(size)).toBe(text));

  it('defaults to 3 digits', () => expect(humanSize(1_234_567)).toBe(humanSize(1_234_567, 3)));
});

describe('formatG is Go’s %.*g', () => {
  it.each([
    [0, 3, '0'],
    [100, 3, '100'],
    [120, 2, '1.2e+02'],
    [0.5, 3, '0.5'],
    [0.00001234, 3, '1.23e-05'],
    [0.0001234, 3, '0.000123'],
    [2.5, 1, '2'],
    [3.5, 1, '4'],
    [-1.5, 2, '-1.5'],
    [123456, 6, '123456'],
    [1234567, 6, '1.23457e+06'],
  ])('%d with %d digits → %s', (value, precision, text) => expect(formatG(value, precision)).toBe(text));
});

const file = (path: string, content: string): FsEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtime: 0,
  content: utf8(content),
});
const dir = (path: string): FsEntry => ({ path, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 });
const link = (path: string, type: 'symlink' | 'hardlink', linkname: string): FsEntry => ({
  path,
  type,
  mode: 0o777,
  uid: 0,
  gid: 0,
  mtime: 0,
  linkname,
});

// Rows after moby's pkg/directory tests (the function overlay2 uses to size a layer), plus the
// kinds of entry a layer tar adds.
describe('layerDiffSize', () => {
  it.each<[string, FsEntry[], number]>([
    ['an empty layer', [], 0],
    ['an empty directory', [dir('d')], 0],
    ['one empty file', [dir('d'), file('d/file', '')], 0],
    ['one 5-byte file', [file('file', 'abcde')], 5],
    ['a nested empty directory', [dir('d'), dir('d/nested')], 0],
    ['a 6-byte file and an empty directory', [dir('nested'), file('file', 'docker')], 6],
    ['a file and a nested file', [dir('nested'), file('file', 'docker'), file('nested/file', 'docker')], 12],
    [
      'a hard link counted once',
      [file('bin/busybox', 'x'.repeat(100)), link('bin/sh', 'hardlink', 'bin/busybox')],
      100,
    ],
    [
      'a symlink counts its target',
      [file('bin/busybox', 'x'.repeat(100)), link('bin/sh', 'symlink', '/bin/busybox')],
      112,
    ],
    ['a symlink with a multibyte target', [link('a', 'symlink', 'é')], 2],
    ['a whiteout counts nothing', [dir('etc'), file('etc/.wh.motd', '')], 0],
    ['an opaque marker counts nothing', [dir('etc'), file('etc/.wh..wh..opq', '')], 0],
    ['a path written twice counts the last', [file('f', 'long content'), file('f', 'abc')], 3],
  ])('%s', (_name, entries, size) => expect(layerDiffSize(entries)).toBe(size));
});

describe('imageSize', () => {
  it('adds up the layers', () => {
    expect(imageSize([[file('a', 'abc')], [file('b', 'defg')], []])).toBe(7);
  });

  it('counts a file replaced in an upper layer twice, as the layer store does', () => {
    expect(imageSize([[file('a', 'abc')], [file('a', 'abcdef')]])).toBe(9);
  });
});
