// The kernel a container runs on. Containers have no kernel of their own: every container on a host
// shares the host's, so `uname -r` inside alpine and inside ubuntu print the same release — here
// Docker Desktop's LinuxKit VM kernel — and only the machine name follows the image's architecture
// (which is why running an arm64 image on an amd64 host needs emulation). Memory and CPUs are the
// VM's too: `free` and `nproc` inside a container show the host's unless limits are set.

/** `uname -r`. */
export const KERNEL_RELEASE = '6.10.14-linuxkit';
/** `uname -v`. */
export const KERNEL_VERSION = '#1 SMP Fri Nov 29 17:22:03 UTC 2024';
/** `uname -s`. */
export const KERNEL_NAME = 'Linux';
/** The first line of /proc/version. */
export const PROC_VERSION = `Linux version ${KERNEL_RELEASE} (root@buildkitsandbox) (gcc (Alpine 13.2.1_git20240309) 13.2.1 20240309, GNU ld (GNU Binutils) 2.42) ${KERNEL_VERSION}`;

/** CPUs the VM has (`nproc`). */
export const CPU_COUNT = 4;
/** Memory the VM has, in kB (`free`, /proc/meminfo). */
export const MEMORY_KB = {
  total: 8_039_768,
  free: 5_902_340,
  available: 7_215_508,
  buffers: 104_412,
  cached: 1_289_100,
};
/** How long the host had been up when the simulation's first container started. */
export const HOST_UPTIME_AT_START_MS = 2 * 3600_000 + 17 * 60_000;

/** `uname -m` for a Docker architecture name. */
export function machineOf(architecture: string | undefined): string {
  switch (architecture) {
    case 'arm64':
      return 'aarch64';
    case 'arm':
      return 'armv7l';
    case '386':
      return 'i686';
    case 's390x':
      return 's390x';
    default:
      return 'x86_64';
  }
}
