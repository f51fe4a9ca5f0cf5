import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DigestMismatchError, encodedOf, parseDigest, sha256Of, shortId, verifyDigest } from './digest';

const hello = 'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';

describe('digest', () => {
  it('hashes with sha256 as node:crypto does', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 251);
    expect(await sha256Of(bytes)).toBe('sha256:' + createHash('sha256').update(bytes).digest('hex'));
    expect(await sha256Of('hello')).toBe(hello);
  });

  it.each([
    ['sha256:' + 'A'.repeat(64), 'invalid checksum digest format'],
    ['sha256:' + 'a'.repeat(63), 'invalid checksum digest length'],
    ['md5:' + 'a'.repeat(32), 'unsupported digest algorithm'],
    ['sha256', 'invalid checksum digest format'],
  ])("refuses %s with go-digest's words", (text, message) => {
    expect(() => parseDigest(text)).toThrow(message);
  });

  it.each([
    ['sha256:' + 'a'.repeat(64), true],
    ['sha512:' + 'a'.repeat(128), true],
    ['sha256:' + 'A'.repeat(64), false],
    ['sha256:' + 'a'.repeat(63), false],
    ['sha256:', false],
    [':' + 'a'.repeat(64), false],
    ['md5:' + 'a'.repeat(32), false],
    ['sha256' + 'a'.repeat(64), false],
  ])('parses %s → %s', (text, ok) => {
    if (ok) expect(parseDigest(text)).toBe(text);
    else expect(() => parseDigest(text)).toThrow();
  });

  it('gives the short and encoded forms', () => {
    const d = parseDigest(hello);
    expect(encodedOf(d)).toBe(hello.slice(7));
    expect(shortId(d)).toBe('2cf24dba5fb0');
  });

  it('verifies content against a digest', async () => {
    await expect(verifyDigest(new TextEncoder().encode('hello'), parseDigest(hello))).resolves.toBeUndefined();
    await expect(verifyDigest(new TextEncoder().encode('hullo'), parseDigest(hello))).rejects.toBeInstanceOf(
      DigestMismatchError,
    );
  });
});
