// The image index (image-spec image-index.md; Docker's "manifest list"): one entry per platform,
// each a descriptor of a platform-specific manifest. `docker pull alpine` on an arm64 laptop
// fetches the index first and then only the arm64 manifest it lists (see platform.ts).
import * as v from 'valibot';
import { annotationsSchema, descriptorSchema, issueText, mediaTypeSchema } from './descriptor';
import { DeprecatedSchema1Error, ManifestInvalidError, UnsupportedMediaTypeError } from './errors';
import { checkDeclaredType, declaredMediaType, decodeManifestJson, schema1MediaTypes } from './manifest';
import { indexMediaTypes, manifestMediaTypes, MediaType } from './media-types';
import type { ImageIndex } from './types';

export const indexSchema = v.looseObject({
  schemaVersion: v.literal(2, 'schemaVersion must be 2'),
  mediaType: v.optional(mediaTypeSchema),
  artifactType: v.optional(mediaTypeSchema),
  manifests: v.array(descriptorSchema),
  subject: v.optional(descriptorSchema),
  annotations: v.optional(annotationsSchema),
});

function nounFor(mediaType: string): string {
  return mediaType === MediaType.dockerManifestList ? 'manifest list' : 'image index';
}

/**
 * Parse and validate an image index or Docker manifest list. `mediaType` is the type it was served
 * or stored under; without it the document's own `mediaType` decides (OCI assumed when absent).
 */
export function parseIndex(bytes: Uint8Array, mediaType?: string): ImageIndex {
  const json = decodeManifestJson(bytes);
  const declared = declaredMediaType(json);
  const declaredManifest = declared !== undefined && manifestMediaTypes.includes(declared);
  const expected = mediaType ?? (declaredManifest ? undefined : declared) ?? MediaType.ociIndex;
  if (schema1MediaTypes.includes(expected) || json.schemaVersion === 1) throw new DeprecatedSchema1Error();
  if (!indexMediaTypes.includes(expected)) throw new UnsupportedMediaTypeError(expected);
  checkDeclaredType(declared, expected, nounFor(expected));
  const result = v.safeParse(indexSchema, json);
  if (!result.success) throw new ManifestInvalidError(issueText(result.issues));
  return result.output as ImageIndex;
}
