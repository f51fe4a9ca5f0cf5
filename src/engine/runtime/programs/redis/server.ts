// `redis-server`: Redis 7.4 as the redis image runs it — PID 1 after the entrypoint hands over with
// `exec gosu redis redis-server`. It prints the banner Redis prints, loads /data/dump.rdb if there
// is one, serves RESP on port 6379, and on SIGTERM (`docker stop`) or SHUTDOWN saves its dataset
// and says goodbye. Log lines are `pid:role day month year time level message`: role C before
// the server is set up, M for the master it becomes; level `*` notice, `#` warning.
import { concatBytes, type Bytes } from '../../../bytes';
import { redisVersion } from '../../../image/official/redis';
import { isFsError } from '../../../layer/fs-errors';
import { readBody, type WireResponse } from '../../../wire/message';
import type { Program, ProcessContext } from '../../contract';
import { KERNEL_RELEASE, machineOf } from '../../kernel';
import { redisLogTime } from '../log-time';
import { socketErrnoOf } from '../socket-errors';
import { catchSignals } from '../stop';
import { runCommand, type Session } from './command-table';
import { COMMANDS } from './commands';
import { Keyspace } from './keyspace';
import { dumpKeyspace, loadKeyspace } from './rdb';
import { decodeAll, encode, resp, RespProtocolError } from './resp';
import { loadRedisConfig, RedisConfigError, type RedisConfig } from './server-config';

const BUILD_ID = '4e2dc62ba8d0e8f5';

