import { describe, expect, it } from 'vitest';
import { QuizAttempt } from './attempt';
import type { CommandVerdict } from './command-judge';
import { shuffledIndices } from './shuffle';
import { command, multiple, ordering, quizOf, single, trueFalse } from './testdata/questions';

let clock = 1_000;
const now = () => (clock += 1000);

describe('a quiz attempt', () => {
  it('weights tries 1, ½, ¼ and keeps the best; a question closes when right or out of tries', async () => {
    const attempt = new QuizAttempt(quizOf([single, trueFalse]), { seed: 's', now });
    let fb = await attempt.submit({ type: 'single', choice: 1 });
    expect(fb.verdict).toBe('wrong');
    expect(fb.closed).toBe(false);
    expect(fb.summary).toMatch(/2 tries left/);
    expect(fb.explanation).toBeUndefined();
    fb = await attempt.submit({ type: 'single', choice: 0 });
    expect(fb.closed).toBe(true);
    expect(fb.explanation).toBe(single.explanation);
    expect(attempt.current!.score).toBe(0.5);
    await expect(attempt.submit({ type: 'single', choice: 0 })).rejects.toThrow(/closed/);
    attempt.next();
    for (let i = 0; i < 3; i++) fb = await attempt.submit({ type: 'truefalse', value: true });
    expect(fb.closed).toBe(true);
    expect(fb.summary).toMatch(/No tries left/);
    expect(attempt.current!.score).toBe(0);
    attempt.next();
    expect(attempt.roundOver).toBe(true);
    const result = attempt.result();
    expect(result.score).toBe(0.5);
    expect(result.maxScore).toBe(2);
    expect(result.finishedAt).toBeDefined();
    expect(result.questions.map((q) => [q.question, q.tries, q.score])).toEqual([
      ['t-single', 2, 0.5],
      ['t-truefalse', 3, 0],
    ]);
  });

  it('will not move on from an open question', async () => {
    const attempt = new QuizAttempt(quizOf([single]), { seed: 's', now });
    expect(() => attempt.next()).toThrow(/answer the question first/);
  });

  it('shows chosen options only while open, every option with feedback once closed', async () => {
    const attempt = new QuizAttempt(quizOf([multiple], 2), { seed: 's', now });
    let fb = await attempt.submit({ type: 'multiple', choices: [0, 3] });
    expect(fb.raw).toBe(0);
    expect(fb.options!.filter((o) => o.feedback !== undefined).map((o) => o.index)).toEqual([0, 3]);
    expect(fb.options![0]).toMatchObject({ chosen: true, correct: true });
    expect(fb.options![3]).toMatchObject({ chosen: true, correct: false });
    expect(fb.options![1]!.correct).toBeUndefined();
    expect(fb.summary).toMatch(/2 correct options are not ticked yet/);
    fb = await attempt.submit({ type: 'multiple', choices: [0, 1] });
    expect(fb.closed).toBe(true);
    expect(fb.verdict).toBe('partly');
    expect(fb.options!.every((o) => o.feedback !== undefined && o.correct !== undefined)).toBe(true);
    expect(fb.options![2]).toMatchObject({ chosen: false, correct: true });
    expect(attempt.current!.score).toBeCloseTo((2 / 3) * 0.5, 10);
  });

  it('retries only the items not fully right, counting tries on', async () => {
    const attempt = new QuizAttempt(quizOf([single, trueFalse], 1), { seed: 's', now });
    await attempt.submit({ type: 'single', choice: 0 });
    attempt.next();
    await attempt.submit({ type: 'truefalse', value: true });
    attempt.next();
    expect(attempt.wrong().map((s) => s.question.id)).toEqual(['t-truefalse']);
    expect(attempt.retryWrong()).toBe(true);
    expect(attempt.round).toBe(2);
    expect(attempt.position).toEqual({ index: 0, total: 1 });
    expect(attempt.current!.question.id).toBe('t-truefalse');
    expect(attempt.result().finishedAt).toBeUndefined();
    await attempt.submit({ type: 'truefalse', value: false });
    expect(attempt.current!.score).toBe(0.5);
    attempt.next();
    expect(attempt.retryWrong()).toBe(false);
    expect(attempt.result().score).toBe(1.5);
  });

  it('judges command questions with the judge it is given', async () => {
    const lines: string[] = [];
    const judge = async (_q: typeof command, line: string): Promise<CommandVerdict> => {
      lines.push(line);
      return line.includes('push')
        ? { score: 1, by: 'accepted', feedback: 'ok' }
        : { score: 0, by: 'unmatched', feedback: 'no' };
    };
    const attempt = new QuizAttempt(quizOf([command]), { seed: 's', now, judge });
    const wrong = await attempt.submit({ type: 'command', line: 'docker pull x' });
    expect(wrong.message).toBe('no');
    const right = await attempt.submit({ type: 'command', line: 'docker image push x' });
    expect(right.verdict).toBe('right');
    expect(lines).toEqual(['docker pull x', 'docker image push x']);
  });

  it('shows options in an order drawn from the seed: the same for one attempt, different for others', () => {
    const a = new QuizAttempt(quizOf([multiple]), { seed: 'one', now });
    const again = new QuizAttempt(quizOf([multiple]), { seed: 'one', now });
    expect(a.displayOrder(multiple)).toEqual(again.displayOrder(multiple));
    expect([...a.displayOrder(multiple)].sort()).toEqual([0, 1, 2, 3, 4]);
    const orders = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((s) =>
        new QuizAttempt(quizOf([multiple]), { seed: s, now }).displayOrder(multiple).join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('never starts an ordering question in the right order', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']) {
      const order = new QuizAttempt(quizOf([ordering]), { seed, now }).displayOrder(ordering);
      expect(order).not.toEqual([0, 1, 2, 3]);
    }
  });

  it('shuffles every index exactly once', () => {
    for (const n of [0, 1, 2, 7])
      expect([...shuffledIndices(n, 'x')].sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
  });
});
