// The Redis commands the simulated server knows: strings and counters, key expiry, lists, hashes,
// sets, and the server commands a student meets (PING, SELECT, INFO, DBSIZE, FLUSHALL, SAVE,
// SHUTDOWN). Replies and error texts are Redis 7.4's.
import {
  integerArg,
  NOT_INTEGER,
  SYNTAX,
  WRONG_TYPE,
  type CommandSpec,
  type Handler,
  type Session,
} from './command-table';
import { DATABASES, matchPattern, type RedisData } from './keyspace';
import { resp, type RespValue } from './resp';

function typed<T extends RedisData['type']>(
  s: Session,
  key: string,
  type: T,
): Extract<RedisData, { type: T }> | undefined | 'wrong' {
  const e = s.ks.get(s.db, key);
  if (!e) return undefined;
  return e.data.type === type ? (e.data as Extract<RedisData, { type: T }>) : 'wrong';
}

function incrBy(s: Session, key: string, by: number): RespValue {
  const e = s.ks.get(s.db, key);
  if (e && e.data.type !== 'string') return resp.error(WRONG_TYPE);
  const current = e ? integerArg(e.data.value as string) : 0;
  if (current === undefined) return resp.error(NOT_INTEGER);
  const next = current + by;
  if (!Number.isSafeInteger(next)) return resp.error('ERR increment or decrement would overflow');
  s.ks.set(s.db, key, { type: 'string', value: String(next) }, e?.expiresAt);
  return resp.integer(next);
}

const set: Handler = (s, [key, value, ...opts]) => {
  let expiresAt: number | undefined;
  let keepTtl = false;
  let condition: 'NX' | 'XX' | undefined;
  let get = false;
  for (let i = 0; i < opts.length; i++) {
    const o = opts[i]!.toUpperCase();
    if (o === 'NX' || o === 'XX') {
      if (condition && condition !== o) return resp.error(SYNTAX);
      condition = o;
    } else if (o === 'GET') get = true;
    else if (o === 'KEEPTTL') keepTtl = true;
    else if (['EX', 'PX', 'EXAT', 'PXAT'].includes(o)) {
      const n = opts[++i] === undefined ? undefined : integerArg(opts[i]!);
      if (opts[i] === undefined || expiresAt !== undefined || keepTtl) return resp.error(SYNTAX);
      if (n === undefined) return resp.error(NOT_INTEGER);
      if (n <= 0) return resp.error(`ERR invalid expire time in 'set' command`);
      expiresAt = o === 'EX' ? s.now() + n * 1000 : o === 'PX' ? s.now() + n : o === 'EXAT' ? n * 1000 : n;
    } else return resp.error(SYNTAX);
  }
  const existing = s.ks.get(s.db, key!);
  if (get && existing && existing.data.type !== 'string') return resp.error(WRONG_TYPE);
  const old = get ? resp.bulk(existing ? (existing.data.value as string) : null) : undefined;
  if ((condition === 'NX' && existing) || (condition === 'XX' && !existing)) return old ?? resp.nil();
  s.ks.set(s.db, key!, { type: 'string', value: value! }, keepTtl ? existing?.expiresAt : expiresAt);
  return old ?? resp.ok();
};

function expire(unit: number, mode: 'relative' | 'absolute'): Handler {
  return (s, [key, amount, flag]) => {
    const n = integerArg(amount!);
    if (n === undefined) return resp.error(NOT_INTEGER);
    const e = s.ks.get(s.db, key!);
    if (!e) return resp.integer(0);
    const at = mode === 'relative' ? s.now() + n * unit : n * unit;
    const f = flag?.toUpperCase();
    if (f && !['NX', 'XX', 'GT', 'LT'].includes(f)) return resp.error(`ERR Unsupported option ${flag}`);
    if ((f === 'NX' && e.expiresAt !== undefined) || (f === 'XX' && e.expiresAt === undefined)) return resp.integer(0);
    if (
      (f === 'GT' && (e.expiresAt === undefined || at <= e.expiresAt)) ||
      (f === 'LT' && e.expiresAt !== undefined && at >= e.expiresAt)
    ) {
      return resp.integer(0);
    }
    if (at <= s.now()) s.ks.delete(s.db, key!);
    else s.ks.set(s.db, key!, e.data, at);
    return resp.integer(1);
  };
}

