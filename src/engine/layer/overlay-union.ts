// The union mount at the heart of Docker's overlay2 storage driver (kernel docs,
// filesystems/overlayfs.rst; Docker docs, storage/drivers/overlayfs-driver.md).
//
// A container sees one "merged" tree made of two: the image's read-only *lower* tree and its own
// writable *upper* tree, which starts empty. Looking up a name asks upper first:
//   - an ordinary upper entry wins and hides the lower one;
//   - an upper *whiteout* says "deleted": the lower entry is hidden and the name is gone;
//   - if both sides hold a directory, the merged directory lists the children of both — unless the
//     upper directory is *opaque*, in which case the lower one is ignored entirely.
// Changing anything that lives only in lower first copies it up: the parent directories (their
// metadata only), then the file itself, whole — once, even for a chmod. Deleting a name that lower
// has leaves a whiteout; a directory created where lower had something is made opaque.
//
// On disk a whiteout is a 0/0 character device and opacity an xattr (`trusted.overlay.opaque=y`);
// here they are a node kind and a flag. ./overlay-commit.ts turns them into `.wh.` files.
import type { DirNode, FileNode, FsNode, NodeMeta, SymlinkNode } from './snapshot-node';
import { copyLeaf, metaOf } from './snapshot-node';

/** What overlayfs leaves in upper for a deleted name (a character device 0/0 on a real disk). */
export interface Whiteout {
  readonly kind: 'whiteout';
  /** When the deletion happened: a committed layer stores it as the `.wh.` file's mtime. */
  mtime: number;
}

export interface UpperDir extends NodeMeta {
  readonly kind: 'dir';
  children: Map<string, UpperNode>;
  /** Hides the lower directory of the same name entirely (`trusted.overlay.opaque=y`). */
  opaque: boolean;
}

export type UpperNode = FileNode | SymlinkNode | UpperDir | Whiteout;

/** A directory of the merged view: an upper part, a lower part, or both. */
export interface MergedDir {
  upper?: UpperDir;
  lower?: DirNode;
}

/**
 * A name of the merged view. For a directory, `upper` and `lower` are its two parts; for anything
 * else only the side that is seen is set: `upper` after a copy-up or a write, `lower` otherwise.
 */
export interface Merged {
  upper?: FileNode | SymlinkNode | UpperDir;
  lower?: FsNode;
}

/** One directory on a resolved path, root first (the root's name is ''). */
export interface Frame {
  name: string;
  dir: MergedDir;
}

export function newUpperDir(meta: NodeMeta, opaque = false): UpperDir {
  return { kind: 'dir', ...metaOf(meta), children: new Map(), opaque };
}

/** The node a reader sees: upper if there is one, lower otherwise. */
export function seen(m: Merged): FileNode | SymlinkNode | UpperDir | DirNode {
  return (m.upper ?? m.lower) as FileNode | SymlinkNode | UpperDir | DirNode;
}

/** `m` as a directory of the merged view, or undefined if it is not a directory. */
export function asDir(m: Merged): MergedDir | undefined {
  return seen(m).kind === 'dir' ? (m as MergedDir) : undefined;
}

/** Look `name` up in a merged directory: upper first, then lower unless whited out or opaque. */
export function mergedChild(dir: MergedDir, name: string): Merged | undefined {
  const upper = dir.upper?.children.get(name);
  if (upper?.kind === 'whiteout') return undefined;
  const lower = dir.lower?.children.get(name); // dir.lower is unset when dir.upper is opaque
  if (upper?.kind === 'dir') return { upper, lower: !upper.opaque && lower?.kind === 'dir' ? lower : undefined };
  if (upper) return { upper };
  return lower ? { lower } : undefined;
}

/** The names a merged directory lists: both sides, minus whiteouts. Unsorted. */
export function mergedNames(dir: MergedDir): Set<string> {
  const names = new Set(dir.lower?.children.keys());
  for (const [name, child] of dir.upper?.children ?? []) {
    if (child.kind === 'whiteout') names.delete(name);
    else names.add(name);
  }
  return names;
}

/** Copy up every directory of `chain` that exists only in lower; returns the last one's upper part. */
export function copyUpChain(chain: readonly Frame[]): UpperDir {
  let parent: UpperDir | undefined;
  for (const frame of chain) {
    if (frame.dir.upper === undefined) {
      // Another path of the same call may have copied it up already (rename, link): adopt that copy.
      const done = parent?.children.get(frame.name);
      const upper = done?.kind === 'dir' ? done : newUpperDir(frame.dir.lower as DirNode); // metadata only
      parent?.children.set(frame.name, upper);
      frame.dir.upper = upper;
    }
    parent = frame.dir.upper;
  }
  return parent as UpperDir;
}

/** Copy up `name` (a child of the last frame) if it lives only in lower; returns its upper node. */
export function copyUp(chain: readonly Frame[], name: string, m: Merged): FileNode | SymlinkNode | UpperDir {
  if (m.upper) return m.upper;
  const parent = copyUpChain(chain);
  const lower = m.lower as FsNode;
  const upper = lower.kind === 'dir' ? newUpperDir(lower) : copyLeaf(lower);
  parent.children.set(name, upper);
  m.upper = upper;
  return upper;
}

/** Does lower hold `name` under the last frame (so deleting it needs a whiteout)? */
function lowerHas(chain: readonly Frame[], name: string): boolean {
  return chain[chain.length - 1]?.dir.lower?.children.has(name) ?? false;
}

/** Put `node` at `name` under the last frame, replacing what was there; the parent's mtime moves. */
export function place(chain: readonly Frame[], name: string, node: FileNode | SymlinkNode | UpperDir, now: number) {
  const parent = copyUpChain(chain);
  if (node.kind === 'dir' && lowerHas(chain, name)) node.opaque = true;
  parent.children.set(name, node);
  parent.mtime = now;
}

/** Delete `name` under the last frame: a whiteout if lower has it, plain removal otherwise. */
export function remove(chain: readonly Frame[], name: string, now: number): void {
  const parent = copyUpChain(chain);
  if (lowerHas(chain, name)) parent.children.set(name, { kind: 'whiteout', mtime: now });
  else parent.children.delete(name);
  parent.mtime = now;
}
