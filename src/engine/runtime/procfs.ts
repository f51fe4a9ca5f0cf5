// /proc: the kernel's window on itself, mounted fresh in every container. Its files are not
// stored anywhere — each read is generated from the live state — and because the mount belongs to
// the container's PID namespace, /proc lists only the container's own processes, numbered from 1.
// `ps` reads /proc/<pid>/cmdline and status, `free` reads /proc/meminfo, `mount` reads
// /proc/mounts, and /proc/self is a link to the reader's own directory.

import type { ProcessContext, ProcessInfo } from './contract';
import { CPU_COUNT, HOST_UPTIME_AT_START_MS, MEMORY_KB, PROC_VERSION } from './kernel';
import { defaultMounts, procMountsLine } from './mounts';

/** A generated /proc entry: a directory (with its names) or a file (with its text). */
export type ProcEntry =
  { kind: 'dir'; names: string[] } | { kind: 'file'; text: string } | { kind: 'link'; target: string };

const PER_PROCESS = ['cgroup', 'cmdline', 'comm', 'cwd', 'environ', 'fd', 'mounts', 'stat', 'status'];
const TOP = ['cpuinfo', 'loadavg', 'meminfo', 'mounts', 'net', 'self', 'stat', 'sys', 'uptime', 'version'];

/** The /proc entry at `path` (absolute, canonical, under /proc), or undefined. */
export function procEntry(ctx: ProcessContext, path: string): ProcEntry | undefined {
  const names = path
    .split('/')
    .filter((n) => n !== '')
    .slice(1);
  const processes = ctx.processes.list();
  if (names.length === 0) {
    return { kind: 'dir', names: [...processes.map((p) => String(p.pid)), ...TOP] };
  }
  const [first, ...rest] = names as [string, ...string[]];
  if (first === 'self') return rest.length === 0 ? { kind: 'link', target: String(ctx.pid) } : undefined;
  if (/^\d+$/.test(first)) {
    const info = processes.find((p) => p.pid === Number(first));
    return info === undefined ? undefined : processEntry(ctx, info, rest);
  }
  if (rest.length > 0) return systemSubEntry(first, rest);
  return systemEntry(ctx, first, processes);
}

function systemEntry(ctx: ProcessContext, name: string, processes: ProcessInfo[]): ProcEntry | undefined {
  switch (name) {
    case 'version':
      return { kind: 'file', text: `${PROC_VERSION}\n` };
    case 'uptime': {
      const up = uptimeSeconds(ctx, processes);
      return { kind: 'file', text: `${up.toFixed(2)} ${(up * CPU_COUNT * 0.97).toFixed(2)}\n` };
    }
    case 'loadavg':
      return { kind: 'file', text: `0.08 0.03 0.01 1/${processes.length + 180} ${processes.at(-1)?.pid ?? 1}\n` };
    case 'meminfo':
      return { kind: 'file', text: meminfo() };
    case 'cpuinfo':
      return { kind: 'file', text: cpuinfo() };
    case 'mounts':
      return { kind: 'file', text: mountsText(ctx) };
    case 'stat':
      return { kind: 'file', text: `cpu  0 0 0 0 0 0 0 0 0 0\nprocesses ${processes.length}\n` };
    case 'net':
      return { kind: 'dir', names: ['if_inet6', 'route'] };
    case 'sys':
      return { kind: 'dir', names: ['kernel', 'net'] };
    default:
      return undefined;
  }
}

function systemSubEntry(first: string, rest: string[]): ProcEntry | undefined {
  const path = [first, ...rest].join('/');
  if (path === 'net/if_inet6') return { kind: 'file', text: '00000000000000000000000000000001 01 80 10 80       lo\n' };
  if (path === 'net/route')
    return {
      kind: 'file',
      text: 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n',
    };
  if (path === 'sys/kernel') return { kind: 'dir', names: ['hostname', 'ostype', 'osrelease'] };
  if (path === 'sys/net') return { kind: 'dir', names: [] };
  return undefined;
}

/** Seconds since the host booted: uptime is the host's, even inside a container. */
export function uptimeSeconds(ctx: ProcessContext, processes = ctx.processes.list()): number {
  const first = Math.min(...processes.map((p) => p.startedAt), ctx.clock.now());
  return (ctx.clock.now() - first + HOST_UPTIME_AT_START_MS) / 1000;
}

function processEntry(ctx: ProcessContext, info: ProcessInfo, rest: string[]): ProcEntry | undefined {
  if (rest.length === 0) return { kind: 'dir', names: PER_PROCESS };
  const [name, ...more] = rest as [string, ...string[]];
  const comm = (info.argv[0] ?? '').split('/').pop()?.slice(0, 15) ?? '';
  if (name === 'fd') {
    if (more.length === 0) return { kind: 'dir', names: ['0', '1', '2'] };
    return more.length === 1 && ['0', '1', '2'].includes(more[0] as string)
      ? { kind: 'link', target: `pipe:[${40000 + info.pid * 3 + Number(more[0])}]` }
      : undefined;
  }
  if (more.length > 0) return undefined;
  switch (name) {
    case 'cmdline':
      return { kind: 'file', text: info.state === 'zombie' ? '' : info.argv.map((a) => `${a}\0`).join('') };
    case 'comm':
      return { kind: 'file', text: `${comm}\n` };
    case 'cgroup':
      return { kind: 'file', text: '0::/\n' };
    case 'cwd':
      return { kind: 'link', target: info.pid === ctx.pid ? ctx.cwd : '/' };
    case 'environ':
      return {
        kind: 'file',
        text: info.pid === ctx.pid ? [...ctx.env].map(([k, v]) => `${k}=${v}\0`).join('') : '',
      };
    case 'mounts':
      return { kind: 'file', text: mountsText(ctx) };
    case 'stat':
      return { kind: 'file', text: `${info.pid} (${comm}) ${stateLetter(info)} ${info.ppid}\n` };
    case 'status':
      return {
        kind: 'file',
        text:
          `Name:\t${comm}\nState:\t${stateLetter(info)} (${info.state})\nPid:\t${info.pid}\nPPid:\t${info.ppid}\n` +
          `Uid:\t${info.uid}\t${info.uid}\t${info.uid}\t${info.uid}\n`,
      };
    default:
      return undefined;
  }
}

/** The one-letter state `ps` shows: R running, S sleeping, T stopped, Z zombie. */
export function stateLetter(info: ProcessInfo): string {
  return { running: 'R', sleeping: 'S', stopped: 'T', zombie: 'Z' }[info.state];
}

function mountsText(ctx: ProcessContext): string {
  return (ctx.mounts?.() ?? defaultMounts()).map((m) => `${procMountsLine(m)}\n`).join('');
}

function meminfo(): string {
  const m = MEMORY_KB;
  const row = (name: string, kb: number) => `${`${name}:`.padEnd(16)}${String(kb).padStart(8)} kB\n`;
  return [
    row('MemTotal', m.total),
    row('MemFree', m.free),
    row('MemAvailable', m.available),
    row('Buffers', m.buffers),
    row('Cached', m.cached),
    row('SwapCached', 0),
    row('Shmem', 1_212),
    row('SwapTotal', 1_048_572),
    row('SwapFree', 1_048_572),
  ].join('');
}

function cpuinfo(): string {
  const one = (n: number) =>
    `processor\t: ${n}\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Core(TM) i7 CPU @ 2.60GHz\ncpu MHz\t\t: 2600.000\ncpu cores\t: ${CPU_COUNT}\n\n`;
  return Array.from({ length: CPU_COUNT }, (_, n) => one(n)).join('');
}
