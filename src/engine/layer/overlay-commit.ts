// `docker commit`, and every `RUN` of a build: the container's upper layer becomes a new image layer.
//
// With overlay2 the layer is simply a tar of the upper directory (moby's overlay2 `Diff` tars the
// `diff/` dir with the overlay whiteout format), so it holds every directory the container copied up
// (with its metadata) and every file it wrote, in full. Only the overlay markers are translated into
// the OCI form (moby `archive_linux.go`, `overlayWhiteoutConverter.ConvertWrite`):
//   - a whiteout (a 0/0 character device) becomes an empty regular file `.wh.<name>` with mode 0600,
//     keeping the device's owner (root) and its time — the time of the deletion;
//   - an opaque directory gets an extra empty file `<dir>/.wh..wh..opq` with the directory's
//     permission bits and owner, and no time (the epoch).
// The root directory itself is not part of the layer, as in Docker: a `chmod /` is not committed.
//
// The order is fixed so the same changes always give the same tar bytes, hence the same digest:
// depth-first, and in each directory the opaque marker, then the whiteouts, then the other names,
// each group sorted — the OCI spec asks that whiteouts come before their sibling entries.
import type { FsEntry } from './entry';
import { OPAQUE_WHITEOUT, WHITEOUT_PREFIX } from './entry';
import { sortedNames } from './fs-path';
import type { Overlay } from './overlay';
import type { UpperDir, Whiteout } from './overlay-union';
import { nodeEntry } from './snapshot-entries';
import type { Bytes } from '../bytes';

/** Mode of a `.wh.` file in a committed overlay2 layer. */
export const WHITEOUT_MODE = 0o600;

const empty = (): Bytes => new Uint8Array(0) as Bytes;

/** The container's changes as the entries of a new layer, whiteouts and opaque markers included. */
export function commitUpper(overlay: Overlay): FsEntry[] {
  const out: FsEntry[] = [];
  const seen = new Map<object, string>();
  const visit = (dir: UpperDir, prefix: string): void => {
    const at = (name: string) => (prefix === '' ? name : `${prefix}/${name}`);
    if (dir.opaque && prefix !== '') out.push(opaqueMarker(dir, at(OPAQUE_WHITEOUT)));
    const names = sortedNames(dir.children);
    for (const name of names) {
      const child = dir.children.get(name);
      if (child?.kind === 'whiteout') out.push(whiteoutFile(child, at(WHITEOUT_PREFIX + name)));
    }
    for (const name of names) {
      const child = dir.children.get(name);
      if (child === undefined || child.kind === 'whiteout') continue;
      out.push(nodeEntry(child, at(name), seen));
      if (child.kind === 'dir') visit(child, at(name));
    }
  };
  visit(overlay.upper, '');
  return out;
}

function whiteoutFile(whiteout: Whiteout, path: string): FsEntry {
  return { path, type: 'file', mode: WHITEOUT_MODE, uid: 0, gid: 0, mtime: whiteout.mtime, content: empty() };
}

function opaqueMarker(dir: UpperDir, path: string): FsEntry {
  return { path, type: 'file', mode: dir.mode & 0o777, uid: dir.uid, gid: dir.gid, mtime: 0, content: empty() };
}
