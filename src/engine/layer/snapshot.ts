// A snapshot is the filesystem an image's layers add up to: start from an empty root and apply each
// layer's changeset in order, base layer first. This is what Docker does when it registers a pulled
// layer, and what the overlay2 driver shows a container as its read-only "lowerdir".
//
// Applying a changeset (OCI image spec, layer.md "Applying Changesets" and "Whiteouts"):
//   - an entry creates its path; if something is already there it is removed and re-created,
//     except when both are directories — then only the directory's metadata is replaced;
//   - missing parent directories are created (0755, root-owned), as Docker's unpacker does;
//   - `.wh.<name>` deletes `<name>` (and everything under it) from the *lower* state;
//   - `<dir>/.wh..wh..opq` hides every lower child of `<dir>`, but not what this layer adds;
//   - whiteout files never appear in the result. Whiteouts apply to lower layers only, so they are
//     applied first, "regardless of the ordering in which the whiteout file was encountered";
//   - other `.wh..wh.` names are AUFS bookkeeping and are skipped.
//
// Snapshots are shared between containers, so applying never mutates its input: the directories on
// the paths a layer touches are copied, everything else is shared (structural sharing).
import type { FsEntry } from './entry';
import { OPAQUE_WHITEOUT, WHITEOUT_PREFIX } from './entry';
import { cleanEntryPath, entryPath } from './fs-path';
import type { DirNode, FsNode, NodeMeta } from './snapshot-node';
import { DEFAULT_DIR_MODE, MODE_MASK, newDir, newFile, newSymlink } from './snapshot-node';
import type { Bytes } from '../bytes';

/** A read-only filesystem tree. Never modify a node reachable from it. */
export interface Snapshot {
  readonly root: DirNode;
}

/** A layer entry that cannot be applied: bad name, hard link to nowhere, file where a directory must be. */
export class LayerApplyError extends Error {
  override name = 'LayerApplyError';
}

/** The root of `FROM scratch`: an empty directory. */
export function emptySnapshot(): Snapshot {
  return { root: newDir() };
}

/** The filesystem one layer's entries describe on their own. */
export function snapshotFromEntries(entries: readonly FsEntry[]): Snapshot {
  return applyLayer(emptySnapshot(), entries);
}

/** Apply layers in order (base first), as Docker does to build an image's root filesystem. */
export function applyLayers(base: Snapshot, layers: readonly (readonly FsEntry[])[]): Snapshot {
  return layers.reduce(applyLayer, base);
}

/** Names AUFS kept for itself (`.wh..wh.plnk`, `.wh..wh.aufs`); Docker skips them when unpacking. */
const AUFS_META_PREFIX = WHITEOUT_PREFIX + WHITEOUT_PREFIX;

type Step =
  | { op: 'opaque'; dir: string[] }
  | { op: 'whiteout'; dir: string[]; name: string }
  | { op: 'put'; names: string[]; entry: FsEntry; link?: string[] };

/** Apply one layer's changeset on top of `base`, returning a new snapshot; `base` is unchanged. */
export function applyLayer(base: Snapshot, entries: readonly FsEntry[]): Snapshot {
  const steps = entries.flatMap(classify); // validate everything before touching anything
  const draft = new Draft(base.root);
  for (const step of steps) {
    if (step.op === 'opaque') draft.dir(step.dir, true)?.children.clear();
    else if (step.op === 'whiteout') draft.dir(step.dir, true)?.children.delete(step.name);
  }
  for (const step of steps) if (step.op === 'put') draft.put(step.names, step.entry, step.link);
  return { root: draft.root };
}

