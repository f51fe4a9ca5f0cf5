// A student's progress through the course: per lesson, when it was started and completed, and per
// step whether it is done, how many hints were read and whether the solution was shown. Kept in
// the browser's IndexedDB (idb-progress-store.ts) so a reload keeps it; in memory where there is
// no IndexedDB. Exported as JSON for an instructor.

export interface StepProgress {
  done: boolean;
  /** When the goal was met (ms since the epoch). */
  doneAt?: number;
  hintsUsed: number;
  solutionShown: boolean;
}

export interface LessonProgress {
  lessonId: string;
  startedAt: number;
  completedAt?: number;
  steps: Record<string, StepProgress>;
}

export interface ProgressStore {
  get(lessonId: string): Promise<LessonProgress | undefined>;
  all(): Promise<LessonProgress[]>;
  put(progress: LessonProgress): Promise<void>;
  /** Forget one lesson's progress, or everything. */
  clear(lessonId?: string): Promise<void>;
}

export const emptyStep = (): StepProgress => ({ done: false, hintsUsed: 0, solutionShown: false });

/** A deep copy, so callers never share objects with the store. */
export const copyProgress = (p: LessonProgress): LessonProgress => structuredClone(p);

export class MemoryProgressStore implements ProgressStore {
  readonly #lessons = new Map<string, LessonProgress>();

  async get(lessonId: string): Promise<LessonProgress | undefined> {
    const p = this.#lessons.get(lessonId);
    return p && copyProgress(p);
  }

  async all(): Promise<LessonProgress[]> {
    return [...this.#lessons.values()].map(copyProgress);
  }

  async put(progress: LessonProgress): Promise<void> {
    this.#lessons.set(progress.lessonId, copyProgress(progress));
  }

  async clear(lessonId?: string): Promise<void> {
    if (lessonId === undefined) this.#lessons.clear();
    else this.#lessons.delete(lessonId);
  }
}

/** Everything in the store, as JSON for an instructor (lessons in id order). */
export async function exportProgress(store: ProgressStore, exportedAt: number): Promise<string> {
  const lessons = (await store.all()).sort((a, b) => a.lessonId.localeCompare(b.lessonId));
  return JSON.stringify(
    { format: 'dockyard-progress', version: 1, exportedAt: new Date(exportedAt).toISOString(), lessons },
    null,
    2,
  );
}
