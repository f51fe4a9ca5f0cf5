// What the image store refuses, in the words of moby's layer, image and reference stores.

/** A layer (or the parent a new layer must sit on) is not in the store. */
export class LayerNotFoundError extends Error {
  override name = 'LayerNotFoundError';
  constructor(readonly chainId: string) {
    super('layer does not exist');
  }
}

/** A config the image store cannot accept (missing layers, inconsistent history). */
export class ImageRejectedError extends Error {
  override name = 'ImageRejectedError';
}

/** A name that already points elsewhere and may not be moved (reference store `conflictingTagError`). */
export class ReferenceConflictError extends Error {
  override name = 'ReferenceConflictError';
}

/** Persisted data that does not describe a consistent store (a blob missing, a bad record). */
export class ImageStoreCorruptError extends Error {
  override name = 'ImageStoreCorruptError';
}