function ttl(ms: boolean): Handler {
  return (s, [key]) => {
    const e = s.ks.get(s.db, key!);
    if (!e) return resp.integer(-2);
    if (e.expiresAt === undefined) return resp.integer(-1);
    const left = e.expiresAt - s.now();
    return resp.integer(ms ? left : Math.floor((left + 500) / 1000));
  };
}

function push(left: boolean): Handler {
  return (s, [key, ...values]) => {
    const l = typed(s, key!, 'list');
    if (l === 'wrong') return resp.error(WRONG_TYPE);
    const list = l?.value ?? [];
    for (const v of values) {
      if (left) list.unshift(v);
      else list.push(v);
    }
    s.ks.set(s.db, key!, { type: 'list', value: list }, s.ks.get(s.db, key!)?.expiresAt);
    return resp.integer(list.length);
  };
}

function pop(left: boolean): Handler {
  return (s, [key]) => {
    const l = typed(s, key!, 'list');
    if (l === 'wrong') return resp.error(WRONG_TYPE);
    if (!l) return resp.nil();
    const v = left ? l.value.shift() : l.value.pop();
    if (l.value.length === 0) s.ks.delete(s.db, key!);
    else s.ks.dirty++;
    return resp.bulk(v ?? null);
  };
}

const lrange: Handler = (s, [key, start, stop]) => {
  const [a, b] = [integerArg(start!), integerArg(stop!)];
  if (a === undefined || b === undefined) return resp.error(NOT_INTEGER);
  const l = typed(s, key!, 'list');
  if (l === 'wrong') return resp.error(WRONG_TYPE);
  const list = l?.value ?? [];
  const from = a < 0 ? Math.max(0, list.length + a) : a;
  const to = b < 0 ? list.length + b : Math.min(b, list.length - 1);
  return resp.bulks(from > to ? [] : list.slice(from, to + 1));
};

const hset: Handler = (s, [key, ...pairs]) => {
  if (pairs.length % 2 !== 0) return resp.error(`ERR wrong number of arguments for 'hset' command`);
  const h = typed(s, key!, 'hash');
  if (h === 'wrong') return resp.error(WRONG_TYPE);
  const map = h?.value ?? new Map<string, string>();
  let added = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    if (!map.has(pairs[i]!)) added++;
    map.set(pairs[i]!, pairs[i + 1]!);
  }
  s.ks.set(s.db, key!, { type: 'hash', value: map }, s.ks.get(s.db, key!)?.expiresAt);
  return resp.integer(added);
};

function hashRead(f: (m: Map<string, string>, args: string[]) => RespValue, empty: RespValue): Handler {
  return (s, [key, ...args]) => {
    const h = typed(s, key!, 'hash');
    if (h === 'wrong') return resp.error(WRONG_TYPE);
    return h ? f(h.value, args) : empty;
  };
}

function setRead(f: (m: Set<string>, args: string[]) => RespValue, empty: RespValue): Handler {
  return (s, [key, ...args]) => {
    const h = typed(s, key!, 'set');
    if (h === 'wrong') return resp.error(WRONG_TYPE);
    return h ? f(h.value, args) : empty;
  };
}

const sadd: Handler = (s, [key, ...members]) => {
  const h = typed(s, key!, 'set');
  if (h === 'wrong') return resp.error(WRONG_TYPE);
  const set = h?.value ?? new Set<string>();
  const before = set.size;
  for (const m of members) set.add(m);
  s.ks.set(s.db, key!, { type: 'set', value: set }, s.ks.get(s.db, key!)?.expiresAt);
  return resp.integer(set.size - before);
};

