// Scoring one try of one question, from 0 (nothing right) to 1 (all right), and the weight of a
// try. Answers name options by their index in the bank (never by where they were shown).
//
//   single, prediction, truefalse, command   1 or 0
//   multiple    max(0, (correct ticked − wrong ticked) / correct in all): ticking exactly the
//               correct options is full marks; a wrong tick cancels a right one; never below 0
//   matching    the share of pairs matched right
//   ordering    by the longest run of items already in the right relative order (the longest
//               increasing subsequence of their true positions, LIS): (LIS − 1) / (n − 1) — the
//               right order scores 1, the reversed order 0, one item out of place (n − 2)/(n − 1)
//
// A question's score is its best try, each try weighted 1, ½, ¼, … (tryWeight): the first try
// counts in full, every further one half as much as the one before.
import type { Question, QuestionOf } from './question-schema';

export type Answer =
  | { type: 'single'; choice: number }
  | { type: 'prediction'; choice: number }
  | { type: 'multiple'; choices: number[] }
  | { type: 'truefalse'; value: boolean }
  /** For each pair (by index), the index of the right-hand side chosen (pairs first, then distractors). */
  | { type: 'matching'; matches: (number | undefined)[] }
  /** Item indices (as in the bank) in the order the student put them. */
  | { type: 'ordering'; order: number[] }
  | { type: 'command'; line: string };

/** The weight of the n-th try (from 1): 1, 0.5, 0.25, … */
export function tryWeight(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a try is counted from 1, got ${n}`);
  return 0.5 ** (n - 1);
}

export function scoreMultiple(question: QuestionOf<'multiple'>, choices: readonly number[]): number {
  const ticked = new Set(choices);
  const correct = question.options.filter((o) => o.correct).length;
  let right = 0;
  let wrong = 0;
  for (const i of ticked) {
    const option = question.options[i];
    if (!option) continue;
    if (option.correct) right++;
    else wrong++;
  }
  return correct === 0 ? 0 : Math.max(0, (right - wrong) / correct);
}

export function scoreMatching(question: QuestionOf<'matching'>, matches: readonly (number | undefined)[]): number {
  const right = question.pairs.filter((_, i) => matches[i] === i).length;
  return right / question.pairs.length;
}

/** The length of the longest strictly increasing subsequence (patience sorting). */
export function longestIncreasingRun(values: readonly number[]): number {
  const tails: number[] = [];
  for (const x of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

export function scoreOrdering(question: QuestionOf<'ordering'>, order: readonly number[]): number {
  const n = question.items.length;
  const valid =
    order.length === n && new Set(order).size === n && order.every((i) => Number.isInteger(i) && i >= 0 && i < n);
  if (!valid) return 0;
  return (longestIncreasingRun(order) - 1) / (n - 1);
}

/**
 * The score of one answer to a question that needs no simulator (every type but `command`, whose
 * judge is async: see command-judge.ts). Throws when the answer is for another type.
 */
export function scoreAnswer(question: Question, answer: Answer): number {
  if (question.type !== answer.type) throw new TypeError(`a ${answer.type} answer to a ${question.type} question`);
  switch (answer.type) {
    case 'single':
    case 'prediction': {
      const q = question as QuestionOf<'single'> | QuestionOf<'prediction'>;
      return q.options[answer.choice]?.correct ? 1 : 0;
    }
    case 'multiple':
      return scoreMultiple(question as QuestionOf<'multiple'>, answer.choices);
    case 'truefalse':
      return answer.value === (question as QuestionOf<'truefalse'>).answer ? 1 : 0;
    case 'matching':
      return scoreMatching(question as QuestionOf<'matching'>, answer.matches);
    case 'ordering':
      return scoreOrdering(question as QuestionOf<'ordering'>, answer.order);
    case 'command':
      throw new TypeError('a command answer is judged by judgeCommand');
  }
}
