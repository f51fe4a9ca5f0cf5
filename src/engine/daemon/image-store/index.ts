// The daemon's classic image store: images, layers, names and where layers came from.
export { ImageStore, type ImageStoreOptions } from './image-store';
export { noSuchImageMessage } from './lookup';
export { ImageRejectedError, ImageStoreCorruptError, LayerNotFoundError, ReferenceConflictError } from './errors';
export type { BlobSource, ImageRecord, ImageStoreData, LayerRecord } from './types';
