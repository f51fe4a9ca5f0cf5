// What `stat` and `ls -l` report about a name in a container: type, permission bits, owner, size,
// modification time — and, because this is a teaching simulator, which layer the answer comes from.
// A file the container never touched is served by the image's lower layers; once written, chmod-ed
// or created it lives in the container's own upper layer.
import type { Merged } from './overlay-union';
import { seen } from './overlay-union';
import { sizeOf } from './snapshot-node';

export interface Stats {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch. */
  mtime: number;
  /** Bytes of a file, length of a symlink's target, 4096 for a directory. */
  size: number;
  /** Which layer serves it: the container's upper layer, or the image's lower layers. */
  layer: 'upper' | 'lower';
}

export function statsOf(m: Merged): Stats {
  const node = seen(m);
  const { mode, uid, gid, mtime } = node;
  return { type: node.kind, mode, uid, gid, mtime, size: sizeOf(node), layer: m.upper ? 'upper' : 'lower' };
}
