import { beforeAll, describe, expect, it } from 'vitest';
import { settle, TestClock } from '../testing/clock';
import { testProcess, type TestProcess } from '../testing/context';
import { testImage, type TestImage } from '../testing/images';
import { TestNetwork } from '../testing/network';
import { redisCli } from './cli';
import { redisServer } from './server';

// Build the catalogue and unpack the images once, before the clock of any test starts.
beforeAll(async () => {
  for (const ref of ['redis:latest']) await testImage(ref);
}, 120_000);

const T0 = '2025-02-20T10:00:00Z';

async function startRedis(args: string[] = [], image?: TestImage, clock = new TestClock(T0), net = new TestNetwork()) {
  image ??= await testImage('redis:latest', { now: () => Math.floor(clock.now() / 1000) });
  const stack = net.attach('172.17.0.5', 'cache');
  const p = testProcess({
    argv: ['redis-server', ...args],
    fs: image.fs,
    env: image.env,
    cwd: image.cwd,
    net: stack,
    clock,
  });
  const exit = redisServer(p.ctx);
  await settle();
  return { p, exit, image, net, clock, stack };
}

type Running = { net: TestNetwork; image: TestImage; clock: TestClock; stack: ReturnType<TestNetwork['attach']> };

async function cli(
  server: Running,
  args: string[],
  options: { tty?: boolean; stdin?: string; from?: 'same' | 'other' } = {},
) {
  const net =
    options.from === 'other' ? server.net.attach(`172.17.0.${10 + Math.floor(Math.random() * 200)}`) : undefined;
  const p: TestProcess = testProcess({
    argv: ['redis-cli', ...args],
    fs: server.image.fs,
    env: server.image.env,
    net: net ?? server.stack,
    clock: server.clock,
    stdin: options.stdin,
    pid: 30,
  });
  if (options.tty) p.ctx.isatty = () => true;
  const code = await redisCli(p.ctx);
  return { code, stdout: p.stdout.text, stderr: p.stderr.text };
}

