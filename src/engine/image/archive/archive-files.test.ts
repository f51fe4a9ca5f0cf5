import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../../bytes';
import type { FsEntry } from '../../layer/entry';
import { gzip } from '../../layer/gzip';
import { writeTar } from '../../layer/tar';
import { ArchiveError } from './archive-error';
import { ArchiveFiles } from './archive-files';

const entry = (path: string, type: FsEntry['type'], extra: Partial<FsEntry> = {}): FsEntry => ({
  path,
  type,
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtime: 0,
  ...extra,
});

const archive = ArchiveFiles.read(
  writeTar([
    entry('data', 'dir'),
    entry('data/layer.tar', 'file', { content: utf8('bytes') }),
    entry('v1/layer.tar', 'symlink', { linkname: '../data/layer.tar' }),
    entry('abs', 'symlink', { linkname: '/data/layer.tar' }),
    entry('chain', 'symlink', { linkname: 'v1/layer.tar' }),
    entry('hard', 'hardlink', { linkname: 'data/layer.tar' }),
    entry('loop-a', 'symlink', { linkname: 'loop-b' }),
    entry('loop-b', 'symlink', { linkname: 'loop-a' }),
    entry('dangling', 'symlink', { linkname: 'nowhere' }),
  ]),
);

describe('ArchiveFiles', () => {
  it.each(['data/layer.tar', './data/layer.tar', 'v1/layer.tar', 'abs', 'chain', 'hard'])('finds %s', (path) => {
    expect(fromUtf8(archive.file(path))).toBe('bytes');
  });

  it.each(['data', 'loop-a', 'dangling', 'missing', '../data/layer.tar'])('has no file at %s', (path) => {
    expect(archive.has(path)).toBe(false);
    expect(() => archive.file(path)).toThrow(ArchiveError);
  });

  it('names the missing path as the daemon does', () => {
    expect(() => archive.file('blobs/sha256/abc')).toThrow(
      'invalid archive: blobs/sha256/abc: no such file or directory',
    );
  });

  it('reads a gzip-compressed archive', () => {
    const files = ArchiveFiles.read(gzip(writeTar([entry('a', 'file', { content: utf8('x') })])));
    expect(fromUtf8(files.file('a'))).toBe('x');
  });

  it('refuses what is not a tar', () => {
    expect(() => ArchiveFiles.read(utf8('plain text that is long enough to be more than nothing'))).toThrow(
      /^invalid archive: /,
    );
  });
});
