// What goes wrong with an image archive, as data. The messages follow the daemon's
// (`daemon/internal/image/tarexport`: "invalid archive: does not contain a manifest.json",
// "invalid diffID for layer 0: expected …, got …", "empty export - not implemented"); `kind` lets
// a caller (the daemon's load handler, a lesson goal) tell the cases apart without reading text.

export type ArchiveErrorKind =
  | 'not-a-tar' // the bytes are not a (possibly gzip-compressed) tar archive
  | 'no-manifest' // neither manifest.json nor index.json
  | 'malformed-json' // manifest.json, index.json, a manifest or a config is not what it should be
  | 'missing-file' // a path the archive's own metadata names is not in it
  | 'digest-mismatch' // a blob under blobs/<alg>/<hex> does not hash to its name or descriptor
  | 'size-mismatch' // a blob is not the size its descriptor says
  | 'layers-mismatch' // the config and the manifest disagree on how many layers there are
  | 'diff-id-mismatch' // a layer's tar does not hash to the config's diff_id
  | 'unsupported' // a compression or media type we do not load
  | 'invalid-tag' // a RepoTags entry or image name that is not a tagged reference
  | 'empty-image'; // saving an image without layers

export class ArchiveError extends Error {
  override name = 'ArchiveError';
  constructor(
    readonly kind: ArchiveErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
