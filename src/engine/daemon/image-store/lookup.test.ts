// Docker's image lookup, case by case: full and short IDs, ambiguity, tags, digests, familiar and
// full names, and the "No such image" wording.
import { beforeAll, describe, expect, it } from 'vitest';
import { encodedOf, sha256Of, type Digest } from '../../digest';
import { InvalidReferenceError } from '../../reference';
import { addImage, file, memoryStore } from '../daemon.fixture';
import type { ImageStore } from './image-store';
import { noSuchImageMessage } from './lookup';

let store: ImageStore;
let alpine: Digest;
let other: Digest;
let manifest: Digest;
let ambiguous: [Digest, Digest];

beforeAll(async () => {
  ({ store } = await memoryStore());
  alpine = (
    await addImage(store, [[file('alpine', 'a')]], {
      tags: ['docker.io/library/alpine:latest', 'docker.io/library/alpine:3.21'],
    })
  ).id;
  other = (await addImage(store, [[file('other', 'o')]], { tags: ['registry.example.com/team/app:v1'] })).id;
  manifest = await sha256Of('the manifest alpine was pulled by');
  store.addRepoDigest(alpine, `docker.io/library/alpine@${manifest}`);
  // Seventeen more images: two of them must share a first hex digit (pigeonhole).
  const ids: Digest[] = [alpine, other];
  for (let i = 0; i < 17; i++) ids.push((await addImage(store, [[file(`f${i}`, String(i))]])).id);
  const byFirst = new Map<string, Digest>();
  for (const id of ids) {
    const first = encodedOf(id)[0]!;
    const seen = byFirst.get(first);
    if (seen && !ambiguous) ambiguous = [seen, id];
    byFirst.set(first, id);
  }
});

describe('resolve', () => {
  const cases: [string, () => string, () => Digest | undefined][] = [
    ['full hex ID', () => encodedOf(alpine), () => alpine],
    ['sha256: ID', () => alpine, () => alpine],
    ['12-character short ID', () => encodedOf(alpine).slice(0, 12), () => alpine],
    ['sha256: + short ID', () => `sha256:${encodedOf(other).slice(0, 10)}`, () => other],
    ['familiar name means :latest', () => 'alpine', () => alpine],
    ['familiar name and tag', () => 'alpine:3.21', () => alpine],
    ['library/ name', () => 'library/alpine:3.21', () => alpine],
    ['full name', () => 'docker.io/library/alpine:latest', () => alpine],
    ['legacy index.docker.io name', () => 'index.docker.io/library/alpine', () => alpine],
    ['name@digest', () => `alpine@${manifest}`, () => alpine],
    ['name:tag@digest looks up by digest', () => `alpine:nosuch@${manifest}`, () => alpine],
    ['another registry', () => 'registry.example.com/team/app:v1', () => other],
    ['unknown tag', () => 'alpine:nope', () => undefined],
    ['unknown name', () => 'nosuch', () => undefined],
    ['unknown full ID', () => `sha256:${'0'.repeat(64)}`, () => undefined],
    ['unknown digest of a known repository', () => `alpine@sha256:${'1'.repeat(64)}`, () => undefined],
    ['ambiguous short ID', () => encodedOf(ambiguous[0]).slice(0, 1), () => undefined],
    ['unique longer prefix of an ambiguous one', () => encodedOf(ambiguous[1]).slice(0, 12), () => ambiguous[1]],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(store.resolve(text())?.id).toBe(expected());
  });

  it('prefers a tag to an ID prefix', async () => {
    const prefix = encodedOf(other).slice(0, 4);
    store.tag(alpine, `docker.io/library/${prefix}:latest`);
    try {
      expect(store.resolve(prefix)?.id).toBe(alpine);
      expect(store.resolve(encodedOf(other).slice(0, 5))?.id).toBe(other);
    } finally {
      store.untag(`docker.io/library/${prefix}:latest`);
    }
  });

  it("throws Docker's reference errors for text that cannot be a name", () => {
    expect(() => store.resolve('Alpine')).toThrow(InvalidReferenceError);
    expect(() => store.resolve('Alpine')).toThrow(
      'invalid reference format: repository name (library/Alpine) must be lowercase',
    );
    expect(() => store.resolve('a b')).toThrow('invalid reference format');
  });
});

describe('noSuchImageMessage', () => {
  it.each([
    ['nosuch', 'No such image: nosuch:latest'],
    ['nosuch:1.0', 'No such image: nosuch:1.0'],
    ['docker.io/library/nosuch', 'No such image: nosuch:latest'],
    ['registry.example.com/a/b', 'No such image: registry.example.com/a/b:latest'],
    ['abc123', 'No such image: abc123:latest'],
    [`sha256:${'0'.repeat(64)}`, `No such image: sha256:${'0'.repeat(64)}`],
    [`x@sha256:${'0'.repeat(64)}`, `No such image: x@sha256:${'0'.repeat(64)}`],
  ])('%s → %s', (text, message) => {
    expect(noSuchImageMessage(text)).toBe(message);
  });
});
