// One-line summaries of messages, as packets on the stage and lines in the log show them:
// `POST /v1.50/containers/create`, `404 No such image: hello-world:latest`, `200 (stream)`.
import { fromUtf8 } from '../../engine/bytes';
import type { WireRequest, WireResponse } from '../../engine/wire/message';
import { getHeader, isStream } from '../../engine/wire/message';

const reasons: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  416: 'Range Not Satisfiable',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function requestSummary(request: WireRequest): string {
  return `${request.method} ${request.url}`;
}

/** The error text a JSON body carries: Engine API `{"message"}` or registry `{"errors":[{code,message}]}`. */
function errorText(body: Uint8Array): string | undefined {
  try {
    const json = JSON.parse(fromUtf8(body)) as { message?: unknown; errors?: { code?: string; message?: string }[] };
    if (typeof json.message === 'string') return json.message;
    const first = json.errors?.[0];
    if (first?.code) return first.code;
  } catch {
    return undefined;
  }
  return undefined;
}

export function responseSummary(response: WireResponse): string {
  const status = response.status;
  if (isStream(response.body)) return `${status} ${reasons[status] ?? ''} (stream)`.replace('  ', ' ');
  const json = (getHeader(response, 'Content-Type') ?? '').includes('json');
  const detail =
    status >= 400 && json && response.body && response.body.length < 65536 ? errorText(response.body) : undefined;
  return `${status} ${detail ?? reasons[status] ?? ''}`.trim();
}
