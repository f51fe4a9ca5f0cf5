// Volumes and mounts as the Engine API shows them (swagger Volume, MountPoint): a volume with its
// creation time in RFC 3339 (whole seconds, as the local driver stamps it), its driver, mount
// point, labels, scope and options — plus, in `/system/df`, its size and how many containers use
// it — and a container's mounts as inspect and `docker ps` list them, sorted by destination.
import { sortedMap } from '../api/responses';
import type { ContainerMount } from './container-mounts';
import type { Volume } from './volume';

/** RFC 3339 with seconds, UTC (`2025-01-01T10:00:00Z`). */
export function volumeTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function volumeJson(volume: Volume, usage?: { size: number; refCount: number }): Record<string, unknown> {
  const out: Record<string, unknown> = {
    CreatedAt: volumeTime(volume.createdAt),
    Driver: 'local',
    Labels: sortedMap(volume.labels),
    Mountpoint: volume.mountpoint,
    Name: volume.name,
    Options: sortedMap(volume.options),
    Scope: 'local',
  };
  if (usage !== undefined) out.UsageData = { Size: usage.size, RefCount: usage.refCount };
  return out;
}

/** One entry of a container's `Mounts` (moby MountPoint), fields in moby's order. */
export function mountJson(mount: ContainerMount): Record<string, unknown> {
  if (mount.type === 'volume') {
    return {
      Type: 'volume',
      Name: mount.source,
      Source: `/var/lib/docker/volumes/${mount.source}/_data`,
      Destination: mount.destination,
      Driver: 'local',
      Mode: mount.mode,
      RW: mount.rw,
      Propagation: mount.propagation,
    };
  }
  return {
    Type: mount.type,
    Source: mount.source,
    Destination: mount.destination,
    Mode: mount.mode,
    RW: mount.rw,
    Propagation: mount.propagation,
  };
}

/** A container's listed mounts, by destination. */
export function mountsJson(mounts: readonly ContainerMount[]): Record<string, unknown>[] {
  return mounts
    .filter((m) => m.listed)
    .sort((a, b) => (a.destination < b.destination ? -1 : a.destination > b.destination ? 1 : 0))
    .map(mountJson);
}
