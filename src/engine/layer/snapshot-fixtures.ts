// Terse layer entries for tests and lesson fixtures: `dir('etc')`, `file('etc/hosts', '127.0.0.1')`,
// `whiteout('etc/motd')`, `opaque('srv')`, and `summarize` to read a listing back as short strings:
//
//   etc/              a directory
//   etc/hosts=127…    a file and its text
//   bin/sh -> busybox a symbolic link
//   bin/ls => bin/sh  a hard link to an earlier path
import { fromUtf8, utf8 } from '../bytes';
import type { FsEntry } from './entry';
import { OPAQUE_WHITEOUT, WHITEOUT_PREFIX } from './entry';
import { snapshotFromEntries, type Snapshot } from './snapshot';

type Meta = Partial<Pick<FsEntry, 'mode' | 'uid' | 'gid' | 'mtime'>>;

export function dir(path: string, meta: Meta = {}): FsEntry {
  return { path, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0, ...meta };
}

export function file(path: string, text = '', meta: Meta = {}): FsEntry {
  return { path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, ...meta, content: utf8(text) };
}

export function symlink(path: string, target: string, meta: Meta = {}): FsEntry {
  return { path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 0, ...meta, linkname: target };
}

export function hardlink(path: string, target: string, meta: Meta = {}): FsEntry {
  return { path, type: 'hardlink', mode: 0o644, uid: 0, gid: 0, mtime: 0, ...meta, linkname: target };
}

/** The whiteout that deletes `path`: `a/b` → `a/.wh.b`. */
export function whiteout(path: string): FsEntry {
  const i = path.lastIndexOf('/');
  return file(path.slice(0, i + 1) + WHITEOUT_PREFIX + path.slice(i + 1), '', { mode: 0o600 });
}

/** The opaque marker of directory `path`: `a` → `a/.wh..wh..opq`. */
export function opaque(path: string): FsEntry {
  return file(`${path}/${OPAQUE_WHITEOUT}`);
}

/** Entries as short strings (see the header), ignoring metadata. */
export function summarize(entries: readonly FsEntry[]): string[] {
  return entries.map((e) => {
    if (e.type === 'dir') return `${e.path}/`;
    if (e.type === 'symlink') return `${e.path} -> ${e.linkname ?? ''}`;
    if (e.type === 'hardlink') return `${e.path} => ${e.linkname ?? ''}`;
    return `${e.path}=${fromUtf8(e.content ?? new Uint8Array())}`;
  });
}

/** A small Alpine-like image: busybox hard links, config files, symlinks good, dangling and looping. */
export function sampleImage(): Snapshot {
  return snapshotFromEntries([
    dir('bin'),
    file('bin/busybox', 'BB', { mode: 0o755 }),
    hardlink('bin/sh', 'bin/busybox'),
    dir('etc', { mtime: 100 }),
    file('etc/hosts', '127.0.0.1 localhost\n', { mtime: 100 }),
    file('etc/motd', 'welcome'),
    symlink('etc/mtab', '/proc/mounts'),
    file('etc/os-release', 'alpine'),
    file('etc/ssl/cert.pem', 'CERT'),
    symlink('lib', 'usr/lib'),
    symlink('loop1', 'loop2'),
    symlink('loop2', 'loop1'),
    dir('run'),
    file('srv/data/x', 'x'),
    file('srv/old.txt', 'old'),
    dir('tmp', { mode: 0o1777 }),
    file('usr/lib/libc.so', 'LIBC'),
    symlink('usr/lib/up', '../../..'),
  ]);
}
