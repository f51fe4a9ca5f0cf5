import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdStream, WorldIds } from './ids';

describe('seeded ID streams', () => {
  it('draw the same IDs for the same seed, and other IDs for another', () => {
    const a = new WorldIds('lesson-1').stream('daemon:laptop');
    const b = new WorldIds('lesson-1').stream('daemon:laptop');
    const c = new WorldIds('lesson-2').stream('daemon:laptop');
    const drawn = [a.nextId(), a.nextId()];
    expect([b.nextId(), b.nextId()]).toEqual(drawn);
    expect(c.nextId()).not.toBe(drawn[0]);
    expect(drawn[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('continue exactly where they were from their counters', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat({ max: 50 }), (seed, n) => {
        const original = new WorldIds(seed);
        for (let i = 0; i < n; i++) original.stream('s').nextInt(10);
        const restored = new WorldIds(seed, original.counters());
        expect(restored.stream('s').uuid()).toBe(original.stream('s').uuid());
      }),
    );
  });

  it('never give an ID whose short form is all digits (moby stringid)', () => {
    const s = new IdStream('digits');
    for (let i = 0; i < 2000; i++) expect(s.nextId().slice(0, 12)).not.toMatch(/^\d{12}$/);
  });

  it('give version-4 UUIDs and whole numbers in range', () => {
    const s = new IdStream('uuid');
    for (let i = 0; i < 100; i++) {
      expect(s.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const n = s.nextInt(7);
      expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
    }
  });
});
