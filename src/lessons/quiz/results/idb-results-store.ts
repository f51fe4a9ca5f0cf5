// Quiz results in IndexedDB (through `idb`): database `dockyard-quizzes`, object store `results`
// keyed by quiz id. `openResultStore` falls back to memory when the browser has no IndexedDB or
// refuses it (private windows), so a quiz always works — its results then last until the page closes.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { MemoryResultStore, type QuizResult, type QuizResultStore } from './results-store';

interface ResultsDB extends DBSchema {
  results: { key: string; value: QuizResult };
}

export const RESULTS_DB = 'dockyard-quizzes';

export class IdbResultStore implements QuizResultStore {
  private constructor(private readonly db: IDBPDatabase<ResultsDB>) {}

  static async open(name = RESULTS_DB): Promise<IdbResultStore> {
    const db = await openDB<ResultsDB>(name, 1, {
      upgrade(database) {
        database.createObjectStore('results', { keyPath: 'quizId' });
      },
    });
    return new IdbResultStore(db);
  }

  async get(quizId: string): Promise<QuizResult | undefined> {
    return this.db.get('results', quizId);
  }

  async all(): Promise<QuizResult[]> {
    return this.db.getAll('results');
  }

  async put(result: QuizResult): Promise<void> {
    await this.db.put('results', structuredClone(result));
  }

  async clear(quizId?: string): Promise<void> {
    if (quizId === undefined) await this.db.clear('results');
    else await this.db.delete('results', quizId);
  }

  close(): void {
    this.db.close();
  }
}

/** IndexedDB when there is one, else memory. */
export async function openResultStore(): Promise<QuizResultStore> {
  if (typeof globalThis.indexedDB === 'undefined') return new MemoryResultStore();
  try {
    return await IdbResultStore.open();
  } catch {
    return new MemoryResultStore();
  }
}
