import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbProgressStore } from './idb-progress-store';
import { MemoryProgressStore, exportProgress, type LessonProgress, type ProgressStore } from './progress-store';

const sample = (lessonId: string): LessonProgress => ({
  lessonId,
  startedAt: 1_000,
  steps: { 'run-hello': { done: true, doneAt: 2_000, hintsUsed: 1, solutionShown: false } },
});

let n = 0;
const stores: [string, () => Promise<ProgressStore>][] = [
  ['memory', async () => new MemoryProgressStore()],
  ['IndexedDB', () => IdbProgressStore.open(`progress-test-${++n}`)],
];

describe.each(stores)('%s progress store', (_name, open) => {
  it('keeps, returns copies, lists and clears progress', async () => {
    const store = await open();
    expect(await store.get('first-container')).toBeUndefined();
    const p = sample('first-container');
    await store.put(p);
    p.steps['run-hello']!.hintsUsed = 9; // the caller's object is not the stored one
    expect(await store.get('first-container')).toEqual(sample('first-container'));
    await store.put(sample('pushing'));
    expect((await store.all()).map((l) => l.lessonId).sort()).toEqual(['first-container', 'pushing']);
    await store.clear('pushing');
    expect((await store.all()).map((l) => l.lessonId)).toEqual(['first-container']);
    await store.clear();
    expect(await store.all()).toEqual([]);
  });

  it('exports everything as JSON', async () => {
    const store = await open();
    await store.put(sample('b-lesson'));
    await store.put(sample('a-lesson'));
    const exported = JSON.parse(await exportProgress(store, Date.UTC(2025, 2, 1)));
    expect(exported.format).toBe('dockyard-progress');
    expect(exported.exportedAt).toBe('2025-03-01T00:00:00.000Z');
    expect(exported.lessons.map((l: LessonProgress) => l.lessonId)).toEqual(['a-lesson', 'b-lesson']);
  });
});

it('IndexedDB progress survives reopening the database (a reload)', async () => {
  const first = await IdbProgressStore.open('progress-reload');
  await first.put(sample('first-container'));
  first.close();
  const again = await IdbProgressStore.open('progress-reload');
  expect(await again.get('first-container')).toEqual(sample('first-container'));
});
