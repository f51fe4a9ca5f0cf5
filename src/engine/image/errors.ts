// Errors of the image model, as data. Each carries the wording Docker (or the registry) uses, and
// the registry error code a handler should answer with, so that `docker pull` of a bad manifest
// and `PUT /v2/<name>/manifests/<ref>` of one tell the same story.
//
// Malformed JSON: Go reports `invalid character 'x' looking for beginning of value`, text our
// JavaScript parser cannot reproduce faithfully. We say `invalid JSON` instead and keep the
// parser's own error as `cause` (see json.ts).

/** A manifest or index the registry would refuse with MANIFEST_INVALID ("manifest invalid"). */
export class ManifestInvalidError extends Error {
  override name = 'ManifestInvalidError';
  readonly code = 'MANIFEST_INVALID';
  constructor(
    /** What is wrong, e.g. `layers[0].digest: invalid checksum digest format`. */
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`manifest invalid: ${detail}`, options);
  }
}

/**
 * Content of a media type we do not pull or store as a manifest. The message is the daemon's
 * (`daemon/internal/distribution/errors.go`: "unsupported media type X"); a registry answers
 * MANIFEST_INVALID.
 */
export class UnsupportedMediaTypeError extends Error {
  override name = 'UnsupportedMediaTypeError';
  readonly code = 'MANIFEST_INVALID';
  constructor(readonly mediaType: string) {
    super(`unsupported media type ${mediaType}`);
  }
}

/** Docker's own message for the retired v2 schema 1 format (moby `DeprecatedSchema1ImageError`). */
export class DeprecatedSchema1Error extends Error {
  override name = 'DeprecatedSchema1Error';
  readonly code = 'MANIFEST_INVALID';
  constructor(reference?: string) {
    let message = 'Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed.';
    if (reference) {
      message += ` Suggest the author of ${reference} to upgrade the image to the OCI Format or Docker Image manifest v2, schema 2.`;
    }
    message += ' More information at https://docs.docker.com/go/deprecated-image-specs/';
    super(message);
  }
}

/** An image configuration that is not one (missing `rootfs`, a bad diff_id, not JSON…). */
export class ConfigInvalidError extends Error {
  override name = 'ConfigInvalidError';
  constructor(
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`invalid image config: ${detail}`, options);
  }
}
