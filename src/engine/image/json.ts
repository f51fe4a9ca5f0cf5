// JSON the way image tooling writes and reads it.
//
// Reading: manifests and configs arrive as bytes; they must be UTF-8 and JSON, and we say which
// of the two they are not. Go's exact parser messages ("invalid character 'x' looking for
// beginning of value") are not reproduced: the message is `invalid JSON` (or `not valid UTF-8`)
// and the JavaScript parser's own error is attached as `cause`.
//
// Writing: Docker, containerd and BuildKit are Go programs, and Go's `encoding/json` writes
// compact JSON with object keys in struct-field order and escapes `<`, `>`, `&`, U+2028 and
// U+2029 (HTML-safe). Content digests depend on every byte, so the JSON we create does the same:
// `goJson` takes a value and a key order for each kind of object in it (see serialise.ts).
import { fromUtf8, utf8, type Bytes } from '../bytes';

/** Why bytes could not be decoded; `reason` is `not valid UTF-8` or `invalid JSON`. */
export class JsonDecodeError extends Error {
  override name = 'JsonDecodeError';
  constructor(
    readonly reason: 'not valid UTF-8' | 'invalid JSON' | 'not a JSON object',
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}

/** Decode UTF-8 JSON text; throws JsonDecodeError. */
export function decodeJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch (err) {
    throw new JsonDecodeError('not valid UTF-8', { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new JsonDecodeError('invalid JSON', { cause: err });
  }
}

/** Decode bytes that must hold a JSON object (every manifest, index and config does). */
export function decodeJsonObject(bytes: Uint8Array): Record<string, unknown> {
  const value = decodeJson(bytes);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new JsonDecodeError('not a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * Where to look up the key order of a nested object: given the path of keys from the root (array
 * indices omitted), the order in which the Go struct declares its fields. Keys not listed come
 * after the listed ones, sorted (as Go sorts map keys).
 */
export type KeyOrder = (path: readonly string[]) => readonly string[] | undefined;

const htmlUnsafe = /[<>&\u2028\u2029]/g;

function escapeLikeGo(json: string): string {
  return json.replace(htmlUnsafe, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Go sorts map keys by their bytes; comparing code points gives the same order as UTF-8 bytes. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

// Written by hand rather than by reordering objects for JSON.stringify: JavaScript objects always
// put integer-like keys ("9", "10") first in numeric order, which is not Go's order.
function emit(value: unknown, order: KeyOrder, path: string[]): string {
  if (Array.isArray(value)) return '[' + value.map((v) => emit(v ?? null, order, path)).join(',') + ']';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const known = order(path) ?? [];
  const rank = (k: string) => {
    const i = known.indexOf(k);
    return i === -1 ? known.length : i;
  };
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort((a, b) => rank(a) - rank(b) || compareCodePoints(a, b));
  const members = keys.map(
    (k) => JSON.stringify(k) + ':' + emit((value as Record<string, unknown>)[k], order, [...path, k]),
  );
  return '{' + members.join(',') + '}';
}

/** Compact JSON text as Go's encoding/json writes it, keys in the given order. */
export function goJsonText(value: unknown, order: KeyOrder = () => undefined): string {
  return escapeLikeGo(emit(value, order, []));
}

/** `goJsonText` as UTF-8 bytes: what gets hashed and stored. */
export function goJson(value: unknown, order?: KeyOrder): Bytes {
  return utf8(goJsonText(value, order));
}
