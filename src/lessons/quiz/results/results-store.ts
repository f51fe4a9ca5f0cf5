// Quiz results kept for the student (and exported for an instructor): per quiz the latest attempt,
// with each question's tries and score, and the lesson it checks — so scores can also be read per
// lesson. Kept in IndexedDB (idb-results-store.ts), in memory where there is none.

export interface QuestionResult {
  question: string;
  type: string;
  lesson?: string;
  tries: number;
  /** Best weighted score, 0…1. */
  score: number;
  /** When it was last answered (ms since the epoch). */
  answeredAt?: number;
}

export interface QuizResult {
  quizId: string;
  title: string;
  seed: string;
  startedAt: number;
  /** Set once a round is over. */
  finishedAt?: number;
  rounds: number;
  score: number;
  maxScore: number;
  questions: QuestionResult[];
}

export interface QuizResultStore {
  get(quizId: string): Promise<QuizResult | undefined>;
  all(): Promise<QuizResult[]>;
  put(result: QuizResult): Promise<void>;
  clear(quizId?: string): Promise<void>;
}

export class MemoryResultStore implements QuizResultStore {
  readonly #results = new Map<string, QuizResult>();

  async get(quizId: string): Promise<QuizResult | undefined> {
    const r = this.#results.get(quizId);
    return r && structuredClone(r);
  }

  async all(): Promise<QuizResult[]> {
    return [...this.#results.values()].map((r) => structuredClone(r));
  }

  async put(result: QuizResult): Promise<void> {
    this.#results.set(result.quizId, structuredClone(result));
  }

  async clear(quizId?: string): Promise<void> {
    if (quizId === undefined) this.#results.clear();
    else this.#results.delete(quizId);
  }
}

export interface LessonScore {
  lesson: string;
  score: number;
  maxScore: number;
  questions: number;
}

/** Scores per lesson over some results (questions without a lesson are left out). */
export function scoresByLesson(results: readonly QuizResult[]): LessonScore[] {
  const byLesson = new Map<string, LessonScore>();
  for (const result of results) {
    for (const q of result.questions) {
      if (!q.lesson) continue;
      const entry = byLesson.get(q.lesson) ?? { lesson: q.lesson, score: 0, maxScore: 0, questions: 0 };
      entry.score += q.score;
      entry.maxScore += 1;
      entry.questions += 1;
      byLesson.set(q.lesson, entry);
    }
  }
  return [...byLesson.values()].sort((a, b) => a.lesson.localeCompare(b.lesson));
}
