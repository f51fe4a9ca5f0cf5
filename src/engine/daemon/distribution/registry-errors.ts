// What a registry's refusals look like once the daemon's registry client has read them
// (distribution `registry/client/errors.go` HandleErrorResponse, `registry/api/errcode`).
//
// A registry answers an error with `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest
// unknown","detail":…}]}`; the client turns each entry into an error that prints as the code in
// lower case with spaces, a colon, and the message — `manifest unknown: manifest unknown`,
// `denied: requested access to the resource is denied`. A bearer challenge's `error` parameter
// comes first: `insufficient_scope` is `denied`, `invalid_token` is `unauthorized`. A token server's
// `{"details":"incorrect username or password"}` is `unauthorized: incorrect username or password`.
// When a request fails before any answer (no token, no route to the host), Go's HTTP client wraps
// the cause with the method and URL: `Head "https://registry-1.docker.io/v2/…": unauthorized: …`.
import { fromUtf8, type Bytes } from '../../bytes';
import type { WireResponse } from '../../wire/message';
import { getHeader } from '../../wire/message';
import { parseChallenges } from './challenge';

/** Default messages of the codes the client synthesises itself (errcode register.go). */
const defaultMessages: Record<string, string> = {
  UNAUTHORIZED: 'authentication required',
  DENIED: 'requested access to the resource is denied',
  TOOMANYREQUESTS: 'too many requests',
  UNKNOWN: 'unknown error',
};

/** One error a registry reported (errcode.Error): prints `<code words>: <message>`. */
export class RegistryApiError extends Error {
  override name = 'RegistryApiError';
  constructor(
    /** `MANIFEST_UNKNOWN`, `DENIED`… */
    readonly code: string,
    /** The registry's message, e.g. `manifest unknown`. */
    readonly registryMessage: string = defaultMessages[code] ?? 'unknown error',
    readonly detail?: unknown,
  ) {
    super(`${code.toLowerCase().replace(/_/g, ' ')}: ${registryMessage}`);
  }
}

/** Several errors in one answer (errcode.Errors); dockerd reads the first. */
export class RegistryApiErrors extends Error {
  override name = 'RegistryApiErrors';
  constructor(readonly errors: RegistryApiError[]) {
    super(errors.length === 1 ? errors[0]!.message : `errors:\n${errors.map((e) => e.message + '\n').join('')}`);
  }
}

/** A 4xx whose body is not the registry error format (client.UnexpectedHTTPResponseError). */
export class UnexpectedHttpResponseError extends Error {
  override name = 'UnexpectedHttpResponseError';
  constructor(
    readonly status: number,
    parseError: string,
    readonly response: string,
  ) {
    super(`error parsing HTTP ${status} response body: ${parseError}: ${JSON.stringify(response)}`);
  }
}

/** A status outside 4xx that the client did not expect (client.UnexpectedHTTPStatusError). */
export class UnexpectedHttpStatusError extends Error {
  override name = 'UnexpectedHttpStatusError';
  constructor(readonly status: number) {
    super(`received unexpected HTTP status: ${statusLine(status)}`);
  }
}

/** A blob the repository does not have (distribution.ErrBlobUnknown). */
export class BlobUnknownError extends Error {
  override name = 'BlobUnknownError';
  constructor() {
    super('unknown blob');
  }
}

/** A request that got no usable answer, as Go's url.Error prints it: `Get "https://…/v2/": cause`. */
export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    /** `Get`, `Head`, `Post`… */
    readonly op: string,
    readonly url: string,
    override readonly cause: Error,
  ) {
    super(`${op} ${JSON.stringify(url)}: ${cause.message}`);
  }
}

/** Go's url.Error Op for a method: `HEAD` → `Head`. */
export function requestOp(method: string): string {
  return method.charAt(0).toUpperCase() + method.slice(1).toLowerCase();
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  416: 'Requested Range Not Satisfiable',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `404 Not Found`, as Go's resp.Status reads. */
export function statusLine(status: number): string {
  const reason = reasons[status];
  return reason ? `${status} ${reason}` : String(status);
}

/** An approximation of Go's encoding/json syntax error for a body that is not JSON. */
function goJsonError(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed === '') return 'unexpected end of JSON input';
  const first = trimmed[0]!;
  if (!/[{["\-0-9tfn]/.test(first)) return `invalid character '${first}' looking for beginning of value`;
  const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(trimmed);
  if (number) {
    const rest = trimmed.slice(number[0].length).trimStart();
    if (rest !== '') return `invalid character '${rest[0]}' after top-level value`;
  }
  return 'invalid JSON';
}

function parseBody(status: number, body: Bytes): RegistryApiError[] | Error {
  let text: string;
  try {
    text = fromUtf8(body);
  } catch {
    text = '';
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new UnexpectedHttpResponseError(status, goJsonError(text), text);
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  if (typeof record.details === 'string' && record.details !== '') {
    const code = status === 401 ? 'UNAUTHORIZED' : status === 429 ? 'TOOMANYREQUESTS' : 'UNKNOWN';
    return [new RegistryApiError(code, record.details)];
  }
  const list = Array.isArray(record.errors) ? record.errors : [];
  const errors = list.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const entry = e as Record<string, unknown>;
    const code = typeof entry.code === 'string' ? entry.code : 'UNKNOWN';
    const message = typeof entry.message === 'string' ? entry.message : undefined;
    return [new RegistryApiError(code, message, entry.detail)];
  });
  if (errors.length === 0) {
    return new UnexpectedHttpResponseError(status, 'no error details found in HTTP response body', text);
  }
  return errors;
}

/** The error an unsuccessful response stands for (HandleErrorResponse). */
export function errorFromResponse(response: WireResponse, body: Bytes): Error {
  const { status } = response;
  if (status < 400 || status >= 500) return new UnexpectedHttpStatusError(status);
  const parsed = parseBody(status, body);
  const header = getHeader(response, 'WWW-Authenticate');
  for (const challenge of header ? parseChallenges(header) : []) {
    if (challenge.scheme !== 'bearer') continue;
    const code =
      challenge.params.error === 'invalid_token'
        ? 'UNAUTHORIZED'
        : challenge.params.error === 'insufficient_scope'
          ? 'DENIED'
          : undefined;
    if (!code) continue;
    const first = new RegistryApiError(code, challenge.params.error_description || defaultMessages[code]);
    return new RegistryApiErrors([first, ...(Array.isArray(parsed) ? parsed : [])]);
  }
  if (Array.isArray(parsed)) return new RegistryApiErrors(parsed);
  if (parsed instanceof UnexpectedHttpResponseError && status === 401) {
    return new RegistryApiErrors([new RegistryApiError('UNAUTHORIZED', undefined, parsed.response)]);
  }
  return parsed;
}

/** The registry error dockerd acts on: the first of a list, looking through a request error. */
export function firstRegistryError(err: unknown): RegistryApiError | undefined {
  if (err instanceof RequestError) return firstRegistryError(err.cause);
  if (err instanceof RegistryApiErrors) return err.errors[0];
  if (err instanceof RegistryApiError) return err;
  return undefined;
}
