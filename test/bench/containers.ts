// P4: one daemon with 1,000 running containers — a classroom's worth of `docker run -d alpine sleep
// 1d` on one host — and what `docker ps` costs there: the median time of `GET /containers/json`
// (through the Engine API handler, in process, the answer read and decoded as a client would), and
// the heap the daemon holds for the containers, measured around a forced GC when Node runs with
// --expose-gc (else approximate). Targets from issue 6: ≤ 50 ms and ≤ 200 MB.
// A few listings run untimed first: a student's `docker ps` meets a daemon that has listed before,
// not code the JS engine has yet to compile, and the first runs would otherwise weigh in the median.
import { utf8 } from '../../src/engine/bytes';
import { createDaemon, defaultHost } from '../../src/engine/daemon';
import { hostTransport } from '../../src/engine/daemon/distribution/transport';
import { ImageStore } from '../../src/engine/daemon/image-store';
import { MemoryBlobStore } from '../../src/engine/store/memory-blob-store';
import { readBody, type Handler } from '../../src/engine/wire/message';
import { createWorldRegistries } from '../../src/engine/world/registries';
import type { BenchRow } from './table';

async function call(daemon: Handler, method: string, url: string, body?: unknown): Promise<string> {
  const res = await daemon({
    method,
    url,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: utf8(JSON.stringify(body)) }),
  });
  const text = new TextDecoder().decode(await readBody(res.body));
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text;
}

function heapUsed(): { bytes: number; exact: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return { bytes: process.memoryUsage().heapUsed, exact: gc !== undefined };
}

export async function containerBenchRows(containers = 1000, listings = 15, warmUps = 3): Promise<BenchRow[]> {
  const world = await createWorldRegistries();
  const daemon = createDaemon({
    store: await ImageStore.open(new MemoryBlobStore()),
    transport: hostTransport(world.hosts),
    host: defaultHost('classroom'),
  });
  await call(daemon, 'POST', '/v1.50/images/create?fromImage=alpine&tag=latest');
  const before = heapUsed();
  for (let i = 0; i < containers; i++) {
    const { Id } = JSON.parse(
      await call(daemon, 'POST', `/v1.50/containers/create?name=sleeper-${i}`, {
        Image: 'alpine',
        Cmd: ['sleep', '86400'],
      }),
    ) as { Id: string };
    await call(daemon, 'POST', `/v1.50/containers/${Id}/start`);
  }
  const after = heapUsed();
  const listed = JSON.parse(await call(daemon, 'GET', '/v1.50/containers/json')) as unknown[];
  if (listed.length !== containers) throw new Error(`GET /containers/json listed ${listed.length} of ${containers}`);
  for (let i = 0; i < warmUps; i++) await call(daemon, 'GET', '/v1.50/containers/json');
  const times: number[] = [];
  for (let i = 0; i < listings; i++) {
    const t0 = performance.now();
    await call(daemon, 'GET', '/v1.50/containers/json');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  // The sleepers wait on the daemon's wall clock for a day: kill them, or the bench never exits.
  for (const { Id } of listed as { Id: string }[]) await call(daemon, 'POST', `/v1.50/containers/${Id}/kill`);
  const median = times[Math.floor(times.length / 2)]!;
  const megabytes = (after.bytes - before.bytes) / 1024 / 1024;
  return [
    {
      id: 'P4',
      what: `GET /containers/json with ${containers} running containers (median of ${listings}, after ${warmUps} untimed)`,
      value: median,
      unit: 'ms',
      target: '≤ 50 ms',
      met: median <= 50,
    },
    {
      id: 'P4',
      what: `heap held for ${containers} running containers${after.exact ? '' : ' (approximate: run with --expose-gc)'}`,
      value: megabytes,
      unit: 'MB',
      target: '≤ 200 MB',
      met: megabytes <= 200,
    },
  ];
}
