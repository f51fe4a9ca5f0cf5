// A layer as an archive carries it, turned back into the uncompressed tar the config's diff_id
// names. `docker save` stores plain tars; skopeo's oci-archive and other OCI layouts keep the
// registry's gzip blobs. Like the daemon (go-archive `DecompressStream`), we look at the bytes
// rather than trust a name, then check the tar against the diff_id before anything is loaded.
import type { Bytes } from '../../bytes';
import { sha256Of, type Digest } from '../../digest';
import { gunzip, isGzip } from '../../layer/gzip';
import { ArchiveError } from './archive-error';

const zstdMagic = [0x28, 0xb5, 0x2f, 0xfd];

function decompress(blob: Bytes, where: string): Bytes {
  if (isGzip(blob)) {
    try {
      return gunzip(blob);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ArchiveError('not-a-tar', `invalid archive: ${where}: ${reason}`, { cause: err });
    }
  }
  if (zstdMagic.every((b, i) => blob[i] === b)) {
    throw new ArchiveError('unsupported', `invalid archive: ${where}: zstd-compressed layers are not supported`);
  }
  return blob;
}

/**
 * The uncompressed tar of layer `index`, checked against `diffId` (the daemon's words when it is
 * not: `invalid diffID for layer 0: expected "sha256:…", got "sha256:…"`).
 */
export async function layerTar(blob: Bytes, diffId: Digest, index: number, where: string): Promise<Bytes> {
  const tar = decompress(blob, where);
  const actual = await sha256Of(tar);
  if (actual !== diffId) {
    throw new ArchiveError(
      'diff-id-mismatch',
      `invalid diffID for layer ${index}: expected "${diffId}", got "${actual}"`,
    );
  }
  return tar;
}
