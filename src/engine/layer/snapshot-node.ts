// The nodes of an in-memory filesystem tree: what an unpacked layer stack looks like on disk.
//
// A directory maps names to nodes. A regular file node plays the part of an inode: it holds the
// content and the metadata, and a hard link is simply the *same node object* under a second name,
// so a write through one name is seen through the other (and `ls -l` shows one owner, one mode).
// A symbolic link holds the path it points to, resolved only when someone walks through it.
//
// Nodes reachable from a `Snapshot` (./snapshot.ts) are never changed in place — snapshots of image
// layers are shared by every container of the image. The writable upper layer of an overlay
// (./overlay-union.ts) owns its own nodes and changes them freely.
import { utf8, type Bytes } from '../bytes';

/** What `stat` reports besides the type: permission bits, owner, modification time (seconds). */
export interface NodeMeta {
  /** Permission bits with setuid/setgid/sticky, without the file-type bits (`0o755`, `0o4755`). */
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
}

export interface FileNode extends NodeMeta {
  readonly kind: 'file';
  /** Treated as a value: writers replace the array, they never modify it. */
  content: Bytes;
}

export interface SymlinkNode extends NodeMeta {
  readonly kind: 'symlink';
  target: string;
}

export interface DirNode extends NodeMeta {
  readonly kind: 'dir';
  children: Map<string, FsNode>;
}

export type FsNode = FileNode | SymlinkNode | DirNode;

/** Modes a new entry gets when nobody says otherwise: 0666/0777 under the usual umask 022. */
export const DEFAULT_FILE_MODE = 0o644;
export const DEFAULT_DIR_MODE = 0o755;
export const SYMLINK_MODE = 0o777;

/** The bits `chmod` may set: permissions plus setuid, setgid and sticky. */
export const MODE_MASK = 0o7777;

const rootMeta: NodeMeta = { mode: DEFAULT_DIR_MODE, uid: 0, gid: 0, mtime: 0 };

export function metaOf(node: NodeMeta): NodeMeta {
  return { mode: node.mode, uid: node.uid, gid: node.gid, mtime: node.mtime };
}

export function newDir(meta: NodeMeta = rootMeta, children = new Map<string, FsNode>()): DirNode {
  return { kind: 'dir', ...metaOf(meta), children };
}

export function newFile(meta: NodeMeta, content: Bytes): FileNode {
  return { kind: 'file', ...metaOf(meta), content };
}

export function newSymlink(meta: NodeMeta, target: string): SymlinkNode {
  return { kind: 'symlink', ...metaOf(meta), target };
}

/**
 * A private copy of a file or symlink (a copy-up): same content and metadata, a new identity, so
 * the copy no longer shares hard links with the original.
 */
export function copyLeaf<N extends FileNode | SymlinkNode>(node: N): N {
  return { ...node };
}

/** The size `stat` reports: bytes for a file, the target's length for a symlink, 4096 for a directory. */
export function sizeOf(node: FsNode | { kind: 'dir' }): number {
  if (node.kind === 'file') return node.content.length;
  if (node.kind === 'symlink') return utf8(node.target).length;
  return 4096;
}
