// Where COPY puts things, on an overlay over a small image (no daemon needed): the destination
// rules, directories copied by content, ownership with and without --chown, and ADD's unpacking.
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import type { FsEntry } from '../../layer/entry';
import { gzip } from '../../layer/gzip';
import { Overlay } from '../../layer/overlay';
import { snapshotFromEntries } from '../../layer/snapshot';
import { writeTar } from '../../layer/tar';
import { normalizeDest, performCopyForInfo } from './copy-apply';
import type { CopyInfo } from './copy-sources';

const dir = (path: string, uid = 0): FsEntry => ({ path, type: 'dir', mode: 0o755, uid, gid: uid, mtime: 100 });
const file = (path: string, text: string, uid = 0): FsEntry => ({
  path,
  type: 'file',
  mode: 0o640,
  uid,
  gid: uid,
  mtime: 200,
  content: utf8(text),
});

const source = new Overlay(
  snapshotFromEntries([
    file('a.txt', 'a', 1000),
    dir('conf', 1000),
    file('conf/x.ini', 'x', 1000),
    dir('conf/sub', 1000),
    file('conf/sub/y.ini', 'y', 1000),
    file('site.tgz', ''),
  ]),
);
const info = (path: string, extra: Partial<CopyInfo> = {}): CopyInfo => ({
  source: { fs: source, fromImage: false, hash: async () => '' },
  path,
  hash: '',
  ...extra,
});
const image = () =>
  new Overlay(snapshotFromEntries([dir('etc'), dir('srv'), file('etc/os-release', 'x')]), { now: () => 500 });
const root = { uid: 0, gid: 0 };

describe('normalizeDest', () => {
  it.each([
    ['/', '/x', '/x'],
    ['/app', 'x', '/app/x'],
    ['/app', 'x/', '/app/x/'],
    ['/app', '.', '/app'],
    ['/app', './', '/app/'],
    ['', 'x', '/x'],
    ['/app', '../x', '/x'],
  ])('WORKDIR %s, dest %s → %s', (workdir, dest, expected) => expect(normalizeDest(workdir, dest)).toBe(expected));
});

describe('performCopyForInfo', () => {
  it('a file: renamed to a new path, into an existing directory, into a path ending in /', () => {
    const fs = image();
    performCopyForInfo(fs, '/renamed', info('a.txt'), { decompress: false, identity: root });
    performCopyForInfo(fs, '/srv', info('a.txt'), { decompress: false, identity: root });
    performCopyForInfo(fs, '/new/dir/', info('a.txt'), { decompress: false, identity: root });
    expect(fs.readText('/renamed')).toBe('a');
    expect(fs.readText('/srv/a.txt')).toBe('a');
    expect(fs.stat('/new/dir/a.txt')).toMatchObject({ uid: 0, gid: 0, mode: 0o640, mtime: 200 });
    expect(fs.stat('/new')).toMatchObject({ type: 'dir', mode: 0o755, mtime: 500 });
  });

  it('a directory: its contents, not itself; the owner becomes the --chown user', () => {
    const fs = image();
    performCopyForInfo(fs, '/etc/app', info('conf'), { decompress: false, identity: { uid: 7, gid: 8 } });
    expect(fs.readdir('/etc/app')).toEqual(['sub', 'x.ini']);
    expect(fs.stat('/etc/app/sub/y.ini')).toMatchObject({ uid: 7, gid: 8 });
    expect(fs.stat('/etc/app')).toMatchObject({ uid: 7, gid: 8, mtime: 100 });
  });

  it('COPY --from keeps the owners the files had', () => {
    const fs = image();
    performCopyForInfo(fs, '/x', info('a.txt'), { decompress: false });
    expect(fs.stat('/x').uid).toBe(1000);
  });

  it('ADD unpacks a gzip’d tar into the destination, keeping the tar’s owners', () => {
    const tgz = gzip(writeTar([dir('site'), file('site/index.html', '<h1>', 33)]));
    const archive = new Overlay(snapshotFromEntries([{ ...file('site.tgz', ''), content: tgz }]));
    const fs = image();
    const add = { ...info('site.tgz'), source: { fs: archive, fromImage: false, hash: async () => '' } };
    performCopyForInfo(fs, '/var/www/', add, { decompress: true, identity: root });
    expect(fs.stat('/var/www/site/index.html')).toMatchObject({ uid: 33, mtime: 200 });
    performCopyForInfo(fs, '/raw/', { ...add, noDecompress: true }, { decompress: true, identity: root });
    expect(fs.readdir('/raw')).toEqual(['site.tgz']);
  });
});
