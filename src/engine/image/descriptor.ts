// Descriptors: how one blob points at another (image-spec descriptor.md). A descriptor names the
// target's media type, its digest and its exact size in bytes — a client that fetches the blob
// checks both — and may carry a platform (in an index), annotations and alternate URLs.
//
// The valibot schemas here are shared by the manifest, index and config parsers; `issueText`
// turns the first validation issue into a message with a readable path (`layers[0].digest: …`).
import * as v from 'valibot';
import { isDigest, sha256Of, type Digest } from '../digest';
import type { Descriptor } from './types';

/** RFC 6838 `type/subtype`, as image-spec descriptor.md requires of `mediaType`. */
const mediaTypeGrammar = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

export const mediaTypeSchema = v.pipe(v.string(), v.regex(mediaTypeGrammar, 'invalid media type'));

/** A digest string, checked with the same grammar as `parseDigest`. */
export const digestSchema = v.pipe(
  v.string(),
  v.check(isDigest, 'invalid checksum digest format'),
  v.transform((s) => s as Digest),
);

/** A byte count: an integer, never negative. */
export const sizeSchema = v.pipe(
  v.number(),
  v.safeInteger('size must be an integer'),
  v.minValue(0, 'size must not be negative'),
);

/** Whether a value is a JSON object whose every member passes `member`. */
export function isMapOf(value: unknown, member: (m: unknown) => boolean): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(member);
}

// Written as a custom check rather than `v.record`, which drops keys such as `__proto__` and
// `constructor`: whatever JSON.parse produced is kept as it is.
export const annotationsSchema = v.custom<Record<string, string>>(
  (value) => isMapOf(value, (m) => typeof m === 'string'),
  'Invalid type: Expected an object of strings',
);

export const platformSchema = v.looseObject({
  architecture: v.string(),
  os: v.string(),
  'os.version': v.optional(v.string()),
  'os.features': v.optional(v.array(v.string())),
  variant: v.optional(v.string()),
});

export const descriptorSchema = v.looseObject({
  mediaType: mediaTypeSchema,
  digest: digestSchema,
  size: sizeSchema,
  urls: v.optional(v.array(v.string())),
  annotations: v.optional(annotationsSchema),
  data: v.optional(v.string()),
  platform: v.optional(platformSchema),
  artifactType: v.optional(mediaTypeSchema),
});

/** `layers[0].digest: invalid checksum digest format` — the first issue, with where it is. */
export function issueText(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  let where = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') where += `[${key}]`;
    else where += where ? `.${String(key)}` : String(key);
  }
  // valibot reports a missing key as an invalid type with `received "undefined"`.
  const message = issue.received === 'undefined' ? 'required field is missing' : issue.message;
  return where ? `${where}: ${message}` : message;
}

/** The descriptor of some bytes: what a manifest writes to point at a blob. */
export async function descriptorOf(bytes: Uint8Array, mediaType: string): Promise<Descriptor> {
  return { mediaType, digest: await sha256Of(bytes), size: bytes.length };
}
