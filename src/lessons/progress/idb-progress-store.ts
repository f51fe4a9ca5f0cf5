// Progress kept in IndexedDB (through `idb`): one database `dockyard-progress`, one object store
// `lessons` keyed by lesson id. `openProgressStore` falls back to memory when the browser has no
// IndexedDB (or refuses it: private windows, blocked storage), so lessons always work.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { MemoryProgressStore, copyProgress, type LessonProgress, type ProgressStore } from './progress-store';

interface ProgressDB extends DBSchema {
  lessons: { key: string; value: LessonProgress };
}

export const PROGRESS_DB = 'dockyard-progress';

export class IdbProgressStore implements ProgressStore {
  private constructor(private readonly db: IDBPDatabase<ProgressDB>) {}

  static async open(name = PROGRESS_DB): Promise<IdbProgressStore> {
    const db = await openDB<ProgressDB>(name, 1, {
      upgrade(database) {
        database.createObjectStore('lessons', { keyPath: 'lessonId' });
      },
    });
    return new IdbProgressStore(db);
  }

  async get(lessonId: string): Promise<LessonProgress | undefined> {
    return this.db.get('lessons', lessonId);
  }

  async all(): Promise<LessonProgress[]> {
    return this.db.getAll('lessons');
  }

  async put(progress: LessonProgress): Promise<void> {
    await this.db.put('lessons', copyProgress(progress));
  }

  async clear(lessonId?: string): Promise<void> {
    if (lessonId === undefined) await this.db.clear('lessons');
    else await this.db.delete('lessons', lessonId);
  }

  close(): void {
    this.db.close();
  }
}

/** IndexedDB when the browser has it, else memory (progress then lasts until the page closes). */
export async function openProgressStore(): Promise<ProgressStore> {
  if (typeof globalThis.indexedDB === 'undefined') return new MemoryProgressStore();
  try {
    return await IdbProgressStore.open();
  } catch {
    return new MemoryProgressStore();
  }
}
