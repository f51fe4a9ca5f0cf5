// The in-memory content store: a map from digest to bytes. It is what tests and the Node servers
// use, and it behaves exactly like the IndexedDB store (the shared contract test proves it).
//
// Blobs are immutable, so the store keeps its own copy on `put` and hands out copies on `get`: a
// caller that scribbles on a buffer afterwards cannot change what is stored under a digest.
import { asBytes, type Bytes } from '../bytes';
import type { Digest } from '../digest';
import { checkDigestArgument, digestForPut, type BlobInfo, type FullBlobStore } from './blob-store';

export class MemoryBlobStore implements FullBlobStore {
  readonly #blobs = new Map<Digest, Bytes>();

  async get(digest: Digest): Promise<Bytes | undefined> {
    const bytes = this.#blobs.get(checkDigestArgument(digest));
    return bytes ? bytes.slice() : undefined;
  }

  async stat(digest: Digest): Promise<BlobInfo | undefined> {
    const d = checkDigestArgument(digest);
    const bytes = this.#blobs.get(d);
    return bytes ? { digest: d, size: bytes.length } : undefined;
  }

  async put(bytes: Uint8Array, expected?: Digest): Promise<Digest> {
    const copy = asBytes(bytes).slice();
    const digest = await digestForPut(copy, expected);
    if (!this.#blobs.has(digest)) this.#blobs.set(digest, copy);
    return digest;
  }

  async delete(digest: Digest): Promise<boolean> {
    return this.#blobs.delete(checkDigestArgument(digest));
  }

  async list(): Promise<Digest[]> {
    return [...this.#blobs.keys()].sort();
  }

  /** How many blobs are stored (handy for inspectors and tests). */
  get count(): number {
    return this.#blobs.size;
  }
}
