// A layer: one step of an image's filesystem, as a blob. Its files are written as a tar, the tar is
// compressed with gzip, and the result has two names (image-spec config.md, "Layer DiffID"):
//
//   digest  sha256 of the compressed blob — what a manifest's `layers[]` lists and a registry serves
//           at /v2/<name>/blobs/<digest>;
//   diffId  sha256 of the uncompressed tar — what the config's `rootfs.diff_ids` lists, and what
//           survives recompression ("Do not confuse DiffIDs with layer digests").
//
// Building is deterministic (see tar-write.ts and gzip.ts), so the same entries always give the same
// two digests. Opening is what a daemon does on pull: check the blob against the digest it was asked
// for, decompress, check the tar against the DiffID the config promised, and only then unpack — a
// layer that fails any check yields an error and no entries at all.
import { asBytes, type Bytes } from '../bytes';
import { algorithmOf, DigestMismatchError, InvalidDigestError, sha256Of, type Digest } from '../digest';
import type { FsEntry } from './entry';
import { gunzip, gzip, isGzip } from './gzip';
import { readTar, writeTar } from './tar';

export interface Layer {
  /** sha256 of the compressed blob: the manifest's layer digest. */
  digest: Digest;
  /** sha256 of the uncompressed tar: the config's `rootfs.diff_ids` entry. */
  diffId: Digest;
  /** Bytes of the compressed blob (the manifest descriptor's `size`). */
  size: number;
  /** Bytes of the uncompressed tar. */
  uncompressedSize: number;
  /** The tar.gz itself. */
  blob: Bytes;
}

export interface OpenedLayer {
  entries: FsEntry[];
  digest: Digest;
  diffId: Digest;
  uncompressedSize: number;
}

/** Tar the entries in the order given (parents before children is the caller's job), gzip, and name it. */
export async function buildLayer(entries: readonly FsEntry[]): Promise<Layer> {
  const tar = writeTar(entries);
  const blob = gzip(tar);
  const [digest, diffId] = await Promise.all([sha256Of(blob), sha256Of(tar)]);
  return { digest, diffId, size: blob.length, uncompressedSize: tar.length, blob };
}

function check(expected: Digest | undefined, actual: Digest): void {
  if (expected === undefined) return;
  if (algorithmOf(expected) !== 'sha256') throw new InvalidDigestError('unsupported digest algorithm');
  if (expected !== actual) throw new DigestMismatchError(expected, actual);
}

/** Run `work`, keeping its error for later instead of throwing now. */
function attempt<T>(work: () => T): { value: T } | { error: unknown } {
  try {
    return { value: work() };
  } catch (error) {
    return { error };
  }
}

/**
 * Verify and unpack a layer blob, gzip-compressed or a plain tar (then digest and DiffID are equal).
 * Throws DigestMismatchError when the blob or its tar does not hash to what `expect` says, GzipError or
 * TarError when it is malformed — a digest mismatch first, as a daemon verifies before it trusts.
 *
 * WebCrypto hashes off the main thread (and copies its input first), so each hash runs while the
 * next step — gunzip, then untar — works; nothing is returned before both digests are checked.
 */
export async function openLayer(
  blob: Uint8Array,
  expect: { digest?: Digest; diffId?: Digest } = {},
): Promise<OpenedLayer> {
  const bytes = asBytes(blob);
  const hashingBlob = sha256Of(bytes);
  const tar = attempt(() => (isGzip(bytes) ? gunzip(bytes) : bytes));
  const digest = await hashingBlob;
  check(expect.digest, digest);
  if ('error' in tar) throw tar.error;

  const hashingTar = tar.value === bytes ? Promise.resolve(digest) : sha256Of(tar.value);
  const entries = attempt(() => readTar(tar.value));
  const diffId = await hashingTar;
  check(expect.diffId, diffId);
  if ('error' in entries) throw entries.error;
  return { entries: entries.value, digest, diffId, uncompressedSize: tar.value.length };
}
