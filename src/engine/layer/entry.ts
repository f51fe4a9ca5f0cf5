// One entry of a filesystem as a layer carries it: the unit shared by the tar writer and reader, the
// overlay filesystem, the builder and the official-image catalogue.
//
// Paths are relative to the root, `/`-separated, with no leading `/`, no trailing `/`, no `.` or
// `..` segments (`etc/os-release`, `usr/share/nginx/html`). In a layer, a deletion is an ordinary
// empty file named `.wh.<name>` beside the deleted name, and an opaque directory (whose lower
// contents are hidden) holds an empty file named `.wh..wh..opq` — exactly as in the OCI image spec
// (layer.md, "Whiteouts"); the overlay module turns those into deletions.
import type { Bytes } from '../bytes';

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink';

export interface FsEntry {
  path: string;
  type: EntryType;
  /** Permission bits including setuid/setgid/sticky (`0o755`, `0o4755`), without the file-type bits. */
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch. Layers we write use a fixed time so the same files give the same bytes. */
  mtime: number;
  /** File content (files only; empty for the others). */
  content?: Bytes;
  /** Symlink target, or for a hardlink the path (same form as `path`) of the file it links to. */
  linkname?: string;
}

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_WHITEOUT = '.wh..wh..opq';
