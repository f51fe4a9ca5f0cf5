// Container names: moby's pattern and words, and generated `adjective_surname` names.
import { describe, expect, it } from 'vitest';
import { seededIds } from './ids';
import { ADJECTIVES, SURNAMES } from './name-words';
import { generateName, nameConflict, normaliseName, randomName } from './names';

describe('name rules', () => {
  it.each([
    ['web', '/web'],
    ['/web', '/web'],
    ['my-app_1.2', '/my-app_1.2'],
    ['a1', '/a1'],
    ['9lives', '/9lives'],
  ])('%s is valid → %s', (given, stored) => expect(normaliseName(given)).toBe(stored));

  it.each(['a', '-web', '_web', '.web', 'my app', 'web/1', 'café', '', '/'])('%j is refused', (given) => {
    expect(() => normaliseName(given)).toThrow(
      `Invalid container name (${given}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    );
  });

  it('the conflict message names the holder by full ID', () => {
    const id = 'ab'.repeat(32);
    expect(nameConflict('/web', id)).toMatchObject({
      status: 409,
      message: `Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
    });
  });
});

describe('generated names', () => {
  it('adjective_surname from the namesgenerator lists, the same for the same seed', () => {
    const a = randomName(seededIds('x'), 0);
    expect(randomName(seededIds('x'), 0)).toBe(a);
    const [adjective, surname] = a.split('_');
    expect(ADJECTIVES).toContain(adjective);
    expect(SURNAMES).toContain(surname);
  });

  it('retries append a digit; never boring_wozniak', () => {
    const ids = seededIds('retry');
    expect(randomName(ids, 1)).toMatch(/^[a-z]+_[a-z]+\d$/);
    for (let i = 0; i < 2000; i++) expect(randomName(ids, 0)).not.toBe('boring_wozniak');
  });

  it('a taken name is drawn again; after six tries the short ID', () => {
    const id = '0123456789ab'.padEnd(64, 'c');
    const name = generateName(seededIds('n'), id, () => false);
    expect(name).toMatch(/^\/[a-z]+_[a-z]+$/);
    const tried: string[] = [];
    expect(generateName(seededIds('n'), id, (n) => (tried.push(n), true))).toBe('/0123456789ab');
    expect(tried).toHaveLength(6);
    expect(tried.slice(1).every((n) => /\d$/.test(n))).toBe(true);
  });

  it('IDs are 64 hex, never all digits in their short form, and reproducible', () => {
    const a = seededIds('ids');
    const b = seededIds('ids');
    for (let i = 0; i < 200; i++) {
      const id = a.nextId();
      expect(id).toMatch(/^[0-9a-f]{64}$/);
      expect(id.slice(0, 12)).not.toMatch(/^\d{12}$/);
      expect(b.nextId()).toBe(id);
    }
  });
});
