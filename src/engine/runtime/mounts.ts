// The mount namespace: what is mounted where inside a container. Docker (through runc) gives every
// container the same basic set — the overlay root, a fresh procfs, a small tmpfs on /dev with the
// standard device nodes, devpts for terminals, a read-only sysfs and cgroup tree, a POSIX message
// queue and a 64 MB /dev/shm — plus three files bind-mounted from the daemon's directory for this
// container: /etc/resolv.conf, /etc/hostname and /etc/hosts. Volumes and bind mounts (`-v`) add
// lines. `mount` and `cat /proc/mounts` print this table; `df` sizes the entries that have blocks.

import type { MountInfo } from './contract';

export interface DefaultMountOptions {
  /** overlay2's directories for this container, shown in the root's options. */
  overlay?: { lowerdirs: readonly string[]; upperdir: string; workdir: string };
  /** The host disk behind /var/lib/docker (Docker Desktop's VM disk). */
  hostDevice?: string;
  /** Size and usage of that disk, 1K blocks. */
  disk?: { total: number; used: number };
  /** Extra mounts (volumes, binds, tmpfs), appended after Docker's own. */
  extra?: readonly MountInfo[];
}

const DISK = { total: 61_202_244, used: 10_926_668 };
const SIXTY_FOUR_MB = { total: 65_536, used: 0 };

/** The mount table Docker sets up for a container, in /proc/mounts order. */
export function defaultMounts(options: DefaultMountOptions = {}): MountInfo[] {
  const disk = options.disk ?? DISK;
  const device = options.hostDevice ?? '/dev/vda1';
  const overlay = options.overlay;
  const rootOptions =
    overlay === undefined
      ? 'rw,relatime'
      : `rw,relatime,lowerdir=${overlay.lowerdirs.join(':')},upperdir=${overlay.upperdir},workdir=${overlay.workdir}`;
  return [
    { source: 'overlay', target: '/', fstype: 'overlay', options: rootOptions, blocks: disk },
    { source: 'proc', target: '/proc', fstype: 'proc', options: 'rw,nosuid,nodev,noexec,relatime' },
    {
      source: 'tmpfs',
      target: '/dev',
      fstype: 'tmpfs',
      options: 'rw,nosuid,size=65536k,mode=755,inode64',
      blocks: SIXTY_FOUR_MB,
    },
    {
      source: 'devpts',
      target: '/dev/pts',
      fstype: 'devpts',
      options: 'rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666',
    },
    { source: 'sysfs', target: '/sys', fstype: 'sysfs', options: 'ro,nosuid,nodev,noexec,relatime' },
    { source: 'cgroup', target: '/sys/fs/cgroup', fstype: 'cgroup2', options: 'ro,nosuid,nodev,noexec,relatime' },
    { source: 'mqueue', target: '/dev/mqueue', fstype: 'mqueue', options: 'rw,nosuid,nodev,noexec,relatime' },
    {
      source: 'shm',
      target: '/dev/shm',
      fstype: 'tmpfs',
      options: 'rw,nosuid,nodev,noexec,relatime,size=65536k,inode64',
      blocks: SIXTY_FOUR_MB,
    },
    ...['/etc/resolv.conf', '/etc/hostname', '/etc/hosts'].map((target) => ({
      source: device,
      target,
      fstype: 'ext4',
      options: 'rw,relatime',
      blocks: disk,
    })),
    ...(options.extra ?? []),
  ];
}

/** One line of /proc/mounts (the `0 0` are dump and fsck order, always zero here). */
export function procMountsLine(m: MountInfo): string {
  return `${m.source} ${m.target} ${m.fstype} ${m.options} 0 0`;
}
