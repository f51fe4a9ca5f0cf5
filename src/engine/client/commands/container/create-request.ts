// The body of `POST /containers/create`, built from `docker run`/`docker create` flags the way
// docker/cli's `parse()` (`cli/command/container/opts.go`) builds it: the container's Config
// (command, environment, ports it exposes, volumes, labels…), the HostConfig (bindings to the
// host: published ports, bind mounts, restart policy, limits) and the NetworkingConfig. Fields are
// written in Go's declaration order with their zero values, as the real CLI sends them — that is
// what the request looks like on the wire, and in the animation.
import type { FlagValues } from '../../cli/flag';
import { parsePorts, PortSpecError, type PortBinding } from './ports';
import { parseMountSpec } from './mount-spec';
import { networkingConfig, parseNetworkAttachment } from './network-options';
import { parseVolumes } from './volumes';

export interface ContainerConfigInput {
  flags: FlagValues;
  image: string;
  command: string[];
  /** Environment values read from `--env-file` files, before `-e`. */
  envFromFiles: string[];
  labelsFromFiles: string[];
  /** The client's working directory, for `-v ./dir:/x`. */
  cwd: string;
  /** Console size [rows, columns] when stdout is a terminal. */
  consoleSize: [number, number];
}

export interface CreateRequest {
  body: Record<string, unknown>;
  autoRemove: boolean;
  tty: boolean;
  openStdin: boolean;
  attach: { stdin: boolean; stdout: boolean; stderr: boolean };
}

const sorted = <V>(entries: Iterable<[string, V]>): Record<string, V> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** opts.ParseRestartPolicy: `no`, `always`, `unless-stopped`, `on-failure[:N]`. */
export function parseRestartPolicy(text: string): { Name: string; MaximumRetryCount: number } {
  if (text === '') return { Name: '', MaximumRetryCount: 0 };
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  const count = colon < 0 ? '' : text.slice(colon + 1);
  if (colon >= 0 && name === '') throw new Error('invalid restart policy format: no policy provided before colon');
  let max = 0;
  if (count !== '') {
    if (!/^[+-]?\d+$/.test(count))
      throw new Error('invalid restart policy format: maximum retry count must be an integer');
    max = Number(count);
  }
  return { Name: name, MaximumRetryCount: max };
}

function keyValues(texts: readonly string[]): Record<string, string> {
  const out = new Map<string, string>();
  for (const text of texts) {
    const eq = text.indexOf('=');
    out.set(eq < 0 ? text : text.slice(0, eq), eq < 0 ? '' : text.slice(eq + 1));
  }
  return sorted(out);
}

const HEALTH_FLAGS = [
  'health-interval',
  'health-timeout',
  'health-retries',
  'health-start-period',
  'health-start-interval',
] as const;
/** HealthConfig's fields in Go's order: Test, Interval, Timeout, StartPeriod, StartInterval, Retries. */
const GO_FIELD_ORDER = [
  'health-interval',
  'health-timeout',
  'health-start-period',
  'health-start-interval',
  'health-retries',
] as const;
const HEALTH_FIELDS: Record<(typeof HEALTH_FLAGS)[number], string> = {
  'health-interval': 'Interval',
  'health-timeout': 'Timeout',
  'health-retries': 'Retries',
  'health-start-period': 'StartPeriod',
  'health-start-interval': 'StartInterval',
};

/**
 * `--health-*` and `--no-healthcheck` as docker/cli reads them: only non-zero values count as
 * settings (so `--health-retries 0 --no-healthcheck` is fine), negative ones are refused in this
 * order, and zero fields stay off the wire (Go's omitempty).
 */
function healthcheck(flags: FlagValues): Record<string, unknown> | undefined {
  const cmd = flags.string('health-cmd');
  const haveSettings = cmd !== '' || HEALTH_FLAGS.some((f) => flags.number(f) !== 0);
  if (flags.bool('no-healthcheck')) {
    if (haveSettings) throw new Error('--no-healthcheck conflicts with --health-* options');
    return { Test: ['NONE'] };
  }
  if (!haveSettings) return undefined;
  for (const f of HEALTH_FLAGS) {
    if (flags.number(f) < 0) throw new Error(`--${f} cannot be negative`);
  }
  const check: Record<string, unknown> = {};
  if (cmd !== '') check.Test = ['CMD-SHELL', cmd];
  for (const f of GO_FIELD_ORDER) if (flags.number(f) !== 0) check[HEALTH_FIELDS[f]] = flags.number(f);
  return check;
}

