// The content store in the browser: IndexedDB, so that images pulled in a lesson survive a reload.
//
// One database with two object stores, both keyed by digest:
//
//   blobs  sha256:2cf2…  →  the bytes (a Uint8Array)
//   sizes  sha256:2cf2…  →  the byte length, so `stat` (a registry's HEAD, `docker images`)
//                           never loads a layer just to learn its size
//
// A put writes both records in one transaction, and a delete removes both in one: either the blob
// is fully there or not at all. Hashing happens before the transaction opens, because an
// IndexedDB transaction commits by itself as soon as it waits on anything that is not IndexedDB.
import { tracked } from '../activity';
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { asBytes, type Bytes } from '../bytes';
import { isDigest, type Digest } from '../digest';
import { checkDigestArgument, digestForPut, type BlobInfo, type FullBlobStore } from './blob-store';

interface BlobDb extends DBSchema {
  blobs: { key: string; value: Uint8Array };
  sizes: { key: string; value: number };
}

const schemaVersion = 1;

export interface OpenOptions {
  /** The IndexedDB to use; defaults to the page's own `indexedDB` (tests inject a fake one). */
  indexedDB?: IDBFactory;
}

/** Thrown when no IndexedDB is available or the database cannot be opened. */
export class BlobStoreUnavailableError extends Error {
  override name = 'BlobStoreUnavailableError';
}

export class IndexedDbBlobStore implements FullBlobStore {
  readonly #db: IDBPDatabase<BlobDb>;

  private constructor(db: IDBPDatabase<BlobDb>) {
    this.#db = db;
  }

  /** Open (creating if needed) the content store database called `name`. */
  static async open(name: string, options: OpenOptions = {}): Promise<IndexedDbBlobStore> {
    const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory) throw new BlobStoreUnavailableError('IndexedDB is not available here');
    const request = factory.open(name, schemaVersion);
    request.addEventListener('upgradeneeded', () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('blobs')) db.createObjectStore('blobs');
      if (!db.objectStoreNames.contains('sizes')) db.createObjectStore('sizes');
    });
    let db: IDBPDatabase | undefined;
    try {
      db = await wrap(request);
    } catch (err) {
      throw new BlobStoreUnavailableError(`cannot open content store "${name}"`, { cause: err });
    }
    if (!db) throw new BlobStoreUnavailableError(`cannot open content store "${name}"`);
    return new IndexedDbBlobStore(db as unknown as IDBPDatabase<BlobDb>);
  }

  async get(digest: Digest): Promise<Bytes | undefined> {
    const value = await tracked(this.#db.get('blobs', checkDigestArgument(digest)));
    return value === undefined ? undefined : asBytes(value);
  }

  async stat(digest: Digest): Promise<BlobInfo | undefined> {
    const d = checkDigestArgument(digest);
    const size = await tracked(this.#db.get('sizes', d));
    return size === undefined ? undefined : { digest: d, size };
  }

  async put(bytes: Uint8Array, expected?: Digest): Promise<Digest> {
    // An exact copy: structured clone of a view would store its whole underlying buffer.
    const copy = asBytes(bytes).slice();
    const digest = await digestForPut(copy, expected);
    const tx = this.#db.transaction(['blobs', 'sizes'], 'readwrite');
    await tracked(
      Promise.all([
        tx.objectStore('blobs').put(copy, digest),
        tx.objectStore('sizes').put(copy.length, digest),
        tx.done,
      ]),
    );
    return digest;
  }

  async delete(digest: Digest): Promise<boolean> {
    const d = checkDigestArgument(digest);
    const tx = this.#db.transaction(['blobs', 'sizes'], 'readwrite');
    const [existed] = await tracked(
      Promise.all([
        tx.objectStore('sizes').count(d),
        tx.objectStore('blobs').delete(d),
        tx.objectStore('sizes').delete(d),
        tx.done,
      ]),
    );
    return existed > 0;
  }

  async list(): Promise<Digest[]> {
    const keys = await tracked(this.#db.getAllKeys('sizes'));
    return keys.filter((k): k is Digest => typeof k === 'string' && isDigest(k)).sort();
  }

  /** Close the connection (the data stays in the browser). */
  close(): void {
    this.#db.close();
  }
}

/** Delete a whole content store database (tests, "reset the world"). */
export async function deleteBlobStoreDatabase(name: string, options: OpenOptions = {}): Promise<void> {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) throw new BlobStoreUnavailableError('IndexedDB is not available here');
  await wrap(factory.deleteDatabase(name) as unknown as IDBRequest<undefined>);
}
