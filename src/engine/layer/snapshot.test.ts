import { describe, expect, it } from 'vitest';
import type { FsEntry } from './entry';
import {
  applyLayer,
  applyLayers,
  emptySnapshot,
  LayerApplyError,
  snapshotFromEntries,
  type Snapshot,
} from './snapshot';
import type { FsNode } from './snapshot-node';
import { snapshotToEntries } from './snapshot-entries';
import { dir, file, hardlink, opaque, summarize, symlink, whiteout } from './snapshot-fixtures';
import { utf8 } from '../bytes';

function nodeAt(snap: Snapshot, path: string): FsNode | undefined {
  let node: FsNode | undefined = snap.root;
  for (const name of path.split('/')) node = node?.kind === 'dir' ? node.children.get(name) : undefined;
  return node;
}

const list = (entries: FsEntry[]) => summarize(snapshotToEntries(snapshotFromEntries(entries)));
const applied = (lower: FsEntry[], layer: FsEntry[]) =>
  summarize(snapshotToEntries(applyLayer(snapshotFromEntries(lower), layer)));

describe('snapshot', () => {
  it('lists parents first, siblings in byte order, without the root', () => {
    const entries = [file('b/z', '1'), dir('a-b'), dir('a'), file('a/x', '2'), file('B', '3')];
    expect(list(entries)).toEqual(['B=3', 'a/', 'a/x=2', 'a-b/', 'b/', 'b/z=1']);
  });

  it('creates missing parents as root-owned 0755 directories', () => {
    const [parent] = snapshotToEntries(snapshotFromEntries([file('usr/bin/env', 'x', { uid: 7, mtime: 99 })]));
    expect(parent).toEqual({ path: 'usr', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 });
  });

  it('keeps metadata and content exactly', () => {
    const entries = [
      dir('etc', { mode: 0o700, uid: 1, gid: 2, mtime: 3 }),
      symlink('etc/mtab', '/proc/mounts', { mtime: 7 }),
      file('etc/passwd', 'root:x:0:0', { mode: 0o4755, uid: 4, gid: 5, mtime: 6 }),
    ];
    expect(snapshotToEntries(snapshotFromEntries(entries))).toEqual(entries);
  });

  it('accepts ./ prefixes, trailing slashes and a root entry', () => {
    const snap = snapshotFromEntries([dir('./', { mode: 0o700 }), dir('./etc/'), file('/etc//hosts', 'h')]);
    expect(summarize(snapshotToEntries(snap))).toEqual(['etc/', 'etc/hosts=h']);
    expect(snap.root.mode).toBe(0o700);
  });

  // OCI image spec, layer.md "Changeset over existing files" and "Whiteouts", one row per rule.
  it.each<[string, FsEntry[], FsEntry[], string[]]>([
    ['a whiteout deletes a lower file', [file('a/b', '1'), file('a/c', '2')], [whiteout('a/b')], ['a/', 'a/c=2']],
    ['a whiteout deletes a lower directory and all below it', [file('a/b/c/d', '1')], [whiteout('a/b')], ['a/']],
    ['a whiteout of a missing name does nothing', [file('a/c', '2')], [whiteout('a/zz')], ['a/', 'a/c=2']],
    [
      'a whiteout spares the same layer (whiteout first)',
      [file('a/b', 'old')],
      [whiteout('a/b'), file('a/b', 'new')],
      ['a/', 'a/b=new'],
    ],
    [
      'a whiteout spares the same layer (entry first)',
      [file('a/b', 'old')],
      [file('a/b', 'new'), whiteout('a/b')],
      ['a/', 'a/b=new'],
    ],
    [
      'an opaque dir hides every lower child but keeps its own',
      [file('a/x', '1'), file('a/y/z', '2'), file('k', '3')],
      [dir('a'), opaque('a'), file('a/n', '4')],
      ['a/', 'a/n=4', 'k=3'],
    ],
    [
      'an opaque marker applies first, wherever it comes',
      [file('a/x', '1')],
      [dir('a'), file('a/n', '4'), dir('a/y'), opaque('a')],
      ['a/', 'a/n=4', 'a/y/'],
    ],
    [
      'an opaque marker over a lower file hides nothing',
      [file('a', '1')],
      [dir('a'), opaque('a'), file('a/n', '2')],
      ['a/', 'a/n=2'],
    ],
    ['a file replaces a directory', [file('a/b', '1')], [file('a', 'x')], ['a=x']],
    ['a directory replaces a file', [file('a', '1')], [dir('a'), file('a/b', '2')], ['a/', 'a/b=2']],
    [
      'a directory over a directory keeps the children',
      [file('a/b', '1')],
      [dir('a', { mode: 0o700 })],
      ['a/', 'a/b=1'],
    ],
    ['a symlink replaces a file', [file('a', '1')], [symlink('a', 'b')], ['a -> b']],
    ['AUFS metadata is skipped', [file('a', '1')], [file('.wh..wh.plnk/123', 'x'), file('.wh..wh.aufs')], ['a=1']],
  ])('%s', (_, lower, layer, expected) => {
    expect(applied(lower, layer)).toEqual(expected);
  });

  it('replaces the metadata of a directory applied over one', () => {
    const snap = applyLayer(snapshotFromEntries([dir('a'), file('a/b')]), [dir('a', { mode: 0o700, uid: 9 })]);
    expect(snapshotToEntries(snap)[0]).toMatchObject({ path: 'a', mode: 0o700, uid: 9 });
  });

  it('never shows whiteout files', () => {
    const entries = snapshotToEntries(applyLayer(emptySnapshot(), [whiteout('a/b'), opaque('c')]));
    expect(entries.some((e) => e.path.includes('.wh.'))).toBe(false);
  });

  it('links hard links to the same node, from this layer or a lower one', () => {
    const lower = snapshotFromEntries([file('bin/busybox', 'BB')]);
    const snap = applyLayer(lower, [hardlink('bin/sh', 'bin/busybox'), file('x', 'X'), hardlink('y', 'x')]);
    expect(nodeAt(snap, 'bin/sh')).toBe(nodeAt(lower, 'bin/busybox'));
    expect(nodeAt(snap, 'y')).toBe(nodeAt(snap, 'x'));
    expect(summarize(snapshotToEntries(snap))).toEqual([
      'bin/',
      'bin/busybox=BB',
      'bin/sh => bin/busybox',
      'x=X',
      'y => x',
    ]);
  });

  it('lists a node reached twice as a hard link to its first path', () => {
    const snap = snapshotFromEntries([file('z', 'Z'), hardlink('a', 'z')]);
    expect(summarize(snapshotToEntries(snap))).toEqual(['a=Z', 'z => a']);
  });

  it('applies layers in order', () => {
    const snap = applyLayers(emptySnapshot(), [[file('a', '1'), file('b', '2')], [whiteout('a')], [file('c', '3')]]);
    expect(summarize(snapshotToEntries(snap))).toEqual(['b=2', 'c=3']);
  });

  it('does not change the snapshot it applies to, and shares what it does not touch', () => {
    const lower = snapshotFromEntries([file('a/b', '1'), file('big/x', '2'), dir('a/c')]);
    const before = snapshotToEntries(lower);
    const upper = applyLayer(lower, [whiteout('a/b'), dir('a', { mode: 0o700 }), file('a/c/d', '3')]);
    expect(snapshotToEntries(lower)).toEqual(before);
    expect(upper.root.children.get('big')).toBe(lower.root.children.get('big'));
    expect(upper.root.children.get('a')).not.toBe(lower.root.children.get('a'));
  });

  it.each<[string, FsEntry[], string]>([
    ['a path out of the root', [file('../etc/passwd')], '"../etc/passwd": outside of the root'],
    ['a whiteout naming nothing', [file('a/.wh.')], 'invalid whiteout "a/.wh."'],
    ['a whiteout naming the parent', [file('a/.wh..')], 'invalid whiteout "a/.wh.."'],
    ['a hard link to nothing', [hardlink('a', 'b')], 'invalid hardlink "a" -> "b"'],
    ['a hard link to a directory', [dir('d'), hardlink('a', 'd')], 'invalid hardlink "a" -> "d"'],
    ['a hard link out of the root', [hardlink('a', '../x')], 'invalid hardlink "a" -> "../x"'],
    ['an entry under a file', [file('a', '1'), file('a/b', '2')], 'cannot apply layer under "a": not a directory'],
    ['a root that is not a directory', [file('./', 'x')], 'the root must be a directory'],
    ['a symlink without a target', [{ ...symlink('a', ''), linkname: undefined }], 'symlink "a" has no target'],
    ['a negative mode', [file('a', '', { mode: -1 })], 'invalid mode -1 for "a"'],
  ])('rejects %s', (_, entries, message) => {
    const base = snapshotFromEntries([file('keep', 'k')]);
    expect(() => applyLayer(base, entries)).toThrow(LayerApplyError);
    expect(() => applyLayer(base, entries)).toThrow(message);
    expect(summarize(snapshotToEntries(base))).toEqual(['keep=k']);
  });

  it('takes file content as it is', () => {
    const content = utf8('hello');
    const snap = snapshotFromEntries([{ ...file('a'), content }]);
    const [entry] = snapshotToEntries(snap);
    expect(entry?.content).toEqual(utf8('hello'));
  });
});
