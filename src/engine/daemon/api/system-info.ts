// What `GET /info` and `GET /version` describe: the engine and the host, in the shapes of moby's
// system.Info and types.Version for API 1.50. The classic engine on Linux: overlay2 on ext4,
// systemd cgroups v2, runc, the default registry Docker Hub, and loopback registries insecure by
// default (127.0.0.0/8 and ::1/128), which is why `docker push 127.0.0.1:5000/…` speaks plain HTTP.
import type { DaemonContext } from '../context';
import {
  API_VERSION,
  BUILD_TIME,
  COMPONENTS,
  ENGINE_GIT_COMMIT,
  ENGINE_VERSION,
  GO_VERSION,
  MIN_API_VERSION,
} from '../version';

/** Go's RFC 3339 with nanoseconds, in UTC: `2025-06-01T12:00:00.123456789Z`. */
export function goTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2025-06-01T12:00:00.123Z
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return iso.slice(0, 19) + (fraction ? `.${fraction}` : '') + 'Z';
}

export function versionBody(ctx: DaemonContext): Record<string, unknown> {
  const arch = ctx.platform.architecture;
  return {
    Platform: { Name: 'Docker Engine - Community' },
    Components: [
      {
        Name: 'Engine',
        Version: ENGINE_VERSION,
        Details: {
          ApiVersion: API_VERSION,
          Arch: arch,
          BuildTime: BUILD_TIME,
          Experimental: 'false',
          GitCommit: ENGINE_GIT_COMMIT,
          GoVersion: GO_VERSION,
          KernelVersion: ctx.host.kernelVersion,
          MinAPIVersion: MIN_API_VERSION,
          Os: 'linux',
        },
      },
      {
        Name: 'containerd',
        Version: COMPONENTS.containerd.version,
        Details: { GitCommit: COMPONENTS.containerd.commit },
      },
      { Name: 'runc', Version: COMPONENTS.runc.version, Details: { GitCommit: COMPONENTS.runc.commit } },
      {
        Name: 'docker-init',
        Version: COMPONENTS.dockerInit.version,
        Details: { GitCommit: COMPONENTS.dockerInit.commit },
      },
    ],
    Version: ENGINE_VERSION,
    ApiVersion: API_VERSION,
    MinAPIVersion: MIN_API_VERSION,
    GitCommit: ENGINE_GIT_COMMIT,
    GoVersion: GO_VERSION,
    Os: 'linux',
    Arch: arch,
    KernelVersion: ctx.host.kernelVersion,
    BuildTime: BUILD_TIME,
  };
}

/** `uname -m` names for `docker info` → Architecture. */
const unameMachine: Record<string, string> = { amd64: 'x86_64', arm64: 'aarch64' };

/** moby's state counter (containers, issue 6): restarting counts as stopped. */
function containerCounts(ctx: DaemonContext): { total: number; running: number; paused: number; stopped: number } {
  const counts = { total: 0, running: 0, paused: 0, stopped: 0 };
  for (const container of ctx.containers?.store.list() ?? []) {
    counts.total++;
    const status = container.status;
    if (status === 'running') counts.running++;
    else if (status === 'paused') counts.paused++;
    else counts.stopped++;
  }
  return counts;
}

export function infoBody(ctx: DaemonContext): Record<string, unknown> {
  const host = ctx.host;
  const commit = (ID: string) => ({ ID });
  const containers = containerCounts(ctx);
  return {
    ID: host.id,
    Containers: containers.total,
    ContainersRunning: containers.running,
    ContainersPaused: containers.paused,
    ContainersStopped: containers.stopped,
    Images: ctx.store.list().length,
    Driver: 'overlay2',
    DriverStatus: [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Using metacopy', 'false'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
    },
    MemoryLimit: true,
    SwapLimit: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    BridgeNfIptables: false,
    BridgeNfIp6tables: false,
    Debug: false,
    NFd: 24,
    OomKillDisable: false,
    NGoroutines: 41,
    SystemTime: goTime(ctx.now()),
    LoggingDriver: 'json-file',
    CgroupDriver: 'systemd',
    CgroupVersion: '2',
    NEventsListener: 0,
    KernelVersion: host.kernelVersion,
    OperatingSystem: host.operatingSystem,
    OSVersion: host.osVersion,
    OSType: 'linux',
    Architecture: unameMachine[ctx.platform.architecture] ?? ctx.platform.architecture,
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      InsecureRegistryCIDRs: ['::1/128', '127.0.0.0/8'],
      IndexConfigs: { 'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true } },
      Mirrors: null,
    },
    NCPU: host.ncpu,
    MemTotal: host.memTotal,
    GenericResources: null,
    DockerRootDir: host.dockerRootDir,
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: host.name,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE_VERSION,
    Runtimes: { 'io.containerd.runc.v2': { path: 'runc' }, runc: { path: 'runc' } },
    DefaultRuntime: 'runc',
    Swarm: {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: commit(COMPONENTS.containerd.commit),
    RuncCommit: commit(COMPONENTS.runc.commit),
    InitCommit: commit(COMPONENTS.dockerInit.commit),
    SecurityOptions: ['name=seccomp,profile=builtin', 'name=cgroupns'],
    CDISpecDirs: ['/etc/cdi', '/var/run/cdi'],
    Containerd: {
      Address: '/run/containerd/containerd.sock',
      Namespaces: { Containers: 'moby', Plugins: 'plugins.moby' },
    },
    Warnings: null,
  };
}
