// The key proof that commits and whiteouts are right: whatever a container does, applying its
// committed layer on the image gives exactly the filesystem the container saw. And so that both
// sides cannot agree on a wrong answer, the overlay is also checked against a plain filesystem
// holding the same files (everything in one writable tree: no copy-up, no whiteouts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changes } from './changes';
import { FsError } from './fs-errors';
import { Overlay } from './overlay';
import { commitUpper } from './overlay-commit';
import type { FsEntry } from './entry';
import { newUpperDir, type UpperDir } from './overlay-union';
import { applyLayer, emptySnapshot, type Snapshot } from './snapshot';
import { snapshotToEntries } from './snapshot-entries';
import { copyLeaf, type DirNode } from './snapshot-node';

const name = fc.constantFrom('a', 'b', 'c');
const absolute = fc.array(name, { minLength: 1, maxLength: 3 }).map((names) => '/' + names.join('/'));
const path = fc.oneof(
  { weight: 6, arbitrary: absolute },
  { weight: 1, arbitrary: fc.tuple(absolute, name).map(([p, n]) => `${p}/../${n}`) },
  { weight: 1, arbitrary: fc.array(name, { minLength: 1, maxLength: 2 }).map((names) => names.join('/')) },
);
const target = fc.oneof(absolute, name, fc.constant('..'), fc.constant('../a'));

type Op =
  | { op: 'write'; path: string; text: string; append: boolean }
  | { op: 'mkdir'; path: string; parents: boolean }
  | { op: 'symlink'; target: string; path: string }
  | { op: 'link' | 'rename'; from: string; to: string }
  | { op: 'unlink' | 'rmdir'; path: string }
  | { op: 'rm'; path: string; recursive: boolean }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'chown'; path: string; uid: number }
  | { op: 'utimes'; path: string; mtime: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('write' as const),
      path,
      text: fc.constantFrom('', 'x', 'yy'),
      append: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('mkdir' as const), path, parents: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('symlink' as const), target, path }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constantFrom('link' as const, 'rename' as const), from: path, to: path }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('unlink' as const, 'rmdir' as const), path }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rm' as const), path, recursive: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('chmod' as const), path, mode: fc.constantFrom(0o600, 0o755, 0o4755) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('chown' as const), path, uid: fc.constantFrom(0, 1000) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('utimes' as const), path, mtime: fc.nat(10) }) },
);

/** Run one operation; POSIX errors are expected outcomes (returned), anything else is a bug. */
function run(fs: Overlay, o: Op): string | undefined {
  try {
    switch (o.op) {
      case 'write':
        return void fs.writeFile(o.path, o.text, { append: o.append });
      case 'mkdir':
        return void fs.mkdir(o.path, { parents: o.parents });
      case 'symlink':
        return void fs.symlink(o.target, o.path);
      case 'link':
        return void fs.link(o.from, o.to);
      case 'rename':
        return void fs.rename(o.from, o.to);
      case 'unlink':
        return void fs.unlink(o.path);
      case 'rmdir':
        return void fs.rmdir(o.path);
      case 'rm':
        return void fs.rm(o.path, { recursive: o.recursive });
      case 'chmod':
        return void fs.chmod(o.path, o.mode);
      case 'chown':
        return void fs.chown(o.path, o.uid, o.uid);
      case 'utimes':
        return void fs.utimes(o.path, o.mtime);
    }
  } catch (err) {
    if (!(err instanceof FsError)) throw err;
    return err.code;
  }
}

/** The same files as `lower`, all in one writable tree; hard links become separate files. */
function plainCopy(lower: DirNode): UpperDir {
  const out = newUpperDir(lower);
  for (const [name, child] of lower.children) {
    out.children.set(name, child.kind === 'dir' ? plainCopy(child) : copyLeaf(child));
  }
  return out;
}

/** A listing where a hard link reads as the file it links to. */
function flat(snap: Snapshot): FsEntry[] {
  const entries = snapshotToEntries(snap);
  const byPath = new Map(entries.map((e) => [e.path, e]));
  return entries.map((e) =>
    e.type === 'hardlink' ? { ...(byPath.get(e.linkname ?? '') as FsEntry), path: e.path } : e,
  );
}

/** A container on `lower` that ran `ops`, one clock tick each. */
function container(lower: Snapshot, ops: readonly Op[]): Overlay {
  let t = 100;
  const fs = new Overlay(lower, { now: () => t });
  for (const o of ops) {
    t++;
    run(fs, o);
  }
  return fs;
}

