import { describe, expect, it } from 'vitest';
import { longestIncreasingRun, scoreAnswer, scoreMultiple, scoreOrdering, tryWeight } from './score';
import { matching, multiple, ordering, single, trueFalse } from './testdata/questions';

describe('multiple choice: max(0, (correct ticked − wrong ticked) / correct in all)', () => {
  // options: 0,1,2 correct; 3,4 wrong
  it.each([
    { ticked: [0, 1, 2], score: 1, why: 'exactly the correct ones: full marks' },
    { ticked: [2, 0, 1], score: 1, why: 'order of ticking does not matter' },
    { ticked: [0, 1], score: 2 / 3, why: 'two of three correct' },
    { ticked: [0], score: 1 / 3, why: 'one of three' },
    { ticked: [0, 1, 2, 3], score: 2 / 3, why: 'all correct plus one wrong' },
    { ticked: [0, 1, 2, 3, 4], score: 1 / 3, why: 'everything ticked' },
    { ticked: [0, 3], score: 0, why: 'a wrong tick cancels a right one' },
    { ticked: [3, 4], score: 0, why: 'only wrong ones: never below zero' },
    { ticked: [], score: 0, why: 'nothing ticked' },
    { ticked: [0, 0, 0], score: 1 / 3, why: 'ticking twice counts once' },
  ])('$why → $score', ({ ticked, score }) => {
    expect(scoreMultiple(multiple, ticked)).toBeCloseTo(score, 10);
  });
});

describe('the other types', () => {
  it('single choice and true/false are all or nothing', () => {
    expect(scoreAnswer(single, { type: 'single', choice: 0 })).toBe(1);
    expect(scoreAnswer(single, { type: 'single', choice: 1 })).toBe(0);
    expect(scoreAnswer(single, { type: 'single', choice: 9 })).toBe(0);
    expect(scoreAnswer(trueFalse, { type: 'truefalse', value: false })).toBe(1);
    expect(scoreAnswer(trueFalse, { type: 'truefalse', value: true })).toBe(0);
  });

  it('matching scores the share of right pairs (distractors count as wrong)', () => {
    expect(scoreAnswer(matching, { type: 'matching', matches: [0, 1, 2, 3] })).toBe(1);
    expect(scoreAnswer(matching, { type: 'matching', matches: [0, 1, 3, 2] })).toBe(0.5);
    expect(scoreAnswer(matching, { type: 'matching', matches: [4, 1, undefined, 3] })).toBe(0.5);
    expect(scoreAnswer(matching, { type: 'matching', matches: [] })).toBe(0);
  });

  it('ordering scores (LIS − 1) / (n − 1): right 1, reversed 0, one item out of place in between', () => {
    expect(scoreOrdering(ordering, [0, 1, 2, 3])).toBe(1);
    expect(scoreOrdering(ordering, [3, 2, 1, 0])).toBe(0);
    expect(scoreOrdering(ordering, [1, 2, 3, 0])).toBeCloseTo(2 / 3, 10);
    expect(scoreOrdering(ordering, [0, 2, 1, 3])).toBeCloseTo(2 / 3, 10);
    expect(scoreOrdering(ordering, [0, 1, 2])).toBe(0);
    expect(scoreOrdering(ordering, [0, 0, 1, 2])).toBe(0);
  });

  it('finds the longest increasing run', () => {
    expect(longestIncreasingRun([])).toBe(0);
    expect(longestIncreasingRun([3, 1, 2, 0, 4])).toBe(3);
    expect(longestIncreasingRun([5, 4, 3])).toBe(1);
  });

  it('refuses an answer of another type, and command answers (judged by judgeCommand)', () => {
    expect(() => scoreAnswer(single, { type: 'truefalse', value: true })).toThrow(TypeError);
  });
});

describe('try weights', () => {
  it.each([
    [1, 1],
    [2, 0.5],
    [3, 0.25],
    [4, 0.125],
  ])('try %i counts %f', (n, weight) => expect(tryWeight(n)).toBe(weight));

  it('counts tries from 1', () => {
    expect(() => tryWeight(0)).toThrow(RangeError);
  });
});
