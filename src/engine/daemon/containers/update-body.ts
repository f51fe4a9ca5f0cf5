// The body of `POST /containers/{id}/update` (moby `container.UpdateConfig`): the container's
// resources — cgroup limits for memory, CPU, block I/O and PIDs — and its restart policy. This is
// what `docker update --memory 256m --memory-swap 512m --cpus 1.5 --restart always web` sends:
//
//   {"CpuShares":0,"Memory":268435456,"NanoCpus":1500000000,…,"PidsLimit":null,
//    "RestartPolicy":{"Name":"always","MaximumRetryCount":0}}
//
// A zero (or empty, or null) field means "leave it as it is". Before it touches the container the
// daemon checks the request on its own (moby `verifyPlatformContainerResources` with update=true,
// on a cgroup v2 host) — every refusal is a 400 in moby's words, and a few settings the kernel
// cannot honour are dropped with a warning instead:
//
//   Memory below 6 MB               Minimum memory limit allowed is 6MB
//   MemorySwap below Memory         Minimum memoryswap limit should be larger than memory limit, see usage
//   NanoCpus beyond the host        range of CPUs is from 0.01 to 8.00, as there are only 8 CPUs available
//   CpuPeriod outside 1 ms…1 s      CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)
//   BlkioWeight outside 10…1000     Range of blkio weight is from 10 to 1000
import { DaemonError } from '../api/errors';
import type { HostInfo } from '../host';
import { validateRestartPolicy, type RestartPolicy } from './restart-policy';

/** The resource fields of an update, as Go decodes them (absent and null are the zero value). */
export interface UpdateResources {
  CpuShares: number;
  Memory: number;
  NanoCpus: number;
  CgroupParent: string;
  BlkioWeight: number;
  CpuPeriod: number;
  CpuQuota: number;
  CpuRealtimePeriod: number;
  CpuRealtimeRuntime: number;
  CpusetCpus: string;
  CpusetMems: string;
  MemoryReservation: number;
  MemorySwap: number;
  /** A pointer in Go: null leaves it alone; 0 and below mean "unlimited" and arrive as 0. */
  PidsLimit: number | null;
  MemorySwappiness: number | null;
  OomKillDisable: boolean | null;
  CpuCount: number;
  CpuPercent: number;
  IOMaximumIOps: number;
  IOMaximumBandwidth: number;
}

export interface UpdateRequest {
  resources: UpdateResources;
  restartPolicy: RestartPolicy;
}

type GoType = 'int64' | 'uint16' | 'uint64' | 'string' | '*int64' | '*bool';

const FIELDS: Readonly<Record<keyof UpdateResources, GoType>> = {
  CpuShares: 'int64',
  Memory: 'int64',
  NanoCpus: 'int64',
  CgroupParent: 'string',
  BlkioWeight: 'uint16',
  CpuPeriod: 'int64',
  CpuQuota: 'int64',
  CpuRealtimePeriod: 'int64',
  CpuRealtimeRuntime: 'int64',
  CpusetCpus: 'string',
  CpusetMems: 'string',
  MemoryReservation: 'int64',
  MemorySwap: 'int64',
  PidsLimit: '*int64',
  MemorySwappiness: '*int64',
  OomKillDisable: '*bool',
  CpuCount: 'int64',
  CpuPercent: 'int64',
  IOMaximumIOps: 'uint64',
  IOMaximumBandwidth: 'uint64',
};

/** linuxMinMemory: 6 MiB. */
export const MIN_MEMORY = 6 * 1024 * 1024;

/** Go's words for a JSON value of the wrong type (`number 1.5`, `string`, `bool`…). */
function goValue(value: unknown): string {
  if (typeof value === 'number') return `number ${value}`;
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function mismatch(value: unknown, field: string, type: string): DaemonError {
  return DaemonError.invalidParameter(
    `invalid JSON: json: cannot unmarshal ${goValue(value)} into Go struct field UpdateConfig.${field} of type ${type}`,
  );
}

function decodeField(value: unknown, field: string, type: GoType): number | string | boolean | null {
  if (value === undefined || value === null) return type.startsWith('*') ? null : type === 'string' ? '' : 0;
  if (type === 'string') {
    if (typeof value !== 'string') throw mismatch(value, field, 'string');
    return value;
  }
  if (type === '*bool') {
    if (typeof value !== 'boolean') throw mismatch(value, field, 'bool');
    return value;
  }
  const goType = type.replace('*', '');
  if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(value, field, goType);
  if ((type === 'uint16' && (value < 0 || value > 0xffff)) || (type === 'uint64' && value < 0)) {
    throw mismatch(value, field, goType);
  }
  return value;
}

/** Decode an update body (an empty body is an empty update), as moby's router does. */
export function decodeUpdateBody(body: Record<string, unknown>): UpdateRequest {
  const resources = {} as Record<string, unknown>;
  for (const [field, type] of Object.entries(FIELDS)) resources[field] = decodeField(body[field], field, type);
  // The router: "Both `0` and `-1` are accepted to set "unlimited" when updating."
  if (typeof resources.PidsLimit === 'number' && resources.PidsLimit <= 0) resources.PidsLimit = 0;
  const policy = body.RestartPolicy ?? {};
  if (typeof policy !== 'object' || Array.isArray(policy)) {
    throw mismatch(policy, 'RestartPolicy', 'container.RestartPolicy');
  }
  const { Name, MaximumRetryCount } = policy as { Name?: unknown; MaximumRetryCount?: unknown };
  const name = decodeField(Name, 'RestartPolicy.Name', 'string') as string;
  const max = decodeField(MaximumRetryCount, 'RestartPolicy.MaximumRetryCount', 'int64') as number;
  return {
    resources: resources as unknown as UpdateResources,
    restartPolicy: validateRestartPolicy({ Name: name, MaximumRetryCount: max }),
  };
}

/** parsers.ParseUintList: `0-3,5` → {0,1,2,3,5}; an error in its words. */
export function parseCpuList(text: string): Set<number> {
  const out = new Set<number>();
  if (text === '') return out;
  for (const part of text.split(',')) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) throw new Error(`invalid format: ${part}`);
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) throw new Error(`invalid range: ${part}`);
    for (let n = from; n <= to; n++) out.add(n);
  }
  return out;
}

