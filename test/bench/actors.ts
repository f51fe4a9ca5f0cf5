// Issue 7: the world's network in instant mode, and the trace's memory over a long session.
//
//   A1  messages per second the network carries in instant mode: `docker version`-sized commands
//       (HEAD /_ping, GET /version) from the laptop's terminal, each message traced and relayed to
//       the actors, the virtual clock jumping from delivery to delivery.
//   A2  heap retained by a world after 10,000 such commands (the trace keeps full messages only for
//       the last 20 commands and at most 50,000 entries): measured around a forced GC when Node
//       runs with --expose-gc, else approximate. The issue sets no target for either: reported only.
import { createWorld } from '../../src/actors/world/world';
import type { WireRequest } from '../../src/engine/wire/message';
import type { BenchRow } from './table';

const ping: WireRequest = { method: 'HEAD', url: '/_ping', headers: {} };
const version: WireRequest = { method: 'GET', url: '/v1.50/version', headers: {} };

function heapUsed(): { bytes: number; exact: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return { bytes: process.memoryUsage().heapUsed, exact: gc !== undefined };
}

async function throughput(commands: number): Promise<number> {
  const world = await createWorld({ seed: 'bench-throughput' });
  await world.run([ping, version]); // warm up
  const before = world.trace.entries().filter((e) => e.kind !== 'event').length;
  const t0 = performance.now();
  for (let i = 0; i < commands; i++) await world.run([ping, version]);
  const seconds = (performance.now() - t0) / 1000;
  const carried = world.trace.entries().filter((e) => e.kind !== 'event').length - before;
  world.stop();
  return carried / seconds;
}

async function retained(commands: number): Promise<{ bytes: number; exact: boolean; entries: number }> {
  const world = await createWorld({ seed: 'bench-memory' });
  await world.run(ping);
  const start = heapUsed();
  for (let i = 0; i < commands; i++) await world.run([ping, version]);
  const end = heapUsed();
  const entries = world.trace.entries().length;
  world.stop();
  return { bytes: Math.max(0, end.bytes - start.bytes), exact: start.exact && end.exact, entries };
}

export async function actorBenchRows(): Promise<BenchRow[]> {
  const rate = await throughput(1_000);
  const memory = await retained(10_000);
  const mb = memory.bytes / 1e6;
  return [
    {
      id: 'A1',
      what: 'network messages carried per second (instant mode, traced, relayed to actors)',
      value: rate,
      unit: 'msg/s',
    },
    {
      id: 'A2',
      what: `heap retained after 10,000 commands (${memory.entries} trace entries${memory.exact ? '' : ', no --expose-gc: approximate'})`,
      value: mb,
      unit: 'MB',
    },
  ];
}
