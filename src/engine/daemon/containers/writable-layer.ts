// A container's writable layer as bytes and back — what overlay2 keeps on disk in the container's
// `diff/` directory, so that a daemon that restarts finds every container's changes where it left
// them. Written the way `docker commit` tars it (../../layer/overlay-commit.ts: the copied-up
// directories, the files written, a `.wh.<name>` file for each deletion and `.wh..wh..opq` in each
// opaque directory), and read back into the overlay's own form: whiteouts as whiteout nodes,
// opaque directories flagged, a hard link as the very node it links to.
//
// The root directory is not part of a layer; its metadata (a `chmod /` in the container) travels
// beside the tar.
import type { Bytes } from '../../bytes';
import { OPAQUE_WHITEOUT, WHITEOUT_PREFIX, type FsEntry } from '../../layer/entry';
import { commitUpper } from '../../layer/overlay-commit';
import { Overlay } from '../../layer/overlay';
import { newUpperDir, type UpperDir, type UpperNode } from '../../layer/overlay-union';
import { emptySnapshot } from '../../layer/snapshot';
import { newFile, newSymlink, metaOf, type NodeMeta } from '../../layer/snapshot-node';
import { readTar } from '../../layer/tar-read';
import { writeTar } from '../../layer/tar-write';

/** The tar of an upper directory (as `docker commit` would make it) and its root's metadata. */
export function writableLayerTar(upper: UpperDir): { tar: Bytes; root: NodeMeta & { opaque: boolean } } {
  // commitUpper reads only the upper directory; the lower one does not matter here.
  const entries = commitUpper(new Overlay(emptySnapshot(), {}, upper));
  return { tar: writeTar(entries), root: { ...metaOf(upper), opaque: upper.opaque } };
}

/** Fill `upper` (a fresh, empty upper directory) from a tar made by writableLayerTar. */
export function fillWritableLayer(upper: UpperDir, tar: Bytes, root: NodeMeta & { opaque: boolean }): void {
  Object.assign(upper, metaOf(root), { opaque: root.opaque });
  upper.children.clear();
  const byPath = new Map<string, UpperNode>();
  for (const entry of readTar(tar)) placeEntry(upper, entry, byPath);
}

function placeEntry(root: UpperDir, entry: FsEntry, byPath: Map<string, UpperNode>): void {
  const names = entry.path.split('/');
  const name = names.pop()!;
  const parent = directoryAt(root, names);
  const meta = { mode: entry.mode, uid: entry.uid, gid: entry.gid, mtime: entry.mtime };
  if (name === OPAQUE_WHITEOUT) {
    parent.opaque = true;
    return;
  }
  if (name.startsWith(WHITEOUT_PREFIX)) {
    parent.children.set(name.slice(WHITEOUT_PREFIX.length), { kind: 'whiteout', mtime: entry.mtime });
    return;
  }
  let node: UpperNode | undefined;
  switch (entry.type) {
    case 'dir': {
      const existing = parent.children.get(name);
      if (existing?.kind === 'dir') {
        Object.assign(existing, meta);
        node = existing;
      } else node = newUpperDir(meta);
      break;
    }
    case 'file':
      node = newFile(meta, (entry.content ?? new Uint8Array(0)) as Bytes);
      break;
    case 'symlink':
      node = newSymlink(meta, entry.linkname ?? '');
      break;
    case 'hardlink':
      node = byPath.get(entry.linkname ?? '');
      if (node === undefined) throw new Error(`writable layer: hard link ${entry.path} to missing ${entry.linkname}`);
      break;
  }
  parent.children.set(name, node);
  byPath.set(entry.path, node);
}

/** The upper directory at `names` under `root`, made (with default metadata) where missing. */
function directoryAt(root: UpperDir, names: readonly string[]): UpperDir {
  let dir = root;
  for (const name of names) {
    const child = dir.children.get(name);
    if (child?.kind === 'dir') {
      dir = child;
      continue;
    }
    const made = newUpperDir({ mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    dir.children.set(name, made);
    dir = made;
  }
  return dir;
}
