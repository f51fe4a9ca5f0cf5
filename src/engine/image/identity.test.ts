import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { utf8 } from '../bytes';
import type { Digest } from '../digest';
import { chainId, chainIds, imageId } from './identity';

const sha = (text: string | Uint8Array) => 'sha256:' + createHash('sha256').update(text).digest('hex');
const a = ('sha256:' + 'a'.repeat(64)) as Digest;
const b = ('sha256:' + 'b'.repeat(64)) as Digest;
const c = ('sha256:' + 'c'.repeat(64)) as Digest;

describe('imageId', () => {
  it('is the sha256 of the exact config bytes', async () => {
    const config = utf8('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}');
    expect(await imageId(config)).toBe(sha(config));
    // One more space is another image.
    expect(await imageId(utf8(' ' + '{}'))).not.toBe(await imageId(utf8('{}')));
  });
});

describe('chainIds', () => {
  it('is the diff_id itself for the base layer', async () => {
    expect(await chainIds([a])).toEqual([a]);
  });

  it('hashes "<parent chain> <diff_id>" for each layer above (config.md)', async () => {
    const ab = sha(`${a} ${b}`);
    const abc = sha(`${ab} ${c}`);
    expect(await chainIds([a, b, c])).toEqual([a, ab, abc]);
    expect(await chainId([a, b, c])).toBe(abc);
  });

  it('depends on what is below: the same layer on another base has another chain ID', async () => {
    expect(await chainId([a, c])).not.toBe(await chainId([b, c]));
  });

  it('is empty for no layers', async () => {
    expect(await chainIds([])).toEqual([]);
    expect(await chainId([])).toBeUndefined();
  });

  it('agrees with an independent computation (property)', async () => {
    const digest = fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256:${h}` as Digest);
    await fc.assert(
      fc.asyncProperty(fc.array(digest, { minLength: 1, maxLength: 6 }), async (diffIds) => {
        let expected: string = diffIds[0]!;
        for (const d of diffIds.slice(1)) expected = sha(`${expected} ${d}`);
        expect(await chainId(diffIds)).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });
});
