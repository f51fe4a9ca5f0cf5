import { describe, expect, it } from 'vitest';
import { FsError, type Errno } from './fs-errors';
import { Overlay } from './overlay';
import { snapshotToEntries } from './snapshot-entries';
import { sampleImage, summarize } from './snapshot-fixtures';
import { commitUpper } from './overlay-commit';
import { utf8 } from '../bytes';

function mount(lower = sampleImage()) {
  const clock = { t: 1000 };
  const fs = new Overlay(lower, { now: () => clock.t });
  return { fs, lower, clock, listing: () => summarize(snapshotToEntries(fs.snapshot())) };
}

describe('Overlay reads the merged view', () => {
  it('reads image files, lists directories sorted, and says which layer serves a file', () => {
    const { fs } = mount();
    expect(fs.readText('/etc/hosts')).toBe('127.0.0.1 localhost\n');
    expect(fs.readdir('/etc')).toEqual(['hosts', 'motd', 'mtab', 'os-release', 'ssl']);
    expect(fs.stat('/etc/hosts')).toEqual({
      type: 'file',
      mode: 0o644,
      uid: 0,
      gid: 0,
      mtime: 100,
      size: 20,
      layer: 'lower',
    });
    fs.writeFile('/etc/new', 'n');
    expect(fs.stat('/etc/new').layer).toBe('upper');
    expect(fs.readdir('/etc')).toEqual(['hosts', 'motd', 'mtab', 'new', 'os-release', 'ssl']);
  });

  it('follows symlinks for stat and not for lstat', () => {
    const { fs } = mount();
    expect(fs.stat('/lib').type).toBe('dir');
    expect(fs.lstat('/lib')).toMatchObject({ type: 'symlink', mode: 0o777, size: 7 });
    expect(fs.readText('/lib/libc.so')).toBe('LIBC');
    expect(fs.readlink('/lib')).toBe('usr/lib');
    expect(fs.realpath('/lib/libc.so')).toBe('/usr/lib/libc.so');
  });

  it('keeps `..` at the root, like a chroot', () => {
    const { fs } = mount();
    expect(fs.readText('/../../etc/hosts')).toContain('localhost');
    expect(fs.realpath('/..')).toBe('/');
    expect(fs.realpath('/usr/lib/up/etc')).toBe('/etc'); // up -> ../../.. climbs past the root
    expect(fs.realpath('/usr/lib/up/usr/lib/up/bin')).toBe('/bin');
    expect(fs.at('/etc').realpath('../../../../bin')).toBe('/bin');
  });

  it('takes `..` after a symlink from where the link led', () => {
    const { fs } = mount();
    expect(fs.realpath('/lib/..')).toBe('/usr');
    expect(fs.readdir('/lib/..')).toEqual(['lib']);
  });

  it('resolves relative paths from the working directory', () => {
    const { fs } = mount();
    const etc = fs.at('/etc');
    expect(etc.readText('hosts')).toContain('localhost');
    expect(etc.readText('./ssl/../os-release')).toBe('alpine');
    expect(fs.at('/lib').realpath('.')).toBe('/usr/lib');
    etc.writeFile('hostname', 'box');
    expect(fs.readText('/etc/hostname')).toBe('box');
  });

  it('answers exists without throwing', () => {
    const { fs } = mount();
    expect(fs.exists('/etc/hosts')).toBe(true);
    expect(fs.exists('/nope')).toBe(false);
    expect(fs.exists('/etc/hosts/x')).toBe(false);
    expect(fs.exists('/loop1')).toBe(false);
    expect(fs.exists('/etc/mtab')).toBe(false); // dangling
  });

  it('gives out copies, so a reader cannot change the image', () => {
    const { fs, lower } = mount();
    fs.readFile('/etc/hosts').fill(0);
    expect(new Overlay(lower).readText('/etc/hosts')).toContain('localhost');
  });
});

