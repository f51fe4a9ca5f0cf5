// The content store's public face: the contract, its capability guards, and the two backends.
export * from './blob-store';
export { MemoryBlobStore } from './memory-blob-store';
export { BlobStoreUnavailableError, deleteBlobStoreDatabase, IndexedDbBlobStore } from './indexeddb-blob-store';
export type { OpenOptions } from './indexeddb-blob-store';
