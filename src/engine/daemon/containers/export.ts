// `docker export` (moby daemon/export.go): the container's filesystem as one tar — what its
// overlay mount shows, image layers, init layer and its own layer merged — the way dockerd tars
// the mounted RW layer. That mount is not what the container's processes see: the files Docker
// bind-mounts into a running container (/etc/hostname, /etc/hosts, /etc/resolv.conf) are, in the
// layer, the init layer's empty placeholders (mode 0755), and volumes are not in it at all. The
// init layer exists from `docker create` on, so a container that never ran exports it too.
//
// A dead container, or one being removed, cannot be exported (409). Event: `export`.
import type { Bytes } from '../../bytes';
import type { FsEntry } from '../../layer/entry';
import { commitUpper } from '../../layer/overlay-commit';
import { applyLayer } from '../../layer/snapshot';
import { snapshotToEntries } from '../../layer/snapshot-entries';
import { writeTar } from '../../layer/tar';
import { DaemonError } from '../api/errors';
import type { Container } from './container';
import { logContainerEvent } from './container-events';
import type { ContainerService } from './service';

/** The bind-mounted files: their content lives outside the container's layers. */
const BIND_MOUNTED = new Set(['etc/hostname', 'etc/hosts', 'etc/resolv.conf']);

/** The init layer as moby's initlayer.Setup makes it: empty files and directories, all 0755. */
export function initPlaceholders(mtime: number): FsEntry[] {
  const meta = { mode: 0o755, uid: 0, gid: 0, mtime };
  const file = (path: string): FsEntry => ({ path, type: 'file', content: new Uint8Array(0), ...meta });
  const dir = (path: string): FsEntry => ({ path, type: 'dir', ...meta });
  return [
    file('.dockerenv'),
    dir('dev'),
    file('dev/console'),
    dir('dev/pts'),
    dir('dev/shm'),
    dir('etc'),
    file('etc/hostname'),
    file('etc/hosts'),
    { path: 'etc/mtab', type: 'symlink', linkname: '/proc/mounts', ...meta, mode: 0o777 },
    file('etc/resolv.conf'),
    dir('proc'),
    dir('sys'),
  ];
}

/** The entries of the container's mounted RW layer, as `docker export` tars them. */
export function exportEntries(container: Container): FsEntry[] {
  // The init layer was made at `docker create` and sits above the image: its directories' metadata
  // (etc, dev, proc…) is what the merged mount shows, as overlayfs takes a directory's from the top.
  const init = initPlaceholders(Math.floor(container.created / 1000));
  const own = commitUpper(container.rootfs).filter((e) => !BIND_MOUNTED.has(e.path));
  return snapshotToEntries(applyLayer(applyLayer(container.rootfs.lower, init), own));
}

/** `GET /containers/{id}/export`: the tar, after moby's refusals. */
export function exportContainer(svc: ContainerService, container: Container): Bytes {
  if (container.state.dead) {
    throw DaemonError.conflict(`You cannot export container ${container.id} which is Dead`);
  }
  if (container.state.removalInProgress) {
    throw DaemonError.conflict(`You cannot export container ${container.id} which is being removed`);
  }
  const tar = writeTar(exportEntries(container));
  logContainerEvent(svc.ctx.events, container, 'export');
  return tar;
}