describe('Overlay writes to the upper layer', () => {
  it('copies a file up on first write and leaves the image untouched', () => {
    const { fs, lower } = mount();
    fs.writeFile('/etc/hosts', '10.0.0.1 db\n', { append: true });
    expect(fs.readText('/etc/hosts')).toBe('127.0.0.1 localhost\n10.0.0.1 db\n');
    expect(new Overlay(lower).readText('/etc/hosts')).toBe('127.0.0.1 localhost\n');
    const etc = fs.upper.children.get('etc');
    expect(etc).toMatchObject({ kind: 'dir', mtime: 100, opaque: false }); // parent copied up, metadata only
    expect(etc?.kind === 'dir' && [...etc.children.keys()]).toEqual(['hosts']);
  });

  it('copies up on chmod and chown too, content and all', () => {
    const { fs } = mount();
    fs.chmod('/etc/motd', 0o600);
    fs.chown('/etc/os-release', 1000, 1000);
    expect(fs.stat('/etc/motd')).toMatchObject({ mode: 0o600, layer: 'upper', mtime: 0 });
    expect(fs.stat('/etc/os-release')).toMatchObject({ uid: 1000, gid: 1000, layer: 'upper' });
    expect(fs.readText('/etc/motd')).toBe('welcome');
  });

  it('truncates, appends, and stamps the clock', () => {
    const { fs, clock } = mount();
    fs.writeFile('/tmp/log', 'a');
    clock.t = 2000;
    fs.writeFile('/tmp/log', 'b', { append: true });
    expect(fs.stat('/tmp/log')).toMatchObject({ size: 2, mtime: 2000, mode: 0o644 });
    fs.writeFile('/tmp/log', utf8('c'));
    expect(fs.readText('/tmp/log')).toBe('c');
    expect(fs.stat('/tmp').mtime).toBe(1000); // created at 1000; rewriting does not touch the directory
  });

  it('creates new files with the mode and owner asked for', () => {
    const { fs } = mount();
    fs.writeFile('/run/app.pid', '1', { mode: 0o600, uid: 100, gid: 101 });
    fs.mkdir('/run/app', { mode: 0o700, uid: 100 });
    expect(fs.stat('/run/app.pid')).toMatchObject({ mode: 0o600, uid: 100, gid: 101 });
    expect(fs.stat('/run/app')).toMatchObject({ type: 'dir', mode: 0o700, uid: 100, size: 4096 });
  });

  it('writes through a symlink, creating a missing target', () => {
    const { fs } = mount();
    fs.writeFile('/lib/new.so', 'N');
    expect(fs.readText('/usr/lib/new.so')).toBe('N');
    fs.symlink('/tmp/target', '/tmp/link');
    fs.writeFile('/tmp/link', 'T');
    expect(fs.readText('/tmp/target')).toBe('T');
    expect(fs.lstat('/tmp/link').type).toBe('symlink');
  });

  it('makes parents with mkdir -p, through links, and accepts existing directories', () => {
    const { fs } = mount();
    fs.mkdir('/lib/a/b/c', { parents: true });
    fs.mkdir('/etc/ssl', { parents: true });
    fs.at('/srv').mkdir('new/deep/', { parents: true });
    expect(fs.stat('/usr/lib/a/b/c').type).toBe('dir');
    expect(fs.stat('/srv/new/deep').type).toBe('dir');
  });

  it('whites out a deleted image file and forgets a deleted new one', () => {
    const { fs } = mount();
    fs.unlink('/etc/motd');
    fs.writeFile('/etc/tmp', 't');
    fs.unlink('/etc/tmp');
    expect(fs.exists('/etc/motd')).toBe(false);
    expect(fs.readdir('/etc')).not.toContain('motd');
    const etc = fs.upper.children.get('etc');
    expect(etc?.kind === 'dir' && Object.fromEntries(etc.children)).toEqual({
      motd: { kind: 'whiteout', mtime: 1000 },
    });
  });

  it('hides a whole image directory with one whiteout (rm -r)', () => {
    const { fs } = mount();
    fs.rm('/srv', { recursive: true });
    expect(fs.exists('/srv/data/x')).toBe(false);
    expect(fs.upper.children.get('srv')).toEqual({ kind: 'whiteout', mtime: 1000 });
    fs.rm('/srv', { force: true });
  });

  it('makes a directory created over a deleted one opaque', () => {
    const { fs } = mount();
    fs.rm('/srv', { recursive: true });
    fs.mkdir('/srv');
    fs.writeFile('/srv/new', 'n');
    expect(fs.readdir('/srv')).toEqual(['new']);
    expect(fs.upper.children.get('srv')).toMatchObject({ kind: 'dir', opaque: true });
  });

  it('empties a directory with rmdir only when nothing is left in the merged view', () => {
    const { fs } = mount();
    fs.unlink('/etc/ssl/cert.pem');
    fs.rmdir('/etc/ssl');
    expect(fs.exists('/etc/ssl')).toBe(false);
    const etc = fs.upper.children.get('etc');
    expect(etc?.kind === 'dir' && etc.children.get('ssl')).toEqual({ kind: 'whiteout', mtime: 1000 });
  });

  it('shares writes between hard links made in the container', () => {
    const { fs } = mount();
    fs.link('/etc/hosts', '/etc/hosts.bak');
    fs.writeFile('/etc/hosts', 'changed');
    expect(fs.readText('/etc/hosts.bak')).toBe('changed');
    fs.chmod('/etc/hosts.bak', 0o600);
    expect(fs.stat('/etc/hosts').mode).toBe(0o600);
  });

  it('breaks an image hard link on copy-up, as overlayfs without index does', () => {
    const { fs } = mount();
    fs.writeFile('/bin/sh', 'patched');
    expect(fs.readText('/bin/sh')).toBe('patched');
    expect(fs.readText('/bin/busybox')).toBe('BB');
  });

  it('renames files, leaving a whiteout where an image file was', () => {
    const { fs } = mount();
    fs.rename('/etc/motd', '/tmp/motd');
    expect(fs.readText('/tmp/motd')).toBe('welcome');
    expect(fs.exists('/etc/motd')).toBe(false);
    fs.rename('/tmp/motd', '/etc/os-release');
    expect(fs.readText('/etc/os-release')).toBe('welcome');
    fs.link('/etc/hosts', '/etc/h2');
    fs.rename('/etc/hosts', '/etc/h2'); // two names of one file: nothing happens
    expect(fs.exists('/etc/hosts')).toBe(true);
  });

  it('renames a directory made in the container, opaque where the image had one', () => {
    const { fs } = mount();
    fs.mkdir('/work');
    fs.writeFile('/work/a', 'a');
    fs.rm('/srv', { recursive: true });
    fs.rename('/work', '/srv');
    expect(fs.readdir('/srv')).toEqual(['a']);
    expect(fs.upper.children.get('srv')).toMatchObject({ kind: 'dir', opaque: true });
    expect(fs.exists('/work')).toBe(false);
  });

  it('freezes the merged view into a snapshot that later writes do not change', () => {
    const { fs } = mount();
    fs.writeFile('/etc/hosts', 'one');
    const frozen = fs.snapshot();
    fs.writeFile('/etc/hosts', 'two');
    fs.unlink('/bin/sh');
    expect(new Overlay(frozen).readText('/etc/hosts')).toBe('one');
    expect(new Overlay(frozen).exists('/bin/sh')).toBe(true);
    expect(frozen.root.children.get('usr')).toBe(fs.lower.root.children.get('usr')); // untouched: shared
  });

  it('continues an existing upper layer (a restarted container)', () => {
    const { fs, lower } = mount();
    fs.writeFile('/etc/hosts', 'kept');
    expect(new Overlay(lower, {}, fs.upper).readText('/etc/hosts')).toBe('kept');
  });
});

