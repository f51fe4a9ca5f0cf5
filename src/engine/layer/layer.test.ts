import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, utf8 } from '../bytes';
import { DigestMismatchError, InvalidDigestError, sha256Of, type Digest } from '../digest';
import type { FsEntry } from './entry';
import { gzip, GzipError } from './gzip';
import { buildLayer, openLayer } from './layer';
import { asRead, entryList, entryListDifference } from './layer-arbitraries';
import {
  FIXTURE_DIFF_ID,
  FIXTURE_DIGEST,
  FIXTURE_SIZE,
  FIXTURE_UNCOMPRESSED_SIZE,
  fixtureEntries,
  LONG_NAME,
  UNICODE_NAME,
} from './layer.fixture';
import { TarError, writeTar } from './tar';

const nodeSha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const file = (path: string, text: string): FsEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  uid: 0,
  gid: 0,
  mtime: 0,
  content: utf8(text),
});

describe('the fixture layer (the same constants are asserted in Chromium by layer.browser.test.ts)', () => {
  it('has the expected digest, DiffID and sizes', async () => {
    const layer = await buildLayer(fixtureEntries);
    expect(layer.digest).toBe(FIXTURE_DIGEST);
    expect(layer.diffId).toBe(FIXTURE_DIFF_ID);
    expect(layer.size).toBe(FIXTURE_SIZE);
    expect(layer.uncompressedSize).toBe(FIXTURE_UNCOMPRESSED_SIZE);
  });

  it('names what it says: digest = sha256 of the blob, DiffID = sha256 of the tar inside (checked with node:crypto and zlib)', async () => {
    const layer = await buildLayer(fixtureEntries);
    expect(layer.blob.length).toBe(layer.size);
    expect(nodeSha256(layer.blob)).toBe(layer.digest);
    const tar = gunzipSync(layer.blob);
    expect(tar.length).toBe(layer.uncompressedSize);
    expect(nodeSha256(tar)).toBe(layer.diffId);
  });

  it.skipIf(spawnSync('tar', ['--version']).status !== 0)('is a tar.gz GNU tar can list', async () => {
    const { blob } = await buildLayer(fixtureEntries);
    const result = spawnSync('tar', ['-tzf', '-'], { input: blob, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    expect(result.status).toBe(0);
    const names = result.stdout.toString('utf8').trimEnd().split('\n');
    expect(names).toHaveLength(fixtureEntries.length);
    expect(names).toContain(LONG_NAME);
    expect(names).toContain(UNICODE_NAME);
  });

  it('opens, verified, to the entries it was built from', async () => {
    const { blob } = await buildLayer(fixtureEntries);
    const opened = await openLayer(blob, { digest: FIXTURE_DIGEST, diffId: FIXTURE_DIFF_ID });
    expect(opened.digest).toBe(FIXTURE_DIGEST);
    expect(opened.diffId).toBe(FIXTURE_DIFF_ID);
    expect(opened.uncompressedSize).toBe(FIXTURE_UNCOMPRESSED_SIZE);
    expect(opened.entries).toEqual(fixtureEntries.map(asRead));
  });
});

describe('buildLayer', () => {
  it('keeps the order it is given', async () => {
    const entries = [file('z', 'last first'), file('a', 'first last')];
    const { blob } = await buildLayer(entries);
    expect((await openLayer(blob)).entries.map((e) => e.path)).toEqual(['z', 'a']);
  });

  it('gives different digests for different content, and the same for the same', async () => {
    const a = await buildLayer([file('f', 'one')]);
    const b = await buildLayer([file('f', 'one')]);
    const c = await buildLayer([file('f', 'two')]);
    expect(b.digest).toBe(a.digest);
    expect(c.digest).not.toBe(a.digest);
    expect(c.diffId).not.toBe(a.diffId);
  });

  it('refuses unsafe paths', async () => {
    await expect(buildLayer([file('../escape', 'x')])).rejects.toThrow(
      new TarError('invalid path "../escape": path escapes the root'),
    );
  });
});

describe('openLayer', () => {
  const entries = [file('etc/hosts', '127.0.0.1 localhost\n')];

  it('accepts a plain tar, whose digest is its DiffID', async () => {
    const tar = writeTar(entries);
    const opened = await openLayer(tar, { digest: await sha256Of(tar) });
    expect(opened.digest).toBe(opened.diffId);
    expect(opened.entries).toEqual(entries);
  });

  it('checks the blob against its digest before decompressing', async () => {
    const layer = await buildLayer(entries);
    const corrupt = layer.blob.slice();
    corrupt[corrupt.length - 20]! ^= 0xff;
    const error = await openLayer(corrupt, { digest: layer.digest }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DigestMismatchError);
    expect(error).toMatchObject({ expected: layer.digest, actual: nodeSha256(corrupt) });
    expect((error as Error).message).toBe(`digest mismatch: expected ${layer.digest}, got ${nodeSha256(corrupt)}`);
  });

  it('checks the tar against the DiffID the config promised', async () => {
    const layer = await buildLayer(entries);
    const other = await buildLayer([file('etc/hosts', 'something else\n')]);
    await expect(openLayer(layer.blob, { diffId: other.diffId })).rejects.toThrow(DigestMismatchError);
    // The same tar compressed differently keeps its DiffID: that is why configs list DiffIDs.
    const recompressed = gzip(writeTar(entries));
    recompressed[9] = 3; // another OS byte: another blob, another digest
    const opened = await openLayer(recompressed, { diffId: layer.diffId });
    expect(opened.digest).not.toBe(layer.digest);
  });

  it('refuses digests it cannot check', async () => {
    const layer = await buildLayer(entries);
    const sha512 = `sha512:${'ab'.repeat(64)}` as Digest;
    await expect(openLayer(layer.blob, { digest: sha512 })).rejects.toThrow(InvalidDigestError);
  });

  it('reports corrupt gzip and bad tar content as errors, never as partial entries', async () => {
    const layer = await buildLayer([...entries, file('more', 'x'.repeat(10_000))]);
    await expect(openLayer(layer.blob.subarray(0, layer.blob.length - 30))).rejects.toThrow(
      new GzipError('unexpected EOF'),
    );
    const cutTar = writeTar(entries).subarray(0, 520); // inside the file's data
    await expect(openLayer(gzip(cutTar))).rejects.toThrow(new TarError('unexpected EOF'));
    const hostile = concatBytes([writeTar(entries).subarray(0, 1024), evilHeader()]);
    await expect(openLayer(gzip(hostile))).rejects.toThrow('path escapes the root');
  });
});

/** A ustar header for "../evil" (writeTar would refuse to write one), then the end marker. */
function evilHeader(): Uint8Array {
  const block = writeTar([file('aaaaaaa', '')])
    .subarray(0, 512)
    .slice();
  block.set(utf8('../evil'), 0);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  block.set(utf8(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return concatBytes([block, new Uint8Array(1024)]);
}

describe('layer properties', () => {
  it('buildLayer → openLayer gives back the entries, with both digests verified', async () => {
    await fc.assert(
      fc.asyncProperty(entryList, async (list) => {
        const layer = await buildLayer(list);
        const opened = await openLayer(layer.blob, { digest: layer.digest, diffId: layer.diffId });
        expect(entryListDifference(opened.entries, list.map(asRead))).toBe('');
        expect(opened.uncompressedSize).toBe(layer.uncompressedSize);
      }),
      { numRuns: 60 },
    );
  });
});
