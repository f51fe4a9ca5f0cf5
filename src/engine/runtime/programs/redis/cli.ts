// `redis-cli`: the Redis command-line client. `redis-cli SET k v` sends one command and prints the
// reply; with no command it reads commands — at a `127.0.0.1:6379>` prompt on a terminal, or line
// by line from a pipe. It connects to 127.0.0.1:6379 unless told otherwise (`-h redis -p 6379`,
// `-u redis://host:port/db`); from another container, `-h` names the Redis container. A server
// that is not there: `Could not connect to Redis at 127.0.0.1:6379: Connection refused`.
import { concatBytes } from '../../../bytes';
import { readBody } from '../../../wire/message';
import type { Program, ProcessContext } from '../../contract';
import { redisVersion } from '../../../image/official/redis';
import { socketErrnoOf, SOCKET_REASONS } from '../socket-errors';
import { formatRaw, formatTty, splitArgs } from './cli-format';
import { decodeAll, encodeCommand, type RespValue } from './resp';

interface CliOptions {
  host: string;
  port: number;
  db: number;
  password?: string;
  raw?: boolean;
  repeat: number;
  interval: number;
  exitOnError: boolean;
  stdinLast: boolean;
  command: string[];
}

function parseOptions(args: readonly string[]): CliOptions | { error: string } | 'version' | 'help' {
  const o: CliOptions = {
    host: '127.0.0.1',
    port: 6379,
    db: 0,
    repeat: 1,
    interval: 0,
    exitOnError: false,
    stdinLast: false,
    command: [],
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = () => args[++i];
    if (a === '-h' && i + 1 < args.length) o.host = next()!;
    else if (a === '-p' && i + 1 < args.length) o.port = Number(next());
    else if (a === '-n' && i + 1 < args.length) o.db = Number(next());
    else if (a === '-a' && i + 1 < args.length) o.password = next();
    else if (a === '-r' && i + 1 < args.length) o.repeat = Number(next());
    else if (a === '-i' && i + 1 < args.length) o.interval = Number(next());
    else if (a === '-u' && i + 1 < args.length) {
      const m = /^rediss?:\/\/(?:([^:@]*)(?::([^@]*))?@)?([^:/]+)(?::(\d+))?(?:\/(\d+))?$/.exec(next()!);
      if (!m) return { error: 'Invalid URI scheme' };
      if (m[2] !== undefined) o.password = m[2];
      o.host = m[3]!;
      if (m[4]) o.port = Number(m[4]);
      if (m[5]) o.db = Number(m[5]);
    } else if (a === '--raw') o.raw = true;
    else if (a === '--no-raw') o.raw = false;
    else if (a === '-e') o.exitOnError = true;
    else if (a === '-x') o.stdinLast = true;
    else if (a === '-v' || a === '--version') return 'version';
    else if (a === '--help') return 'help';
    else if (a.startsWith('-') && o.command.length === 0 && a !== '-') {
      return { error: `Unrecognized option or bad number of args for: '${a}'` };
    } else {
      o.command = args.slice(i) as string[];
      break;
    }
  }
  return o;
}

class Connection {
  constructor(
    private readonly ctx: ProcessContext,
    private readonly o: CliOptions,
  ) {}

  /** Send commands in one exchange; the replies in order, or the connect error's reason. */
  async send(commands: string[][]): Promise<RespValue[] | string> {
    const prefix: string[][] = [];
    if (this.o.password !== undefined) prefix.push(['AUTH', this.o.password]);
    if (this.o.db !== 0) prefix.push(['SELECT', String(this.o.db)]);
    const body = concatBytes([...prefix, ...commands].map(encodeCommand));
    try {
      const res = await this.ctx.net.request(this.o.host, this.o.port, { method: 'RESP', url: '/', headers: {}, body });
      const replies = decodeAll(await readBody(res.body));
      for (const r of replies.slice(0, prefix.length)) {
        if (r.type === 'error') this.ctx.stderr.write(`${prefix[0]![0] === 'AUTH' ? 'AUTH failed: ' : ''}${r.value}\n`);
      }
      return replies.slice(prefix.length);
    } catch (err) {
      const errno = socketErrnoOf(err);
      if (errno === undefined) throw err;
      return SOCKET_REASONS[errno];
    }
  }
}

