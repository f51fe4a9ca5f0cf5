// Errors from the daemon, as the Docker client library reports them (moby `client/request.go`): a
// status of 400 or more becomes `Error response from daemon: <message>`, the message taken from the
// JSON body `{"message": …}`. The status stays with the error because commands act on it: a 404
// from `containers/create` makes `docker run` pull the image; a 404 from `containers/x/json` makes
// `docker inspect` try an image next.

/** The daemon answered with an error status. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    /** The daemon's own message (the part after `Error response from daemon: `). */
    readonly daemonMessage: string,
    /** The whole text the CLI prints; by default `Error response from daemon: <message>`. */
    text = `Error response from daemon: ${daemonMessage}`,
  ) {
    super(text);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

/** Is `err` the daemon saying "not found"? (errdefs.IsNotFound) */
export function isNotFound(err: unknown): err is ApiError {
  return err instanceof ApiError && err.isNotFound;
}

const statusTexts: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** Go's http.StatusText. */
export function statusText(status: number): string {
  return statusTexts[status] ?? '';
}

/**
 * The error for an answer with status `status`, body `text` and content type `contentType`, to a
 * request for `url` (moby checkResponseErr).
 */
export function errorFromResponse(status: number, text: string, contentType: string | undefined, url: string): Error {
  if (text.length === 0) {
    return new ApiError(
      status,
      '',
      `request returned ${statusText(status)} for API route and version ${url}, check if the server supports the requested API version`,
    );
  }
  let message = text;
  if ((contentType ?? '').split(';')[0]!.trim() === 'application/json') {
    try {
      const body = JSON.parse(text) as { message?: unknown };
      message = typeof body?.message === 'string' ? body.message : '';
    } catch (err) {
      return new ApiError(status, '', `Error reading JSON: ${(err as Error).message}`);
    }
  }
  return new ApiError(status, message.trim());
}
