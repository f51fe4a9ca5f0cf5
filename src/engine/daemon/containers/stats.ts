// `docker stats` (moby daemon/stats.go and stats_unix.go on a cgroup v2 host): what a container's
// cgroup has counted — CPU time, memory, block I/O, processes — and what its network interfaces
// have carried. A real daemon reads the kernel's counters once a second; the simulation has no
// kernel counters, so it derives them from what it does know, deterministically, on the world's
// clock:
//
//   CPU      each process of the container's PID namespace costs a little to start (an exec),
//            then burns one CPU while it is `running` (a busy loop) and almost nothing while it
//            is `sleeping` (nginx waiting for requests, `sleep`); a frozen (paused) one, nothing.
//            The host counts `ncpu` CPUs' worth of time since it booted (`system_cpu_usage`).
//   memory   each process's resident memory (a shell is small, nginx bigger, node much bigger),
//            its kernel stack and slab, the libraries it maps, and — as page cache — what the
//            container wrote to its own layer; the limit is `--memory`, else the host's RAM.
//   block    the bytes written to its writable layer.
//   PIDs     how many processes it has.
//   network  one `ethN` per network interface, with the bytes and packets the simulated network
//            carried across it (../networks/traffic.ts: HTTP messages, one packet per message or
//            streamed chunk, no TCP/IP overhead).
//
// The CLI computes CPU % from two samples a second apart (`precpu_stats` is the earlier one), and
// MEM USAGE as `usage - inactive_file`: so a container looping in a shell shows about 100%, an
// idle nginx 0.00% and a few MiB. A container that is not running has zeros (only its name and ID).
import type { ProcessInfo } from '../../runtime/contract';
import { goTime } from '../api/system-info';
import type { HostInfo } from '../host';
import type { Container } from './container';
import type { ContainerService } from './service';
import { sizeRw } from './sizes';

export interface CpuStats {
  cpu_usage: { total_usage: number; usage_in_kernelmode: number; usage_in_usermode: number };
  system_cpu_usage?: number;
  online_cpus?: number;
  throttling_data: { periods: number; throttled_periods: number; throttled_time: number };
}

interface BlkioEntry {
  major: number;
  minor: number;
  op: string;
  value: number;
}

/** container.StatsResponse, fields in moby's order (Go's omitempty applied). */
export interface StatsJson {
  name: string;
  id: string;
  read: string;
  preread: string;
  pids_stats: { current?: number; limit?: number };
  blkio_stats: Record<(typeof BLKIO_FIELDS)[number], BlkioEntry[] | null>;
  num_procs: number;
  storage_stats: Record<string, never>;
  cpu_stats: CpuStats;
  precpu_stats: CpuStats;
  memory_stats: { usage?: number; stats?: Record<string, number>; limit?: number };
  networks?: Record<string, Record<(typeof NETWORK_FIELDS)[number], number>>;
}

/** One reading of the counters: when, and the CPU part (the next reading's `precpu_stats`). */
export interface StatsReading {
  at: number;
  cpu: CpuStats;
}

const BLKIO_FIELDS = [
  'io_service_bytes_recursive',
  'io_serviced_recursive',
  'io_queue_recursive',
  'io_service_time_recursive',
  'io_wait_time_recursive',
  'io_merged_recursive',
  'io_time_recursive',
  'sectors_recursive',
] as const;
const NETWORK_FIELDS = [
  'rx_bytes',
  'rx_packets',
  'rx_errors',
  'rx_dropped',
  'tx_bytes',
  'tx_packets',
  'tx_errors',
  'tx_dropped',
] as const;

