// What loading produces, and the checks both archive formats share: a config must parse (to
// learn its diff_ids), a file named like a blob must hash to its name, and a name must be a
// tagged reference (the daemon's "invalid tag").
import type { Bytes } from '../../bytes';
import { isDigest, sha256Of, type Digest } from '../../digest';
import { familiarString, parseReference } from '../../reference';
import { parseConfig } from '../config';
import { ConfigInvalidError } from '../errors';
import type { WantedPlatform } from '../platform';
import { ArchiveError } from './archive-error';

export interface LoadedImage {
  /** The config bytes as stored in the archive. */
  config: Bytes;
  /** Their sha256: the image ID. */
  configDigest: Digest;
  /** Uncompressed layer tars, base first, each verified against the config's diff_ids. */
  layers: Bytes[];
  /** Names in familiar form (`alpine:latest`, `demo/app:v1`), as `docker load` prints them. */
  repoTags: string[];
}

export interface LoadOptions {
  /** For an OCI layout holding a multi-platform index: load only this platform (`docker load --platform`). */
  platform?: WantedPlatform;
}

/** A config, parsed (to learn its diff_ids) and named by its digest. */
export async function readConfig(bytes: Bytes, where: string): Promise<{ digest: Digest; diffIds: Digest[] }> {
  try {
    return { digest: await sha256Of(bytes), diffIds: parseConfig(bytes).rootfs.diff_ids };
  } catch (err) {
    if (err instanceof ConfigInvalidError) {
      throw new ArchiveError('malformed-json', `invalid archive: ${where}: ${err.message}`, { cause: err });
    }
    throw err;
  }
}

/** A file named like a blob (`…/sha256/<hex>`) must hash to that name. */
export async function checkNamedBlob(path: string, bytes: Bytes): Promise<void> {
  const m = /(?:^|\/)blobs\/([a-z0-9]+)\/([a-f0-9]+)$/.exec(path);
  if (!m || !isDigest(`${m[1]}:${m[2]}`)) return;
  const actual = await sha256Of(bytes);
  if (actual !== `${m[1]}:${m[2]}`) {
    throw new ArchiveError('digest-mismatch', `invalid archive: ${path}: digest mismatch: got ${actual}`);
  }
}

/** A RepoTags entry as the daemon reads it: a reference that must carry a tag. */
export function familiarTag(text: string): string {
  let ref;
  try {
    ref = parseReference(text);
  } catch (err) {
    throw new ArchiveError('invalid-tag', `invalid tag "${text}": ${(err as Error).message}`, { cause: err });
  }
  if (ref.tag === undefined || ref.digest !== undefined) throw new ArchiveError('invalid-tag', `invalid tag "${text}"`);
  return familiarString(ref);
}
