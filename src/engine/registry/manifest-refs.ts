// What a registry must know about a pushed manifest before accepting it: its media type and the
// digests it refers to — the config and layers of an image manifest, the manifests of an index.
// Parsing is the image model's; anything it refuses is MANIFEST_INVALID here.
import type { Digest } from '../digest';
import {
  ConfigInvalidError,
  DeprecatedSchema1Error,
  ManifestInvalidError,
  UnsupportedMediaTypeError,
} from '../image/errors';
import { JsonDecodeError } from '../image/json';
import { parseManifestOrIndex } from '../image/parse-any';
import { RegistryError } from './errors';

export interface ManifestRefs {
  mediaType: string;
  /** Blobs an image manifest needs (config first, then layers). */
  blobs: Digest[];
  /** Manifests an index needs. */
  manifests: Digest[];
}

const refusals = [
  ManifestInvalidError,
  UnsupportedMediaTypeError,
  DeprecatedSchema1Error,
  ConfigInvalidError,
  JsonDecodeError,
];

export function manifestRefs(bytes: Uint8Array, contentType: string | undefined): ManifestRefs {
  try {
    const parsed = parseManifestOrIndex(bytes, contentType);
    if (parsed.kind === 'index') {
      return { mediaType: parsed.mediaType, blobs: [], manifests: parsed.index.manifests.map((m) => m.digest) };
    }
    const { config, layers } = parsed.manifest;
    return { mediaType: parsed.mediaType, blobs: [config.digest, ...layers.map((l) => l.digest)], manifests: [] };
  } catch (err) {
    if (refusals.some((kind) => err instanceof kind))
      throw new RegistryError('MANIFEST_INVALID', { reason: (err as Error).message });
    throw err;
  }
}
