// The manifest the classic daemon pushes: Docker's "image manifest v2, schema 2"
// (distribution `manifest/schema2`), whatever format the image was pulled in. Its bytes are
// distribution's `json.MarshalIndent(m, "", "   ")` — three-space indentation, fields in struct
// order (`mediaType`, `size`, `digest` in each descriptor) — because the manifest's digest, printed
// as `v1: digest: sha256:… size: 528`, covers every one of those bytes.
import { utf8, type Bytes } from '../../bytes';
import type { Digest } from '../../digest';
import { MediaType } from '../../image/media-types';

export interface PushedBlob {
  digest: Digest;
  size: number;
}

function descriptor(mediaType: string, blob: PushedBlob) {
  return { mediaType, size: blob.size, digest: blob.digest };
}

/** The schema-2 manifest bytes for a config and its layers (base first). */
export function schema2Manifest(config: PushedBlob, layers: readonly PushedBlob[]): Bytes {
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.dockerManifest,
    config: descriptor(MediaType.dockerConfig, config),
    layers: layers.map((layer) => descriptor(MediaType.dockerLayerGzip, layer)),
  };
  // Digests, media types and numbers hold no character Go would escape.
  return utf8(JSON.stringify(manifest, null, 3));
}
