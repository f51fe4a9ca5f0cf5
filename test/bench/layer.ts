// Layer speed: hashing a 64 MiB blob with our sha256Of (against raw WebCrypto), and opening a layer
// of 64 MiB of content — the whole pull-side path: sha256 of the blob, gunzip (fflate + CRC-32
// check), sha256 of the tar, untar — plus the pieces of that path on their own, and Node's zlib as a
// yardstick for fflate's inflate.
import { gunzipSync } from 'node:zlib';
import { sha256Of } from '../../src/engine/digest';
import type { FsEntry } from '../../src/engine/layer/entry';
import { gunzip } from '../../src/engine/layer/gzip';
import { crc32 } from '../../src/engine/layer/gzip-crc32';
import { buildLayer, openLayer } from '../../src/engine/layer/layer';
import { readTar, writeTar } from '../../src/engine/layer/tar';
import { medianMs, type BenchRow } from './table';

const MiB = 1024 * 1024;
const FILE_SIZE = MiB;

/** The bytes cut into 1 MiB files under a few directories: what a layer of binaries looks like. */
function entriesOf(bytes: Uint8Array<ArrayBuffer>): FsEntry[] {
  const entries: FsEntry[] = [{ path: 'opt', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 }];
  for (let off = 0, i = 0; off < bytes.length; off += FILE_SIZE, i++) {
    if (i % 16 === 0) entries.push({ path: `opt/d${i / 16}`, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    const content = bytes.subarray(off, Math.min(off + FILE_SIZE, bytes.length));
    entries.push({
      path: `opt/d${Math.floor(i / 16)}/f${i}.bin`,
      type: 'file',
      mode: 0o644,
      uid: 0,
      gid: 0,
      mtime: 0,
      content,
    });
  }
  return entries;
}

const rate = (mib: number, ms: number) => mib / (ms / 1000);

export async function layerBenchRows(bytes: Uint8Array<ArrayBuffer>): Promise<BenchRow[]> {
  const mib = bytes.length / MiB;
  const raw = await medianMs(3, () => crypto.subtle.digest('SHA-256', bytes));
  const ours = await medianMs(3, () => sha256Of(bytes));
  const hashShare = raw / ours;

  const entries = entriesOf(bytes);
  let layer = await buildLayer(entries);
  const build = await medianMs(1, async () => (layer = await buildLayer(entries)));
  const blobMiB = layer.size / MiB;
  const tar = writeTar(entries);
  const tarMiB = tar.length / MiB;

  const open = await medianMs(3, () => openLayer(layer.blob, { digest: layer.digest, diffId: layer.diffId }));
  const inflate = await medianMs(3, () => gunzip(layer.blob));
  const zlib = await medianMs(3, () => gunzipSync(layer.blob));
  const crc = await medianMs(3, () => crc32(tar));
  const untar = await medianMs(3, () => readTar(tar));

  return [
    {
      id: 'layer',
      what: `sha256Of, ${mib} MiB (vs raw WebCrypto ${rate(mib, raw).toFixed(0)} MiB/s)`,
      value: rate(mib, ours),
      unit: 'MiB/s',
      target: '>= 50 % of raw WebCrypto',
      met: hashShare >= 0.5,
    },
    {
      id: 'layer',
      what: `openLayer (verify + gunzip + untar), ${mib} MiB of content`,
      value: rate(mib, open),
      unit: 'MiB/s',
    },
    {
      id: 'layer',
      what: `  gunzip (fflate + CRC-32 check), ${blobMiB.toFixed(1)} MiB blob`,
      value: rate(tarMiB, inflate),
      unit: 'MiB/s',
    },
    { id: 'layer', what: `  node:zlib gunzipSync, same blob (yardstick)`, value: rate(tarMiB, zlib), unit: 'MiB/s' },
    { id: 'layer', what: `  crc32 (slicing-by-8), ${tarMiB.toFixed(1)} MiB`, value: rate(tarMiB, crc), unit: 'MiB/s' },
    { id: 'layer', what: `  readTar, ${entries.length} entries`, value: rate(tarMiB, untar), unit: 'MiB/s' },
    {
      id: 'layer',
      what: `buildLayer (tar + gzip level 6 + 2 hashes), ${mib} MiB`,
      value: rate(mib, build),
      unit: 'MiB/s',
    },
  ];
}
