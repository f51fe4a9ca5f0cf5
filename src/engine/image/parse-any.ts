// What is behind a tag: a manifest (one platform) or an index (several)? A registry is told by the
// Content-Type of a PUT, a client by the Content-Type of the GET response; a file in an OCI layout
// only by its own `mediaType` field. This module decides, in that order:
//
//   1. a Content-Type naming a manifest or index type (parameters such as `; charset=` dropped);
//   2. otherwise the document's own `mediaType`;
//   3. otherwise the shape: `manifests` means an OCI index, `config` an OCI manifest.
//
// A generic Content-Type (`application/json`, `application/octet-stream`) says nothing and is
// skipped. Distribution, given no Content-Type at all, assumes schema 2; we sniff instead, so that
// OCI layouts (which have no Content-Type) parse too.
import { DeprecatedSchema1Error, ManifestInvalidError, UnsupportedMediaTypeError } from './errors';
import { parseIndex } from './image-index';
import { declaredMediaType, decodeManifestJson, parseManifest, schema1MediaTypes } from './manifest';
import { indexMediaTypes, manifestMediaTypes, MediaType } from './media-types';
import type { ImageIndex, ImageManifest } from './types';

export type ManifestOrIndex =
  | { kind: 'manifest'; mediaType: string; manifest: ImageManifest }
  | { kind: 'index'; mediaType: string; index: ImageIndex };

const uninformative = ['', 'application/json', 'text/plain', 'application/octet-stream'];

/** `application/vnd.oci.image.index.v1+json; charset=utf-8` → the bare, lower-case type. */
export function bareMediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function sniff(json: Record<string, unknown>): string {
  if (json.schemaVersion === 1) throw new DeprecatedSchema1Error();
  if ('manifests' in json) return MediaType.ociIndex;
  if ('config' in json) return MediaType.ociManifest;
  throw new ManifestInvalidError('no mediaType, and neither config nor manifests: not a manifest or an index');
}

/** Parse a manifest or an index, deciding which it is (see the header). */
export function parseManifestOrIndex(bytes: Uint8Array, contentType?: string): ManifestOrIndex {
  const served = contentType === undefined ? '' : bareMediaType(contentType);
  let mediaType: string;
  if (!uninformative.includes(served)) {
    mediaType = served;
  } else {
    const json = decodeManifestJson(bytes);
    mediaType = declaredMediaType(json) ?? sniff(json);
  }
  if (schema1MediaTypes.includes(mediaType)) throw new DeprecatedSchema1Error();
  if (manifestMediaTypes.includes(mediaType)) {
    return { kind: 'manifest', mediaType, manifest: parseManifest(bytes, mediaType) };
  }
  if (indexMediaTypes.includes(mediaType)) {
    return { kind: 'index', mediaType, index: parseIndex(bytes, mediaType) };
  }
  throw new UnsupportedMediaTypeError(mediaType);
}
