// Generating the official images catalogue: how long a cold full generation takes (what a test
// that reads every layer pays) and the median of repeated generations, plus the blob bytes made;
// then what a world pays instead — the outline (indexes, manifests and configs, layers built when
// pulled) and a whole `createWorld` in Node, the first in this process (issue 10, P1).
import { createWorld } from '../../src/actors/world/world';
import { buildOfficialCatalogue } from '../../src/engine/image/official/index';
import { buildCatalogueOutline } from '../../src/engine/image/official/outline';
import { medianMs, type BenchRow } from './table';

export async function catalogueBenchRows(): Promise<BenchRow[]> {
  const w0 = performance.now();
  const world = await createWorld({ seed: 'bench-cold' });
  const worldCold = performance.now() - w0;
  world.stop();
  const outlineMedian = await medianMs(3, () => buildCatalogueOutline());

  const t0 = performance.now();
  const catalogue = await buildOfficialCatalogue();
  const cold = performance.now() - t0;
  const median = await medianMs(3, () => buildOfficialCatalogue());
  let bytes = 0;
  for (const blob of catalogue.blobs.values()) bytes += blob.bytes.length;
  return [
    { id: 'catalogue', what: 'official catalogue generation, cold', value: cold, unit: 'ms' },
    { id: 'catalogue', what: 'official catalogue generation, median of 3', value: median, unit: 'ms' },
    { id: 'catalogue', what: `official catalogue blobs (${catalogue.blobs.size})`, value: bytes / 1e6, unit: 'MB' },
    { id: 'catalogue', what: 'catalogue outline (layers deferred), median of 3', value: outlineMedian, unit: 'ms' },
    {
      id: 'P1n',
      what: 'createWorld in Node, first of the process (hub from the outline)',
      value: worldCold,
      unit: 'ms',
    },
  ];
}
