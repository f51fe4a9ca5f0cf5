// `npm run bench`: runs every suite and prints one table. Each issue that sets a speed or memory
// target adds its rows here. Targets are reported, never asserted.
import { uiBenchRows } from './ui';
import { stageBenchRows } from './stage';
import { renderTable, type BenchRow } from './table';
import { rawHashRows, sampleLayerBytes } from './hash';
import { catalogueBenchRows } from './catalogue';
import { layerBenchRows } from './layer';
import { registryBenchRows } from './registry';
import { actorBenchRows } from './actors';
import { buildBenchRows } from './build';
import { containerBenchRows } from './containers';

const rows: BenchRow[] = [];
const layer = sampleLayerBytes();
rows.push(...(await rawHashRows(layer)));
rows.push(...(await layerBenchRows(layer)));
rows.push(...(await catalogueBenchRows()));
rows.push(...(await registryBenchRows()));
rows.push(...(await buildBenchRows()));
rows.push(...(await containerBenchRows()));
rows.push(...(await actorBenchRows()));
rows.push(...(await stageBenchRows()));
rows.push(...(await uiBenchRows()));

console.log(renderTable(rows));
