// Matching a message of the trace against a pattern from the bank (`method`, `path`, `status`,
// `from`, `to`), as lesson goals match requests: paths without their query, with or without the
// Engine API's `/v1.50` prefix, `*` standing for one path segment.
import type { TraceEntry, TraceRequest, TraceResponse } from '../../../actors/trace/types';
import { globMatch } from '../../goals/glob';
import type { RequestPattern } from '../question-schema';

const VERSION_PREFIX = /^\/v1\.\d+(?=\/)/;

/** A URL's path without its query and without an Engine API version prefix. */
export function barePath(url: string): string {
  return (url.split('?')[0] ?? '').replace(VERSION_PREFIX, '');
}

/** The request of an exchange, and its response when it has arrived. */
export function exchangeOf(
  entries: readonly TraceEntry[],
  exchange: number,
): { request?: TraceRequest; response?: TraceResponse } {
  const found: { request?: TraceRequest; response?: TraceResponse } = {};
  for (const e of entries) {
    if (e.kind === 'request' && e.exchange === exchange) found.request = e;
    if (e.kind === 'response' && e.exchange === exchange) found.response = e;
  }
  return found;
}

/** Whether `request` (answered by `status`, if known) fits every field of `pattern`. */
export function requestFits(pattern: RequestPattern, request: TraceRequest, status: number | undefined): boolean {
  return (
    (pattern.from === undefined || request.from.host === pattern.from) &&
    (pattern.to === undefined || request.to.host === pattern.to) &&
    (pattern.method === undefined || request.method.toUpperCase() === pattern.method.toUpperCase()) &&
    (pattern.path === undefined || globMatch(barePath(pattern.path), barePath(request.url))) &&
    (pattern.status === undefined || status === pattern.status)
  );
}

/** `METHOD /path → status` for one request (status when its response is in `entries`). */
export function describeRequest(request: TraceRequest, entries: readonly TraceEntry[]): string {
  const { response } = exchangeOf(entries, request.exchange);
  return `${request.method} ${barePath(request.url)}${response ? ` → ${response.status}` : ''}`;
}
