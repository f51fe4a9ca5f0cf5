// The official images' programs run the way `docker run` runs them: through the runtime (exec,
// PATH, `#!` scripts, the shell running each image's entrypoint), not called directly.
import { beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../bytes';
import { readBody } from '../../wire/message';
import { SimulatedClock } from '../clock';
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
    expect(c.stderr.text).toContain('[notice] 1#1: start worker processes\n');
    const res = await net
      .attach('172.17.0.3')
      .request('web', 80, { method: 'GET', url: '/', headers: { Host: 'web' } });
    expect(res.status).toBe(200);
    expect(fromUtf8(await readBody(res.body))).toContain('<h1>Welcome to nginx!</h1>');
    expect(c.stdout.text).toContain('172.17.0.3 - - [');
    c.runtime.kill('SIGQUIT');
    expect(await clock.runUntil(init.exit)).toBe(0);
    expect(c.stderr.text).toContain('[notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n');
  });

  it('docker run redis, then docker exec redis-cli', async () => {
    const clock = new SimulatedClock();
    const c = await testContainer('redis:latest', { clock });
    // Started without the entrypoint: its `exec gosu redis …` needs exec to switch users (uid).
    void (await c.start(['redis-server'], { cwd: '/data' }));
    await clock.advance(1000);
    expect(c.stdout.text).toContain('* Ready to accept connections tcp\n');
    expect((await c.exec(['redis-cli', 'SET', 'hits', '10'])).stdout).toBe('OK\n');
    expect((await c.exec(['redis-cli', 'INCR', 'hits'])).stdout).toBe('11\n');
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
