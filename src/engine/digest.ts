// Digests: how Docker and OCI name content. A digest is `algorithm:encoded`, e.g.
// `sha256:2cf24dba…` — the hash of the exact bytes of a blob (a layer, a config, a manifest). Two
// identical blobs have the same digest, which is why layers are shared and deduplicated everywhere.
//
// `Digest` is a branded string: the only ways to make one are `parseDigest` (checks the grammar of
// the OCI image spec, descriptor.md "Digests") and `sha256Of` (computes it), so a `Digest` value is
// always well formed.
import { tracked } from './activity';
import { asBytes, toHex, utf8 } from './bytes';

export type Digest = string & { readonly __brand: 'Digest' };

/** Thrown for text that is not a digest; the message is the one Docker prints. */
export class InvalidDigestError extends Error {
  override name = 'InvalidDigestError';
}

// algorithm-component ([a-z0-9]+) joined by [+._-]; encoded [a-zA-Z0-9=_-]+ (descriptor.md).
const grammar = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
// Registered algorithms and the length of their hex encoding (go-digest checks length, then hex).
const registered: Record<string, number> = { sha256: 64, sha512: 128 };

/** Parse `algorithm:encoded`, accepting only sha256/sha512 with lowercase hex of the right length. */
export function parseDigest(text: string): Digest {
  if (!grammar.test(text)) throw new InvalidDigestError('invalid checksum digest format');
  const i = text.indexOf(':');
  const algorithm = text.slice(0, i);
  const encoded = text.slice(i + 1);
  const length = registered[algorithm];
  if (!length) throw new InvalidDigestError('unsupported digest algorithm');
  if (encoded.length !== length) throw new InvalidDigestError('invalid checksum digest length');
  if (!/^[a-f0-9]+$/.test(encoded)) throw new InvalidDigestError('invalid checksum digest format');
  return text as Digest;
}

export function isDigest(text: string): text is Digest {
  try {
    parseDigest(text);
    return true;
  } catch {
    return false;
  }
}

export function algorithmOf(d: Digest): string {
  return d.slice(0, d.indexOf(':'));
}

/** The hex part after `sha256:`. */
export function encodedOf(d: Digest): string {
  return d.slice(d.indexOf(':') + 1);
}

/** The 12-character short form Docker prints in tables and progress lines. */
export function shortId(d: Digest): string {
  return encodedOf(d).slice(0, 12);
}

/** SHA-256 of the bytes, through WebCrypto (the same in browsers and Node 20). */
export async function sha256Of(data: Uint8Array | string): Promise<Digest> {
  const bytes = typeof data === 'string' ? utf8(data) : asBytes(data);
  const hash = await tracked(crypto.subtle.digest('SHA-256', bytes));
  return `sha256:${toHex(new Uint8Array(hash))}` as Digest;
}

/** Thrown when content does not hash to the digest it was presented under. */
export class DigestMismatchError extends Error {
  override name = 'DigestMismatchError';
  constructor(
    readonly expected: Digest,
    readonly actual: Digest,
  ) {
    super(`digest mismatch: expected ${expected}, got ${actual}`);
  }
}

/** Hash `data` and throw DigestMismatchError unless it matches `expected`. */
export async function verifyDigest(data: Uint8Array, expected: Digest): Promise<void> {
  if (algorithmOf(expected) !== 'sha256') throw new InvalidDigestError('unsupported digest algorithm');
  const actual = await sha256Of(data);
  if (actual !== expected) throw new DigestMismatchError(expected, actual);
}
