// Raw SHA-256 throughput on this machine: the ceiling our own hashing is measured against.
import { createHash, randomFillSync } from 'node:crypto';
import { medianMs, type BenchRow } from './table';

export const MiB = 1024 * 1024;

/** 64 MiB of pseudo-random bytes: incompressible, like a real layer's binaries. */
export function sampleLayerBytes(size = 64 * MiB): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let off = 0; off < size; off += 65536) randomFillSync(bytes, off, Math.min(65536, size - off));
  return bytes;
}

export async function rawHashRows(bytes: Uint8Array<ArrayBuffer>): Promise<BenchRow[]> {
  const mib = bytes.length / MiB;
  const subtle = await medianMs(3, () => crypto.subtle.digest('SHA-256', bytes));
  const node = await medianMs(3, () => createHash('sha256').update(bytes).digest());
  return [
    { id: 'raw', what: `WebCrypto sha256, ${mib} MiB`, value: mib / (subtle / 1000), unit: 'MiB/s' },
    { id: 'raw', what: `node:crypto sha256, ${mib} MiB`, value: mib / (node / 1000), unit: 'MiB/s' },
  ];
}
