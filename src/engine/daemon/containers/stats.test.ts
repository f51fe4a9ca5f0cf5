// `GET /containers/{id}/stats`: the CPU model as a table, the shapes moby sends (a stopped
// container's zeros, a running one's sample with the sample a second before it), one-shot and
// streamed answers on the simulated clock, and — over the real simulated runtime — what
// `docker stats` would compute from them: a busy loop near 100%, idle nginx near 0%.
import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../bytes';
import type { ProcessInfo } from '../../runtime/contract';
import { SimulatedClock } from '../../runtime/clock';
import { call, memoryStore } from '../daemon.fixture';
import { daemonContext, daemonHandler } from '../daemon';
import { defaultHost } from '../host';
import { loadCatalogueImage } from './catalogue-images.fixture';
import { settle, testDaemon, type TestDaemon } from './containers.fixture';
import { seededIds } from './ids';
import { SimulatedRuntime } from './runtime-adapter';
import { cpuStatsAt, cpuUsageAt, type StatsJson } from './stats';

const T = Date.UTC(2025, 0, 1, 12);
const proc = (state: ProcessInfo['state'], startedAt: number): ProcessInfo => ({
  pid: 1,
  hostPid: 2001,
  ppid: 0,
  uid: 0,
  argv: ['x'],
  startedAt,
  state,
});

/** The CLI's CPU % (docker/cli calculateCPUPercentUnix). */
function cpuPercent(s: StatsJson): number {
  const cpu = s.cpu_stats.cpu_usage.total_usage - s.precpu_stats.cpu_usage.total_usage;
  const system = (s.cpu_stats.system_cpu_usage ?? 0) - (s.precpu_stats.system_cpu_usage ?? 0);
  return system > 0 && cpu > 0 ? (cpu / system) * (s.cpu_stats.online_cpus ?? 0) * 100 : 0;
}

describe('the CPU model', () => {
  it.each([
    ['a busy process for 1 s', [proc('running', T - 1000)], 1_002_000_000],
    ['an idle process for 1 s', [proc('sleeping', T - 1000)], 2_010_000],
    ['a frozen process', [proc('stopped', T - 60_000)], 2_000_000],
    ['a process not started yet', [proc('running', T + 1)], 0],
    ['two busy processes for 2 s', [proc('running', T - 2000), proc('running', T - 2000)], 4_004_000_000],
  ])('%s', (_name, processes, ns) => {
    expect(cpuUsageAt(processes, T)).toBe(ns);
  });

  it('the host counts every CPU: 8 CPUs give 8e9 ns a second', () => {
    const host = defaultHost();
    const a = cpuStatsAt([], T - 1000, host).system_cpu_usage!;
    const b = cpuStatsAt([], T, host).system_cpu_usage!;
    expect(b - a).toBe(8e9);
  });
});

const stats = async (d: TestDaemon, id: string, query = 'stream=0') => d.api('GET', `/containers/${id}/stats?${query}`);

