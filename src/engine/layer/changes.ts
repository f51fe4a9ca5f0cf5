// `docker diff`: what a container changed in its filesystem, relative to its image.
//
//   C /etc            changed  (the Engine API's FilesystemChange Kind 0)
//   C /etc/hosts
//   A /etc/app.conf   added    (Kind 1)
//   D /tmp/cache      deleted  (Kind 2)
//
// The rules are those of moby's `archive.ChangesDirs` (pkg/archive/changes.go), which compares the
// container's merged view with the image:
//   - a name only in the container is `A`, and so is everything under an added directory;
//   - a name only in the image is `D` — once, for a deleted directory, not for its contents;
//   - a name in both is `C` when its type, mode or owner differ; a file or symlink is also `C` once
//     the container has written, copied up or replaced it (a real write always moves its mtime,
//     which ChangesDirs compares); a directory's size and mtime are ignored;
//   - a directory that has any change inside is `C` itself, listed before its contents — hence the
//     familiar `C /run` above `A /run/nginx.pid`.
// A directory removed and made again (`rm -r d && mkdir d`, opaque in upper) is `C d` with its old
// children `D` and its new ones `A`.
//
// Docker lists siblings in Go map order, which varies from run to run; we list them sorted by name,
// depth-first, so a path always follows its parent.
import { compareNames } from './fs-path';
import type { Overlay } from './overlay';
import type { Merged, MergedDir } from './overlay-union';
import { asDir, mergedChild, mergedNames, seen } from './overlay-union';
import type { DirNode, FsNode } from './snapshot-node';

export type ChangeKind = 'A' | 'C' | 'D';

export interface Change {
  kind: ChangeKind;
  /** Absolute path in the container, e.g. `/etc/hosts`. */
  path: string;
}

/** The numbers the Engine API uses for `Kind` in `GET /containers/{id}/changes`. */
export const CHANGE_KIND_CODES: Readonly<Record<ChangeKind, number>> = { C: 0, A: 1, D: 2 };

/** The container's changes in the order `docker diff` prints them. */
export function changes(overlay: Overlay): Change[] {
  const out: Change[] = [];
  compareDir({ upper: overlay.upper, lower: overlay.lower.root }, overlay.lower.root, '', out);
  return out;
}

/** `merged` is the container's directory at `prefix`; `image` is the image's, if it had one. */
function compareDir(merged: MergedDir, image: DirNode | undefined, prefix: string, out: Change[]): void {
  if (merged.upper === undefined) return; // never touched: identical to the image
  const names = new Set([...mergedNames(merged), ...(image?.children.keys() ?? [])]);
  for (const name of [...names].sort(compareNames)) {
    const path = `${prefix}/${name}`;
    const now = mergedChild(merged, name);
    const before = image?.children.get(name);
    if (before === undefined && now !== undefined) {
      out.push({ kind: 'A', path });
      addAll(now, path, out);
    } else if (now === undefined) {
      out.push({ kind: 'D', path });
    } else if (before !== undefined) {
      const start = out.length;
      const dir = asDir(now);
      if (dir !== undefined) compareDir(dir, before.kind === 'dir' ? before : undefined, path, out);
      if (differs(now, before) || out.length > start) out.splice(start, 0, { kind: 'C', path });
    }
  }
}

function addAll(added: Merged, prefix: string, out: Change[]): void {
  const dir = asDir(added);
  if (dir === undefined) return;
  for (const name of [...mergedNames(dir)].sort(compareNames)) {
    const child = mergedChild(dir, name);
    if (child === undefined) continue;
    out.push({ kind: 'A', path: `${prefix}/${name}` });
    addAll(child, `${prefix}/${name}`, out);
  }
}

function differs(now: Merged, before: FsNode): boolean {
  const node = seen(now);
  if (node === before) return false; // still the image's own node
  if (node.kind !== before.kind) return true;
  if (node.mode !== before.mode || node.uid !== before.uid || node.gid !== before.gid) return true;
  return node.kind !== 'dir'; // a file or symlink that is no longer the image's was written or replaced
}
