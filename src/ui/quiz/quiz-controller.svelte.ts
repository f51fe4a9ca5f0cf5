// The quiz view's bridge to the quiz engine (src/lessons/quiz): the bank, the attempt under way,
// the last feedback, saved results (IndexedDB, memory where there is none) and, for prediction
// questions, the scenario's own world. Prediction questions never touch the student's world: each
// runs in a scratch world built from the question's seed (the same world the replay test checks),
// paused at the question's pause point; once the question is closed the world resumes and the
// rest of the conversation and the command's output are shown.
import type { TraceEntry } from '../../actors/trace/types';
import { QuizAttempt, type QuestionState } from '../../lessons/quiz/attempt';
import type { Quiz } from '../../lessons/quiz/bank';
import { loadBank } from '../../lessons/quiz/bank-loader';
import type { TryFeedback } from '../../lessons/quiz/feedback';
import { pauseScenario, type PausedScenario } from '../../lessons/quiz/prediction/scenario';
import { predictionSeed } from '../../lessons/quiz/prediction/replay';
import type { Question } from '../../lessons/quiz/question-schema';
import { resultsToCsv, resultsToJson } from '../../lessons/quiz/results/export';
import { openResultStore } from '../../lessons/quiz/results/idb-results-store';
import type { QuizResult, QuizResultStore } from '../../lessons/quiz/results/results-store';
import type { Answer } from '../../lessons/quiz/score';

export interface PredictionView {
  status: 'preparing' | 'paused' | 'running' | 'done' | 'failed';
  /** The conversation up to the pause point, one line per message. */
  before: string[];
  /** The rest, once resumed. */
  after: string[];
  output?: string;
  error?: string;
}

/** One line per message (events left out): `laptop client → laptop daemon  POST /v1.50/…`. */
export function messageLine(e: TraceEntry): string | undefined {
  if (e.kind === 'event') return undefined;
  const from = `${e.from.host} ${e.from.role}`;
  const to = `${e.to.host} ${e.to.role}`;
  return `${from} → ${to}  ${e.kind === 'failure' ? `✗ ${e.summary}` : e.summary}`;
}

const lines = (entries: readonly TraceEntry[]) => entries.flatMap((e) => messageLine(e) ?? []);

export class QuizController {
  readonly bank = loadBank();
  quiz = $state.raw<Quiz | undefined>();
  /** Bumped after every change of the attempt (which is not itself reactive). */
  version = $state(0);
  feedback = $state.raw<TryFeedback | undefined>();
  saved = $state.raw<QuizResult | undefined>();
  busy = $state(false);
  prediction = $state.raw<PredictionView | undefined>();
  exported = $state<{ kind: 'csv' | 'json'; text: string } | undefined>();
  storeProblem = $state<string | undefined>();

  #attempt: QuizAttempt | undefined;
  #store: Promise<QuizResultStore> | undefined;
  #scenario: Promise<PausedScenario> | undefined;
  #scenarioFor: string | undefined;

  get attempt(): QuizAttempt | undefined {
    void this.version;
    return this.#attempt;
  }

  get current(): QuestionState | undefined {
    void this.version;
    return this.#attempt?.current;
  }

  #storeOpen(): Promise<QuizResultStore> {
    this.#store ??= openResultStore();
    return this.#store;
  }

  /** Show a quiz's start page, with its saved result if there is one. */
  async open(quizId: string): Promise<boolean> {
    this.#dropScenario();
    const quiz = this.bank.quizzes.find((q) => q.id === quizId);
    this.quiz = quiz;
    this.#attempt = undefined;
    this.feedback = undefined;
    this.exported = undefined;
    this.version++;
    if (!quiz) return false;
    this.saved = await (await this.#storeOpen()).get(quizId);
    return true;
  }

  /** Begin an attempt (options are shuffled by `seed`). */
  start(seed = `${Date.now()}`): void {
    if (!this.quiz) return;
    this.#attempt = new QuizAttempt(this.quiz, { seed });
    this.feedback = undefined;
    this.version++;
    this.#prepareCurrent();
  }

  displayOrder(question: Question): number[] {
    return this.#attempt?.displayOrder(question) ?? [];
  }

  async submit(answer: Answer): Promise<void> {
    const attempt = this.#attempt;
    if (!attempt || this.busy) return;
    this.busy = true;
    try {
      this.feedback = await attempt.submit(answer);
      this.version++;
      await this.#save();
      if (this.feedback.closed && attempt.current?.question.type === 'prediction') void this.#resumeScenario();
    } finally {
      this.busy = false;
    }
  }

  next(): void {
    this.#attempt?.next();
    this.feedback = undefined;
    this.version++;
    this.#prepareCurrent();
    if (this.#attempt?.roundOver) void this.#save();
  }

  retryWrong(): void {
    if (this.#attempt?.retryWrong()) {
      this.feedback = undefined;
      this.version++;
      this.#prepareCurrent();
    }
  }

  async #save(): Promise<void> {
    if (!this.#attempt) return;
    const result = this.#attempt.result();
    try {
      await (await this.#storeOpen()).put(result);
      this.saved = result;
    } catch (err) {
      this.storeProblem = `Results could not be saved: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  async export(kind: 'csv' | 'json'): Promise<string> {
    const all = await (await this.#storeOpen()).all();
    const text = kind === 'csv' ? resultsToCsv(all) : resultsToJson(all, Date.now());
    this.exported = { kind, text };
    return text;
  }

  #prepareCurrent(): void {
    const question = this.#attempt?.current?.question;
    if (question?.type !== 'prediction') return this.#dropScenario();
    if (this.#scenarioFor === question.id) return;
    this.#dropScenario();
    this.#scenarioFor = question.id;
    this.prediction = { status: 'preparing', before: [], after: [] };
    const scenario = pauseScenario(question.scenario, { seed: predictionSeed(question) });
    this.#scenario = scenario;
    scenario.then(
      (paused) => {
        if (this.#scenario === scenario)
          this.prediction = { status: 'paused', before: lines(paused.before), after: [] };
      },
      (err: unknown) => {
        if (this.#scenario === scenario)
          this.prediction = { status: 'failed', before: [], after: [], error: String(err) };
      },
    );
  }

  async #resumeScenario(): Promise<void> {
    const scenario = this.#scenario;
    if (!scenario) return;
    const paused = await scenario;
    if (this.#scenario !== scenario) return;
    this.prediction = { ...this.prediction!, status: 'running' };
    const outcome = await paused.finish();
    if (this.#scenario !== scenario) return;
    const output = [outcome.stdout, outcome.stderr].filter((t) => t.trim() !== '').join('\n');
    this.prediction = { status: 'done', before: lines(paused.before), after: lines(outcome.after), output };
  }

  #dropScenario(): void {
    const scenario = this.#scenario;
    this.#scenario = undefined;
    this.#scenarioFor = undefined;
    this.prediction = undefined;
    void scenario?.then(
      (p) => p.stop(),
      () => undefined,
    );
  }

  dispose(): void {
    this.#dropScenario();
  }
}
