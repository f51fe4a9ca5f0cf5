// Engine API errors as data. moby classifies every error by kind (errdefs: not found, invalid
// parameter, conflict, forbidden, unauthorized, system…), maps the kind to an HTTP status, and
// writes the message as `{"message":"…"}`. Here a handler throws a `DaemonError` carrying Docker's
// own words, and `errorResponse` is the one place that writes the body. Errors from the rest of the
// engine (a bad reference, a corrupt archive) are classified by `asDaemonError`.
import { utf8 } from '../../bytes';
import { DigestMismatchError, InvalidDigestError } from '../../digest';
import { ArchiveError } from '../../image/archive';
import { InvalidReferenceError } from '../../reference';
import type { WireResponse } from '../../wire/message';

export class DaemonError extends Error {
  override name = 'DaemonError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** 400: errdefs.InvalidParameter. */
  static invalidParameter(message: string): DaemonError {
    return new DaemonError(400, message);
  }

  /** 401: errdefs.Unauthorized (a registry refused the credentials). */
  static unauthorized(message: string): DaemonError {
    return new DaemonError(401, message);
  }

  /** 403: errdefs.Forbidden. */
  static forbidden(message: string): DaemonError {
    return new DaemonError(403, message);
  }

  /** 404: errdefs.NotFound. */
  static notFound(message: string): DaemonError {
    return new DaemonError(404, message);
  }

  /** 409: errdefs.Conflict. */
  static conflict(message: string): DaemonError {
    return new DaemonError(409, message);
  }

  /** 500: anything unclassified (errdefs.System). */
  static system(message: string): DaemonError {
    return new DaemonError(500, message);
  }

  /** `No such image: alpine:latest` — what every image lookup says when nothing matches (404). */
  static noSuchImage(reference: string): DaemonError {
    return DaemonError.notFound(`No such image: ${reference}`);
  }

  /** The answer to any path or method the API does not have: 404 `page not found`. */
  static pageNotFound(): DaemonError {
    return DaemonError.notFound('page not found');
  }
}

/** Classify any error the way moby's errdefs would; unknown ones are 500 with their message. */
export function asDaemonError(err: unknown): DaemonError {
  if (err instanceof DaemonError) return err;
  if (err instanceof InvalidReferenceError || err instanceof InvalidDigestError) {
    return DaemonError.invalidParameter(err.message);
  }
  if (err instanceof ArchiveError || err instanceof DigestMismatchError) {
    return DaemonError.invalidParameter(err.message);
  }
  if (err instanceof Error) return DaemonError.system(err.message);
  return DaemonError.system(String(err));
}

/** The one place an Engine API error becomes a response: `{"message":"…"}` + newline, as Go encodes. */
export function errorResponse(err: unknown, extraHeaders: Record<string, string> = {}): WireResponse {
  const error = asDaemonError(err);
  return {
    status: error.status,
    headers: { ...extraHeaders, 'Content-Type': 'application/json' },
    body: utf8(JSON.stringify({ message: error.message }) + '\n'),
  };
}
