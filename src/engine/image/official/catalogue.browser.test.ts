// Runs in real Chromium: the catalogue generated there must have exactly the digests Node computes
// (same PRNG, same tar and gzip bytes, WebCrypto's sha256) — the fixture both environments assert.
import { expect, it } from 'vitest';
import { expectedIndexDigests } from './catalogue.fixture';
import { generateOfficialCatalogue, programOf } from './index';
import { resolveImage } from './walk';

it('generates the same catalogue in the browser as in Node', async () => {
  const catalogue = await generateOfficialCatalogue();
  for (const [ref, digest] of Object.entries(expectedIndexDigests)) {
    const [repo, tag] = ref.split(':') as [string, string];
    expect(catalogue.repositories.get(repo)?.get(tag), ref).toBe(digest);
  }
  const alpine = resolveImage(catalogue, 'library/alpine', 'latest', 'arm64');
  expect(alpine.config.variant).toBe('v8');
  expect(programOf(new Uint8Array([0x7f, 0x45, 0x4c, 0x46]))).toBeUndefined();
}, 120_000);