/** Build the create request; throws an Error with docker/cli's words for a bad value. */
export function buildCreateRequest(input: ContainerConfigInput): CreateRequest {
  const { flags } = input;
  const attachList = flags.list('attach').map((a) => a.toLowerCase());
  for (const a of attachList) {
    if (!['stdin', 'stdout', 'stderr'].includes(a))
      throw new Error(`invalid argument ${a}: must be one of stdin, stdout, stderr`);
  }
  const openStdin = flags.bool('interactive');
  const attach = {
    stdin: attachList.includes('stdin') || openStdin,
    stdout: attachList.length === 0 || attachList.includes('stdout'),
    stderr: attachList.length === 0 || attachList.includes('stderr'),
  };
  let ports;
  try {
    ports = parsePorts(flags.list('publish'), flags.list('expose'));
  } catch (err) {
    if (err instanceof PortSpecError) throw new Error(err.message, { cause: err });
    throw err;
  }
  const { binds, volumes } = parseVolumes(flags.list('volume'), input.cwd);
  const restart = parseRestartPolicy(flags.string('restart'));
  const autoRemove = flags.bool('rm');
  if (autoRemove && restart.Name !== '' && restart.Name !== 'no') {
    throw new Error('conflicting options: cannot specify both --restart and --rm');
  }
  const env = [...input.envFromFiles, ...flags.list('env')];
  const labels = keyValues([...input.labelsFromFiles, ...flags.list('label')]);
  const entrypoint = flags.string('entrypoint');
  const networks = [...flags.list('network'), ...flags.list('net')];
  const networkMode = networks.length > 0 ? parseNetworkAttachment(networks[0]!).target : 'default';
  const check = healthcheck(flags);

  const config: Record<string, unknown> = {
    Hostname: flags.string('hostname'),
    Domainname: flags.string('domainname'),
    User: flags.string('user'),
    AttachStdin: attach.stdin,
    AttachStdout: attach.stdout,
    AttachStderr: attach.stderr,
  };
  if (ports.exposed.size > 0)
    config.ExposedPorts = sorted([...ports.exposed.keys()].map((p) => [p, {}] as [string, object]));
  Object.assign(config, {
    Tty: flags.bool('tty'),
    OpenStdin: openStdin,
    StdinOnce: false,
    Env: env.length > 0 ? env : null,
    Cmd: input.command.length > 0 ? input.command : null,
  });
  if (check) config.Healthcheck = check;
  Object.assign(config, {
    Image: input.image,
    Volumes: sorted(volumes.map((v) => [v, {}] as [string, object])),
    WorkingDir: flags.string('workdir'),
    Entrypoint: entrypoint !== '' ? [entrypoint] : flags.changed('entrypoint') ? [''] : null,
  });
  config.OnBuild = null;
  config.Labels = labels;
  if (flags.string('stop-signal')) config.StopSignal = flags.string('stop-signal');
  if (flags.changed('stop-timeout')) config.StopTimeout = flags.number('stop-timeout');

  const hostConfig: Record<string, unknown> = {
    Binds: binds.length > 0 ? binds : null,
    ContainerIDFile: flags.string('cidfile'),
    LogConfig: { Type: flags.string('log-driver'), Config: keyValues(flags.list('log-opt')) },
    NetworkMode: networkMode,
    PortBindings: sorted(ports.bindings as Map<string, PortBinding[]>),
    RestartPolicy: restart,
    AutoRemove: autoRemove,
    VolumeDriver: flags.string('volume-driver'),
    VolumesFrom: flags.list('volumes-from').length > 0 ? flags.list('volumes-from') : null,
    ConsoleSize: input.consoleSize,
  };
  if (flags.list('annotation').length > 0) hostConfig.Annotations = keyValues(flags.list('annotation'));
  const orNull = (name: string) => (flags.list(name).length > 0 ? flags.list(name) : null);
  Object.assign(hostConfig, {
    CapAdd: orNull('cap-add'),
    CapDrop: orNull('cap-drop'),
    CgroupnsMode: flags.string('cgroupns'),
    Dns: flags.list('dns'),
    DnsOptions: flags.list('dns-option'),
    DnsSearch: flags.list('dns-search'),
    ExtraHosts: orNull('add-host'),
    GroupAdd: orNull('group-add'),
    IpcMode: flags.string('ipc'),
    Cgroup: '',
    Links: orNull('link'),
    OomScoreAdj: flags.number('oom-score-adj'),
    PidMode: flags.string('pid'),
    Privileged: flags.bool('privileged'),
    PublishAllPorts: flags.bool('publish-all'),
    ReadonlyRootfs: flags.bool('read-only'),
    SecurityOpt: orNull('security-opt'),
  });
  if (flags.list('storage-opt').length > 0) hostConfig.StorageOpt = keyValues(flags.list('storage-opt'));
  if (flags.list('tmpfs').length > 0) {
    hostConfig.Tmpfs = sorted(
      flags.list('tmpfs').map((t) => {
        const colon = t.indexOf(':');
        return [colon < 0 ? t : t.slice(0, colon), colon < 0 ? '' : t.slice(colon + 1)] as [string, string];
      }),
    );
  }
  Object.assign(hostConfig, {
    UTSMode: flags.string('uts'),
    UsernsMode: flags.string('userns'),
    ShmSize: flags.number('shm-size'),
  });
  if (flags.list('sysctl').length > 0) hostConfig.Sysctls = keyValues(flags.list('sysctl'));
  if (flags.string('runtime')) hostConfig.Runtime = flags.string('runtime');
  Object.assign(hostConfig, {
    Isolation: flags.string('isolation'),
    CpuShares: flags.number('cpu-shares'),
    Memory: flags.number('memory'),
    NanoCpus: Math.round(flags.number('cpus') * 1e9),
    CgroupParent: flags.string('cgroup-parent'),
    BlkioWeight: flags.number('blkio-weight'),
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: flags.number('cpu-period'),
    CpuQuota: flags.number('cpu-quota'),
    CpuRealtimePeriod: flags.number('cpu-rt-period'),
    CpuRealtimeRuntime: flags.number('cpu-rt-runtime'),
    CpusetCpus: flags.string('cpuset-cpus'),
    CpusetMems: flags.string('cpuset-mems'),
    Devices: [],
    DeviceCgroupRules: orNull('device-cgroup-rule'),
    DeviceRequests: null,
    MemoryReservation: flags.number('memory-reservation'),
    MemorySwap: flags.number('memory-swap'),
    MemorySwappiness: flags.number('memory-swappiness'),
    OomKillDisable: flags.bool('oom-kill-disable'),
    PidsLimit: flags.number('pids-limit'),
    Ulimits: [],
    CpuCount: flags.number('cpu-count'),
    CpuPercent: flags.number('cpu-percent'),
    IOMaximumIOps: flags.number('io-maxiops'),
    IOMaximumBandwidth: flags.number('io-maxbandwidth'),
  });
  const mounts = flags.list('mount').map((spec) => parseMountSpec(spec, input.cwd));
  if (mounts.length > 0) hostConfig.Mounts = mounts;
  Object.assign(hostConfig, { MaskedPaths: null, ReadonlyPaths: null });
  if (flags.changed('init')) hostConfig.Init = flags.bool('init');

  const { endpoints } = networkingConfig(networks, {
    aliases: [...flags.list('network-alias'), ...flags.list('net-alias')],
    links: flags.list('link'),
    ipv4: flags.string('ip'),
    ipv6: flags.string('ip6'),
    linkLocalIps: flags.list('link-local-ip'),
    macAddress: flags.string('mac-address'),
  });
  return {
    body: { ...config, HostConfig: hostConfig, NetworkingConfig: { EndpointsConfig: endpoints } },
    autoRemove,
    tty: flags.bool('tty'),
    openStdin,
    attach,
  };
}
