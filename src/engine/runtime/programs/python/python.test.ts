import { beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../../bytes';
import { readBody } from '../../../wire/message';
import { settle, TestClock } from '../testing/clock';
import { runProgram, testProcess } from '../testing/context';
import { testImage } from '../testing/images';
import { TestNetwork } from '../testing/network';
import { python, pythonFor } from './python';

// Build the catalogue and unpack the images once, before the clock of any test starts.
beforeAll(async () => {
  for (const ref of ['python:latest', 'python:3.12', 'python:3.12-slim']) await testImage(ref);
}, 120_000);

/** The interpreter of the image: python3.12 in the 3.12 images, python3.13 otherwise. */
const interpreterOf = (ref: string) => pythonFor(ref.includes('3.12') ? '3.12' : '3.13');

async function run(ref: string, argv: string[], stdin?: string) {
  const image = await testImage(ref);
  return runProgram(interpreterOf(ref), { argv, fs: image.fs, env: image.env, cwd: image.cwd, stdin });
}

describe('python3', () => {
  it.each([
    ['python:latest', ['python3.13', '--version'], 'Python 3.13.2\n'],
    ['python:3.12', ['python3.12', '-V'], 'Python 3.12.9\n'],
    ['python:3.12-slim', ['python3.12', '--version'], 'Python 3.12.9\n'],
    ['python:latest', ['python3.13', '-VV'], 'Python 3.13.2 (main, Feb  5 2025, 01:48:02) [GCC 12.2.0]\n'],
  ])('%s %j', async (ref, argv, out) => {
    expect(await run(ref, argv)).toMatchObject({ code: 0, stdout: out });
  });

  it('the system Python of a Debian layer is not the image’s PYTHON_VERSION', async () => {
    const image = await testImage('python:latest');
    expect(
      (await runProgram(pythonFor('3.11'), { argv: ['python3.11', '--version'], fs: image.fs, env: image.env })).stdout,
    ).toBe('Python 3.11.2\n');
  });

  it('the version is the image’s PYTHON_VERSION', async () => {
    const image = await testImage('python:latest');
    image.env.set('PYTHON_VERSION', '3.13.9');
    expect((await runProgram(python, { argv: ['python3', '--version'], fs: image.fs, env: image.env })).stdout).toBe(
      'Python 3.13.9\n',
    );
  });

  it.each([
    ['print(1+1)', '2\n'],
    ['print(10/4, 10//4, 2**0.5)', '2.5 2 1.4142135623730951\n'],
    ['import sys; print(sys.version.split()[0])', '3.13.2\n'],
  ])('-c %j', async (code, out) => {
    expect(await run('python:latest', ['python3', '-c', code])).toMatchObject({ code: 0, stdout: out, stderr: '' });
  });

  it('a traceback and exit 1 for an exception', async () => {
    const r = await run('python:latest', ['python3', '-c', 'print(1/0)']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe(
      'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nZeroDivisionError: division by zero\n',
    );
  });

  it('what the miniature cannot run, it says so', async () => {
    const r = await run('python:latest', ['python3', '-c', 'for i in range(3): print(i)']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("beyond Dockyard's miniature Python");
    expect((await run('python:latest', ['python3', '-c', 'import datetime'])).stderr).toContain('beyond');
    expect((await run('python:latest', ['python3', '-c', 'import requests'])).stderr).toContain(
      "ModuleNotFoundError: No module named 'requests'",
    );
  });

  it('a missing script file', async () => {
    expect(await run('python:latest', ['python3', 'app.py'])).toMatchObject({
      code: 2,
      stderr: "python3: can't open file '/app.py': [Errno 2] No such file or directory\n",
    });
  });

  it('pip --version through the pip launcher script', async () => {
    const r = await run('python:latest', ['python3.13', '/usr/local/bin/pip3', '--version']);
    expect(r.stdout).toBe('pip 24.3.1 from /usr/local/lib/python3.13/site-packages/pip (python 3.13)\n');
  });

  it('the REPL on a terminal', async () => {
    const image = await testImage('python:latest');
    const p = testProcess({ argv: ['python3'], fs: image.fs, env: image.env, stdin: '6*7\nx = "hi"\nx\nexit()\n' });
    p.ctx.isatty = () => true;
    expect(await python(p.ctx)).toBe(0);
    expect(p.stdout.text).toBe(
      'Python 3.13.2 (main, Feb  5 2025, 01:48:02) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n>>> 42\n>>> >>> \'hi\'\n>>> ',
    );
  });
});

describe('python3 -m http.server', () => {
  async function start(env: Record<string, string> = {}, args: string[] = ['8000']) {
    const clock = new TestClock('2025-02-20T10:00:00Z');
    const image = await testImage('python:3.12-slim');
    image.fs.mkdir('/srv/site', { parents: true });
    image.fs.writeFile('/srv/site/hello.txt', 'hi there\n');
    image.fs.mkdir('/srv/site/docs');
    for (const [k, v] of Object.entries(env)) image.env.set(k, v);
    const net = new TestNetwork();
    const p = testProcess({
      argv: ['python3', '-m', 'http.server', ...args],
      fs: image.fs,
      env: image.env,
      cwd: '/srv/site',
      net: net.attach('172.17.0.6', 'files'),
      clock,
    });
    const exit = pythonFor('3.12')(p.ctx);
    await settle();
    const client = net.attach('172.17.0.1');
    const get = async (url: string, method = 'GET') => {
      const res = await client.request('files', 8000, { method, url, headers: {} });
      return { ...res, text: fromUtf8(await readBody(res.body)) };
    };
    return { p, exit, get };
  }

  it('serves the working directory and logs to stderr', async () => {
    const { get, p } = await start({ PYTHONUNBUFFERED: '1' });
    expect(p.stdout.text).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n');
    const file = await get('/hello.txt');
    expect(file.text).toBe('hi there\n');
    expect(file.headers).toMatchObject({
      Server: 'SimpleHTTP/0.6 Python/3.12.9',
      'Content-type': 'text/plain',
      'Content-Length': '9',
    });
    const list = await get('/');
    expect(list.text).toContain('<title>Directory listing for /</title>');
    expect(list.text).toContain('<li><a href="docs/">docs/</a></li>\n<li><a href="hello.txt">hello.txt</a></li>\n');
    const missing = await get('/nope');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<p>Error code explanation: 404 - Nothing matches the given URI.</p>');
    expect((await get('/docs')).headers['Location']).toBe('/docs/');
    expect(p.stderr.lines).toEqual([
      '172.17.0.1 - - [20/Feb/2025 10:00:00] "GET /hello.txt HTTP/1.1" 200 -',
      '172.17.0.1 - - [20/Feb/2025 10:00:00] "GET / HTTP/1.1" 200 -',
      '172.17.0.1 - - [20/Feb/2025 10:00:00] code 404, message File not found',
      '172.17.0.1 - - [20/Feb/2025 10:00:00] "GET /nope HTTP/1.1" 404 -',
      '172.17.0.1 - - [20/Feb/2025 10:00:00] "GET /docs HTTP/1.1" 301 -',
    ]);
  });

  it('without PYTHONUNBUFFERED its stdout is held (docker logs shows nothing) and lost when killed', async () => {
    const { p, exit } = await start();
    expect(p.stdout.text).toBe('');
    p.kill('SIGKILL');
    await exit;
    expect(p.stdout.text).toBe('');
  });

  it('Ctrl-C (SIGINT): KeyboardInterrupt, the held output flushed, exit 0', async () => {
    const { p, exit } = await start();
    p.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(p.stdout.text).toBe(
      'Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...\n\nKeyboard interrupt received, exiting.\n',
    );
  });
});
