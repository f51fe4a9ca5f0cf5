// HostConfig as inspect shows it: what the client sent, completed the way dockerd completes it at
// create time (moby `adaptContainerSettings` and the defaults of an unset field) — `json-file`
// logging, a 64 MiB /dev/shm, the runc runtime, private IPC and cgroup namespaces, and the paths
// of /proc and /sys a container may not see or write. The CLI's `"NetworkMode":"default"` becomes
// the default network's name, `bridge`; an empty restart policy is `no`. Its maps (PortBindings,
// Tmpfs) have their keys sorted, as Go writes maps.
import { sortedMap } from '../api/responses';
import type { CreateHostConfig } from './create-body';

export const MASKED_PATHS = [
  '/proc/asound',
  '/proc/acpi',
  '/proc/interrupts',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/sys/firmware',
  '/sys/devices/virtual/powercap',
];

export const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** The network a container joins: `bridge` for `default` or nothing, else as given. */
export function networkModeOf(host: CreateHostConfig): string {
  return host.NetworkMode === '' || host.NetworkMode === 'default' ? 'bridge' : host.NetworkMode;
}

/** The full HostConfig object of inspect, fields in moby's order. */
export function inspectHostConfig(host: CreateHostConfig): Record<string, unknown> {
  const raw = host.raw;
  const given = (name: string, fallback: unknown) => (raw[name] === undefined ? fallback : raw[name]);
  const orDefault = (name: string, fallback: unknown) =>
    raw[name] === undefined || raw[name] === null || raw[name] === '' || raw[name] === 0 ? fallback : raw[name];
  return {
    Binds: given('Binds', null),
    ContainerIDFile: given('ContainerIDFile', ''),
    LogConfig: orDefault('LogConfig', { Type: 'json-file', Config: {} }),
    NetworkMode: networkModeOf(host),
    PortBindings: sortedMap(given('PortBindings', {}) as Record<string, unknown> | null) ?? {},
    RestartPolicy: {
      Name: host.RestartPolicy.Name === '' ? 'no' : host.RestartPolicy.Name,
      MaximumRetryCount: host.RestartPolicy.MaximumRetryCount,
    },
    AutoRemove: host.AutoRemove,
    VolumeDriver: given('VolumeDriver', ''),
    VolumesFrom: given('VolumesFrom', null),
    ConsoleSize: given('ConsoleSize', [0, 0]),
    CapAdd: given('CapAdd', null),
    CapDrop: given('CapDrop', null),
    CgroupnsMode: orDefault('CgroupnsMode', 'private'),
    Dns: given('Dns', []),
    DnsOptions: given('DnsOptions', []),
    DnsSearch: given('DnsSearch', []),
    ExtraHosts: given('ExtraHosts', null),
    GroupAdd: given('GroupAdd', null),
    IpcMode: orDefault('IpcMode', 'private'),
    Cgroup: given('Cgroup', ''),
    Links: given('Links', null),
    OomScoreAdj: given('OomScoreAdj', 0),
    PidMode: given('PidMode', ''),
    Privileged: given('Privileged', false),
    PublishAllPorts: given('PublishAllPorts', false),
    ReadonlyRootfs: given('ReadonlyRootfs', false),
    SecurityOpt: given('SecurityOpt', null),
    ...(raw.Tmpfs !== undefined && raw.Tmpfs !== null
      ? { Tmpfs: sortedMap(raw.Tmpfs as Record<string, unknown>) }
      : {}),
    UTSMode: given('UTSMode', ''),
    UsernsMode: given('UsernsMode', ''),
    ShmSize: orDefault('ShmSize', 67_108_864),
    Runtime: orDefault('Runtime', 'runc'),
    Isolation: given('Isolation', ''),
    CpuShares: given('CpuShares', 0),
    Memory: given('Memory', 0),
    NanoCpus: given('NanoCpus', 0),
    CgroupParent: given('CgroupParent', ''),
    BlkioWeight: given('BlkioWeight', 0),
    BlkioWeightDevice: given('BlkioWeightDevice', []),
    BlkioDeviceReadBps: given('BlkioDeviceReadBps', []),
    BlkioDeviceWriteBps: given('BlkioDeviceWriteBps', []),
    BlkioDeviceReadIOps: given('BlkioDeviceReadIOps', []),
    BlkioDeviceWriteIOps: given('BlkioDeviceWriteIOps', []),
    CpuPeriod: given('CpuPeriod', 0),
    CpuQuota: given('CpuQuota', 0),
    CpuRealtimePeriod: given('CpuRealtimePeriod', 0),
    CpuRealtimeRuntime: given('CpuRealtimeRuntime', 0),
    CpusetCpus: given('CpusetCpus', ''),
    CpusetMems: given('CpusetMems', ''),
    Devices: given('Devices', []),
    DeviceCgroupRules: given('DeviceCgroupRules', null),
    DeviceRequests: given('DeviceRequests', null),
    MemoryReservation: given('MemoryReservation', 0),
    MemorySwap: given('MemorySwap', 0),
    MemorySwappiness: given('MemorySwappiness', null),
    OomKillDisable: given('OomKillDisable', null),
    PidsLimit: given('PidsLimit', null),
    Ulimits: given('Ulimits', []),
    CpuCount: given('CpuCount', 0),
    CpuPercent: given('CpuPercent', 0),
    IOMaximumIOps: given('IOMaximumIOps', 0),
    IOMaximumBandwidth: given('IOMaximumBandwidth', 0),
    ...(Array.isArray(raw.Mounts) && raw.Mounts.length > 0 ? { Mounts: raw.Mounts } : {}),
    MaskedPaths: given('MaskedPaths', null) ?? MASKED_PATHS,
    ReadonlyPaths: given('ReadonlyPaths', null) ?? READONLY_PATHS,
  };
}
