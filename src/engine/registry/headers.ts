// Headers every answer of a registry carries, and the JSON answers' common shape.
import { utf8 } from '../bytes';
import type { Headers, WireResponse } from '../wire/message';

export function baseHeaders(): Headers {
  return { 'Docker-Distribution-Api-Version': 'registry/2.0' };
}

export function jsonResponse(status: number, value: unknown, extra: Headers = {}): WireResponse {
  const body = utf8(JSON.stringify(value) + '\n');
  return {
    status,
    headers: { ...baseHeaders(), 'Content-Type': 'application/json', 'Content-Length': String(body.length), ...extra },
    body,
  };
}

export function emptyResponse(status: number, extra: Headers = {}): WireResponse {
  return { status, headers: { ...baseHeaders(), 'Content-Length': '0', ...extra } };
}