/** Go's zero time.Time, as JSON. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';
/** When the simulated hosts booted: the origin of `system_cpu_usage`. */
const HOST_BOOT = Date.UTC(2024, 0, 1);
/** CPU time an exec costs, in nanoseconds. */
const START_COST_NS = 2_000_000;
/** Share of one CPU a process uses in each state. */
const CPU_SHARE: Record<ProcessInfo['state'], number> = { running: 1, sleeping: 0.00001, stopped: 0, zombie: 0 };
const KiB = 1024;
const MiB = 1024 * KiB;
/** Resident (anonymous) memory by program; anything else is a small C program. */
const RESIDENT: [RegExp, number][] = [
  [/^node$/, 42 * MiB],
  [/^python/, 9 * MiB],
  [/^httpd$/, 4 * MiB],
  [/^redis-server$/, 3 * MiB],
  [/^nginx:?$/, 1536 * KiB],
  [/^(sh|ash|bash|dash)$/, 400 * KiB],
];
const SMALL_PROGRAM = 256 * KiB;

const emptyCpu = (): CpuStats => ({
  cpu_usage: { total_usage: 0, usage_in_kernelmode: 0, usage_in_usermode: 0 },
  throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
});

/** The stats of a container that is not running: its name and ID, everything else zero. */
export function emptyStats(container: Container): StatsJson {
  return {
    name: container.name,
    id: container.id,
    read: ZERO_TIME,
    preread: ZERO_TIME,
    pids_stats: {},
    blkio_stats: Object.fromEntries(BLKIO_FIELDS.map((f) => [f, null])) as StatsJson['blkio_stats'],
    num_procs: 0,
    storage_stats: {},
    cpu_stats: emptyCpu(),
    precpu_stats: emptyCpu(),
    memory_stats: {},
  };
}

/** CPU time (ns) the processes had used by `at` (ms since the epoch), in whole microseconds as cgroup v2 counts. */
export function cpuUsageAt(processes: readonly ProcessInfo[], at: number): number {
  let total = 0;
  for (const p of processes) {
    if (p.startedAt > at) continue;
    total += START_COST_NS + CPU_SHARE[p.state] * (at - p.startedAt) * 1e6;
  }
  return Math.floor(total / 1000) * 1000;
}

/** The CPU part of a reading at `at`. */
export function cpuStatsAt(processes: readonly ProcessInfo[], at: number, host: HostInfo): CpuStats {
  const total = cpuUsageAt(processes, at);
  const kernel = Math.floor((total * 0.3) / 1000) * 1000;
  return {
    cpu_usage: { total_usage: total, usage_in_kernelmode: kernel, usage_in_usermode: total - kernel },
    system_cpu_usage: Math.max(0, at - HOST_BOOT) * 1e6 * host.ncpu,
    online_cpus: host.ncpu,
    throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
  };
}

const pageRound = (bytes: number) => Math.ceil(bytes / (4 * KiB)) * 4 * KiB;

