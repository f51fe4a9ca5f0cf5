import { beforeAll, describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../../../bytes';
import { readBody, type WireResponse } from '../../../wire/message';
import { welcomePage } from '../../../image/official/nginx-files';
import { settle, TestClock } from '../testing/clock';
import { testProcess, runProgram } from '../testing/context';
import { testImage } from '../testing/images';
import { TestNetwork } from '../testing/network';
import { nginx } from './nginx';

// Build the catalogue and unpack the images once, before the clock of any test starts.
beforeAll(async () => {
  for (const ref of ['nginx:latest', 'nginx:alpine', 'acme/website:latest']) await testImage(ref);
}, 120_000);

const T0 = '2025-02-20T10:00:00Z';

async function startNginx(
  ref = 'nginx:latest',
  prepare?: (fs: import('../../../layer/overlay').Overlay, net: TestNetwork) => void,
) {
  const clock = new TestClock(T0);
  const image = await testImage(ref, { now: () => Math.floor(clock.now() / 1000) });
  const net = new TestNetwork();
  prepare?.(image.fs, net);
  const stack = net.attach('172.17.0.2', 'web');
  const client = net.attach('172.17.0.1');
  const p = testProcess({ argv: ['nginx', '-g', 'daemon off;'], fs: image.fs, env: image.env, net: stack, clock });
  const exit = nginx(p.ctx);
  await settle();
  const get = async (url: string, headers: Record<string, string> = {}, method = 'GET') => {
    const res = await client.request('web', 80, {
      method,
      url,
      headers: { Host: 'localhost:8080', 'User-Agent': 'curl/8.5.0', Accept: '*/*', ...headers },
    });
    return { ...res, text: fromUtf8(await readBody(res.body)) };
  };
  return { p, exit, clock, image, net, stack, client, get };
}

const notices = (pid: number, workers: number[]) => [
  `2025/02/20 10:00:00 [notice] 1#1: using the "epoll" event method`,
  `2025/02/20 10:00:00 [notice] 1#1: nginx/1.27.4`,
  `2025/02/20 10:00:00 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `,
  `2025/02/20 10:00:00 [notice] 1#1: OS: Linux 6.10.14-linuxkit`,
  `2025/02/20 10:00:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`,
  `2025/02/20 10:00:00 [notice] ${pid}#${pid}: start worker processes`,
  ...workers.map((w) => `2025/02/20 10:00:00 [notice] 1#1: start worker process ${w}`),
];

describe('nginx serving the image’s document root', () => {
  it('prints the startup notices nginx prints, with the clock’s time', async () => {
    const { p } = await startNginx();
    expect(p.stderr.lines).toEqual(notices(1, [2, 3, 4, 5]));
  });

  it('serves the welcome page to a request from another namespace, with nginx’s headers', async () => {
    const { get, image } = await startNginx();
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.text).toBe(welcomePage);
    const mtime = image.fs.stat('/usr/share/nginx/html/index.html').mtime;
    expect(Object.entries(res.headers)).toEqual([
      ['Server', 'nginx/1.27.4'],
      ['Date', 'Thu, 20 Feb 2025 10:00:00 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', '615'],
      ['Last-Modified', 'Wed, 05 Feb 2025 21:27:16 GMT'],
      ['Connection', 'keep-alive'],
      ['ETag', `"${mtime.toString(16)}-267"`],
      ['Accept-Ranges', 'bytes'],
    ]);
  });

  it('logs each request to stdout in the combined-like "main" format of the image', async () => {
    const { get, p, clock } = await startNginx();
    await clock.advance(65_000);
    await get('/', { Referer: 'http://localhost:8080/' });
    await get('/nope');
    expect(p.stdout.lines).toEqual([
      '172.17.0.1 - - [20/Feb/2025:10:01:05 +0000] "GET / HTTP/1.1" 200 615 "http://localhost:8080/" "curl/8.5.0" "-"',
      '172.17.0.1 - - [20/Feb/2025:10:01:05 +0000] "GET /nope HTTP/1.1" 404 153 "-" "curl/8.5.0" "-"',
    ]);
  });

  it('404: nginx’s own page, and an error-log line naming the file', async () => {
    const { get, p } = await startNginx();
    const res = await get('/nope');
    expect(res.status).toBe(404);
    expect(res.text).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n' +
        '<hr><center>nginx/1.27.4</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(res.headers['Content-Type']).toBe('text/html');
    expect(p.stderr.lines.at(-1)).toBe(
      '2025/02/20 10:00:00 [error] 2#2: *1 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), ' +
        'client: 172.17.0.1, server: localhost, request: "GET /nope HTTP/1.1", host: "localhost:8080"',
    );
  });

  it('Chrome gets the padding that defeats its "friendly" error page', async () => {
    const { get } = await startNginx();
    const res = await get('/nope', { 'User-Agent': 'Mozilla/5.0 Chrome/133.0.0.0 Safari/537.36' });
    expect(res.headers['Content-Length']).toBe('555');
  });

  it('405 for methods the static module does not take; POST to a missing file is still 404', async () => {
    const { get } = await startNginx();
    expect((await get('/index.html', {}, 'DELETE')).status).toBe(405);
    const post = await get('/index.html', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.text).toContain('<title>405 Not Allowed</title>');
    expect((await get('/nope', {}, 'POST')).status).toBe(404);
  });

  it('301 to add the slash to a directory — Location with the Host name and nginx’s own port', async () => {
    const { get } = await startNginx('nginx:latest', (fs) => fs.mkdir('/usr/share/nginx/html/docs'));
    const res = await get('/docs?x=1');
    expect(res.status).toBe(301);
    expect(res.headers['Location']).toBe('http://localhost/docs/?x=1');
    expect(res.text).toContain('<center><h1>301 Moved Permanently</h1></center>');
  });

  it('403 for a directory without an index file', async () => {
    const { get, p } = await startNginx('nginx:latest', (fs) => fs.mkdir('/usr/share/nginx/html/docs'));
    expect((await get('/docs/')).status).toBe(403);
    expect(p.stderr.lines.at(-1)).toContain('directory index of "/usr/share/nginx/html/docs/" is forbidden');
  });

  it('HEAD: the same headers, no body', async () => {
    const { client } = await startNginx();
    const res: WireResponse = await client.request('web', 80, { method: 'HEAD', url: '/', headers: { Host: 'web' } });
    expect(res.status).toBe(200);
    expect(res.headers['Content-Length']).toBe('615');
    expect(res.body).toBeUndefined();
  });

  it('304 for a matching If-None-Match; 206 for a Range', async () => {
    const { get } = await startNginx();
    const first = await get('/');
    expect((await get('/', { 'If-None-Match': first.headers['ETag']! })).status).toBe(304);
    const part = await get('/', { Range: 'bytes=0-14' });
    expect(part.status).toBe(206);
    expect(part.text).toBe('<!DOCTYPE html>');
    expect(part.headers['Content-Range']).toBe('bytes 0-14/615');
  });

  it('Content-Type by extension from mime.types, default_type otherwise', async () => {
    const { get } = await startNginx('nginx:latest', (fs) => {
      fs.writeFile('/usr/share/nginx/html/app.js', 'alert(1)');
      fs.writeFile('/usr/share/nginx/html/data.bin.unknown', 'x');
      fs.writeFile('/usr/share/nginx/html/STYLE.CSS', 'p{}');
    });
    expect((await get('/app.js')).headers['Content-Type']).toBe('application/javascript');
    expect((await get('/STYLE.CSS')).headers['Content-Type']).toBe('text/css');
    expect((await get('/data.bin.unknown')).headers['Content-Type']).toBe('application/octet-stream');
  });

  it('a file written into the container is served at once (no cache)', async () => {
    const { get, image } = await startNginx();
    image.fs.writeFile('/usr/share/nginx/html/index.html', '<h1>mine</h1>\n');
    expect((await get('/')).text).toBe('<h1>mine</h1>\n');
  });

  it('acme/website: the community image’s own page', async () => {
    const { get } = await startNginx('acme/website:latest');
    expect((await get('/')).text).toContain('Quality anvils since 1949.');
  });

  it('writes its PID file and temp directories (what docker diff shows)', async () => {
    const { image } = await startNginx();
    expect(image.fs.readText('/run/nginx.pid')).toBe('1\n');
    expect(image.fs.stat('/var/cache/nginx/client_temp')).toMatchObject({ type: 'dir', uid: 101, mode: 0o700 });
  });
});

