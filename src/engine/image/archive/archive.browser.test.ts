// Runs in real Chromium: `docker save` of a fixed image gives the very bytes it gives in Node,
// and loads back.
import { expect, it } from 'vitest';
import { fixtureDir, fixtureFile, fixtureImage } from './fixture-images';
import { loadArchive } from './load';
import { saveImages } from './save';
import { expectedArchiveDigest, fixtureArchiveDigest } from './save.fixture';

it('saves the same archive as in Node', async () => {
  expect(await fixtureArchiveDigest()).toBe(expectedArchiveDigest);
});

it('loads what it saved', async () => {
  const image = await fixtureImage([[fixtureDir('etc'), fixtureFile('etc/hostname', 'box\n')]]);
  const [loaded] = await loadArchive(await saveImages([{ ...image, repoTags: ['box'] }]));
  expect(loaded!.repoTags).toEqual(['box:latest']);
  expect(loaded!.layers).toHaveLength(1);
});