class RedisServer {
  readonly ks: Keyspace;
  private readonly startedAt: number;
  private stop?: (save: boolean) => void;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly config: RedisConfig,
    private readonly version: string,
  ) {
    this.ks = new Keyspace(() => ctx.clock.now());
    this.startedAt = ctx.clock.now();
  }

  log(role: 'C' | 'M', level: '*' | '#', message: string): void {
    this.ctx.stdout.write(`${this.ctx.pid}:${role} ${redisLogTime(this.ctx.clock.now())} ${level} ${message}\n`);
  }

  private get dumpPath(): string {
    const dir = this.config.dir ?? this.ctx.cwd;
    return `${dir.replace(/\/$/, '')}/${this.config.dbfilename}`;
  }

  save(): boolean {
    try {
      this.ctx.fs.writeFile(
        this.dumpPath,
        dumpKeyspace(this.ks, { version: this.version, time: this.ctx.clock.now() }),
      );
      this.ks.dirty = 0;
      this.log('M', '*', 'DB saved on disk');
      return true;
    } catch (err) {
      if (!isFsError(err)) throw err;
      this.log(
        'M',
        '#',
        `Failed opening the temp RDB file temp-${this.ctx.pid}.rdb (in server root dir ${this.config.dir ?? this.ctx.cwd}) for saving: ${err.reason}`,
      );
      return false;
    }
  }

  private load(): void {
    let bytes;
    try {
      bytes = this.ctx.fs.readFile(this.dumpPath);
    } catch {
      return;
    }
    const loaded = loadKeyspace(this.ks, bytes, this.ctx.clock.now());
    if (!loaded) {
      this.log('M', '#', 'Wrong signature trying to load DB from file');
      return;
    }
    this.log('M', '*', `Loading RDB produced by version ${loaded.version}`);
    this.log('M', '*', `RDB age ${Math.max(0, Math.round((this.ctx.clock.now() - loaded.ctime) / 1000))} seconds`);
    this.log('M', '*', 'RDB memory usage when created 0.90 Mb');
    this.log('M', '*', `Done loading RDB, keys loaded: ${loaded.loaded}, keys expired: ${loaded.expired}.`);
    this.log('M', '*', 'DB loaded from disk: 0.000 seconds');
  }

  info(section?: string): string {
    const uptime = Math.floor((this.ctx.clock.now() - this.startedAt) / 1000);
    const server = [
      '# Server',
      `redis_version:${this.version}`,
      'redis_git_sha1:00000000',
      'redis_git_dirty:0',
      `redis_build_id:${BUILD_ID}`,
      'redis_mode:standalone',
      `os:Linux ${KERNEL_RELEASE} ${machineOf(this.ctx.architecture)}`,
      'arch_bits:64',
      `process_id:${this.ctx.pid}`,
      `tcp_port:${this.config.port}`,
      `uptime_in_seconds:${uptime}`,
      `uptime_in_days:${Math.floor(uptime / 86400)}`,
      `executable:${this.ctx.cwd.replace(/\/$/, '')}/redis-server`,
      `config_file:`,
    ];
    const keyspace = ['# Keyspace'];
    for (let db = 0; db < 16; db++) {
      const keys = this.ks.keys(db);
      if (keys.length === 0) continue;
      const expires = keys.filter((k) => this.ks.get(db, k)?.expiresAt !== undefined).length;
      keyspace.push(`db${db}:keys=${keys.length},expires=${expires},avg_ttl=0,subexpiry=0`);
    }
    const sections =
      section === undefined || section === 'all' || section === 'everything'
        ? [server, keyspace]
        : section.toLowerCase() === 'keyspace'
          ? [keyspace]
          : section.toLowerCase() === 'server'
            ? [server]
            : [];
    return sections.map((s) => s.join('\r\n') + '\r\n').join('\r\n');
  }

  private async exchange(body: Bytes): Promise<WireResponse> {
    const session: Session = {
      ks: this.ks,
      db: 0,
      now: () => this.ctx.clock.now(),
      server: {
        info: (s) => this.info(s),
        save: () => void this.save(),
        shutdown: (save) => this.stop?.(save),
        config: (name) => this.configValue(name),
      },
    };
    let replies: Bytes[];
    try {
      replies = decodeAll(body).map((value) => {
        const argv =
          value.type === 'array'
            ? (value.value ?? []).map((v) =>
                v.type === 'bulk' || v.type === 'simple' ? (v.value ?? '') : String(v.value),
              )
            : [];
        return encode(
          argv.length === 0
            ? resp.error('ERR Protocol error: expected a command')
            : runCommand(COMMANDS, session, argv),
        );
      });
    } catch (err) {
      if (!(err instanceof RespProtocolError)) throw err;
      replies = [encode(resp.error(`ERR Protocol error: ${err.message}`))];
    }
    return { status: 200, headers: {}, body: concatBytes(replies) };
  }

  private configValue(name: string): string | undefined {
    const c = this.config;
    const values: Record<string, string> = {
      port: String(c.port),
      dir: c.dir ?? this.ctx.cwd,
      dbfilename: c.dbfilename,
      save: c.save,
      appendonly: c.appendonly ? 'yes' : 'no',
      databases: String(c.databases),
      maxmemory: '0',
      loglevel: c.loglevel,
    };
    return values[name];
  }

  async run(argv0: string): Promise<number> {
    const c = this.config;
    this.log('C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
    this.log(
      'C',
      '*',
      `Redis version=${this.version}, bits=64, commit=00000000, modified=0, pid=${this.ctx.pid}, just started`,
    );
    if (c.configured) this.log('C', '*', 'Configuration loaded');
    else {
      this.log(
        'C',
        '#',
        `Warning: no config file specified, using the default config. In order to specify a config file use ${argv0} /path/to/redis.conf`,
      );
    }
    this.log('M', '*', 'monotonic clock: POSIX clock_gettime');
    let listener: { close(): void };
    try {
      listener = this.ctx.net.listen(c.port, async (req) => this.exchange(await readBody(req.body)));
    } catch (err) {
      if (socketErrnoOf(err) !== 'EADDRINUSE') throw err;
      this.log(
        'M',
        '#',
        `Warning: Could not create server TCP listening socket *:${c.port}: bind: Address already in use`,
      );
      this.log('M', '#', `Failed listening on port ${c.port} (tcp), aborting.`);
      return 1;
    }
    // Like redis's setproctitle: `ps` and `docker top` show `redis-server *:6379`.
    this.ctx.setTitle?.(`${this.ctx.argv[0] ?? 'redis-server'} *:${c.port}`);
    this.log('M', '*', `Running mode=standalone, port=${c.port}.`);
    this.log('M', '*', 'Server initialized');
    this.load();
    this.log('M', '*', 'Ready to accept connections tcp');
    const signals = catchSignals(this.ctx, ['SIGTERM', 'SIGINT']);
    const requested = new Promise<{ save: boolean; signal?: string }>((resolve) => {
      this.stop = (save) => resolve({ save });
      void signals.next().then((s) => resolve({ save: true, signal: s }));
    });
    try {
      const why = await requested;
      if (why.signal === 'SIGKILL') return 137;
      if (why.signal) {
        this.ctx.stdout.write(
          `${this.ctx.pid}:signal-handler (${Math.floor(this.ctx.clock.now() / 1000)}) Received ${why.signal} scheduling shutdown...\n`,
        );
      }
      this.log('M', '*', 'User requested shutdown...');
      if (why.save && c.save.trim() !== '') {
        this.log('M', '*', 'Saving the final RDB snapshot before exiting.');
        this.save();
      }
      this.log('M', '#', 'Redis is now ready to exit, bye bye...');
      return 0;
    } finally {
      listener.close();
      signals.dispose();
    }
  }
}

export const redisServer: Program = async (ctx) => {
  const version = ctx.env.get('REDIS_VERSION') || redisVersion;
  const args = ctx.argv.slice(1);
  if (args[0] === '-v' || args[0] === '--version') {
    ctx.stdout.write(`Redis server v=${version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=${BUILD_ID}\n`);
    return 0;
  }
  if (args[0] === '-h' || args[0] === '--help') {
    ctx.stderr.write(
      'Usage: ./redis-server [/path/to/redis.conf] [options] [-]\n       ./redis-server - (read config from stdin)\n       ./redis-server -v or --version\n       ./redis-server -h or --help\n',
    );
    return 1;
  }
  let config: RedisConfig;
  try {
    config = loadRedisConfig(ctx.fs, args, version);
  } catch (err) {
    if (err instanceof RedisConfigError) {
      ctx.stderr.write(err.message);
      return 1;
    }
    if (isFsError(err)) {
      ctx.stderr.write(`Fatal error, can't open config file '${args[0]}': ${err.reason}\n`);
      return 1;
    }
    throw err;
  }
  return new RedisServer(ctx, config, version).run(ctx.argv[0] ?? 'redis-server');
};
