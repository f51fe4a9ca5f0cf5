// One attempt at a quiz: questions one at a time, each with a number of tries per round; a try's
// score is weighted by how many tries came before (score.ts) and a question keeps its best. When a
// round is over, "retry wrong items" starts another round with only the questions not yet fully
// right — their try count carries on, so a later success still counts less than a first one.
// Option order is drawn from the attempt's seed (shuffle.ts). The attempt knows nothing of the
// screen; the quiz view calls submit/next/retryWrong and reads what to show.
import type { Quiz } from './bank';
import { judgeCommand as defaultJudge, type CommandVerdict } from './command-judge';
import { feedbackFor, type TryFeedback } from './feedback';
import type { Question } from './question-schema';
import type { QuizResult } from './results/results-store';
import { scoreAnswer, tryWeight, type Answer } from './score';
import { shuffledIndices } from './shuffle';

export interface QuestionState {
  question: Question;
  /** Tries so far, over all rounds. */
  tries: number;
  /** Tries in the current round. */
  triesThisRound: number;
  /** Best weighted score so far. */
  score: number;
  /** Answered fully right at some try (its score may still be below 1: a later try counts less). */
  solved: boolean;
  /** Right, or out of tries this round. */
  closed: boolean;
  answeredAt?: number;
  last?: { answer: Answer; feedback: TryFeedback };
}

export interface AttemptOptions {
  /** Draws the option order; one attempt, one seed. */
  seed: string;
  now?: () => number;
  judge?: (question: Extract<Question, { type: 'command' }>, line: string) => Promise<CommandVerdict>;
}

export class QuizAttempt {
  readonly quiz: Quiz;
  readonly seed: string;
  readonly startedAt: number;
  readonly #now: () => number;
  readonly #judge: NonNullable<AttemptOptions['judge']>;
  readonly #states = new Map<string, QuestionState>();
  #round = 1;
  #queue: string[];
  #position = 0;
  #finishedAt: number | undefined;

  constructor(quiz: Quiz, options: AttemptOptions) {
    if (quiz.questions.length === 0) throw new Error(`quiz ${quiz.id} has no questions`);
    this.quiz = quiz;
    this.seed = options.seed;
    this.#now = options.now ?? (() => Date.now());
    this.#judge = options.judge ?? ((q, line) => defaultJudge(q, line));
    this.startedAt = this.#now();
    for (const question of quiz.questions) {
      this.#states.set(question.id, { question, tries: 0, triesThisRound: 0, score: 0, solved: false, closed: false });
    }
    this.#queue = quiz.questions.map((q) => q.id);
  }

  get round(): number {
    return this.#round;
  }

  /** Position in this round (from 0) and the round's length. */
  get position(): { index: number; total: number } {
    return { index: this.#position, total: this.#queue.length };
  }

  /** The question on screen, or undefined when the round is over. */
  get current(): QuestionState | undefined {
    const id = this.#queue[this.#position];
    return id === undefined ? undefined : this.#states.get(id);
  }

  get roundOver(): boolean {
    return this.#position >= this.#queue.length;
  }

  states(): QuestionState[] {
    return this.quiz.questions.map((q) => this.#states.get(q.id)!);
  }

  /** Questions not answered fully right yet (what "retry wrong items" asks again). */
  wrong(): QuestionState[] {
    return this.states().filter((s) => !s.solved);
  }

  triesLeft(state: QuestionState): number {
    return Math.max(0, this.quiz.tries - state.triesThisRound);
  }

  /** The order (bank indices) in which to show a question's options, right-hand sides or items. */
  displayOrder(question: Question): number[] {
    const n =
      question.type === 'matching'
        ? question.pairs.length + question.distractors.length
        : question.type === 'ordering'
          ? question.items.length
          : 'options' in question
            ? question.options.length
            : 0;
    const order = shuffledIndices(n, `${this.seed}:${question.id}`);
    // An ordering question never starts in the right order.
    if (question.type === 'ordering' && order.every((v, i) => v === i)) order.push(order.shift()!);
    return order;
  }

  /** Judge one try of the current question. */
  async submit(answer: Answer): Promise<TryFeedback> {
    const state = this.current;
    if (!state) throw new Error('the round is over: no question to answer');
    if (state.closed) throw new Error(`question ${state.question.id} is closed`);
    let raw: number;
    let verdict: CommandVerdict | undefined;
    if (state.question.type === 'command') {
      if (answer.type !== 'command') throw new TypeError(`a ${answer.type} answer to a command question`);
      verdict = await this.#judge(state.question, answer.line);
      raw = verdict.score;
    } else raw = scoreAnswer(state.question, answer);
    state.tries++;
    state.triesThisRound++;
    state.score = Math.max(state.score, raw * tryWeight(state.tries));
    state.solved ||= raw >= 1;
    state.answeredAt = this.#now();
    state.closed = raw >= 1 || state.triesThisRound >= this.quiz.tries;
    const feedback = feedbackFor(state.question, answer, raw, {
      closed: state.closed,
      triesLeft: this.triesLeft(state),
      ...(verdict ? { command: verdict } : {}),
    });
    state.last = { answer, feedback };
    return feedback;
  }

  /** Go to the next question of the round (the current one must be closed). */
  next(): void {
    if (this.current && !this.current.closed) throw new Error('answer the question first');
    this.#position++;
    if (this.roundOver) this.#finishedAt ??= this.#now();
  }

  /** Start a round of the questions not fully right; false when there are none. */
  retryWrong(): boolean {
    const wrong = this.wrong().map((s) => s.question.id);
    if (wrong.length === 0) return false;
    for (const id of wrong) {
      const s = this.#states.get(id)!;
      s.closed = false;
      s.triesThisRound = 0;
      delete s.last;
    }
    this.#round++;
    this.#queue = wrong;
    this.#position = 0;
    this.#finishedAt = undefined;
    return true;
  }

  /** The attempt as a result to keep (finishedAt unset while a round is still under way). */
  result(): QuizResult {
    const states = this.states();
    return {
      quizId: this.quiz.id,
      title: this.quiz.title,
      seed: this.seed,
      startedAt: this.startedAt,
      ...(this.#finishedAt !== undefined ? { finishedAt: this.#finishedAt } : {}),
      rounds: this.#round,
      score: states.reduce((sum, s) => sum + s.score, 0),
      maxScore: states.length,
      questions: states.map((s) => ({
        question: s.question.id,
        type: s.question.type,
        ...(s.question.lesson ? { lesson: s.question.lesson } : {}),
        tries: s.tries,
        score: s.score,
        ...(s.answeredAt !== undefined ? { answeredAt: s.answeredAt } : {}),
      })),
    };
  }
}
