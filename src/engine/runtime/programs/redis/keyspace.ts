// Redis's keyspace: databases 0–15, each a map from key to a value of one type — string, list,
// hash or set — with an optional expiry time. Expired keys are removed lazily, when touched, as
// Redis does (plus its periodic sweep, which we do on every scan). Time is the simulation's clock,
// so `EXPIRE k 10` then ten simulated seconds later `GET k` is `(nil)`.

export type RedisData =
  | { type: 'string'; value: string }
  | { type: 'list'; value: string[] }
  | { type: 'hash'; value: Map<string, string> }
  | { type: 'set'; value: Set<string> };

export interface Entry {
  data: RedisData;
  /** Milliseconds since the epoch, or undefined for a key that never expires. */
  expiresAt?: number;
}

export const DATABASES = 16;

export class Keyspace {
  private readonly dbs: Map<string, Entry>[] = Array.from({ length: DATABASES }, () => new Map());
  /** Writes since the last save, for `INFO` and the shutdown save. */
  dirty = 0;

  constructor(private readonly now: () => number) {}

  db(index: number): Map<string, Entry> {
    return this.dbs[index]!;
  }

  /** The live entry for a key (an expired one is deleted and not returned). */
  get(db: number, key: string): Entry | undefined {
    const map = this.dbs[db]!;
    const e = map.get(key);
    if (e?.expiresAt !== undefined && e.expiresAt <= this.now()) {
      map.delete(key);
      return undefined;
    }
    return e;
  }

  set(db: number, key: string, data: RedisData, expiresAt?: number): void {
    this.dbs[db]!.set(key, { data, expiresAt });
    this.dirty++;
  }

  delete(db: number, key: string): boolean {
    const existed = this.get(db, key) !== undefined;
    if (existed) {
      this.dbs[db]!.delete(key);
      this.dirty++;
    }
    return existed;
  }

  /** Live keys of a database (expired ones are swept first). */
  keys(db: number): string[] {
    const map = this.dbs[db]!;
    for (const k of [...map.keys()]) this.get(db, k);
    return [...map.keys()];
  }

  flush(db?: number): void {
    if (db === undefined) for (const m of this.dbs) m.clear();
    else this.dbs[db]!.clear();
    this.dirty++;
  }

  /** Every live key in every database (for saving). */
  *entries(): Generator<[number, string, Entry]> {
    for (let db = 0; db < DATABASES; db++) for (const k of this.keys(db)) yield [db, k, this.dbs[db]!.get(k)!];
  }
}

/** Redis's glob-style patterns (KEYS, SCAN MATCH): `*`, `?`, `[abc]`, `[^a]`, `\x`. */
export function matchPattern(pattern: string, key: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('^') ? '^' + body.slice(1) : body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += '\\' + pattern[++i];
    else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(re + '$', 's').test(key);
}
