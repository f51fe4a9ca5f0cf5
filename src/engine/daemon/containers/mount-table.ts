// A container's mount namespace as /proc/mounts lists it (and `mount`, `df` inside show it): the
// overlay root, the kernel's pseudo filesystems Docker mounts for every container, and the three
// files it bind-mounts from the host's disk (/etc/resolv.conf, /etc/hostname, /etc/hosts).
import type { MountInfo } from '../../runtime/contract';

const ROOT = '/var/lib/docker/overlay2';

/** The mount table of a container whose writable layer is overlay2 mount `mountId`, over `lowerCount` layers. */
export function containerMounts(mountId: string, lowerCount: number): MountInfo[] {
  const lower = [
    `${ROOT}/l/${mountId.slice(0, 26).toUpperCase()}-INIT`,
    ...Array.from({ length: lowerCount }, (_, i) => `${ROOT}/l/L${i}`),
  ];
  const disk = { total: 102_626_232, used: 31_481_020 };
  const shm = { total: 65_536, used: 0 };
  return [
    {
      source: 'overlay',
      target: '/',
      fstype: 'overlay',
      options: `rw,relatime,lowerdir=${lower.join(':')},upperdir=${ROOT}/${mountId}/diff,workdir=${ROOT}/${mountId}/work,nouserxattr`,
      blocks: disk,
    },
    { source: 'proc', target: '/proc', fstype: 'proc', options: 'rw,nosuid,nodev,noexec,relatime' },
    {
      source: 'tmpfs',
      target: '/dev',
      fstype: 'tmpfs',
      options: 'rw,nosuid,size=65536k,mode=755,inode64',
      blocks: shm,
    },
    {
      source: 'devpts',
      target: '/dev/pts',
      fstype: 'devpts',
      options: 'rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666',
    },
    { source: 'sysfs', target: '/sys', fstype: 'sysfs', options: 'ro,nosuid,nodev,noexec,relatime' },
    {
      source: 'cgroup',
      target: '/sys/fs/cgroup',
      fstype: 'cgroup2',
      options: 'ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot',
    },
    { source: 'mqueue', target: '/dev/mqueue', fstype: 'mqueue', options: 'rw,nosuid,nodev,noexec,relatime' },
    {
      source: 'shm',
      target: '/dev/shm',
      fstype: 'tmpfs',
      options: 'rw,nosuid,nodev,noexec,relatime,size=65536k,inode64',
      blocks: shm,
    },
    ...['/etc/resolv.conf', '/etc/hostname', '/etc/hosts'].map((target) => ({
      source: '/dev/sda1',
      target,
      fstype: 'ext4',
      options: 'rw,relatime,discard,errors=remount-ro',
      blocks: disk,
    })),
  ];
}
