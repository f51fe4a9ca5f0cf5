// Registry errors as data, after distribution's `registry/api/errcode` and the OCI distribution
// spec's error codes: each row is a code, its HTTP status and its message. Handlers throw a
// `RegistryError`; one function (`errorResponse`) writes the `{"errors":[…]}` body for all of them.
import { utf8 } from '../bytes';
import type { Headers, WireResponse } from '../wire/message';
import { baseHeaders } from './headers';

export const errorCodes = {
  BLOB_UNKNOWN: { status: 404, message: 'blob unknown to registry' },
  BLOB_UPLOAD_INVALID: { status: 400, message: 'blob upload invalid' },
  BLOB_UPLOAD_UNKNOWN: { status: 404, message: 'blob upload unknown to registry' },
  DIGEST_INVALID: { status: 400, message: 'provided digest did not match uploaded content' },
  MANIFEST_BLOB_UNKNOWN: { status: 400, message: 'blob unknown to registry' },
  MANIFEST_INVALID: { status: 400, message: 'manifest invalid' },
  MANIFEST_UNKNOWN: { status: 404, message: 'manifest unknown' },
  NAME_INVALID: { status: 400, message: 'invalid repository name' },
  NAME_UNKNOWN: { status: 404, message: 'repository name not known to registry' },
  SIZE_INVALID: { status: 400, message: 'provided length did not match content length' },
  TAG_INVALID: { status: 400, message: 'manifest tag did not match URI' },
  UNAUTHORIZED: { status: 401, message: 'authentication required' },
  DENIED: { status: 403, message: 'requested access to the resource is denied' },
  UNSUPPORTED: { status: 405, message: 'The operation is unsupported.' },
  RANGE_INVALID: { status: 416, message: 'invalid content range' },
  PAGINATION_NUMBER_INVALID: { status: 400, message: 'invalid number of results requested' },
  UNKNOWN: { status: 500, message: 'unknown error' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class RegistryError extends Error {
  override name = 'RegistryError';
  constructor(
    readonly code: ErrorCode,
    readonly detail?: unknown,
    /** Extra response headers, e.g. the `WWW-Authenticate` challenge of a 401. */
    readonly headers: Headers = {},
    /** A message more specific than the code's own, where the reference registry gives one. */
    message: string = errorCodes[code].message,
  ) {
    super(message);
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

/** The one place that turns errors into responses. HEAD answers carry the length but no body. */
export function errorResponse(method: string, errors: RegistryError | RegistryError[]): WireResponse {
  const list = Array.isArray(errors) ? errors : [errors];
  const first = list[0] ?? new RegistryError('UNKNOWN');
  const body = utf8(
    JSON.stringify({
      errors: list.map((e) =>
        e.detail === undefined
          ? { code: e.code, message: e.message }
          : { code: e.code, message: e.message, detail: e.detail },
      ),
    }) + '\n',
  );
  const headers: Headers = {
    ...baseHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    ...first.headers,
  };
  return method === 'HEAD' ? { status: first.status, headers } : { status: first.status, headers, body };
}