function removeFrom(type: 'hash' | 'set'): Handler {
  return (s, [key, ...items]) => {
    const h = typed(s, key!, type);
    if (h === 'wrong') return resp.error(WRONG_TYPE);
    if (!h) return resp.integer(0);
    let n = 0;
    for (const i of items) if (h.value.delete(i)) n++;
    if (h.value.size === 0) s.ks.delete(s.db, key!);
    else if (n > 0) s.ks.dirty++;
    return resp.integer(n);
  };
}

const entries: [string, number, Handler][] = [
  ['ping', -1, (_, [m]) => (m === undefined ? resp.simple('PONG') : resp.bulk(m))],
  ['echo', 2, (_, [m]) => resp.bulk(m!)],
  ['set', -3, set],
  [
    'get',
    2,
    (s, [k]) => {
      const e = s.ks.get(s.db, k!);
      if (e && e.data.type !== 'string') return resp.error(WRONG_TYPE);
      return resp.bulk(e ? (e.data.value as string) : null);
    },
  ],
  [
    'setnx',
    3,
    (s, [k, v]) =>
      s.ks.get(s.db, k!) ? resp.integer(0) : (s.ks.set(s.db, k!, { type: 'string', value: v! }), resp.integer(1)),
  ],
  ['setex', 4, (s, [k, secs, v]) => set(s, [k!, v!, 'EX', secs!])],
  [
    'mset',
    -3,
    (s, args) => {
      if (args.length % 2 !== 0) return resp.error(`ERR wrong number of arguments for 'mset' command`);
      for (let i = 0; i < args.length; i += 2) s.ks.set(s.db, args[i]!, { type: 'string', value: args[i + 1]! });
      return resp.ok();
    },
  ],
  [
    'mget',
    -2,
    (s, keys) =>
      resp.array(
        keys.map((k) => {
          const e = s.ks.get(s.db, k);
          return resp.bulk(e?.data.type === 'string' ? e.data.value : null);
        }),
      ),
  ],
  ['del', -2, (s, keys) => resp.integer(keys.filter((k) => s.ks.delete(s.db, k)).length)],
  ['unlink', -2, (s, keys) => resp.integer(keys.filter((k) => s.ks.delete(s.db, k)).length)],
  ['exists', -2, (s, keys) => resp.integer(keys.filter((k) => s.ks.get(s.db, k)).length)],
  ['incr', 2, (s, [k]) => incrBy(s, k!, 1)],
  ['decr', 2, (s, [k]) => incrBy(s, k!, -1)],
  [
    'incrby',
    3,
    (s, [k, n]) => (integerArg(n!) === undefined ? resp.error(NOT_INTEGER) : incrBy(s, k!, integerArg(n!)!)),
  ],
  [
    'decrby',
    3,
    (s, [k, n]) => (integerArg(n!) === undefined ? resp.error(NOT_INTEGER) : incrBy(s, k!, -integerArg(n!)!)),
  ],
  [
    'append',
    3,
    (s, [k, v]) => {
      const e = s.ks.get(s.db, k!);
      if (e && e.data.type !== 'string') return resp.error(WRONG_TYPE);
      const value = (e ? (e.data.value as string) : '') + v!;
      s.ks.set(s.db, k!, { type: 'string', value }, e?.expiresAt);
      return resp.integer(new TextEncoder().encode(value).length);
    },
  ],
  [
    'strlen',
    2,
    (s, [k]) => {
      const e = s.ks.get(s.db, k!);
      if (e && e.data.type !== 'string') return resp.error(WRONG_TYPE);
      return resp.integer(e ? new TextEncoder().encode(e.data.value as string).length : 0);
    },
  ],
  ['keys', 2, (s, [p]) => resp.bulks(s.ks.keys(s.db).filter((k) => matchPattern(p!, k)))],
  ['expire', -3, expire(1000, 'relative')],
  ['pexpire', -3, expire(1, 'relative')],
  ['expireat', -3, expire(1000, 'absolute')],
  ['ttl', 2, ttl(false)],
  ['pttl', 2, ttl(true)],
  [
    'persist',
    2,
    (s, [k]) => {
      const e = s.ks.get(s.db, k!);
      if (!e || e.expiresAt === undefined) return resp.integer(0);
      s.ks.set(s.db, k!, e.data);
      return resp.integer(1);
    },
  ],
  ['type', 2, (s, [k]) => resp.simple(s.ks.get(s.db, k!)?.data.type ?? 'none')],
  [
    'rename',
    3,
    (s, [from, to]) => {
      const e = s.ks.get(s.db, from!);
      if (!e) return resp.error('ERR no such key');
      s.ks.delete(s.db, from!);
      s.ks.set(s.db, to!, e.data, e.expiresAt);
      return resp.ok();
    },
  ],
  ['dbsize', 1, (s) => resp.integer(s.ks.keys(s.db).length)],
  ['flushdb', -1, (s) => (s.ks.flush(s.db), resp.ok())],
  ['flushall', -1, (s) => (s.ks.flush(), resp.ok())],
  [
    'select',
    2,
    (s, [n]) => {
      const i = integerArg(n!);
      if (i === undefined) return resp.error(NOT_INTEGER);
      if (i < 0 || i >= DATABASES) return resp.error('ERR DB index is out of range');
      s.db = i;
      return resp.ok();
    },
  ],
  ['lpush', -3, push(true)],
  ['rpush', -3, push(false)],
  ['lpop', -2, pop(true)],
  ['rpop', -2, pop(false)],
  ['lrange', 4, lrange],
  [
    'llen',
    2,
    (s, [k]) => {
      const l = typed(s, k!, 'list');
      return l === 'wrong' ? resp.error(WRONG_TYPE) : resp.integer(l?.value.length ?? 0);
    },
  ],
  ['hset', -4, hset],
  ['hget', 3, hashRead((m, [f]) => resp.bulk(m.get(f!) ?? null), resp.nil())],
  ['hgetall', 2, hashRead((m) => resp.bulks([...m].flat()), resp.array([]))],
  ['hkeys', 2, hashRead((m) => resp.bulks([...m.keys()]), resp.array([]))],
  ['hvals', 2, hashRead((m) => resp.bulks([...m.values()]), resp.array([]))],
  ['hlen', 2, hashRead((m) => resp.integer(m.size), resp.integer(0))],
  ['hdel', -3, removeFrom('hash')],
  ['sadd', -3, sadd],
  ['srem', -3, removeFrom('set')],
  ['smembers', 2, setRead((m) => resp.bulks([...m]), resp.array([]))],
  ['sismember', 3, setRead((m, [x]) => resp.integer(m.has(x!) ? 1 : 0), resp.integer(0))],
  ['scard', 2, setRead((m) => resp.integer(m.size), resp.integer(0))],
  ['info', -1, (s, [section]) => resp.bulk(s.server.info(section))],
  ['time', 1, (s) => resp.bulks([String(Math.floor(s.now() / 1000)), String((s.now() % 1000) * 1000)])],
  ['save', 1, (s) => (s.server.save(), resp.ok())],
  ['bgsave', -1, (s) => (s.server.save(), resp.simple('Background saving started'))],
  [
    'shutdown',
    -1,
    (s, [mode]) => {
      const m = mode?.toUpperCase();
      if (m !== undefined && m !== 'SAVE' && m !== 'NOSAVE') return resp.error(SYNTAX);
      s.server.shutdown(m !== 'NOSAVE');
      return resp.ok();
    },
  ],
  [
    'config',
    -2,
    (s, [sub, ...names]) => {
      if (sub?.toUpperCase() !== 'GET') return resp.error(`ERR unknown subcommand '${sub}'. Try CONFIG HELP.`);
      return resp.bulks(
        names.flatMap((n) => {
          const v = s.server.config(n.toLowerCase());
          return v === undefined ? [] : [n.toLowerCase(), v];
        }),
      );
    },
  ],
  ['command', -1, () => resp.array([])],
  [
    'auth',
    -2,
    () =>
      resp.error(
        'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
      ),
  ],
  ['quit', -1, () => resp.ok()],
];

export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(
  entries.map(([name, arity, run]) => [name, { arity, run }]),
);
