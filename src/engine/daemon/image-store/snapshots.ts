// Unpacked root filesystems, cached per chain: the overlay2 "lowerdir" a container or a build step
// starts from. An image's snapshot is its layers applied in order (layer/snapshot.ts); the snapshot
// of every chain prefix is kept, so `nginx` reuses the unpacked `debian` base it shares.
import type { Digest } from '../../digest';
import type { FsEntry } from '../../layer/entry';
import { applyLayer, emptySnapshot, type Snapshot } from '../../layer/snapshot';
import type { LayerRecord } from './types';

export class SnapshotCache {
  private readonly byChain = new Map<Digest, Snapshot>();

  /** The filesystem of `layers` (base first), reading each uncached layer's entries with `read`. */
  async of(layers: readonly LayerRecord[], read: (chainId: Digest) => Promise<FsEntry[]>): Promise<Snapshot> {
    let snapshot = emptySnapshot();
    for (const layer of layers) {
      const cached = this.byChain.get(layer.chainId);
      if (cached) {
        snapshot = cached;
        continue;
      }
      snapshot = applyLayer(snapshot, await read(layer.chainId));
      this.byChain.set(layer.chainId, snapshot);
    }
    return snapshot;
  }

  /** Forget freed chains. */
  drop(chainIds: Iterable<Digest>): void {
    for (const id of chainIds) this.byChain.delete(id);
  }
}
