// Freezing the merged view of an overlay into a snapshot: the filesystem `docker export` writes out,
// and the reference the commit round trip is checked against.
//
// Directories the container never touched are the image's own nodes, shared as they are. What the
// upper layer holds is copied, because the container may keep writing after the freeze; files that
// are hard-linked inside the upper layer stay linked in the copy.
import type { MergedDir } from './overlay-union';
import { asDir, mergedChild, mergedNames } from './overlay-union';
import type { Snapshot } from './snapshot';
import type { DirNode, FileNode, FsNode, SymlinkNode } from './snapshot-node';
import { copyLeaf, newDir } from './snapshot-node';

export function mergedSnapshot(root: MergedDir): Snapshot {
  const copies = new Map<FileNode | SymlinkNode, FileNode | SymlinkNode>();
  const copyOnce = (node: FileNode | SymlinkNode): FileNode | SymlinkNode => {
    let copy = copies.get(node);
    if (copy === undefined) copies.set(node, (copy = copyLeaf(node)));
    return copy;
  };
  const freeze = (dir: MergedDir): DirNode => {
    if (dir.upper === undefined) return dir.lower as DirNode; // untouched: the image's own tree
    const out = newDir(dir.upper);
    for (const name of mergedNames(dir)) {
      const child = mergedChild(dir, name);
      if (child === undefined) continue;
      const sub = asDir(child);
      let node: FsNode;
      if (sub !== undefined) node = freeze(sub);
      else if (child.upper !== undefined) node = copyOnce(child.upper as FileNode | SymlinkNode);
      else node = child.lower as FsNode;
      out.children.set(name, node);
    }
    return out;
  };
  return { root: freeze(root) };
}
