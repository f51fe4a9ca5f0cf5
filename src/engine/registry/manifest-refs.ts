// What a registry must know about a pushed manifest before accepting it: its media type and the
// digests it refers to — the config and layers of an image manifest, the manifests of an index.
// Anything that is not a well-formed manifest of a known type is MANIFEST_INVALID.
import { fromUtf8 } from '../bytes';
import { isDigest, type Digest } from '../digest';
import { indexMediaTypes, manifestMediaTypes } from '../image/media-types';
import { RegistryError } from './errors';

export interface ManifestRefs {
  mediaType: string;
  isIndex: boolean;
  /** Blobs an image manifest needs (config first, then layers). */
  blobs: Digest[];
  /** Manifests an index needs. */
  manifests: Digest[];
}

function invalid(reason: string): RegistryError {
  return new RegistryError('MANIFEST_INVALID', { reason });
}

function descriptorDigests(list: unknown, what: string): Digest[] {
  if (!Array.isArray(list)) throw invalid(`${what} must be an array`);
  return list.map((d: unknown) => {
    const digest = (d as { digest?: unknown } | null)?.digest;
    const size = (d as { size?: unknown } | null)?.size;
    if (typeof digest !== 'string' || !isDigest(digest)) throw invalid(`${what}: invalid digest`);
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw invalid(`${what}: invalid size`);
    return digest;
  });
}

export function manifestRefs(bytes: Uint8Array, contentType: string | undefined): ManifestRefs {
  let doc: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(fromUtf8(bytes));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    doc = parsed as Record<string, unknown>;
  } catch {
    throw invalid('manifest is not valid JSON');
  }
  if (doc.schemaVersion !== 2) throw invalid('schemaVersion must be 2');
  const declared = typeof doc.mediaType === 'string' ? doc.mediaType : undefined;
  const header = contentType?.split(';')[0]?.trim();
  const mediaType = declared ?? header ?? (doc.manifests ? indexMediaTypes[0]! : manifestMediaTypes[0]!);
  if (declared && header && header !== declared && header !== 'application/json') {
    throw invalid(`mediaType in manifest should be '${header}' not '${declared}'`);
  }
  if (indexMediaTypes.includes(mediaType)) {
    return { mediaType, isIndex: true, blobs: [], manifests: descriptorDigests(doc.manifests, 'manifests') };
  }
  if (manifestMediaTypes.includes(mediaType)) {
    const config = descriptorDigests([doc.config], 'config');
    return { mediaType, isIndex: false, blobs: [...config, ...descriptorDigests(doc.layers, 'layers')], manifests: [] };
  }
  throw invalid(`unsupported manifest media type: ${mediaType}`);
}
