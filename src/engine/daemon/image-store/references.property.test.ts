// Properties of names and lookups, over random sequences of operations: a name points at exactly
// one image, an image's names come back sorted, and any prefix of an ID that no other ID shares
// finds that image while a shared one finds none.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodedOf, sha256Of, type Digest } from '../../digest';
import { parseReference } from '../../reference';
import { searchIdPrefix } from './lookup';
import { ReferenceStore } from './references';

const repo = fc.constantFrom('alpine', 'demo/app', 'registry.example.com/team/web', 'localhost:5000/x');
const tag = fc.constantFrom('latest', '1', '1.0', 'v2');
const op = fc.record({ add: fc.boolean(), repo, tag, image: fc.integer({ min: 0, max: 3 }) });

describe('ReferenceStore properties', () => {
  it('keeps one image per name and sorted names per image', async () => {
    const ids = await Promise.all([0, 1, 2, 3].map((i) => sha256Of(`image ${i}`)));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const store = new ReferenceStore();
        const model = new Map<string, Digest>();
        for (const o of ops) {
          const ref = parseReference(`${o.repo}:${o.tag}`);
          const key = `${ref.domain}/${ref.path}:${o.tag}`;
          if (o.add) {
            store.addTag(ref, ids[o.image]!);
            model.set(key, ids[o.image]!);
          } else {
            expect(store.delete(ref)).toBe(model.delete(key));
          }
        }
        for (const id of ids) {
          const names = store.referencesOf(id).map((r) => `${r.domain}/${r.path}:${r.tag}`);
          expect(names).toEqual(
            [...model]
              .filter(([, v]) => v === id)
              .map(([k]) => k)
              .sort(),
          );
        }
      }),
    );
  });
});

describe('searchIdPrefix properties', () => {
  it('finds an image by any prefix no other ID shares, and none by a shared one', async () => {
    const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => sha256Of(`id ${i}`)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ids.length - 1 }), fc.integer({ min: 1, max: 64 }), (i, length) => {
        const prefix = encodedOf(ids[i]!).slice(0, length);
        const sharing = ids.filter((id) => encodedOf(id).startsWith(prefix));
        const expected = sharing.length === 1 ? ids[i] : undefined;
        expect(searchIdPrefix(prefix, ids)).toBe(expected);
        expect(searchIdPrefix(`sha256:${prefix}`, ids)).toBe(expected);
      }),
    );
  });
});