describe('stopping nginx', () => {
  it('SIGQUIT (docker stop): graceful shutdown lines, exit 0, port closed, PID file removed', async () => {
    const { p, exit, clock, get, image } = await startNginx('nginx:latest', (fs) =>
      fs.writeFile(
        '/etc/nginx/nginx.conf',
        fs.readText('/etc/nginx/nginx.conf').replace('worker_processes  auto;', 'worker_processes  1;'),
      ),
    );
    await clock.advance(3_000);
    p.kill('SIGQUIT');
    expect(await exit).toBe(0);
    expect(p.stderr.lines.slice(-7)).toEqual([
      '2025/02/20 10:00:03 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
      '2025/02/20 10:00:03 [notice] 2#2: gracefully shutting down',
      '2025/02/20 10:00:03 [notice] 2#2: exiting',
      '2025/02/20 10:00:03 [notice] 2#2: exit',
      '2025/02/20 10:00:03 [notice] 1#1: signal 17 (SIGCHLD) received from 2',
      '2025/02/20 10:00:03 [notice] 1#1: worker process 2 exited with code 0',
      '2025/02/20 10:00:03 [notice] 1#1: exit',
    ]);
    await expect(get('/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(image.fs.exists('/run/nginx.pid')).toBe(false);
  });

  it('SIGTERM: fast shutdown, no "gracefully"', async () => {
    const { p, exit } = await startNginx();
    p.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(p.stderr.text).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n');
    expect(p.stderr.text).not.toContain('gracefully');
  });

  it('SIGKILL: gone without a word, 137', async () => {
    const { p, exit } = await startNginx();
    const before = p.stderr.text;
    p.kill('SIGKILL');
    expect(await exit).toBe(137);
    expect(p.stderr.text).toBe(before);
  });

  it('nginx -s reload from a second process re-reads the configuration', async () => {
    const { p, image, get, net, clock } = await startNginx();
    image.fs.writeFile(
      '/etc/nginx/conf.d/default.conf',
      'server { listen 80; location / { return 200 "reloaded\\n"; } }\n',
    );
    const other = testProcess({
      argv: ['nginx', '-s', 'reload'],
      fs: image.fs,
      env: image.env,
      net: net.attach('172.17.0.9'),
      clock,
      pid: 40,
    });
    other.ctx.processes = p.ctx.processes;
    expect(await nginx(other.ctx)).toBe(0);
    await settle();
    expect(p.stderr.text).toContain('[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring\n');
    expect((await get('/')).text).toBe('reloaded\n');
  });
});

describe('nginx startup failures', () => {
  it('a configuration error stops it: emerg in the error log and on stderr, exit 1', async () => {
    const clock = new TestClock(T0);
    const image = await testImage('nginx:latest');
    image.fs.writeFile(
      '/etc/nginx/conf.d/default.conf',
      'server { listen 80; location / { proxy_pass http://app:3000; } }\n',
    );
    const run = await runProgram(nginx, { argv: ['nginx', '-g', 'daemon off;'], fs: image.fs, env: image.env, clock });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      '2025/02/20 10:00:00 [emerg] 1#1: host not found in upstream "app:3000" in /etc/nginx/conf.d/default.conf:1\n' +
        'nginx: [emerg] host not found in upstream "app:3000" in /etc/nginx/conf.d/default.conf:1\n',
    );
  });

  it('a port already taken: five bind() attempts half a second apart, then "still could not bind()"', async () => {
    const first = await startNginx();
    const second = testProcess({
      argv: ['nginx', '-g', 'daemon off;'],
      fs: first.image.fs,
      env: first.image.env,
      net: first.stack,
      clock: first.clock,
    });
    const exit = nginx(second.ctx);
    await first.clock.advance(3_000);
    expect(await exit).toBe(1);
    const lines = second.stderr.lines.filter((l) => l.startsWith('nginx: '));
    expect(lines).toEqual([
      ...Array(5).fill('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)'),
      'nginx: [emerg] still could not bind()',
    ]);
  });

  it('on Alpine the C library says "Address in use"', async () => {
    const first = await startNginx('nginx:alpine');
    const second = testProcess({
      argv: ['nginx', '-g', 'daemon off;'],
      fs: first.image.fs,
      env: first.image.env,
      net: first.stack,
      clock: first.clock,
    });
    const exit = nginx(second.ctx);
    await first.clock.advance(3_000);
    await exit;
    expect(second.stderr.text).toContain('bind() to 0.0.0.0:80 failed (98: Address in use)');
  });
});

describe('nginx configured by the student', () => {
  it('proxy_pass to another container: the app’s answer with nginx’s Server header; 502 when it is down', async () => {
    let app!: ReturnType<TestNetwork['attach']>;
    const { get, p } = await startNginx('nginx:latest', (fs, net) => {
      fs.writeFile(
        '/etc/nginx/conf.d/default.conf',
        'server {\n listen 80;\n location /api/ {\n  proxy_pass http://app:3000/;\n  proxy_set_header X-Real-IP $remote_addr;\n }\n}\n',
      );
      app = net.attach('172.17.0.3', 'app');
    });
    let seen: { url: string; headers: Record<string, string> } | undefined;
    // nginx resolved `app` when it started; the app may start listening afterwards.
    const server = app.listen(3000, async (req) => {
      seen = { url: req.url, headers: req.headers };
      return {
        status: 200,
        headers: { 'Content-Type': 'application/json', Server: 'node' },
        body: utf8('{"ok":true}\n'),
      };
    });
    const res = await get('/api/items?page=2');
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"ok":true}\n');
    expect(res.headers['Server']).toBe('nginx/1.27.4');
    expect(seen).toMatchObject({
      url: '/items?page=2',
      headers: { Host: 'app:3000', Connection: 'close', 'X-Real-IP': '172.17.0.1' },
    });
    server.close();
    const down = await get('/api/items');
    expect(down.status).toBe(502);
    expect(p.stderr.lines.at(-1)).toContain(
      'connect() failed (111: Connection refused) while connecting to upstream, client: 172.17.0.1, server: , request: "GET /api/items HTTP/1.1", upstream: "http://172.17.0.3:3000/api/items", host: "localhost:8080"',
    );
  });

  it('listen 8080, error_page 404 and return', async () => {
    const clock = new TestClock(T0);
    const image = await testImage('nginx:alpine');
    image.fs.writeFile(
      '/etc/nginx/conf.d/default.conf',
      'server {\n listen 8080;\n root /usr/share/nginx/html;\n error_page 404 /50x.html;\n location = /ping { return 200 "pong\\n"; }\n}\n',
    );
    const net = new TestNetwork();
    const p = testProcess({
      argv: ['nginx', '-g', 'daemon off;'],
      fs: image.fs,
      env: image.env,
      net: net.attach('172.17.0.2', 'web'),
      clock,
    });
    void nginx(p.ctx);
    await settle();
    const client = net.attach('172.17.0.1');
    const ping = await client.request('web', 8080, { method: 'GET', url: '/ping', headers: {} });
    expect(fromUtf8(await readBody(ping.body))).toBe('pong\n');
    const missing = await client.request('web', 8080, { method: 'GET', url: '/nope', headers: {} });
    expect(missing.status).toBe(404);
    expect(fromUtf8(await readBody(missing.body))).toContain('<h1>An error occurred.</h1>');
    await expect(client.request('web', 80, { method: 'GET', url: '/', headers: {} })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