describe('redis-server', () => {
  it('prints the banner Redis 7.4 prints', async () => {
    const { p } = await startRedis();
    expect(p.stdout.lines).toEqual([
      '1:C 20 Feb 2025 10:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C 20 Feb 2025 10:00:00.000 * Redis version=7.4.2, bits=64, commit=00000000, modified=0, pid=1, just started',
      '1:C 20 Feb 2025 10:00:00.000 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M 20 Feb 2025 10:00:00.000 * monotonic clock: POSIX clock_gettime',
      '1:M 20 Feb 2025 10:00:00.000 * Running mode=standalone, port=6379.',
      '1:M 20 Feb 2025 10:00:00.000 * Server initialized',
      '1:M 20 Feb 2025 10:00:00.000 * Ready to accept connections tcp',
    ]);
  });

  it('options on the command line: "Configuration loaded" and the chosen port', async () => {
    const { p } = await startRedis(['--port', '7000', '--save', '']);
    expect(p.stdout.lines[2]).toBe('1:C 20 Feb 2025 10:00:00.000 * Configuration loaded');
    expect(p.stdout.lines[4]).toBe('1:M 20 Feb 2025 10:00:00.000 * Running mode=standalone, port=7000.');
  });

  it('a bad option: the FATAL CONFIG FILE ERROR box', async () => {
    const image = await testImage('redis:latest');
    const p = testProcess({ argv: ['redis-server', '--prot', '7000'], fs: image.fs, env: image.env });
    expect(await redisServer(p.ctx)).toBe(1);
    expect(p.stderr.text).toBe(
      "\n*** FATAL CONFIG FILE ERROR (Redis 7.4.2) ***\nReading the configuration file, at line 1\n>>> 'prot 7000'\nBad directive or wrong number of arguments\n",
    );
  });

  it('--version', async () => {
    const image = await testImage('redis:latest');
    const p = testProcess({ argv: ['redis-server', '--version'], fs: image.fs, env: image.env });
    expect(await redisServer(p.ctx)).toBe(0);
    expect(p.stdout.text).toMatch(
      /^Redis server v=7\.4\.2 sha=00000000:0 malloc=jemalloc-5\.3\.0 bits=64 build=[0-9a-f]{16}\n$/,
    );
  });

  it('SIGTERM (docker stop): the shutdown lines, the dataset saved to /data/dump.rdb, exit 0', async () => {
    const server = await startRedis();
    await cli(server, ['SET', 'greeting', 'hello']);
    await server.clock.advance(5_000);
    server.p.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    expect(server.p.stdout.lines.slice(-5)).toEqual([
      '1:signal-handler (1740045605) Received SIGTERM scheduling shutdown...',
      '1:M 20 Feb 2025 10:00:05.000 * User requested shutdown...',
      '1:M 20 Feb 2025 10:00:05.000 * Saving the final RDB snapshot before exiting.',
      '1:M 20 Feb 2025 10:00:05.000 * DB saved on disk',
      '1:M 20 Feb 2025 10:00:05.000 # Redis is now ready to exit, bye bye...',
    ]);
    expect(server.image.fs.readText('/data/dump.rdb').startsWith('REDIS0012\n')).toBe(true);
  });

  it('a restart on the same /data loads the dump back (what a volume gives you)', async () => {
    const first = await startRedis();
    await cli(first, ['SET', 'visits', '41']);
    await cli(first, ['INCR', 'visits']);
    first.p.kill('SIGTERM');
    await first.exit;
    await first.clock.advance(60_000);
    const second = await startRedis([], first.image, first.clock);
    expect(second.p.stdout.text).toContain('* Done loading RDB, keys loaded: 1, keys expired: 0.\n');
    expect(second.p.stdout.text).toContain('* RDB age 60 seconds\n');
    expect((await cli(second, ['GET', 'visits'])).stdout).toBe('42\n');
  });

  it('SHUTDOWN from redis-cli stops the server', async () => {
    const server = await startRedis();
    await cli(server, ['SHUTDOWN', 'NOSAVE']);
    expect(await server.exit).toBe(0);
    expect(server.p.stdout.text).not.toContain('Saving the final RDB snapshot');
  });
});

