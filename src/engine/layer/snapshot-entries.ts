// From a tree back to layer entries: the listing `tar` would write for a whole filesystem, as
// `docker export` and flattening produce. Parents come before children and names are sorted, so the
// same tree always gives the same entries — and so the same tar bytes and the same digest.
//
// A node reached under a second name is a hard link: the first path (in listing order) carries the
// content, later ones are `hardlink` entries pointing back at it, exactly as tar stores them.
import type { FsEntry } from './entry';
import { sortedNames } from './fs-path';
import type { DirNode, FileNode, FsNode, NodeMeta, SymlinkNode } from './snapshot-node';
import type { Snapshot } from './snapshot';

/** Every entry of the snapshot except the root, depth-first, siblings in byte order. */
export function snapshotToEntries(snapshot: Snapshot): FsEntry[] {
  const out: FsEntry[] = [];
  const seen = new Map<object, string>();
  const visit = (dir: DirNode, prefix: string): void => {
    for (const name of sortedNames(dir.children)) {
      const node = dir.children.get(name) as FsNode;
      const path = prefix === '' ? name : `${prefix}/${name}`;
      out.push(nodeEntry(node, path, seen));
      if (node.kind === 'dir') visit(node, path);
    }
  };
  visit(snapshot.root, '');
  return out;
}

/** Anything that can become an entry: a file, a symlink, or a directory (its metadata only). */
export type EntrySource = FileNode | SymlinkNode | (NodeMeta & { kind: 'dir' });

/**
 * The entry for `node` at `path`. `seen` remembers the first path of each file or symlink, so a
 * node met again becomes a hard link to that path.
 */
export function nodeEntry(node: EntrySource, path: string, seen: Map<object, string>): FsEntry {
  const meta = { path, mode: node.mode, uid: node.uid, gid: node.gid, mtime: node.mtime };
  if (node.kind === 'dir') return { ...meta, type: 'dir' };
  const first = seen.get(node);
  if (first !== undefined) return { ...meta, type: 'hardlink', linkname: first };
  seen.set(node, path);
  if (node.kind === 'symlink') return { ...meta, type: 'symlink', linkname: node.target };
  return { ...meta, type: 'file', content: node.content };
}
