// The image manifest (image-spec manifest.md; Docker's "v2 schema 2", manifest-v2-2.md): one
// config blob and the ordered layer blobs, base layer first. Docker and OCI manifests have the same
// shape; only their media types differ, and Docker's must state its `mediaType`.
//
// Wording of the checks follows distribution's parsers (`manifest/ocischema`, `manifest/schema2`),
// e.g. "mediaType in manifest should be '…' not '…'"; every failure is a ManifestInvalidError
// (registry code MANIFEST_INVALID) or, for a type we do not handle at all, UnsupportedMediaTypeError.
import * as v from 'valibot';
import { annotationsSchema, descriptorSchema, issueText, mediaTypeSchema } from './descriptor';
import { DeprecatedSchema1Error, ManifestInvalidError, UnsupportedMediaTypeError } from './errors';
import { decodeJsonObject, JsonDecodeError } from './json';
import { indexMediaTypes, MediaType, manifestMediaTypes } from './media-types';
import type { ImageManifest } from './types';

export const manifestSchema = v.looseObject({
  schemaVersion: v.literal(2, 'schemaVersion must be 2'),
  mediaType: v.optional(mediaTypeSchema),
  artifactType: v.optional(mediaTypeSchema),
  config: descriptorSchema,
  layers: v.array(descriptorSchema),
  subject: v.optional(descriptorSchema),
  annotations: v.optional(annotationsSchema),
});

/** Docker's v2 schema 1 types, refused with Docker's deprecation message. */
export const schema1MediaTypes: readonly string[] = [
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
];

/** Decode manifest or index bytes to an object, or say (as the registry would) why not. */
export function decodeManifestJson(bytes: Uint8Array): Record<string, unknown> {
  try {
    return decodeJsonObject(bytes);
  } catch (err) {
    if (err instanceof JsonDecodeError) throw new ManifestInvalidError(err.reason, { cause: err });
    throw err;
  }
}

/** The `mediaType` field of a decoded document, if it is a string. */
export function declaredMediaType(json: Record<string, unknown>): string | undefined {
  return typeof json.mediaType === 'string' ? json.mediaType : undefined;
}

/**
 * Check that a document's own `mediaType` agrees with the type it was served or asked for, in
 * distribution's words. Docker's types must be stated in the document; OCI's may be left out.
 */
export function checkDeclaredType(declared: string | undefined, expected: string, noun: string): void {
  const dockerType = expected.startsWith('application/vnd.docker.');
  if (declared === undefined && !dockerType) return;
  if (declared !== expected) {
    const prefix = dockerType ? '' : 'if present, ';
    throw new ManifestInvalidError(`${prefix}mediaType in ${noun} should be '${expected}' not '${declared ?? ''}'`);
  }
}

/**
 * Parse and validate an image manifest. `mediaType` is the type it was served or stored under
 * (a Content-Type); without it the document's own `mediaType` decides, and OCI is assumed when
 * neither is there.
 */
export function parseManifest(bytes: Uint8Array, mediaType?: string): ImageManifest {
  const json = decodeManifestJson(bytes);
  const declared = declaredMediaType(json);
  // A document that says it is an index, parsed as a manifest, fails the agreement check below.
  const declaredIndex = declared !== undefined && indexMediaTypes.includes(declared);
  const expected = mediaType ?? (declaredIndex ? undefined : declared) ?? MediaType.ociManifest;
  if (schema1MediaTypes.includes(expected) || json.schemaVersion === 1) throw new DeprecatedSchema1Error();
  if (!manifestMediaTypes.includes(expected)) throw new UnsupportedMediaTypeError(expected);
  checkDeclaredType(declared, expected, 'manifest');
  const result = v.safeParse(manifestSchema, json);
  if (!result.success) throw new ManifestInvalidError(issueText(result.issues));
  return result.output as ImageManifest;
}
