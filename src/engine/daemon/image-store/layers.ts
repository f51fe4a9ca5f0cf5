// The layer store: every layer the daemon has unpacked, keyed by chain ID. A layer is registered
// on top of a parent chain (or none, for a base layer); registering the same tar on the same parent
// again is a no-op — that is the deduplication that makes a second `docker pull` of an image with
// a shared base print `Already exists`. Each layer's uncompressed tar is kept in the blob store
// under its DiffID (its sha256), so the same diff on two different parents is stored once.
//
// A layer is freed only when no image uses it and no other layer sits on it; its tar goes when no
// layer has that DiffID any more.
import { asBytes, type Bytes } from '../../bytes';
import { sha256Of, type Digest } from '../../digest';
import { layerDiffSize } from '../../image/size';
import type { FsEntry } from '../../layer/entry';
import { readTar } from '../../layer/tar';
import type { FullBlobStore } from '../../store/blob-store';
import { LayerNotFoundError } from './errors';
import type { LayerRecord } from './types';

export class LayerStore {
  private readonly records = new Map<Digest, LayerRecord>();

  constructor(private readonly blobs: FullBlobStore) {}

  has(chainId: Digest): boolean {
    return this.records.has(chainId);
  }

  get(chainId: Digest): LayerRecord | undefined {
    return this.records.get(chainId);
  }

  all(): LayerRecord[] {
    return [...this.records.values()];
  }

  /** Put back records read from persisted data (their tars are already in the blob store). */
  restore(record: LayerRecord): void {
    this.records.set(record.chainId, { ...record });
  }

  /**
   * Register an uncompressed layer tar on top of `parent`. The tar is read in full first (a broken
   * tar throws TarError and nothing is stored); an existing chain is returned as it is.
   */
  async register(parent: Digest | undefined, tar: Uint8Array): Promise<LayerRecord> {
    if (parent !== undefined && !this.records.has(parent)) throw new LayerNotFoundError(parent);
    const bytes = asBytes(tar);
    const diffId = await sha256Of(bytes);
    const chainId = parent === undefined ? diffId : await sha256Of(`${parent} ${diffId}`);
    const existing = this.records.get(chainId);
    if (existing) return existing;
    const size = layerDiffSize(readTar(bytes));
    await this.blobs.put(bytes, diffId);
    const record: LayerRecord = parent === undefined ? { chainId, diffId, size } : { chainId, diffId, parent, size };
    // Another registration of the same chain may have finished while this one was storing.
    const raced = this.records.get(chainId);
    if (raced) return raced;
    if (parent !== undefined && !this.records.has(parent)) throw new LayerNotFoundError(parent);
    this.records.set(chainId, record);
    return record;
  }

  /** The layers of a chain, base first. */
  chain(top: Digest): LayerRecord[] {
    const out: LayerRecord[] = [];
    let at: Digest | undefined = top;
    while (at !== undefined) {
      const record = this.records.get(at);
      if (!record) throw new LayerNotFoundError(at);
      out.unshift(record);
      at = record.parent;
    }
    return out;
  }

  /** The uncompressed tar of one layer (the diff, not the whole chain). */
  async tar(chainId: Digest): Promise<Bytes> {
    const record = this.records.get(chainId);
    if (!record) throw new LayerNotFoundError(chainId);
    const bytes = await this.blobs.get(record.diffId);
    if (!bytes) throw new LayerNotFoundError(chainId);
    return bytes;
  }

  async entries(chainId: Digest): Promise<FsEntry[]> {
    return readTar(await this.tar(chainId));
  }

  /**
   * Free the candidates (give them top first) that are not in `inUse` and carry no other layer;
   * returns the chain IDs freed, in the order they went.
   */
  async release(candidates: readonly Digest[], inUse: ReadonlySet<Digest>): Promise<Digest[]> {
    const freed: Digest[] = [];
    for (const chainId of candidates) {
      const record = this.records.get(chainId);
      if (!record || inUse.has(chainId)) continue;
      if ([...this.records.values()].some((other) => other.parent === chainId)) continue;
      this.records.delete(chainId);
      freed.push(chainId);
      if (![...this.records.values()].some((other) => other.diffId === record.diffId)) {
        await this.blobs.delete(record.diffId);
      }
    }
    return freed;
  }
}
