import { beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8 } from '../../../bytes';
import { itWorks } from '../../../image/official/httpd';
import { readBody } from '../../../wire/message';
import { settle, TestClock } from '../testing/clock';
import { runProgram, testProcess } from '../testing/context';
import { testImage } from '../testing/images';
import { TestNetwork } from '../testing/network';
import { httpd } from './httpd';

// Build the catalogue and unpack the images once, before the clock of any test starts.
beforeAll(async () => {
  for (const ref of ['httpd:latest']) await testImage(ref);
}, 120_000);

const T0 = '2025-02-20T10:00:00Z';

async function startHttpd(prepare?: (fs: import('../../../layer/overlay').Overlay) => void) {
  const clock = new TestClock(T0);
  const image = await testImage('httpd:latest', { now: () => Math.floor(clock.now() / 1000) });
  prepare?.(image.fs);
  const net = new TestNetwork();
  const p = testProcess({
    argv: ['httpd', '-DFOREGROUND'],
    fs: image.fs,
    env: image.env,
    cwd: image.cwd,
    net: net.attach('172.17.0.3', 'web'),
    clock,
  });
  const exit = httpd(p.ctx);
  await settle();
  const client = net.attach('172.17.0.1');
  const get = async (url: string, headers: Record<string, string> = {}, method = 'GET') => {
    const res = await client.request('web', 80, { method, url, headers: { Host: 'localhost:8080', ...headers } });
    return { ...res, text: fromUtf8(await readBody(res.body)) };
  };
  return { p, exit, clock, image, get };
}

const AH00558 =
  "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.3. Set the 'ServerName' directive globally to suppress this message";

describe('httpd', () => {
  it('prints what Apache prints on start: AH00558 twice, then AH00489 and AH00094', async () => {
    const { p } = await startHttpd();
    expect(p.stderr.lines).toEqual([
      AH00558,
      AH00558,
      '[Thu Feb 20 10:00:00.000000 2025] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations',
      "[Thu Feb 20 10:00:00.000000 2025] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
    ]);
  });

  it('serves "It works!" with Apache’s headers and logs in common format to stdout', async () => {
    const { get, p, image } = await startHttpd();
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.text).toBe(itWorks);
    const mtime = image.fs.stat('/usr/local/apache2/htdocs/index.html').mtime;
    expect(Object.entries(res.headers)).toEqual([
      ['Date', 'Thu, 20 Feb 2025 10:00:00 GMT'],
      ['Server', 'Apache/2.4.63 (Unix)'],
      ['Last-Modified', 'Tue, 04 Feb 2025 05:16:02 GMT'],
      ['ETag', `"2d-${(mtime * 1_000_000).toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
      ['Content-Length', '45'],
      ['Content-Type', 'text/html'],
    ]);
    expect(p.stdout.lines).toEqual(['172.17.0.1 - - [20/Feb/2025:10:00:00 +0000] "GET / HTTP/1.1" 200 45']);
  });

  it('404 with Apache’s page (196 bytes), 301 keeps the port the client used, 405 for PUT', async () => {
    const { get, p, image } = await startHttpd();
    const missing = await get('/favicon.ico');
    expect(missing.status).toBe(404);
    expect(missing.headers['Content-Length']).toBe('196');
    expect(missing.headers['Content-Type']).toBe('text/html; charset=iso-8859-1');
    expect(missing.text).toContain('<p>The requested URL was not found on this server.</p>');
    image.fs.mkdir('/usr/local/apache2/htdocs/docs');
    const dir = await get('/docs');
    expect(dir.status).toBe(301);
    expect(dir.headers['Location']).toBe('http://localhost:8080/docs/');
    expect((await get('/docs/')).status).toBe(403);
    const put = await get('/index.html', {}, 'PUT');
    expect(put.status).toBe(405);
    expect(put.text).toContain('The requested method PUT is not allowed for this URL.');
    expect(p.stdout.lines[0]).toBe('172.17.0.1 - - [20/Feb/2025:10:00:00 +0000] "GET /favicon.ico HTTP/1.1" 404 196');
  });

  it('SIGWINCH (docker stop): graceful stop, exit 0', async () => {
    const { p, exit, clock } = await startHttpd();
    await clock.advance(2_000);
    p.kill('SIGWINCH');
    expect(await exit).toBe(0);
    expect(p.stderr.lines.at(-1)).toBe(
      '[Thu Feb 20 10:00:02.000000 2025] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully',
    );
  });

  it('SIGTERM: "caught SIGTERM, shutting down"', async () => {
    const { p, exit } = await startHttpd();
    p.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(p.stderr.lines.at(-1)).toContain('AH00491: caught SIGTERM, shutting down');
  });

  it('ServerName set: no AH00558', async () => {
    const { p } = await startHttpd((fs) =>
      fs.writeFile(
        '/usr/local/apache2/conf/httpd.conf',
        fs.readText('/usr/local/apache2/conf/httpd.conf') + 'ServerName localhost\n',
      ),
    );
    expect(p.stderr.text).not.toContain('AH00558');
  });

  it('-v prints the version; -t says Syntax OK', async () => {
    const image = await testImage('httpd:latest');
    const v = await runProgram(httpd, { argv: ['httpd', '-v'], fs: image.fs, env: image.env });
    expect(v.stdout.split('\n')[0]).toBe('Server version: Apache/2.4.63 (Unix)');
    const t = await runProgram(httpd, { argv: ['httpd', '-t'], fs: image.fs, env: image.env });
    expect(t).toMatchObject({ code: 0 });
    expect(t.stderr.endsWith('Syntax OK\n')).toBe(true);
  });

  it('a misspelt directive: AH00526 with file and line', async () => {
    const image = await testImage('httpd:latest');
    image.fs.writeFile('/usr/local/apache2/conf/httpd.conf', 'ServerRoot "/usr/local/apache2"\nLisen 80\n');
    const run = await runProgram(httpd, { argv: ['httpd', '-DFOREGROUND'], fs: image.fs, env: image.env });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'AH00526: Syntax error on line 2 of /usr/local/apache2/conf/httpd.conf:\n' +
        "Invalid command 'Lisen', perhaps misspelled or defined by a module not included in the server configuration\n",
    );
  });
});