describe('Overlay errors', () => {
  type Row = [string, Errno, string, (fs: Overlay) => void];
  it.each<Row>([
    ['read a missing file', 'ENOENT', 'No such file or directory', (fs) => fs.readFile('/nope')],
    ['stat under a missing dir', 'ENOENT', 'No such file or directory', (fs) => fs.stat('/nope/x')],
    ['write under a missing dir', 'ENOENT', 'No such file or directory', (fs) => fs.writeFile('/nope/x', '')],
    ['mkdir under a missing dir', 'ENOENT', 'No such file or directory', (fs) => fs.mkdir('/nope/x')],
    ['unlink a missing file', 'ENOENT', 'No such file or directory', (fs) => fs.unlink('/nope')],
    ['rm a missing file', 'ENOENT', 'No such file or directory', (fs) => fs.rm('/nope')],
    ['rename a missing file', 'ENOENT', 'No such file or directory', (fs) => fs.rename('/nope', '/x')],
    ['follow a dangling link', 'ENOENT', 'No such file or directory', (fs) => fs.readFile('/etc/mtab')],
    ['read under a file', 'ENOTDIR', 'Not a directory', (fs) => fs.readFile('/etc/hosts/x')],
    ['list a file', 'ENOTDIR', 'Not a directory', (fs) => fs.readdir('/etc/hosts')],
    ['rmdir a file', 'ENOTDIR', 'Not a directory', (fs) => fs.rmdir('/etc/hosts')],
    ['stat a file with a slash', 'ENOTDIR', 'Not a directory', (fs) => fs.stat('/etc/hosts/')],
    ['mkdir -p through a file', 'ENOTDIR', 'Not a directory', (fs) => fs.mkdir('/etc/hosts/a/b', { parents: true })],
    ['move a dir over a file', 'ENOTDIR', 'Not a directory', (fs) => (fs.mkdir('/d'), fs.rename('/d', '/etc/motd'))],
    ['read a directory', 'EISDIR', 'Is a directory', (fs) => fs.readFile('/etc')],
    ['write a directory', 'EISDIR', 'Is a directory', (fs) => fs.writeFile('/etc', 'x')],
    ['write a name ending in /', 'EISDIR', 'Is a directory', (fs) => fs.writeFile('/new/', 'x')],
    ['unlink a directory', 'EISDIR', 'Is a directory', (fs) => fs.unlink('/etc')],
    ['rm a directory without -r', 'EISDIR', 'Is a directory', (fs) => fs.rm('/run')],
    ['move a file over a dir', 'EISDIR', 'Is a directory', (fs) => fs.rename('/etc/motd', '/run')],
    ['mkdir an existing dir', 'EEXIST', 'File exists', (fs) => fs.mkdir('/etc')],
    ['mkdir over a dangling link', 'EEXIST', 'File exists', (fs) => fs.mkdir('/etc/mtab')],
    ['mkdir -p over a file', 'EEXIST', 'File exists', (fs) => fs.mkdir('/etc/hosts', { parents: true })],
    ['symlink over a file', 'EEXIST', 'File exists', (fs) => fs.symlink('x', '/etc/hosts')],
    ['link over a file', 'EEXIST', 'File exists', (fs) => fs.link('/etc/hosts', '/etc/motd')],
    ['rmdir a full dir', 'ENOTEMPTY', 'Directory not empty', (fs) => fs.rmdir('/etc')],
    [
      'move a dir over a full dir',
      'ENOTEMPTY',
      'Directory not empty',
      (fs) => (fs.mkdir('/d'), fs.rename('/d', '/etc')),
    ],
    ['follow a link loop', 'ELOOP', 'Symbolic link loop', (fs) => fs.stat('/loop1')],
    ['write through a link loop', 'ELOOP', 'Symbolic link loop', (fs) => fs.writeFile('/loop2', 'x')],
    ['walk a self link', 'ELOOP', 'Symbolic link loop', (fs) => (fs.symlink('me', '/me'), fs.readdir('/me/'))],
    ['readlink a file', 'EINVAL', 'Invalid argument', (fs) => fs.readlink('/etc/hosts')],
    ['move a dir into itself', 'EINVAL', 'Invalid argument', (fs) => (fs.mkdir('/d'), fs.rename('/d', '/d/e'))],
    ['hard-link a directory', 'EPERM', 'Operation not permitted', (fs) => fs.link('/etc', '/etc2')],
    ['rmdir the root', 'EBUSY', 'Resource busy', (fs) => fs.rmdir('/')],
    ['rm -r the root', 'EBUSY', 'Resource busy', (fs) => fs.rm('/..', { recursive: true })],
    ['rename an image directory', 'EXDEV', 'Cross-device link', (fs) => fs.rename('/etc', '/etc2')],
    [
      'rename a copied-up directory',
      'EXDEV',
      'Cross-device link',
      (fs) => (fs.chmod('/run', 0o700), fs.rename('/run', '/r')),
    ],
  ])('%s: %s', (_, code, reason, op) => {
    const { fs } = mount();
    let caught: unknown;
    try {
      op(fs);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(FsError);
    expect(caught).toMatchObject({ code, reason });
  });

  it('names the path as the caller gave it', () => {
    const { fs } = mount();
    expect(() => fs.at('/etc').readFile('nope')).toThrow('nope: No such file or directory');
    expect(() => fs.readFile('')).toThrow(expect.objectContaining({ code: 'ENOENT', syscall: 'open' }));
  });

  it('leaves the filesystem as it was when a call fails', () => {
    const { fs, listing } = mount();
    fs.writeFile('/tmp/a', 'a');
    const before = [listing(), commitUpper(fs)];
    for (const op of [
      () => fs.rename('/etc', '/x'),
      () => fs.rmdir('/etc'),
      () => fs.mkdir('/etc/hosts/x', { parents: true }),
      () => fs.writeFile('/loop1', 'x'),
      () => fs.link('/etc', '/e'),
    ]) {
      expect(op).toThrow(FsError);
    }
    expect([listing(), commitUpper(fs)]).toEqual(before);
  });
});
