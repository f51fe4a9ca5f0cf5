import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { resultsToCsv, resultsToJson } from './export';
import { IdbResultStore } from './idb-results-store';
import { MemoryResultStore, scoresByLesson, type QuizResult } from './results-store';

const result = (quizId: string, questions: QuizResult['questions']): QuizResult => ({
  quizId,
  title: `Quiz ${quizId}`,
  seed: 'seed',
  startedAt: Date.UTC(2025, 2, 1, 9),
  finishedAt: Date.UTC(2025, 2, 1, 10),
  rounds: 1,
  score: questions.reduce((s, q) => s + q.score, 0),
  maxScore: questions.length,
  questions,
});

const a = result('architecture', [
  {
    question: 'arch-one',
    type: 'single',
    lesson: 'first-container',
    tries: 1,
    score: 1,
    answeredAt: Date.UTC(2025, 2, 1, 9, 1),
  },
  {
    question: 'arch-two',
    type: 'multiple',
    lesson: 'three-components',
    tries: 2,
    score: 1 / 3,
    answeredAt: Date.UTC(2025, 2, 1, 9, 2),
  },
]);
const b = result('client', [
  { question: 'odd, "quoted"', type: 'command', lesson: 'first-container', tries: 0, score: 0 },
]);

describe('export', () => {
  it('writes CSV with the agreed columns, RFC 4180 quoting and CRLF line ends', () => {
    expect(resultsToCsv([b, a])).toBe(
      [
        'quiz,question,type,tries,score,answeredAt',
        'architecture,arch-one,single,1,1,2025-03-01T09:01:00.000Z',
        'architecture,arch-two,multiple,2,0.3333,2025-03-01T09:02:00.000Z',
        'client,"odd, ""quoted""",command,0,0,',
        '',
      ].join('\r\n'),
    );
  });

  it('writes JSON with everything kept', () => {
    const json = JSON.parse(resultsToJson([b, a], Date.UTC(2025, 3, 1)));
    expect(json).toMatchObject({ format: 'dockyard-quiz-results', version: 1, exportedAt: '2025-04-01T00:00:00.000Z' });
    expect(json.results.map((r: QuizResult) => r.quizId)).toEqual(['architecture', 'client']);
    expect(json.results[0].questions[1].score).toBeCloseTo(1 / 3);
  });
});

it('adds scores up per lesson', () => {
  expect(scoresByLesson([a, b])).toEqual([
    { lesson: 'first-container', score: 1, maxScore: 2, questions: 2 },
    { lesson: 'three-components', score: 1 / 3, maxScore: 1, questions: 1 },
  ]);
});

describe.each([
  ['memory', async () => new MemoryResultStore()],
  ['IndexedDB', async () => IdbResultStore.open(`quiz-test-${Math.random()}`)],
])('the %s store', (_name, open) => {
  it('keeps the latest result per quiz, returns copies, forgets on clear', async () => {
    const store = await open();
    await store.put(a);
    await store.put({ ...a, score: 2 });
    await store.put(b);
    expect((await store.get('architecture'))?.score).toBe(2);
    const copy = (await store.get('client'))!;
    copy.questions[0]!.score = 1;
    expect((await store.get('client'))?.questions[0]?.score).toBe(0);
    expect((await store.all()).map((r) => r.quizId).sort()).toEqual(['architecture', 'client']);
    await store.clear('client');
    expect(await store.get('client')).toBeUndefined();
    await store.clear();
    expect(await store.all()).toEqual([]);
  });
});

it('a second IndexedDB connection sees what the first saved (a reload)', async () => {
  const name = `quiz-reload-${Math.random()}`;
  const first = await IdbResultStore.open(name);
  await first.put(a);
  first.close();
  const second = await IdbResultStore.open(name);
  expect(await second.get('architecture')).toEqual(a);
});