/** A base layer: a random tree over the names a, b, c (a path with children is a directory). */
const baseLayer = fc
  .uniqueArray(fc.array(name, { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 20,
    selector: (n) => n.join('/'),
  })
  .chain((paths) => {
    const keys = paths.map((p) => p.join('/'));
    const isParent = (k: string) => keys.some((other) => other.startsWith(k + '/'));
    return fc
      .tuple(
        ...keys.map((k) =>
          isParent(k) ? fc.constant('dir') : fc.constantFrom('dir', 'file', 'file', 'symlink', 'hardlink'),
        ),
      )
      .map((kinds) => {
        const entries: FsEntry[] = [];
        const files: string[] = [];
        for (const [i, k] of keys.entries()) {
          const meta = { mode: 0o755, uid: 0, gid: 0, mtime: i };
          const kind = kinds[i];
          if (kind === 'dir') entries.push({ path: k, type: 'dir', ...meta });
          else if (kind === 'symlink')
            entries.push({ path: k, type: 'symlink', ...meta, linkname: i % 2 ? '/a' : '../b' });
          else if (kind === 'hardlink' && files.length > 0) {
            entries.push({ path: k, type: 'hardlink', ...meta, linkname: files[i % files.length] as string });
          } else {
            entries.push({
              path: k,
              type: 'file',
              ...meta,
              content: new TextEncoder().encode(k) as FsEntry['content'],
            });
            files.push(k);
          }
        }
        return entries;
      });
  });

/** An image of two layers: a random tree, then the commit of random operations (so lower holds whiteouts). */
const image = fc.tuple(baseLayer, fc.array(op, { maxLength: 15 })).map(([base, ops]) => {
  const first = applyLayer(emptySnapshot(), base);
  return applyLayer(first, commitUpper(container(first, ops)));
});

const paths = (snap: Snapshot) => new Set(snapshotToEntries(snap).map((e) => '/' + e.path));

describe('commit round trip (property)', () => {
  it('applyLayer(lower, commitUpper(container)) is the container view', () => {
    fc.assert(
      fc.property(image, fc.array(op, { maxLength: 30 }), (lower, ops) => {
        const before = snapshotToEntries(lower);
        const fs = container(lower, ops);
        const rebuilt = applyLayer(lower, commitUpper(fs));
        expect(snapshotToEntries(rebuilt)).toEqual(snapshotToEntries(fs.snapshot()));
        expect(snapshotToEntries(lower)).toEqual(before); // the image never changes
      }),
      { numRuns: 400 },
    );
  });

  it('behaves like a plain filesystem with the same files', () => {
    fc.assert(
      fc.property(image, fc.array(op, { maxLength: 30 }), (lower, ops) => {
        let t = 100;
        const fs = new Overlay(lower, { now: () => t });
        const plain = new Overlay(emptySnapshot(), { now: () => t }, plainCopy(lower.root));
        for (const o of ops) {
          t++;
          const error = run(fs, o);
          if (error === 'EXDEV') continue; // overlay2 refuses to rename an image directory; `mv` copies instead
          expect(run(plain, o)).toBe(error);
        }
        expect(flat(fs.snapshot())).toEqual(flat(plain.snapshot()));
      }),
      { numRuns: 400 },
    );
  });

  it('docker diff names only added, changed and deleted paths, parents first', () => {
    fc.assert(
      fc.property(image, fc.array(op, { maxLength: 30 }), (lower, ops) => {
        const fs = container(lower, ops);
        const [was, is] = [paths(lower), paths(fs.snapshot())];
        const listed = changes(fs);
        for (const { kind, path: p } of listed) {
          if (kind === 'A') expect(is.has(p) && !was.has(p)).toBe(true);
          if (kind === 'D') expect(was.has(p) && !is.has(p)).toBe(true);
          if (kind === 'C') expect(is.has(p) && was.has(p)).toBe(true);
        }
        const all = listed.map((c) => c.path);
        expect(new Set(all).size).toBe(all.length);
        for (const [i, p] of all.entries()) {
          const parent = p.slice(0, p.lastIndexOf('/'));
          if (parent !== '') expect(all.indexOf(parent)).toBeLessThan(i);
        }
        // Every path that appeared or vanished is reported (itself or a deleted ancestor).
        const reported = (p: string): boolean =>
          all.includes(p) || (p.lastIndexOf('/') > 0 && reported(p.slice(0, p.lastIndexOf('/'))));
        for (const p of is) if (!was.has(p)) expect(reported(p)).toBe(true);
        for (const p of was) if (!is.has(p)) expect(reported(p)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
