// A registry's blob store that can hold blobs it has not built yet. The hub of a world is seeded
// from the catalogue's outline (image/official/outline.ts): its repositories link every layer of
// every official image, but a layer's tar.gz is only built the first time it is read — a pull, a
// HEAD, an inspector — then stored like any other blob. To everyone reading it the store looks
// complete: `get` and `stat` answer for deferred blobs as for stored ones.
//
// `list` names only the blobs actually stored, so a world's snapshot keeps what was built and a
// restored hub, given the same source, builds the rest again when asked: the same bytes, since the
// outline is deterministic. The source is a function so a restored world need not make the outline
// until a missing blob is first asked for. Building is real work (hashing) that the simulated clock
// must wait for, so it is `tracked` (see ../activity.ts).
import { tracked } from '../activity';
import type { Bytes } from '../bytes';
import type { Digest } from '../digest';
import type { DeferredBlob } from '../image/official';
import type { BlobInfo } from '../store/blob-store';
import { MemoryBlobStore } from '../store/memory-blob-store';

/** Where deferred blobs come from: their digests, sizes and how to build them. */
export type DeferredSource = () => Promise<ReadonlyMap<Digest, DeferredBlob> | undefined>;

export class DeferredBlobStore extends MemoryBlobStore {
  readonly #source: DeferredSource;

  constructor(source: DeferredSource) {
    super();
    this.#source = source;
  }

  /** The deferred blob named `digest`, if the source has one (not whether it is built yet). */
  async deferred(digest: Digest): Promise<DeferredBlob | undefined> {
    return (await this.#source())?.get(digest);
  }

  override async get(digest: Digest): Promise<Bytes | undefined> {
    const stored = await super.get(digest);
    if (stored) return stored;
    return tracked(this.#build(digest));
  }

  override async stat(digest: Digest): Promise<BlobInfo | undefined> {
    const stored = await super.stat(digest);
    if (stored) return stored;
    const blob = await tracked(this.deferred(digest));
    return blob ? { digest, size: blob.size } : undefined;
  }

  /** Build a deferred blob and store it (checked against its digest); undefined when unknown. */
  async #build(digest: Digest): Promise<Bytes | undefined> {
    const blob = await this.deferred(digest);
    if (!blob) return undefined;
    await this.put(await blob.materialise(), digest);
    return super.get(digest);
  }
}
