// Generating the official images catalogue: how long a cold generation takes (what the first page
// load or the first test pays) and the median of repeated generations, plus the blob bytes made.
import { buildOfficialCatalogue } from '../../src/engine/image/official/index';
import { medianMs, type BenchRow } from './table';

export async function catalogueBenchRows(): Promise<BenchRow[]> {
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
  ];
}
