// P5: the same skopeo push + pull of the same image against the reference registry (distribution,
// Debian's docker-registry) and against Dockyard's registry served over HTTP. Reported as the
// ratio of medians; target ≤ 1.0 (ours no slower than the reference).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { worldRegistryConfig } from '../../src/engine/registry/presets';
import { mustRun } from '../conformance/support/processes';
import { startDockyardRegistry, startReferenceRegistry, type RunningRegistry } from '../conformance/support/registries';
import { findTool } from '../conformance/tools';
import type { BenchRow } from './table';

async function sourceImage(dir: string): Promise<string> {
  const layout = join(dir, 'source');
  const files = join(dir, 'files/data');
  mkdirSync(files, { recursive: true });
  writeFileSync(join(files, 'random.bin'), randomBytes(4 << 20));
  await mustRun('umoci', ['init', '--layout', layout]);
  await mustRun('umoci', ['new', '--image', `${layout}:v1`]);
  await mustRun('umoci', ['insert', '--rootless', '--image', `${layout}:v1`, files, '/data']);
  return layout;
}

async function pushPullMs(registry: RunningRegistry, source: string, dir: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ref = `docker://${registry.host}/student/bench${i}:v1`;
    const t0 = performance.now();
    await mustRun('skopeo', [
      'copy',
      '--dest-tls-verify=false',
      '--dest-creds',
      'student:dockyard',
      `oci:${source}:v1`,
      ref,
    ]);
    await mustRun('skopeo', [
      'copy',
      '--src-tls-verify=false',
      '--src-creds',
      'student:dockyard',
      ref,
      `oci:${join(dir, `pulled${i}`)}:v1`,
    ]);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function registryBenchRows(runs = 5): Promise<BenchRow[]> {
  const missing = ['skopeo', 'umoci', 'docker-registry'].filter((t) => !findTool(t).present);
  if (missing.length) return [{ id: 'P5', what: `skipped: install ${missing.join(', ')}`, value: 0, unit: '' }];
  const dir = mkdtempSync(join(tmpdir(), 'dockyard-bench-reg-'));
  try {
    const source = await sourceImage(dir);
    const config = await worldRegistryConfig('docker.io');
    const measure = async (start: typeof startReferenceRegistry) => {
      const registry = await start(config);
      try {
        return await pushPullMs(registry, source, dir, runs);
      } finally {
        await registry.stop();
      }
    };
    const reference = await measure(startReferenceRegistry);
    const ours = await measure(startDockyardRegistry);
    const ratio = ours / reference;
    return [
      { id: 'P5', what: 'skopeo push+pull 4 MiB image, reference registry (median)', value: reference, unit: 'ms' },
      { id: 'P5', what: 'skopeo push+pull 4 MiB image, Dockyard registry (median)', value: ours, unit: 'ms' },
      { id: 'P5', what: 'Dockyard / reference', value: ratio, unit: '×', target: '<= 1.0', met: ratio <= 1 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
