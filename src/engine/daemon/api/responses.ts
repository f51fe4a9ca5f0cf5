// The shapes of Engine API answers: JSON as moby's httputils.WriteJSON writes it (one line, HTML
// characters left alone, a trailing newline), streams of JSON messages for long operations, and
// the query-string conventions every handler shares (`1`/`true` booleans).
import { utf8, type Bytes } from '../../bytes';
import { compareCodePoints } from '../../image/json';
import type { WireResponse } from '../../wire/message';
import { jsonAnswerBytes } from './json-answer';

/** A JSON answer: `Content-Type: application/json`, body + newline, as Go's json.Encoder ends it. */
export function jsonResponse(status: number, value: unknown): WireResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body: jsonAnswerBytes(value) };
}

/** An answer with no body (`201 Created` for a tag, `204`). */
export function emptyResponse(status: number): WireResponse {
  return { status, headers: {} };
}

/** A streamed JSON answer (progress, events): headers go out at once, then each chunk as it comes. */
export function streamResponse(body: AsyncIterable<Bytes>, contentType = 'application/json'): WireResponse {
  return { status: 200, headers: { 'Content-Type': contentType }, body };
}

/** JSON as Go's encoding/json writes it by default: `<`, `>`, `&`, U+2028/9 escaped as `\u003c`…. */
export function goEscapedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}

/** A `{"stream":"…"}` message (streamformatter's stdout writer), ended with `\r\n`. */
export function streamText(text: string): Bytes {
  return utf8(goEscapedJson({ stream: text }) + '\r\n');
}

/** moby's httputils.BoolValue: `1`, `true`, `True`… are true; absent, `0`, `false`, `no`, `none` are false. */
export function boolParam(query: URLSearchParams, name: string): boolean {
  const value = (query.get(name) ?? '').trim().toLowerCase();
  return !(value === '' || value === '0' || value === 'no' || value === 'false' || value === 'none');
}

/** moby's BoolValueOrDefault: the default when the parameter is absent or empty. */
export function boolParamOr(query: URLSearchParams, name: string, fallback: boolean): boolean {
  return (query.get(name) ?? '') === '' ? fallback : boolParam(query, name);
}

/**
 * A Go map (Labels, Options, ExposedPorts…) with its keys in the order Go's encoder writes them:
 * sorted by their UTF-8 bytes. The map itself when already in order (no copy for the usual zero
 * or one label), else a sorted copy; null for none. Answers only: never for stored bytes (a
 * config's bytes come from image/serialise.ts). A JS object always lists integer-like keys ("9",
 * "10") first and in numeric order, which no reordering can change.
 */
export function sortedMap<T>(map: Record<string, T> | null | undefined): Record<string, T> | null {
  if (map === null || map === undefined) return null;
  const keys = Object.keys(map);
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = compareCodePoints(keys[i - 1]!, keys[i]!) < 0;
  if (inOrder) return map;
  return Object.fromEntries(keys.sort(compareCodePoints).map((k) => [k, map[k] as T]));
}

/**
 * `source` with each item mapped, forwarding `return()` straight to `source` — unlike an async
 * generator, which would queue the return behind a pending `next()`, so a reader that leaves a
 * quiet stream (an interrupted `docker events`) could never stop it.
 */
export function mapStream<T, U>(source: AsyncIterable<T>, map: (item: T) => U): AsyncIterable<U> {
  return {
    [Symbol.asyncIterator]() {
      const inner = source[Symbol.asyncIterator]();
      return {
        async next(): Promise<IteratorResult<U>> {
          const r = await inner.next();
          return r.done ? { done: true, value: undefined } : { done: false, value: map(r.value) };
        },
        async return(): Promise<IteratorResult<U>> {
          await inner.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
