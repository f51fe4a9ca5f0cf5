import { beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../../bytes';
import { readBody } from '../../../wire/message';
import { settle, TestClock } from '../testing/clock';
import { runProgram, testProcess } from '../testing/context';
import { testImage } from '../testing/images';
import { TestNetwork } from '../testing/network';
import { node } from './node';

// Build the catalogue and unpack the images once, before the clock of any test starts.
beforeAll(async () => {
  for (const ref of ['node:22', 'node:22-alpine', 'node:latest', 'acme/hello-api:latest']) await testImage(ref);
}, 120_000);

async function run(ref: string, argv: string[], stdin?: string) {
  const image = await testImage(ref);
  return runProgram(node, { argv, fs: image.fs, env: image.env, cwd: image.cwd, stdin });
}

describe('node', () => {
  it.each([
    ['node:22', 'v22.14.0\n'],
    ['node:22-alpine', 'v22.14.0\n'],
    ['node:latest', 'v23.8.0\n'],
  ])('%s: node --version is the image’s NODE_VERSION', async (ref, out) => {
    expect(await run(ref, ['node', '--version'])).toMatchObject({ code: 0, stdout: out });
  });

  it('the version follows the environment, not a constant', async () => {
    const image = await testImage('node:22');
    image.env.set('NODE_VERSION', '22.99.1');
    const r = await runProgram(node, { argv: ['node', '-v'], fs: image.fs, env: image.env });
    expect(r.stdout).toBe('v22.99.1\n');
  });

  it.each([
    ['console.log(1+1)', '2\n'],
    ['console.log(process.version, process.platform)', 'v22.14.0 linux\n'],
    ['console.log([1, 2, 3].length * 2, "done")', '6 done\n'],
  ])('node -e %j', async (code, out) => {
    expect(await run('node:22', ['node', '-e', code])).toMatchObject({ code: 0, stdout: out, stderr: '' });
  });

  it('node -p prints the value', async () => {
    expect((await run('node:22', ['node', '-p', '6*7'])).stdout).toBe('42\n');
  });

  it('a ReferenceError as node reports it, exit 1', async () => {
    const r = await run('node:22', ['node', '-e', 'console.log(nope)']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '[eval]:1\nconsole.log(nope)\n            ^\n\nReferenceError: nope is not defined\n    at [eval]:1:13\n\nNode.js v22.14.0\n',
    );
  });

  it('what the miniature cannot run, it says so plainly', async () => {
    const r = await run('node:22', ['node', '-e', 'for (let i = 0; i < 3; i++) console.log(i)']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("beyond Dockyard's miniature Node.js");
    const d = await run('node:22', ['node', '-e', 'console.log(new Date())']);
    expect(d.stderr).toContain("beyond Dockyard's miniature Node.js");
  });

  it('a missing script: MODULE_NOT_FOUND', async () => {
    const r = await run('node:22', ['node', 'nope.js']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Error: Cannot find module '/nope.js'\n");
    expect(r.stderr).toContain("  code: 'MODULE_NOT_FOUND',\n");
    expect(r.stderr.endsWith('\nNode.js v22.14.0\n')).toBe(true);
  });

  it('npm --version and yarn --version come from their package.json', async () => {
    expect((await run('node:22', ['node', '/usr/local/bin/npm', '--version'])).stdout).toBe('10.9.2\n');
    expect((await run('node:22-alpine', ['node', '/opt/yarn-v1.22.22/bin/yarn.js', '--version'])).stdout).toBe(
      '1.22.22\n',
    );
  });

  it('no script and stdin not a terminal: reads the program from stdin (empty: exits 0)', async () => {
    expect(await run('node:22', ['node'])).toMatchObject({ code: 0, stdout: '' });
    expect((await run('node:22', ['node'], 'console.log("from stdin")\n')).stdout).toBe('from stdin\n');
  });

  it('the REPL on a terminal', async () => {
    const image = await testImage('node:22');
    const p = testProcess({ argv: ['node'], fs: image.fs, env: image.env, stdin: '1 + 2\n"a" + "b"\n.exit\n' });
    p.ctx.isatty = () => true;
    expect(await node(p.ctx)).toBe(0);
    expect(p.stdout.text).toBe('Welcome to Node.js v22.14.0.\nType ".help" for more information.\n> 3\n> \'ab\'\n> ');
  });
});

describe('node server.js: the acme/hello-api image', () => {
  it('listens on its port, answers with its JSON and node’s headers', async () => {
    const clock = new TestClock('2025-02-20T10:00:00Z');
    const image = await testImage('acme/hello-api:latest');
    const net = new TestNetwork();
    const p = testProcess({
      argv: ['node', 'server.js'],
      fs: image.fs,
      env: image.env,
      cwd: image.cwd,
      net: net.attach('172.17.0.4', 'api'),
      clock,
    });
    const exit = node(p.ctx);
    await settle();
    expect(p.stdout.text).toBe('listening on port 3000\n');
    const res = await net
      .attach('172.17.0.1')
      .request('api', 3000, { method: 'GET', url: '/hello?x=1', headers: { Host: 'localhost:3000' } });
    expect(res.status).toBe(200);
    expect(fromUtf8(await readBody(res.body))).toBe('{"message":"hello from acme/hello-api","path":"/hello?x=1"}\n');
    expect(Object.entries(res.headers)).toEqual([
      ['Content-Type', 'application/json'],
      ['Date', 'Thu, 20 Feb 2025 10:00:00 GMT'],
      ['Connection', 'keep-alive'],
      ['Keep-Alive', 'timeout=5'],
      ['Content-Length', '60'],
    ]);
    p.kill('SIGKILL');
    expect(await exit).toBe(137);
  });

  it('PORT from the environment', async () => {
    const image = await testImage('acme/hello-api:latest');
    image.env.set('PORT', '8080');
    const net = new TestNetwork();
    const p = testProcess({
      argv: ['node', 'server.js'],
      fs: image.fs,
      env: image.env,
      cwd: image.cwd,
      net: net.attach('172.17.0.4', 'api'),
    });
    void node(p.ctx);
    await settle();
    expect(p.stdout.text).toBe('listening on port 8080\n');
    const res = await net.attach('172.17.0.1').request('api', 8080, { method: 'GET', url: '/', headers: {} });
    expect(res.status).toBe(200);
    p.kill('SIGKILL');
  });

  it('require of a module that is not installed: node’s error with the require stack', async () => {
    const image = await testImage('node:22-alpine');
    image.fs.mkdir('/app');
    image.fs.writeFile(
      '/app/index.js',
      "const express = require('express');\nconst app = require('http').createServer((req, res) => { res.end('x'); }).listen(3000);\n",
    );
    const r = await runProgram(node, { argv: ['node', 'index.js'], fs: image.fs, env: image.env, cwd: '/app' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Error: Cannot find module 'express'\nRequire stack:\n- /app/index.js\n");
  });
});