function residentOf(p: ProcessInfo): number {
  const name = (p.argv[0] ?? '').replace(/^.*\//, '');
  return RESIDENT.find(([pattern]) => pattern.test(name))?.[1] ?? SMALL_PROGRAM;
}

/** memory_stats on cgroup v2: memory.current and the memory.stat keys moby copies. */
export function memoryStats(
  processes: readonly ProcessInfo[],
  written: number,
  limit: number,
): StatsJson['memory_stats'] {
  const anon = processes.reduce((sum, p) => sum + residentOf(p), 0);
  const mapped = processes.length * 128 * KiB;
  const cache = pageRound(written);
  const kernelStack = processes.length * 16 * KiB;
  const slab = 96 * KiB + processes.length * 8 * KiB;
  const stats: Record<string, number> = {
    active_anon: 0,
    active_file: mapped,
    anon,
    anon_thp: 0,
    file: mapped + cache,
    file_dirty: 0,
    file_mapped: mapped,
    file_writeback: 0,
    inactive_anon: anon,
    inactive_file: cache,
    kernel_stack: kernelStack,
    pgactivate: 0,
    pgdeactivate: 0,
    pgfault: Math.floor(anon / (4 * KiB)) * 3,
    pglazyfree: 0,
    pglazyfreed: 0,
    pgmajfault: 0,
    pgrefill: 0,
    pgscan: 0,
    pgsteal: 0,
    shmem: 0,
    slab,
    slab_reclaimable: Math.floor(slab / 2),
    slab_unreclaimable: slab - Math.floor(slab / 2),
    sock: 0,
    thp_collapse_alloc: 0,
    thp_fault_alloc: 0,
    unevictable: 0,
    workingset_activate: 0,
    workingset_nodereclaim: 0,
    workingset_refault: 0,
  };
  return { usage: anon + mapped + cache + kernelStack + slab, stats, limit };
}

/**
 * One sample of a running container at `at`, with `previous` as its `pre…` half (none for a
 * one-shot sample). A container that is not running (or restarting) gives `emptyStats`.
 */
export function sampleStats(
  svc: ContainerService,
  container: Container,
  at: number,
  previous: StatsReading | undefined,
): { json: StatsJson; reading: StatsReading | undefined } {
  const task = container.task;
  const out = emptyStats(container);
  if (previous !== undefined) {
    out.preread = previous.at === 0 ? ZERO_TIME : goTime(previous.at);
    out.precpu_stats = previous.cpu;
  }
  if (!container.state.running || container.state.restarting || task === undefined) {
    return { json: out, reading: { at: 0, cpu: out.cpu_stats } };
  }
  const processes = task.processes().filter((p) => p.state !== 'zombie');
  const host = svc.ctx.host;
  const memory = Number(container.hostConfig.raw.Memory ?? 0);
  const written = sizeRw(container);
  const pidsLimit = Number(container.hostConfig.raw.PidsLimit ?? 0);
  out.read = goTime(at);
  out.pids_stats = { current: processes.length, ...(pidsLimit > 0 ? { limit: pidsLimit } : {}) };
  if (written > 0) {
    out.blkio_stats.io_service_bytes_recursive = [
      { major: 259, minor: 0, op: 'read', value: 0 },
      { major: 259, minor: 0, op: 'write', value: pageRound(written) },
    ];
  }
  out.cpu_stats = cpuStatsAt(processes, at, host);
  out.memory_stats = memoryStats(processes, written, memory > 0 ? Math.min(memory, host.memTotal) : host.memTotal);
  const networks = networkStats(svc, container);
  if (networks !== undefined) out.networks = networks;
  return { json: out, reading: { at, cpu: out.cpu_stats } };
}

/**
 * `networks`: one `ethN` per interface of the container's sandbox, in the order it joined the
 * networks, with what crossed it (../networks/traffic.ts). None (omitted, as Go's omitempty does)
 * when the sandbox has no interface: `host` and `none` endpoints have none, and a container in
 * another's namespace has no sandbox of its own.
 */
function networkStats(svc: ContainerService, container: Container): StatsJson['networks'] {
  const endpoints = [...(svc.networking.attachments.of(container.id)?.endpoints.values() ?? [])].filter(
    (ep) => ep.ipAddress !== '',
  );
  if (endpoints.length === 0) return undefined;
  return Object.fromEntries(
    endpoints.map((ep, i) => {
      const counters = svc.networking.traffic.of(ep.endpointId);
      const fields = { ...counters, rx_errors: 0, rx_dropped: 0, tx_errors: 0, tx_dropped: 0 };
      return [`eth${i}`, Object.fromEntries(NETWORK_FIELDS.map((f) => [f, fields[f]]))];
    }),
  ) as StatsJson['networks'];
}

/** The reading a second before `at`, as the collector's previous tick would have taken it. */
export function readingBefore(svc: ContainerService, container: Container, at: number): StatsReading | undefined {
  const task = container.task;
  if (!container.state.running || container.state.restarting || task === undefined) return undefined;
  const processes = task.processes().filter((p) => p.state !== 'zombie');
  return { at: at - 1000, cpu: cpuStatsAt(processes, at - 1000, svc.ctx.host) };
}
