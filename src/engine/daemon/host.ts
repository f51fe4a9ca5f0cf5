// The machine a daemon runs on, as `docker info` and `docker version` describe it: its name, the
// engine's ID, CPUs, memory, kernel and distribution. A lesson's world gives each host its own
// (a laptop, a cloud VM, an on-premises server); `defaultHost` is the student's laptop.

export interface HostInfo {
  /** Host name (`docker info` → Name). */
  name: string;
  /** The engine's ID, a UUID kept in /var/lib/docker/engine-id. */
  id: string;
  ncpu: number;
  /** Bytes of RAM. */
  memTotal: number;
  kernelVersion: string;
  operatingSystem: string;
  osVersion: string;
  dockerRootDir: string;
}

/** A typical laptop running Docker Engine on Ubuntu, named `name`. */
export function defaultHost(name = 'laptop'): HostInfo {
  return {
    name,
    id: 'b7d4c1a2-5e3f-4a6b-9c8d-0e1f2a3b4c5d',
    ncpu: 8,
    memTotal: 16_609_005_568,
    kernelVersion: '6.8.0-60-generic',
    operatingSystem: 'Ubuntu 24.04.2 LTS',
    osVersion: '24.04',
    dockerRootDir: '/var/lib/docker',
  };
}
