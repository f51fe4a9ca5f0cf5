// Redis persistence, in miniature. On shutdown (and on SAVE) Redis writes its whole dataset to
// `dump.rdb` in its working directory — /data in the image, which the image declares a VOLUME —
// and loads it back on start. That is why data survives `docker rm` + `docker run` only when
// /data is a named volume. The file starts with the real RDB magic and version (`REDIS0012` for
// Redis 7.4) so `head -c 9 dump.rdb` looks right; the body is JSON, not RDB's binary encoding.
import { fromUtf8, utf8, type Bytes } from '../../../bytes';
import type { Keyspace, RedisData } from './keyspace';

export const RDB_MAGIC = 'REDIS0012';

type Saved = [db: number, key: string, type: RedisData['type'], value: unknown, expiresAt?: number];

export function dumpKeyspace(ks: Keyspace, meta: { version: string; time: number }): Bytes {
  const rows: Saved[] = [];
  for (const [db, key, e] of ks.entries()) {
    const d = e.data;
    const value = d.type === 'hash' ? [...d.value] : d.type === 'set' ? [...d.value] : d.value;
    rows.push(e.expiresAt === undefined ? [db, key, d.type, value] : [db, key, d.type, value, e.expiresAt]);
  }
  return utf8(`${RDB_MAGIC}\n${JSON.stringify({ version: meta.version, ctime: meta.time, keys: rows })}\n`);
}

export interface Loaded {
  version: string;
  ctime: number;
  loaded: number;
  expired: number;
}

/** Load a dump into `ks`; undefined when the file is not one of ours (Redis would refuse it). */
export function loadKeyspace(ks: Keyspace, bytes: Bytes, now: number): Loaded | undefined {
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    return undefined;
  }
  if (!text.startsWith(`${RDB_MAGIC}\n`)) return undefined;
  let body: { version: string; ctime: number; keys: Saved[] };
  try {
    body = JSON.parse(text.slice(RDB_MAGIC.length + 1)) as typeof body;
  } catch {
    return undefined;
  }
  let loaded = 0;
  let expired = 0;
  for (const [db, key, type, value, expiresAt] of body.keys) {
    if (expiresAt !== undefined && expiresAt <= now) {
      expired++;
      continue;
    }
    const data: RedisData =
      type === 'hash'
        ? { type, value: new Map(value as [string, string][]) }
        : type === 'set'
          ? { type, value: new Set(value as string[]) }
          : type === 'list'
            ? { type, value: value as string[] }
            : { type: 'string', value: value as string };
    ks.set(db, key, data, expiresAt);
    loaded++;
  }
  ks.dirty = 0;
  return { version: body.version, ctime: body.ctime, loaded, expired };
}
