// Keeping the student's world in the browser, so a reload (or tomorrow's class) finds it as it was:
// images pulled, tags pushed, files written, the terminal's history. Two IndexedDB databases: the
// engine's content store (layers, configs and manifests by digest — shared, so a layer on the laptop
// and in a registry is stored once) and a small one holding the world snapshot's JSON (the laptop's
// files are part of it) and the history. Blobs no saved snapshot names any more are deleted after each save.
//
// Browsers refuse storage for their own reasons — a full disk, private browsing, another tab
// holding an old version open. Each becomes one plain sentence (`describeStorageError`) for the
// banner; the workspace then carries on in memory.
import { wrap, type IDBPDatabase } from 'idb';
import type { World } from '../../actors/world/world';
import type { WorldSnapshot } from '../../actors/world/snapshot';
import { isDigest, type Digest } from '../../engine/digest';
import { deleteBlobStoreDatabase, IndexedDbBlobStore } from '../../engine/store';

export const SAVE_VERSION = 1;

export interface SavedWorkspace {
  version: typeof SAVE_VERSION;
  /** When it was saved (the real clock). */
  savedAt: number;
  /** The world, the laptop's files included. */
  world: WorldSnapshot;
  /** The terminal's history, oldest first. */
  history: string[];
}

export interface StoreNames {
  /** The database with the snapshot record. */
  workspace: string;
  /** The content store's database. */
  content: string;
}

export const DEFAULT_STORE_NAMES: StoreNames = { workspace: 'dockyard-workspace', content: 'dockyard-content' };

const RECORDS = 'workspace';
const CURRENT = 'current';

export class StorageError extends Error {
  override name = 'StorageError';
}

function factoryOf(indexedDB?: IDBFactory): IDBFactory {
  const factory = indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) throw new StorageError('IndexedDB is not available here');
  return factory;
}

/** Every digest a snapshot mentions anywhere (images, registries, and whatever it grows to hold). */
export function digestsIn(snapshot: unknown): Set<Digest> {
  const digests = new Set<Digest>();
  for (const [text] of JSON.stringify(snapshot).matchAll(/sha256:[0-9a-f]{64}/g)) if (isDigest(text)) digests.add(text);
  return digests;
}

export class WorkspaceStore {
  private constructor(
    private readonly db: IDBPDatabase,
    readonly content: IndexedDbBlobStore,
    private readonly names: StoreNames,
    private readonly factory: IDBFactory,
  ) {}

  static async open(options: { indexedDB?: IDBFactory; names?: StoreNames } = {}): Promise<WorkspaceStore> {
    const factory = factoryOf(options.indexedDB);
    const names = options.names ?? DEFAULT_STORE_NAMES;
    const request = factory.open(names.workspace, 1);
    request.addEventListener('upgradeneeded', () => {
      if (!request.result.objectStoreNames.contains(RECORDS)) request.result.createObjectStore(RECORDS);
    });
    const blocked = new Promise<never>((_, reject) =>
      request.addEventListener('blocked', () => reject(new StorageError('blocked by another Dockyard tab'))),
    );
    const db = (await Promise.race([wrap(request), blocked])) as IDBPDatabase;
    try {
      const content = await IndexedDbBlobStore.open(names.content, { indexedDB: factory });
      return new WorkspaceStore(db, content, names, factory);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** The saved workspace, if there is one of this version. */
  async load(): Promise<SavedWorkspace | undefined> {
    const record = (await this.db.get(RECORDS, CURRENT)) as SavedWorkspace | undefined;
    if (!record || record.version !== SAVE_VERSION || typeof record.world !== 'object') return undefined;
    return { ...record, history: Array.isArray(record.history) ? record.history.map(String) : [] };
  }

  /**
   * Save the world (between commands: a busy world throws WorldBusyError), its files and the
   * history, then drop blobs no longer named. Returns the record written.
   */
  async save(world: World, extra: { history: readonly string[] }): Promise<SavedWorkspace> {
    const snapshot = await world.snapshot(this.content);
    const record: SavedWorkspace = {
      version: SAVE_VERSION,
      savedAt: Date.now(),
      world: snapshot,
      history: [...extra.history],
    };
    await this.db.put(RECORDS, record, CURRENT);
    await this.#collectGarbage(digestsIn(snapshot));
    return record;
  }

  /** Forget everything saved (reset). The store is closed afterwards. */
  async clear(): Promise<void> {
    this.close();
    await deleteBlobStoreDatabase(this.names.content, { indexedDB: this.factory });
    await wrap(this.factory.deleteDatabase(this.names.workspace) as unknown as IDBRequest<undefined>);
  }

  close(): void {
    this.db.close();
    this.content.close();
  }

  async #collectGarbage(keep: Set<Digest>): Promise<void> {
    for (const digest of await this.content.list()) if (!keep.has(digest)) await this.content.delete(digest);
  }
}

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let e = error; e instanceof Error || e instanceof DOMException; e = (e as Error).cause) {
    names.push(e.name, e.message);
    if (names.length > 10) break;
  }
  return names;
}

/** One plain sentence for the banner: what went wrong with the browser's storage, and what it means. */
export function describeStorageError(error: unknown): string {
  const said = errorNames(error).join(' ');
  if (/QuotaExceeded|quota/i.test(said)) {
    return "The browser's storage for this site is full, so your world is not being saved: it lives in this tab only. Remove images you no longer need (docker rmi) or free space, and it will be saved again.";
  }
  if (/blocked/i.test(said)) {
    return 'Another Dockyard tab is holding the saved world open. Close the other tab and reload to keep saving; until then this tab works in memory.';
  }
  if (/not available|SecurityError|InvalidStateError|UnknownError|cannot open/i.test(said)) {
    return 'This browser does not let Dockyard store data here (private browsing, or storage turned off): your world lives in this tab only and is lost on reload.';
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Your world could not be saved (${message}); it is kept in this tab only.`;
}