async function readAllStdin(ctx: ProcessContext): Promise<string> {
  const chunks = [];
  for (let c = await ctx.stdin.read(); c !== undefined; c = await ctx.stdin.read()) chunks.push(c);
  return new TextDecoder().decode(concatBytes(chunks));
}

/** Read stdin a line at a time (for the interactive prompt). */
function lineReader(ctx: ProcessContext): () => Promise<string | undefined> {
  let buffer = '';
  let done = false;
  return async () => {
    for (;;) {
      const nl = buffer.indexOf('\n');
      if (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        return line;
      }
      if (done) {
        const rest = buffer;
        buffer = '';
        return rest === '' ? undefined : rest;
      }
      const chunk = await ctx.stdin.read();
      if (chunk === undefined) done = true;
      else buffer += new TextDecoder().decode(chunk);
    }
  };
}

export const redisCli: Program = async (ctx) => {
  const parsed = parseOptions(ctx.argv.slice(1));
  if (parsed === 'version') {
    ctx.stdout.write(`redis-cli ${ctx.env.get('REDIS_VERSION') || redisVersion}\n`);
    return 0;
  }
  if (parsed === 'help') {
    ctx.stderr.write(
      `redis-cli ${ctx.env.get('REDIS_VERSION') || redisVersion}\n\nUsage: redis-cli [OPTIONS] [cmd [arg [arg ...]]]\n`,
    );
    return 0;
  }
  if ('error' in parsed) {
    ctx.stderr.write(`${parsed.error}\nTry redis-cli --help for more information.\n`);
    return 1;
  }
  const o = parsed;
  if (o.password !== undefined) {
    ctx.stderr.write(
      "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n",
    );
  }
  const tty = o.raw === undefined ? (ctx.isatty?.(1) ?? false) : !o.raw;
  const print = (v: RespValue) => ctx.stdout.write(`${tty ? formatTty(v) : formatRaw(v)}\n`);
  const conn = new Connection(ctx, o);
  const where = `${o.host}:${o.port}`;

  if (o.command.length > 0) {
    const command = [...o.command];
    if (o.stdinLast) command.push(await readAllStdin(ctx));
    let failed = false;
    for (let n = 0; n < (o.repeat > 0 ? o.repeat : Infinity); n++) {
      const replies = await conn.send([command]);
      if (typeof replies === 'string') {
        ctx.stderr.write(`Could not connect to Redis at ${where}: ${replies}\n`);
        return 1;
      }
      for (const r of replies) {
        print(r);
        if (r.type === 'error') failed = true;
      }
      if (o.interval > 0 && n + 1 < o.repeat) await ctx.clock.sleep(o.interval * 1000, ctx.signal);
    }
    return failed && o.exitOnError ? 1 : 0;
  }

  // No command: a prompt on a terminal, otherwise one command per line of stdin.
  const interactive = ctx.isatty?.(0) ?? false;
  const next = lineReader(ctx);
  let db = o.db;
  for (;;) {
    if (interactive) ctx.stdout.write(`${where}${db !== 0 ? `[${db}]` : ''}> `);
    const line = await next();
    if (line === undefined) return 0;
    const args = splitArgs(line);
    if (args === undefined) {
      ctx.stdout.write('Invalid argument(s)\n');
      continue;
    }
    if (args.length === 0) continue;
    const name = args[0]!.toLowerCase();
    if (interactive && (name === 'quit' || name === 'exit')) return 0;
    const replies = await new Connection(ctx, { ...o, db }).send([args]);
    if (typeof replies === 'string') {
      ctx.stderr.write(`Could not connect to Redis at ${where}: ${replies}\n`);
      if (!interactive) return 1;
      continue;
    }
    for (const r of replies) print(r);
    if (name === 'select' && replies[0]?.type === 'simple') db = Number(args[1]);
  }
};