describe('stats over the fake runtime', () => {
  it('a container that is not running: its name and ID, zeros, in moby’s field order', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'web');
    const res = await stats(d, 'web');
    expect(res.headers['Content-Type']).toBe('application/json');
    expect(res.text).toBe(
      `{"name":"/web","id":"${id}","read":"0001-01-01T00:00:00Z","preread":"0001-01-01T00:00:00Z",` +
        '"pids_stats":{},"blkio_stats":{"io_service_bytes_recursive":null,"io_serviced_recursive":null,' +
        '"io_queue_recursive":null,"io_service_time_recursive":null,"io_wait_time_recursive":null,' +
        '"io_merged_recursive":null,"io_time_recursive":null,"sectors_recursive":null},"num_procs":0,' +
        '"storage_stats":{},"cpu_stats":{"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},' +
        '"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},' +
        '"precpu_stats":{"cpu_usage":{"total_usage":0,"usage_in_kernelmode":0,"usage_in_usermode":0},' +
        '"throttling_data":{"periods":0,"throttled_periods":0,"throttled_time":0}},"memory_stats":{}}\n',
    );
  });

  it('a running container: read now, preread a second before, PIDs, memory against the host’s RAM, eth0', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'web');
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    await d.clock.advance(5000);
    d.svc.store.get(id)!.rootfs.writeFile('/tmp/data', 'x'.repeat(10_000));
    const s = (await stats(d, 'web')).json as StatsJson;
    expect(s.read).toBe('2025-01-01T00:00:05Z');
    expect(s.preread).toBe('2025-01-01T00:00:04Z');
    expect(s.pids_stats).toEqual({ current: 1 });
    expect(s.cpu_stats.online_cpus).toBe(8);
    expect(s.cpu_stats.cpu_usage.total_usage).toBeGreaterThan(s.precpu_stats.cpu_usage.total_usage);
    expect(s.memory_stats.limit).toBe(defaultHost().memTotal);
    expect(s.memory_stats.stats!.inactive_file).toBe(12_288);
    expect(s.memory_stats.usage).toBeGreaterThan(12_288);
    expect(s.blkio_stats.io_service_bytes_recursive).toEqual([
      { major: 259, minor: 0, op: 'read', value: 0 },
      { major: 259, minor: 0, op: 'write', value: 12_288 },
    ]);
    expect(Object.keys(s.networks ?? {})).toEqual(['eth0']);
  });

  it('--memory and --pids-limit are the limits once set', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    await d.api('POST', `/containers/${id}/update`, { Memory: 64 << 20, MemorySwap: -1, PidsLimit: 10 });
    const s = (await stats(d, id)).json as StatsJson;
    expect(s.memory_stats.limit).toBe(64 << 20);
    expect(s.pids_stats).toEqual({ current: 1, limit: 10 });
  });

  it('one-shot: no earlier sample', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    const s = (await stats(d, id, 'stream=0&one-shot=1')).json as StatsJson;
    expect(s.preread).toBe('0001-01-01T00:00:00Z');
    expect(s.precpu_stats.cpu_usage.total_usage).toBe(0);
    expect(s.precpu_stats.system_cpu_usage).toBeUndefined();
    expect(s.cpu_stats.cpu_usage.total_usage).toBeGreaterThan(0);
  });

  it('stream=1 with one-shot=1: 400; an unknown container: 404', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    expect(await stats(d, id, 'stream=1&one-shot=1')).toMatchObject({
      status: 400,
      json: { message: 'cannot have stream=true and one-shot=true' },
    });
    expect(await stats(d, 'nosuch')).toMatchObject({ status: 404, json: { message: 'No such container: nosuch' } });
  });

  it('streamed: a sample each second of the clock, each with the one before; ends when the reader leaves', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    const res = await d.handler({ method: 'GET', url: `/containers/${id}/stats`, headers: {} });
    expect(res.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    const reader = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const first = JSON.parse(fromUtf8((await reader.next()).value as Uint8Array)) as StatsJson;
    expect(first.preread).toBe('0001-01-01T00:00:00Z');
    await d.clock.advance(1000);
    const second = JSON.parse(fromUtf8((await reader.next()).value as Uint8Array)) as StatsJson;
    expect(second.preread).toBe(first.read);
    expect(second.precpu_stats).toEqual(first.cpu_stats);
    await reader.return!();
    await d.clock.advance(1000);
    expect(d.clock.pending).toBe(0);
  });

  it('streamed: removing the container ends the stream', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    const res = await d.handler({ method: 'GET', url: `/containers/${id}/stats`, headers: {} });
    const reader = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    const first = JSON.parse(fromUtf8((await reader.next()).value as Uint8Array)) as StatsJson;
    expect(first.read).toBe('0001-01-01T00:00:00Z');
    await d.api('DELETE', `/containers/${id}`);
    await d.clock.advance(1000);
    expect((await reader.next()).done).toBe(true);
  });
});

describe('stats over the simulated runtime, as `docker stats` reads them', () => {
  async function daemon() {
    const clock = new SimulatedClock(Date.UTC(2025, 0, 1));
    const { store } = await memoryStore(() => clock.now());
    await loadCatalogueImage(store, 'alpine');
    await loadCatalogueImage(store, 'nginx');
    const ctx = daemonContext({
      store,
      transport: async () => {
        throw new Error('no registry');
      },
      now: () => clock.now(),
      containers: { runtime: new SimulatedRuntime(), clock, ids: seededIds('stats') },
    });
    const handler = daemonHandler(ctx);
    const api = (method: string, url: string, body?: unknown) =>
      call(handler, method, url, body === undefined ? undefined : JSON.stringify(body));
    const started = async (body: Record<string, unknown>) => {
      const id = ((await api('POST', '/containers/create', body)).json as { Id: string }).Id;
      await api('POST', `/containers/${id}/start`);
      await clock.advance(2000);
      return id;
    };
    return { api, started };
  }

  it('a shell looping: about one CPU; idle nginx: almost nothing, five processes, a few MiB', async () => {
    const d = await daemon();
    const busy = await d.started({ Image: 'alpine', Cmd: ['sh', '-c', 'while true; do :; done'] });
    const web = await d.started({ Image: 'nginx' });
    const busyStats = (await d.api('GET', `/containers/${busy}/stats?stream=0`)).json as StatsJson;
    const webStats = (await d.api('GET', `/containers/${web}/stats?stream=0`)).json as StatsJson;
    expect(cpuPercent(busyStats)).toBeCloseTo(100, 0);
    expect(cpuPercent(webStats)).toBeLessThan(0.1);
    expect(webStats.pids_stats.current).toBeGreaterThan(1);
    const used = webStats.memory_stats.usage! - webStats.memory_stats.stats!.inactive_file!;
    expect(used).toBeGreaterThan(1 << 20);
    expect(used).toBeLessThan(64 << 20);
  });
});
