// Runs in real Chromium: WebCrypto there must give the digests Node gives.
import { expect, it } from 'vitest';
import { sha256Of } from './digest';

it('hashes in the browser exactly as in Node', async () => {
  expect(await sha256Of('hello')).toBe('sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  const bytes = new Uint8Array(1 << 20).map((_, i) => (i * 31) % 256);
  // The value node:crypto computes for the same bytes.
  expect(await sha256Of(bytes)).toBe('sha256:1c15b634397059fc8b634d6723502f0e5433e6c9f8d60e40d9128451a9f80c0f');
});
