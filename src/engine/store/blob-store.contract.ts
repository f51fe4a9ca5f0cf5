// The one contract every content store backend must keep, as a Vitest suite. The memory store and
// the IndexedDB store (in Node over fake-indexeddb, in Chromium over the real thing) all run it.
// Imported only by tests; it must not import Node built-ins so that it also runs in the browser.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesEqual, utf8 } from '../bytes';
import { DigestMismatchError, InvalidDigestError, sha256Of, type Digest } from '../digest';
import { canDelete, canList, canPut, canStat, hasBlob, listAll, type FullBlobStore } from './blob-store';

const helloDigest = 'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824' as Digest;
const emptyDigest = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' as Digest;
const absent = ('sha256:' + 'ab'.repeat(32)) as Digest;

const malformed = [
  'sha256:' + 'A'.repeat(64),
  'sha256:abc',
  'not-a-digest',
  '',
  'md5:' + 'a'.repeat(32),
  'sha256:' + 'a'.repeat(64) + '/../x',
] as Digest[];

export function describeBlobStoreContract(backend: string, open: () => Promise<FullBlobStore>): void {
  describe(`${backend} keeps the content store contract`, () => {
    it('has every optional capability, found by the type guards', async () => {
      const store = await open();
      expect([canStat(store), canPut(store), canDelete(store), canList(store)]).toEqual([true, true, true, true]);
    });

    it('stores bytes under their sha256 and gives them back', async () => {
      const store = await open();
      expect(await store.put(utf8('hello'))).toBe(helloDigest);
      expect(bytesEqual((await store.get(helloDigest))!, utf8('hello'))).toBe(true);
      expect(await store.stat(helloDigest)).toEqual({ digest: helloDigest, size: 5 });
      expect(await hasBlob(store, helloDigest)).toBe(true);
    });

    it('answers undefined for a blob it does not hold', async () => {
      const store = await open();
      expect(await store.get(absent)).toBeUndefined();
      expect(await store.stat(absent)).toBeUndefined();
      expect(await hasBlob(store, absent)).toBe(false);
    });

    it('stores the empty blob', async () => {
      const store = await open();
      expect(await store.put(new Uint8Array(0))).toBe(emptyDigest);
      expect((await store.get(emptyDigest))!.length).toBe(0);
      expect(await store.stat(emptyDigest)).toEqual({ digest: emptyDigest, size: 0 });
    });

    it('accepts a put whose expected digest matches, and a second put of the same content', async () => {
      const store = await open();
      expect(await store.put(utf8('hello'), helloDigest)).toBe(helloDigest);
      expect(await store.put(utf8('hello'), helloDigest)).toBe(helloDigest);
      expect(await listAll(store)).toEqual([helloDigest]);
    });

    it('rejects a put whose content does not match the expected digest, storing nothing', async () => {
      const store = await open();
      const err = await store.put(utf8('hullo'), helloDigest).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DigestMismatchError);
      expect((err as DigestMismatchError).expected).toBe(helloDigest);
      expect((err as DigestMismatchError).actual).toBe(await sha256Of('hullo'));
      expect(await store.get(helloDigest)).toBeUndefined();
      expect(await store.get(await sha256Of('hullo'))).toBeUndefined();
      expect(await listAll(store)).toEqual([]);
    });

    it.each(malformed.map((d) => [d]))('rejects the malformed digest %j everywhere, storing nothing', async (bad) => {
      const store = await open();
      await expect(store.put(utf8('hello'), bad)).rejects.toBeInstanceOf(InvalidDigestError);
      await expect(store.get(bad)).rejects.toBeInstanceOf(InvalidDigestError);
      await expect(store.stat(bad)).rejects.toBeInstanceOf(InvalidDigestError);
      await expect(store.delete(bad)).rejects.toBeInstanceOf(InvalidDigestError);
      expect(await listAll(store)).toEqual([]);
    });

    it('rejects an expected digest of another algorithm (only sha256 is verified)', async () => {
      const store = await open();
      await expect(store.put(utf8('hello'), ('sha512:' + 'a'.repeat(128)) as Digest)).rejects.toBeInstanceOf(
        InvalidDigestError,
      );
      expect(await listAll(store)).toEqual([]);
    });

    it('keeps its own copy: changing the caller’s buffer or the returned bytes changes nothing', async () => {
      const store = await open();
      const input = utf8('hello');
      await store.put(input);
      input[0] = 0;
      const out = (await store.get(helloDigest))!;
      out[1] = 0;
      expect(bytesEqual((await store.get(helloDigest))!, utf8('hello'))).toBe(true);
    });

    it('stores exactly a view’s bytes, not the buffer around it', async () => {
      const store = await open();
      const around = utf8('>>hello<<');
      expect(await store.put(around.subarray(2, 7))).toBe(helloDigest);
      expect(await store.stat(helloDigest)).toEqual({ digest: helloDigest, size: 5 });
    });

    it('deletes a blob and its size, answering whether there was one', async () => {
      const store = await open();
      await store.put(utf8('hello'));
      expect(await store.delete(helloDigest)).toBe(true);
      expect(await store.delete(helloDigest)).toBe(false);
      expect(await store.get(helloDigest)).toBeUndefined();
      expect(await store.stat(helloDigest)).toBeUndefined();
    });

    it('lists every digest, sorted', async () => {
      const store = await open();
      const digests = await Promise.all(['a', 'b', 'c', 'hello'].map((t) => store.put(utf8(t))));
      expect(await listAll(store)).toEqual([...digests].sort());
    });

    it('round-trips arbitrary bytes (property)', async () => {
      const store = await open();
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
          const digest = await store.put(bytes);
          expect(digest).toBe(await sha256Of(bytes));
          expect(bytesEqual((await store.get(digest))!, bytes)).toBe(true);
          expect((await store.stat(digest))?.size).toBe(bytes.length);
        }),
        { numRuns: 40 },
      );
    });
  });
}
