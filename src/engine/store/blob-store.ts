// The content store: where Docker keeps blobs (layers, configs, manifests) named by their digest.
// Because the name *is* the hash of the content, a blob can never be stored under the wrong name,
// two identical blobs are stored once, and anyone can check what they received.
//
// The contract asks a backend for the least it must do — `get` — and everything else is an
// optional capability, discovered with a type guard (the shape of go-containerregistry's
// `pkg/registry/blobs.go`). The in-memory and IndexedDB stores share this one contract.
import type { Bytes } from '../bytes';
import { algorithmOf, DigestMismatchError, InvalidDigestError, parseDigest, sha256Of, type Digest } from '../digest';

/** The least a content store must do: hand back the bytes stored under a digest, if any. */
export interface BlobStore {
  /** Get returns a copy of the blob's bytes, or undefined when no such blob is stored. */
  get(digest: Digest): Promise<Bytes | undefined>;
}

/** What `stat` reports: a blob's digest and size, known without loading its bytes. */
export interface BlobInfo {
  digest: Digest;
  size: number;
}

export interface StatCapable {
  /** Stat returns the blob's size without reading its bytes, or undefined when it is not stored. */
  stat(digest: Digest): Promise<BlobInfo | undefined>;
}

export interface PutCapable {
  /**
   * Put hashes the bytes and stores them under their sha256 digest, which it returns. When
   * `expected` is given and the content does not hash to it, nothing is stored and it throws
   * DigestMismatchError; a malformed `expected` throws InvalidDigestError.
   */
  put(bytes: Uint8Array, expected?: Digest): Promise<Digest>;
}

export interface DeleteCapable {
  /** Delete removes the blob; true when there was one to remove. */
  delete(digest: Digest): Promise<boolean>;
}

export interface ListCapable {
  /** List returns the digests of every stored blob (for garbage collection and inspectors). */
  list(): AsyncIterable<Digest> | Promise<Digest[]>;
}

/** A store with every capability, as both of our backends are. */
export type FullBlobStore = BlobStore & StatCapable & PutCapable & DeleteCapable & ListCapable;

function hasMethod(store: BlobStore, name: string): boolean {
  return typeof (store as unknown as Record<string, unknown>)[name] === 'function';
}

export function canStat(store: BlobStore): store is BlobStore & StatCapable {
  return hasMethod(store, 'stat');
}

export function canPut(store: BlobStore): store is BlobStore & PutCapable {
  return hasMethod(store, 'put');
}

export function canDelete(store: BlobStore): store is BlobStore & DeleteCapable {
  return hasMethod(store, 'delete');
}

export function canList(store: BlobStore): store is BlobStore & ListCapable {
  return hasMethod(store, 'list');
}

/** Whether the store holds the blob: through `stat` when the store can, else through `get`. */
export async function hasBlob(store: BlobStore, digest: Digest): Promise<boolean> {
  if (canStat(store)) return (await store.stat(digest)) !== undefined;
  return (await store.get(digest)) !== undefined;
}

/** Every digest of a listable store as an array, whichever form its `list` returns. */
export async function listAll(store: BlobStore & ListCapable): Promise<Digest[]> {
  const listed = store.list();
  if (Symbol.asyncIterator in listed) {
    const out: Digest[] = [];
    for await (const d of listed) out.push(d);
    return out;
  }
  return listed;
}

/**
 * Check a digest handed to a store at run time: the type says `Digest`, but a value read from a
 * URL or a file may have been cast. Throws InvalidDigestError with Docker's wording.
 */
export function checkDigestArgument(digest: Digest): Digest {
  return parseDigest(digest);
}

/**
 * The digest a `put` stores bytes under: their sha256, checked against `expected` when one is
 * given. Throws (before anything is stored) InvalidDigestError for a malformed or non-sha256
 * `expected`, DigestMismatchError when the content hashes to something else.
 */
export async function digestForPut(bytes: Uint8Array, expected?: Digest): Promise<Digest> {
  const want = expected === undefined ? undefined : checkDigestArgument(expected);
  if (want !== undefined && algorithmOf(want) !== 'sha256') {
    throw new InvalidDigestError('unsupported digest algorithm');
  }
  const actual = await sha256Of(bytes);
  if (want !== undefined && want !== actual) throw new DigestMismatchError(want, actual);
  return actual;
}