function checkCpuset(text: string, available: number, what: 'cpus' | 'mems'): void {
  let wanted: Set<number>;
  try {
    wanted = parseCpuList(text);
  } catch (err) {
    throw DaemonError.invalidParameter(`Invalid value ${text} for cpuset ${what}: ${(err as Error).message}`);
  }
  if ([...wanted].some((n) => n >= available)) {
    const have = available === 1 ? '0' : `0-${available - 1}`;
    throw DaemonError.invalidParameter(
      what === 'cpus'
        ? `Requested CPUs are not available - requested ${text}, available: ${have}`
        : `Requested memory nodes are not available - requested ${text}, available: ${have}`,
    );
  }
}

/**
 * moby's checks of an update on a cgroup v2 host with `host`'s CPUs: the warnings (null when there
 * are none, as Go encodes a nil list), or a 400. Settings the kernel cannot honour are dropped
 * from `request` (swappiness and OOM-kill-disable on cgroup v2, CPU percent on Linux).
 */
export function verifyUpdate(request: UpdateRequest, host: HostInfo): string[] | null {
  const r = request.resources;
  const warnings: string[] = [];
  const fail = (message: string): never => {
    throw DaemonError.invalidParameter(message);
  };
  if (r.MemorySwappiness === -1) r.MemorySwappiness = null;
  if (r.Memory !== 0 && r.Memory < MIN_MEMORY) fail('Minimum memory limit allowed is 6MB');
  if (r.Memory > 0 && r.MemorySwap > 0 && r.MemorySwap < r.Memory) {
    fail('Minimum memoryswap limit should be larger than memory limit, see usage');
  }
  if (r.MemorySwappiness !== null) {
    warnings.push(
      'Your kernel does not support memory swappiness capabilities or the cgroup is not mounted. Memory swappiness discarded.',
    );
    r.MemorySwappiness = null;
  }
  if (r.MemoryReservation > 0 && r.MemoryReservation < MIN_MEMORY) fail('Minimum memory reservation allowed is 6MB');
  if (r.Memory > 0 && r.MemoryReservation > 0 && r.Memory < r.MemoryReservation) {
    fail('Minimum memory limit can not be less than memory reservation limit, see usage');
  }
  if (r.OomKillDisable !== null) {
    if (r.OomKillDisable) warnings.push('Your kernel does not support OomKillDisable. OomKillDisable discarded.');
    r.OomKillDisable = null;
  }
  if (r.NanoCpus > 0 && r.CpuPeriod > 0) fail('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  if (r.NanoCpus > 0 && r.CpuQuota > 0) fail('Conflicting options: Nano CPUs and CPU Quota cannot both be set');
  if (r.NanoCpus !== 0 && (r.NanoCpus < 0 || r.NanoCpus > host.ncpu * 1e9)) {
    fail(`range of CPUs is from 0.01 to ${host.ncpu}.00, as there are only ${host.ncpu} CPUs available`);
  }
  if (r.CpuPeriod !== 0 && (r.CpuPeriod < 1000 || r.CpuPeriod > 1_000_000)) {
    fail('CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)');
  }
  if (r.CpuQuota > 0 && r.CpuQuota < 1000) fail('CPU cfs quota can not be less than 1ms (i.e. 1000)');
  if (r.CpuPercent > 0) {
    warnings.push('linux does not support CPU percent. Percent discarded.');
    r.CpuPercent = 0;
  }
  checkCpuset(r.CpusetCpus, host.ncpu, 'cpus');
  checkCpuset(r.CpusetMems, 1, 'mems');
  if (r.BlkioWeight > 0 && (r.BlkioWeight < 10 || r.BlkioWeight > 1000))
    fail('Range of blkio weight is from 10 to 1000');
  if (r.IOMaximumBandwidth !== 0 || r.IOMaximumIOps !== 0) {
    fail('Invalid QoS settings: linux does not support Maximum IO Bandwidth or Maximum IO IOps');
  }
  if (r.CgroupParent !== '' && (r.CgroupParent.length <= 6 || !r.CgroupParent.endsWith('.slice'))) {
    fail('cgroup-parent for systemd cgroup should be a valid slice named as "xxx.slice"');
  }
  return warnings.length > 0 ? warnings : null;
}
