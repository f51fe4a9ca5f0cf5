// Runs in real Chromium: the fixture layer must get exactly the digests Node gets (layer.test.ts
// asserts the same constants), so a layer built in the page is byte-identical to one built in Node.
import { expect, it } from 'vitest';
import { sha256Of } from '../digest';
import { gunzip } from './gzip';
import { buildLayer, openLayer } from './layer';
import {
  FIXTURE_DIFF_ID,
  FIXTURE_DIGEST,
  FIXTURE_SIZE,
  FIXTURE_UNCOMPRESSED_SIZE,
  fixtureEntries,
  LONG_NAME,
  UNICODE_NAME,
} from './layer.fixture';

it('builds the fixture layer with the digests Node gives', async () => {
  const layer = await buildLayer(fixtureEntries);
  expect(layer.digest).toBe(FIXTURE_DIGEST);
  expect(layer.diffId).toBe(FIXTURE_DIFF_ID);
  expect(layer.size).toBe(FIXTURE_SIZE);
  expect(layer.uncompressedSize).toBe(FIXTURE_UNCOMPRESSED_SIZE);
  expect(await sha256Of(gunzip(layer.blob))).toBe(FIXTURE_DIFF_ID);
});

it('opens the fixture layer, verified, back to its entries', async () => {
  const { blob } = await buildLayer(fixtureEntries);
  const opened = await openLayer(blob, { digest: FIXTURE_DIGEST, diffId: FIXTURE_DIFF_ID });
  expect(opened.entries.map((e) => e.path)).toEqual(fixtureEntries.map((e) => e.path));
  expect(opened.entries.map((e) => e.path)).toContain(LONG_NAME);
  expect(opened.entries.map((e) => e.path)).toContain(UNICODE_NAME);
  const hello = opened.entries.find((e) => e.path === 'usr/bin/hello');
  expect(hello?.content).toEqual(fixtureEntries.find((e) => e.path === 'usr/bin/hello')?.content);
});
