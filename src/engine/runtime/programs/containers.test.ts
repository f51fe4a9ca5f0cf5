// The official images' programs run the way `docker run` runs them: through the runtime (exec,
// PATH, `#!` scripts, the shell running each image's entrypoint), not called directly.
import { beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../bytes';
import { readBody } from '../../wire/message';
import { SimulatedClock } from '../clock';
import { CPU_COUNT } from '../kernel';
import { testContainer } from '../testing/container';
import { TestNetwork } from './testing/network';
import './index';

beforeAll(async () => {
  for (const ref of [
    'hello-world',
    'nginx:latest',
    'redis:latest',
    'alpine:3.21',
    'acme/hello-api:latest',
    'python:latest',
    'httpd:latest',
  ])
    await testContainer(ref);
}, 120_000);

/** What `docker logs` of a fresh nginx container starts with (nginx 1.27's entrypoint and scripts). */
const NGINX_ENTRYPOINT_LINES = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

describe('official images through the runtime', () => {
  it('docker run hello-world', async () => {
    const c = await testContainer('hello-world');
    const r = await c.run(['/hello']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Hello from Docker!\n');
  });

  it('docker run nginx: the entrypoint, the notices, the welcome page to another container, docker stop', async () => {
    const net = new TestNetwork();
    const clock = new SimulatedClock();
    const c = await testContainer('nginx:latest', { net: net.attach('172.17.0.2', 'web'), clock });
    const init = await c.start(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    await clock.advance(1000);
    expect(c.stdout.text.split('\n').slice(0, 9)).toEqual(NGINX_ENTRYPOINT_LINES);
    expect(c.stderr.text).toContain('[notice] 1#1: start worker processes\n');
    // The debian image has no `ps` (no procps): the process table as `docker top` reads it.
    const [master, ...workers] = c.runtime.top();
    expect(master).toMatchObject({ pid: 1, uid: 0, argv: ['nginx: master process nginx -g daemon off;'] });
    expect(workers).toHaveLength(CPU_COUNT);
    for (const w of workers) {
      expect(w).toMatchObject({ ppid: 1, uid: 101, argv: ['nginx: worker process'] });
      expect(c.stderr.text).toContain(`[notice] 1#1: start worker process ${w.pid}\n`);
    }
    const res = await net
      .attach('172.17.0.3')
      .request('web', 80, { method: 'GET', url: '/', headers: { Host: 'web' } });
    expect(res.status).toBe(200);
    expect(fromUtf8(await readBody(res.body))).toContain('<h1>Welcome to nginx!</h1>');
    expect(c.stdout.text).toContain('172.17.0.3 - - [');
    c.runtime.kill('SIGQUIT');
    expect(await clock.runUntil(init.exit)).toBe(0);
    expect(c.stderr.text).toContain('[notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n');
    expect(c.runtime.top().filter((p) => p.state !== 'zombie')).toEqual([]);
  });

  it('docker run redis, then docker exec redis-cli', async () => {
    const clock = new SimulatedClock();
    const c = await testContainer('redis:latest', { clock });
    // The image's entrypoint, as root: `exec gosu redis "$0" "$@"` runs it again as redis (uid 999),
    // which then execs redis-server — one process, PID 1, no loop.
    const init = await c.start(['docker-entrypoint.sh', 'redis-server'], { cwd: '/data' });
    await clock.advance(1000);
    expect(c.stdout.text).toContain('* Ready to accept connections tcp\n');
    expect(c.runtime.top()).toEqual([expect.objectContaining({ pid: 1, uid: 999, argv: ['redis-server *:6379'] })]);
    expect((await c.exec(['redis-cli', 'ping'])).stdout).toBe('PONG\n');
    expect((await c.exec(['redis-cli', 'SET', 'hits', '10'])).stdout).toBe('OK\n');
    expect((await c.exec(['redis-cli', 'INCR', 'hits'])).stdout).toBe('11\n');
    c.runtime.kill('SIGTERM');
    expect(await clock.runUntil(init.exit)).toBe(0);
  });

  it('gosu: root may switch users; anyone else is refused', async () => {
    expect(await (await testContainer('redis:latest')).run(['gosu', 'redis', 'id'])).toEqual({
      stdout: 'uid=999(redis) gid=999(redis) groups=999(redis)\n',
      stderr: '',
      status: 0,
    });
    expect(await (await testContainer('redis:latest')).run(['gosu', 'redis', 'gosu', 'root', 'id'])).toEqual({
      stdout: '',
      stderr: 'error: failed switching to "root": operation not permitted\n',
      status: 1,
    });
  });

  it('apk add curl, then curl is there', async () => {
    const c = await testContainer('alpine:3.21');
    const r = await c.sh('apk add --no-cache curl && ls -l /usr/bin/curl');
    expect(r.stdout).toContain('(9/9) Installing curl (8.12.1-r1)\n');
    expect(r.stdout).toContain('OK: 12 MiB in 24 packages\n');
    expect(r.status).toBe(0);
  });

  it('acme/hello-api: node server.js through the node entrypoint', async () => {
    const net = new TestNetwork();
    const clock = new SimulatedClock();
    const c = await testContainer('acme/hello-api:latest', { net: net.attach('172.17.0.4', 'api'), clock });
    void (await c.start(['docker-entrypoint.sh', 'node', 'server.js']));
    await clock.advance(1000);
    expect(c.stdout.text).toBe('listening on port 3000\n');
    const res = await net.attach('172.17.0.5').request('api', 3000, { method: 'GET', url: '/x', headers: {} });
    expect(fromUtf8(await readBody(res.body))).toBe('{"message":"hello from acme/hello-api","path":"/x"}\n');
  });

  it('python3 --version in the python image', async () => {
    const c = await testContainer('python:latest');
    expect((await c.run(['python3', '--version'])).stdout).toBe('Python 3.13.2\n');
  });

  it('httpd-foreground', async () => {
    const clock = new SimulatedClock();
    const c = await testContainer('httpd:latest', { clock });
    const init = await c.start(['httpd-foreground']);
    await clock.advance(1000);
    expect(c.stderr.text).toContain("AH00094: Command line: 'httpd -D FOREGROUND'\n");
    c.runtime.kill('SIGWINCH');
    expect(await clock.runUntil(init.exit)).toBe(0);
  });
});
