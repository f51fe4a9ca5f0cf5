// The OCI image layout (image-spec image-layout.md): a directory — or a tar of one — holding
//
//   oci-layout      {"imageLayoutVersion": "1.0.0"}   marks the directory as a layout
//   index.json      an image index: the entry points, usually named by annotations
//   blobs/<alg>/<encoded>                              every blob, named by its digest
//
// `docker save` writes one (alongside its docker-archive files), skopeo's `oci:` and
// `oci-archive:` transports write one, and umoci works on one.
import { utf8 } from '../../bytes';
import { encodedOf, algorithmOf, type Digest } from '../../digest';

/** The oci-layout file exactly as Docker writes it (a space after the colon, no newline). */
export const ociLayoutFile = utf8('{"imageLayoutVersion": "1.0.0"}');

/** Where a blob lives in a layout: `blobs/sha256/<hex>`. */
export function layoutBlobPath(digest: Digest): string {
  return `blobs/${algorithmOf(digest)}/${encodedOf(digest)}`;
}

/** The name `docker save` annotates an index entry with: the full reference. */
export const imageNameAnnotation = 'io.containerd.image.name';
/** The OCI annotation for an entry's name within the layout: a tag, or for some tools a reference. */
export const refNameAnnotation = 'org.opencontainers.image.ref.name';
