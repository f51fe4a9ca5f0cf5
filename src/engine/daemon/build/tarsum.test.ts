// tarsum v1 as the classic cache uses it: the header fields that count, the ones that do not (mtime),
// and the dir:/multi: combinations. The expected sums are computed here independently, with Node's
// crypto, from the field list of moby's v1TarHeaderSelect.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import type { FsEntry } from '../../layer/entry';
import { fileSum, hashStringSlice, sourceHash, tarName } from './tarsum';

const sha = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
const file = (over: Partial<FsEntry> = {}): FsEntry => ({
  path: 'app/main.go',
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtime: 1_700_000_000,
  content: utf8('package main\n'),
  ...over,
});

describe('tarsum v1', () => {
  it('hashes the selected header fields, then the content', async () => {
    const header = 'nameapp/main.gomode420uid0gid0size13typeflag0linkname' + 'uname' + 'gname' + 'devmajor0devminor0';
    expect(await fileSum('app/main.go', file())).toBe(sha(header + 'package main\n'));
  });

  it('names a directory with its slash and hashes no content', async () => {
    const dir = file({ type: 'dir', mode: 0o755, content: undefined });
    expect(tarName('app', true)).toBe('app/');
    expect(await fileSum('app/', dir)).toBe(
      sha('nameapp/mode493uid0gid0size0typeflag5linknameunamegnamedevmajor0devminor0'),
    );
  });

  it('ignores the mtime but not the content, mode, owner or link target', async () => {
    const base = await fileSum('a', file());
    expect(await fileSum('a', file({ mtime: 1 }))).toBe(base);
    expect(await fileSum('a', file({ content: utf8('package other\n') }))).not.toBe(base);
    expect(await fileSum('a', file({ mode: 0o755 }))).not.toBe(base);
    expect(await fileSum('a', file({ uid: 1000 }))).not.toBe(base);
    const link = (target: string) => fileSum('l', file({ type: 'symlink', content: undefined, linkname: target }));
    expect(await link('/x')).not.toBe(await link('/y'));
  });

  it('combines hashes as moby hashStringSlice does', async () => {
    expect(await hashStringSlice('dir', ['b', 'a'])).toBe(`dir:${sha('b,a')}`);
    expect(await sourceHash(['file:1'])).toBe('file:1');
    expect(await sourceHash(['file:1', 'dir:2'])).toBe(`multi:${sha('file:1,dir:2')}`);
  });
});
