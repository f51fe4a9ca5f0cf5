// `npm run bench`: runs every suite and prints one table. Each issue that sets a speed or memory
// target adds its rows here.
import { renderTable, type BenchRow } from './table';
import { rawHashRows, sampleLayerBytes } from './hash';

const rows: BenchRow[] = [];
const layer = sampleLayerBytes();
rows.push(...(await rawHashRows(layer)));

console.log(renderTable(rows));
