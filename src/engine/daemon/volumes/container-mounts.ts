// A container's mounts through its life (moby registerMountPoints, setupMounts, and the volume
// cleanup of `docker rm -v`):
//
//   create   every mount is checked first (./mount-spec.ts); then the named volumes that do not
//            exist yet and one anonymous volume per unnamed one are created, and the container
//            becomes a user of each — nothing is made when a check fails
//   start    each mount is set up on the container's root: a missing `-v` host directory is made,
//            an empty volume gets a copy of what the image has at that place (unless `nocopy`),
//            a tmpfs starts empty (so whatever it held is lost when the container stops), the
//            mount point is made in the container's layer if the image has none; `mount` events
//   stop     `unmount` events
//   remove   the container stops using its volumes; its anonymous volumes are removed with
//            `--rm` and `docker rm -v` (named ones never are)
import type { MountInfo } from '../../runtime/contract';
import type { Overlay } from '../../layer/overlay';
import { Overlay as OverlayFs } from '../../layer/overlay';
import { emptySnapshot, type Snapshot } from '../../layer/snapshot';
import type { DirNode, FsNode } from '../../layer/snapshot-node';
import type { EventLog } from '../events';
import { logVolumeEvent } from '../networks/network-events';
import type { HostPaths } from './host-paths';
import { HostPathsFs, type MountFs } from './mount-fs';
import { mountSpecs, type MountSpec } from './mount-spec';
import type { ActiveMount } from './mounted-overlay';
import { ReadOnlyFs } from './read-only';
import type { VolumeService } from './volume-service';

/** A mount with its volume resolved (`source` is the volume's name for volumes). */
export type ContainerMount = MountSpec;

const DISK = { total: 102_626_232, used: 31_481_020 };

/** The subtree of a snapshot at an absolute path, if it is a directory. */
function subtree(snapshot: Snapshot, path: string): Snapshot | undefined {
  let node: FsNode = snapshot.root;
  for (const name of path.split('/').filter((n) => n !== '')) {
    if (node.kind !== 'dir') return undefined;
    const child: FsNode | undefined = node.children.get(name);
    if (child === undefined) return undefined;
    node = child;
  }
  return node.kind === 'dir' ? { root: node as DirNode } : undefined;
}

export class ContainerVolumes {
  private readonly byContainer = new Map<string, ContainerMount[]>();

  constructor(
    private readonly volumes: VolumeService,
    readonly host: HostPaths,
    private readonly events: EventLog,
    private readonly clock: () => number,
  ) {}

  /** Check a create request's mounts; nothing is made. */
  check(hostConfig: Record<string, unknown>, configVolumes: Record<string, unknown> | null | undefined): MountSpec[] {
    return mountSpecs(hostConfig, configVolumes, this.host);
  }

  /** Make the volumes of checked mounts and record the container as their user. */
  attach(containerId: string, specs: readonly MountSpec[]): void {
    const mounts = specs.map((spec): ContainerMount => {
      if (spec.type !== 'volume') return { ...spec };
      const volume = this.volumes.create(
        { Name: spec.source, ...(spec.labels ? { Labels: spec.labels } : {}) },
        spec.source === '',
      );
      this.volumes.use(volume.name, containerId);
      return { ...spec, source: volume.name };
    });
    this.byContainer.set(containerId, mounts);
  }

  of(containerId: string): readonly ContainerMount[] {
    return this.byContainer.get(containerId) ?? [];
  }

  /** Set up the mounts on a starting container's root (`rootfs`: its overlay without mounts). */
  activate(containerId: string, rootfs: Overlay): { mounts: ActiveMount[]; table: MountInfo[] } {
    const active: ActiveMount[] = [];
    const table: MountInfo[] = [];
    let merged: Snapshot | undefined;
    for (const m of this.of(containerId)) {
      let fs: MountFs;
      if (m.type === 'tmpfs') {
        fs = new OverlayFs(emptySnapshot(), { now: () => Math.floor(this.clock() / 1000) });
        table.push({
          source: 'tmpfs',
          target: m.destination,
          fstype: 'tmpfs',
          options: `${m.rw ? 'rw' : 'ro'},nosuid,nodev,noexec,relatime,inode64`,
          blocks: { total: 8_110_576, used: 0 },
        });
      } else if (m.type === 'bind') {
        if (this.host.stat(m.source) === undefined) this.host.mkdir(m.source);
        fs = new HostPathsFs(this.host, m.source);
        table.push({
          source: '/dev/sda1',
          target: m.destination,
          fstype: 'ext4',
          options: `${m.rw ? 'rw' : 'ro'},relatime`,
          blocks: DISK,
        });
      } else {
        const volume = this.volumes.get(m.source);
        if (volume.isEmpty && !m.noCopy) {
          merged ??= rootfs.snapshot();
          let real: string;
          try {
            real = rootfs.realpath(m.destination);
          } catch {
            real = m.destination;
          }
          const content = subtree(merged, real);
          if (content !== undefined && content.root.children.size > 0) volume.replaceContent(content);
        }
        fs = volume.data;
        table.push({
          source: '/dev/sda1',
          target: m.destination,
          fstype: 'ext4',
          options: `${m.rw ? 'rw' : 'ro'},relatime`,
          blocks: DISK,
        });
      }
      const isFile = m.type === 'bind' && this.host.stat(m.source)?.type === 'file';
      if (!rootfs.exists(m.destination)) {
        const parent = m.destination.slice(0, m.destination.lastIndexOf('/')) || '/';
        if (isFile) {
          rootfs.mkdir(parent, { parents: true });
          rootfs.writeFile(m.destination, '');
        } else rootfs.mkdir(m.destination, { parents: true });
      }
      active.push({ target: m.destination, fs: m.rw ? fs : new ReadOnlyFs(fs) });
      if (m.type === 'volume') {
        logVolumeEvent(this.events, m.source, 'mount', {
          container: containerId,
          destination: m.destination,
          propagation: m.propagation,
          'read/write': String(m.rw),
        });
      }
    }
    return { mounts: active, table };
  }

  /** The container stopped. */
  deactivate(containerId: string): void {
    for (const m of this.of(containerId)) {
      if (m.type === 'volume') logVolumeEvent(this.events, m.source, 'unmount', { container: containerId });
    }
  }

  /** The container is removed; with `removeAnonymous` its anonymous volumes go too. */
  detach(containerId: string, removeAnonymous: boolean): void {
    for (const m of this.of(containerId)) {
      if (m.type !== 'volume') continue;
      this.volumes.release(m.source, containerId);
      if (!removeAnonymous || !this.volumes.has(m.source)) continue;
      const volume = this.volumes.get(m.source);
      if (volume.anonymous && this.volumes.usersOf(m.source).length === 0) this.volumes.remove(m.source, true);
    }
    this.byContainer.delete(containerId);
  }
}
