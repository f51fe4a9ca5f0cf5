import { describeBlobStoreContract } from './blob-store.contract';
import { MemoryBlobStore } from './memory-blob-store';

describeBlobStoreContract('MemoryBlobStore', async () => new MemoryBlobStore());
