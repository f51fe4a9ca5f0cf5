// redis-server's configuration: a redis.conf file (`redis-server /etc/redis/redis.conf`) and/or
// options on the command line (`redis-server --port 7000 --save ""`), which are read as more lines
// of the file. A line Redis does not understand stops it with its boxed FATAL message.
import type { Overlay } from '../../../layer/overlay';

export interface RedisConfig {
  port: number;
  dir?: string;
  dbfilename: string;
  /** `save` points; empty when saving is disabled (`save ""`). */
  save: string;
  appendonly: boolean;
  databases: number;
  loglevel: string;
  requirepass?: string;
  /** A config file or options were given (Redis then says "Configuration loaded"). */
  configured: boolean;
}

export class RedisConfigError extends Error {
  override name = 'RedisConfigError';
  constructor(
    readonly version: string,
    readonly line: number,
    readonly text: string,
    readonly reason: string,
  ) {
    super(
      `\n*** FATAL CONFIG FILE ERROR (Redis ${version}) ***\nReading the configuration file, at line ${line}\n>>> '${text}'\n${reason}\n`,
    );
  }
}

const KNOWN = new Set(
  `port bind protected-mode tcp-backlog timeout tcp-keepalive daemonize supervised pidfile loglevel logfile databases
  always-show-logo save stop-writes-on-bgsave-error rdbcompression rdbchecksum dbfilename dir requirepass maxclients
  maxmemory maxmemory-policy appendonly appendfilename appendfsync include rename-command replicaof masterauth
  lazyfree-lazy-eviction io-threads notify-keyspace-events hz aclfile user unixsocket enable-debug-command`.split(
    /\s+/,
  ),
);

function split(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

export function loadRedisConfig(fs: Overlay, args: readonly string[], version: string): RedisConfig {
  const c: RedisConfig = {
    port: 6379,
    dbfilename: 'dump.rdb',
    save: '3600 1 300 100 60 10000',
    appendonly: false,
    databases: 16,
    loglevel: 'notice',
    configured: args.length > 0,
  };
  const lines: string[] = [];
  let rest = args;
  if (rest[0] !== undefined && !rest[0].startsWith('--')) {
    lines.push(...fs.readText(rest[0]).split('\n'));
    rest = rest.slice(1);
  }
  // `--save "" --port 7000`: each option starts a line, its values follow.
  let current: string[] | undefined;
  for (const a of rest) {
    if (a.startsWith('--')) {
      if (current) lines.push(current.map((w) => (w === '' ? '""' : w)).join(' '));
      current = [a.slice(2)];
    } else current?.push(a);
  }
  if (current) lines.push(current.map((w) => (w === '' ? '""' : w)).join(' '));
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [name = '', ...values] = split(line);
    const key = name.toLowerCase();
    const fail = (reason: string) => {
      throw new RedisConfigError(version, i + 1, line, reason);
    };
    if (!KNOWN.has(key) || (values.length === 0 && key !== 'save')) fail('Bad directive or wrong number of arguments');
    const v = values.join(' ');
    if (key === 'port') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) fail("argument couldn't be parsed into an integer");
      c.port = n;
    } else if (key === 'dir') c.dir = v;
    else if (key === 'dbfilename') c.dbfilename = v;
    else if (key === 'save') c.save = v;
    else if (key === 'appendonly') c.appendonly = v === 'yes';
    else if (key === 'databases') c.databases = Number(v);
    else if (key === 'loglevel') c.loglevel = v;
    else if (key === 'requirepass') c.requirepass = v;
  });
  return c;
}