function classify(entry: FsEntry): Step[] {
  const names = cleanEntryPath(entry.path);
  if (names === undefined) throw new LayerApplyError(`invalid layer entry "${entry.path}": outside of the root`);
  const base = names.at(-1);
  const dir = names.slice(0, -1);
  if (base === OPAQUE_WHITEOUT) return [{ op: 'opaque', dir }];
  if (names.some((name) => name.startsWith(AUFS_META_PREFIX))) return []; // e.g. .wh..wh.plnk/123
  if (base?.startsWith(WHITEOUT_PREFIX)) {
    const name = base.slice(WHITEOUT_PREFIX.length);
    if (name === '' || name === '.' || name === '..') {
      throw new LayerApplyError(`invalid whiteout "${entry.path}": it names no sibling`);
    }
    return [{ op: 'whiteout', dir, name }];
  }
  if (!Number.isInteger(entry.mode) || entry.mode < 0) {
    throw new LayerApplyError(`invalid mode ${entry.mode} for "${entry.path}"`);
  }
  if (names.length === 0 && entry.type !== 'dir') {
    throw new LayerApplyError(`invalid layer entry "${entry.path}": the root must be a directory`);
  }
  if (entry.type === 'symlink' && !entry.linkname) {
    throw new LayerApplyError(`symlink "${entry.path}" has no target`);
  }
  if (entry.type === 'hardlink') {
    const link = cleanEntryPath(entry.linkname ?? '');
    if (link === undefined || link.length === 0) {
      throw new LayerApplyError(`invalid hardlink "${entry.path}" -> "${entry.linkname ?? ''}"`);
    }
    return [{ op: 'put', names, entry, link }];
  }
  if (!['file', 'dir', 'symlink'].includes(entry.type)) {
    throw new LayerApplyError(`unsupported entry type "${String(entry.type)}" for "${entry.path}"`);
  }
  return [{ op: 'put', names, entry }];
}

const impliedDirMeta: NodeMeta = { mode: DEFAULT_DIR_MODE, uid: 0, gid: 0, mtime: 0 };
const emptyContent = new Uint8Array(0) as Bytes;

/** The tree being built: directories on touched paths are copied once, the rest is shared. */
class Draft {
  readonly root: DirNode;
  private readonly owned = new Set<DirNode>();

  constructor(base: DirNode) {
    this.root = this.own(base);
  }

  private own(dir: DirNode): DirNode {
    const copy = newDir(dir, new Map(dir.children));
    this.owned.add(copy);
    return copy;
  }

  /**
   * The directory at `names`, owned by this draft; missing ones are created as Docker does. A
   * non-directory in the way is an error for an entry, but only means "nothing to hide" for a
   * whiteout (`lenient`), e.g. `a/.wh..wh..opq` over a lower file `a` that this layer turns into a dir.
   */
  dir(names: readonly string[]): DirNode;
  dir(names: readonly string[], lenient: true): DirNode | undefined;
  dir(names: readonly string[], lenient = false): DirNode | undefined {
    let dir = this.root;
    for (const [i, name] of names.entries()) {
      const child = dir.children.get(name);
      let next: DirNode;
      if (child === undefined) {
        next = newDir(impliedDirMeta);
        this.owned.add(next);
        dir.children.set(name, next);
      } else if (child.kind !== 'dir') {
        if (lenient) return undefined;
        throw new LayerApplyError(`cannot apply layer under "${entryPath(names.slice(0, i + 1))}": not a directory`);
      } else if (this.owned.has(child)) {
        next = child;
      } else {
        next = this.own(child);
        dir.children.set(name, next);
      }
      dir = next;
    }
    return dir;
  }

  /** The node at `names`, read-only, without following symlinks (tar hard links name a path). */
  private find(names: readonly string[]): FsNode | undefined {
    let node: FsNode | undefined = this.root;
    for (const name of names) node = node?.kind === 'dir' ? node.children.get(name) : undefined;
    return node;
  }

  put(names: string[], entry: FsEntry, link?: string[]): void {
    const meta = { mode: entry.mode & MODE_MASK, uid: entry.uid, gid: entry.gid, mtime: entry.mtime };
    if (names.length === 0) {
      Object.assign(this.root, meta);
      return;
    }
    const parent = this.dir(names.slice(0, -1));
    const name = names[names.length - 1] as string;
    const existing = parent.children.get(name);
    let node: FsNode;
    if (link) {
      const target = this.find(link);
      if (target === undefined || target.kind === 'dir') {
        throw new LayerApplyError(`invalid hardlink "${entry.path}" -> "${entry.linkname ?? ''}"`);
      }
      node = target; // the same inode under a second name
    } else if (entry.type === 'dir') {
      if (existing?.kind === 'dir') node = Object.assign(this.dir(names), meta);
      else node = newDir(meta);
    } else if (entry.type === 'symlink') node = newSymlink(meta, entry.linkname ?? '');
    else node = newFile(meta, entry.content ?? emptyContent);
    parent.children.set(name, node);
  }
}
