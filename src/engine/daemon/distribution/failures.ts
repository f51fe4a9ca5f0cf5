// How pull and push failures reach the client (moby `daemon/internal/distribution/errors.go`).
// Before the first progress line a failure is an HTTP error — `{"message": …}` with a status
// from its kind — and afterwards the last line of the stream. The registry's own refusal is
// rephrased for a pull:
//
//   denied            pull access denied for nosuch, repository does not exist or may require
//                     'docker login': denied: requested access to the resource is denied      404
//   manifest unknown  manifest for alpine:nope not found: manifest unknown: manifest unknown  404
//   name unknown      repository foo not found: name unknown: repository name not known to registry
//
// Everything else keeps its own words (`Head "https://…": unauthorized: incorrect username or
// password`, `unknown blob`) with status 500, except what Docker classifies otherwise: a bad
// platform or manifest format is 400, `'scratch' is a reserved name` is 403.
import { DeprecatedSchema1Error, ManifestInvalidError, UnsupportedMediaTypeError } from '../../image/errors';
import { NoMatchingManifestError } from '../../image/platform';
import { familiarName, familiarString, InvalidReferenceError, type ImageReference } from '../../reference';
import { DaemonError } from '../api/errors';
import { AiModelNotSupportedError, ManifestClassError, UnsupportedBlobTypeError } from './media-support';
import { RegistryApiError, RegistryApiErrors, RequestError } from './registry-errors';

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Errors every operation classifies the same way (errdefs kinds). */
function classified(err: unknown): DaemonError | undefined {
  if (err instanceof DaemonError) return err;
  if (err instanceof InvalidReferenceError) {
    return err.kind === 'reserved-name'
      ? DaemonError.forbidden(err.message)
      : DaemonError.invalidParameter(err.message);
  }
  if (
    err instanceof DeprecatedSchema1Error ||
    err instanceof UnsupportedMediaTypeError ||
    err instanceof UnsupportedBlobTypeError ||
    err instanceof AiModelNotSupportedError ||
    err instanceof ManifestClassError ||
    err instanceof ManifestInvalidError
  ) {
    return DaemonError.invalidParameter(err.message);
  }
  if (err instanceof NoMatchingManifestError) return DaemonError.notFound(err.message);
  return undefined;
}

/** translatePullError: a registry's own refusal of the whole pull becomes a "not found". */
export function pullFailure(err: unknown, ref: ImageReference): DaemonError {
  const known = classified(err);
  if (known) return known;
  const first = err instanceof RegistryApiErrors ? err.errors[0] : err instanceof RegistryApiError ? err : undefined;
  if (first) {
    switch (first.code) {
      case 'DENIED':
        return DaemonError.notFound(
          `pull access denied for ${familiarName(ref)}, repository does not exist or may require 'docker login': ${first.message}`,
        );
      case 'MANIFEST_UNKNOWN':
        return DaemonError.notFound(`manifest for ${familiarString(ref)} not found: ${first.message}`);
      case 'NAME_UNKNOWN':
        return DaemonError.notFound(`repository ${familiarName(ref)} not found: ${first.message}`);
    }
    return DaemonError.system(first.message);
  }
  return DaemonError.system(messageOf(err));
}

/**
 * A failed layer upload reports the registry's first error, or the cause of a failed request
 * (retryOnError unwraps both); other push failures keep their own text.
 */
export function uploadFailure(err: unknown): Error {
  if (err instanceof RequestError) return uploadFailure(err.cause);
  if (err instanceof RegistryApiErrors && err.errors[0]) return err.errors[0];
  return err instanceof Error ? err : new Error(String(err));
}

/** The API error for anything else (a push, a bad reference): classified, or 500 with its words. */
export function apiFailure(err: unknown): DaemonError {
  return classified(err) ?? DaemonError.system(messageOf(err));
}