describe('redis-cli round trips', () => {
  it.each<[string[], string]>([
    [['PING'], 'PONG\n'],
    [['SET', 'k', 'v'], 'OK\n'],
    [['GET', 'missing'], '\n'],
    [['INCR', 'n'], '1\n'],
    [['DEL', 'nope'], '0\n'],
    [['TTL', 'nope'], '-2\n'],
    [['nope', 'a', 'b'], "ERR unknown command 'nope', with args beginning with: 'a' 'b' \n"],
    [['GET'], "ERR wrong number of arguments for 'get' command\n"],
  ])('raw output (stdout not a terminal): %j → %j', async (args, out) => {
    const server = await startRedis();
    expect(await cli(server, args)).toEqual({ code: 0, stdout: out, stderr: '' });
  });

  it('on a terminal: quoted strings, (integer), (nil), numbered arrays, (error)', async () => {
    const server = await startRedis();
    const tty = (args: string[]) => cli(server, args, { tty: true }).then((r) => r.stdout);
    expect(await tty(['SET', 'name', 'Ada\nLovelace'])).toBe('OK\n');
    expect(await tty(['GET', 'name'])).toBe('"Ada\\nLovelace"\n');
    expect(await tty(['GET', 'nobody'])).toBe('(nil)\n');
    expect(await tty(['INCR', 'hits'])).toBe('(integer) 1\n');
    expect(await tty(['KEYS', '*'])).toBe('1) "name"\n2) "hits"\n');
    expect(await tty(['KEYS', 'zzz*'])).toBe('(empty array)\n');
    expect(await tty(['INCR', 'name'])).toBe('(error) ERR value is not an integer or out of range\n');
    expect(await tty(['LPUSH', 'name', 'x'])).toBe(
      '(error) WRONGTYPE Operation against a key holding the wrong kind of value\n',
    );
  });

  it('EXPIRE and TTL follow the simulation’s clock', async () => {
    const server = await startRedis();
    await cli(server, ['SET', 'session', 'abc']);
    expect((await cli(server, ['EXPIRE', 'session', '10'])).stdout).toBe('1\n');
    await server.clock.advance(3_000);
    expect((await cli(server, ['TTL', 'session'])).stdout).toBe('7\n');
    await server.clock.advance(7_000);
    expect((await cli(server, ['GET', 'session'])).stdout).toBe('\n');
    expect((await cli(server, ['TTL', 'session'])).stdout).toBe('-2\n');
  });

  it('SET with EX / NX, KEYS with a pattern, DEL of several keys', async () => {
    const server = await startRedis();
    expect((await cli(server, ['SET', 'user:1', 'ada', 'EX', '100'])).stdout).toBe('OK\n');
    expect((await cli(server, ['SET', 'user:1', 'bob', 'NX'])).stdout).toBe('\n');
    await cli(server, ['MSET', 'user:2', 'bob', 'order:1', 'x']);
    expect((await cli(server, ['KEYS', 'user:*'])).stdout).toBe('user:1\nuser:2\n');
    expect((await cli(server, ['DEL', 'user:1', 'user:2', 'nope'])).stdout).toBe('2\n');
    expect((await cli(server, ['SET', 'a', 'b', 'EX', '0'])).stdout).toBe("ERR invalid expire time in 'set' command\n");
  });

  it('from another container with -h: the Redis container by name', async () => {
    const server = await startRedis();
    await cli(server, ['SET', 'shared', 'yes']);
    expect(await cli(server, ['-h', 'cache', 'GET', 'shared'], { from: 'other' })).toEqual({
      code: 0,
      stdout: 'yes\n',
      stderr: '',
    });
  });

  it('nobody listening: "Could not connect to Redis at …: Connection refused", exit 1', async () => {
    const image = await testImage('redis:latest');
    const net = new TestNetwork();
    const p = testProcess({ argv: ['redis-cli', 'PING'], fs: image.fs, env: image.env, net: net.attach('172.17.0.7') });
    expect(await redisCli(p.ctx)).toBe(1);
    expect(p.stderr.text).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
    const q = testProcess({
      argv: ['redis-cli', '-h', 'db', '-p', '6380', 'PING'],
      fs: image.fs,
      env: image.env,
      net: net.attach('172.17.0.8'),
    });
    expect(await redisCli(q.ctx)).toBe(1);
    expect(q.stderr.text).toBe('Could not connect to Redis at db:6380: Name or service not known\n');
  });

  it('-n selects a database; SELECT out of range is an error', async () => {
    const server = await startRedis();
    await cli(server, ['-n', '2', 'SET', 'k', 'in-db-2']);
    expect((await cli(server, ['GET', 'k'])).stdout).toBe('\n');
    expect((await cli(server, ['-n', '2', 'GET', 'k'])).stdout).toBe('in-db-2\n');
    expect((await cli(server, ['SELECT', '16'])).stdout).toBe('ERR DB index is out of range\n');
  });

  it('commands from a pipe, one per line', async () => {
    const server = await startRedis();
    const run = await cli(server, [], { stdin: 'SET a 1\nINCRBY a 41\nGET a\n' });
    expect(run.stdout).toBe('OK\n42\n42\n');
  });

  it('the interactive prompt on a terminal', async () => {
    const server = await startRedis();
    const p = testProcess({
      argv: ['redis-cli'],
      fs: server.image.fs,
      env: server.image.env,
      net: server.stack,
      clock: server.clock,
      stdin: 'ping\nset x "a b"\nget x\nquit\n',
    });
    p.ctx.isatty = () => true;
    expect(await redisCli(p.ctx)).toBe(0);
    expect(p.stdout.text).toBe('127.0.0.1:6379> PONG\n127.0.0.1:6379> OK\n127.0.0.1:6379> "a b"\n127.0.0.1:6379> ');
  });

  it('--version', async () => {
    const server = await startRedis();
    expect((await cli(server, ['--version'])).stdout).toBe('redis-cli 7.4.2\n');
  });
});
