import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import type { WireResponse } from '../../wire/message';
import { testLaptop } from '../laptop.fixture';
import { HttpHookError } from '../shell-state';

const json =
  (status: number, body: string, headers: Record<string, string> = {}) =>
  async () => ({
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: utf8(body),
  });

describe('curl', () => {
  it('reaches the daemon through --unix-socket, as curl 8 builds the request', async () => {
    const laptop = testLaptop({ http: json(200, '[{"Id":"abc"}]\n') });
    const result = await laptop.run('curl --unix-socket /var/run/docker.sock http://localhost/v1.50/containers/json');
    expect(result).toEqual({ code: 0, stdout: '[{"Id":"abc"}]\n', stderr: '' });
    expect(laptop.requests).toEqual([
      {
        method: 'GET',
        url: 'http://localhost/v1.50/containers/json',
        headers: { Host: 'localhost', 'User-Agent': 'curl/8.5.0', Accept: '*/*' },
        unixSocket: '/var/run/docker.sock',
      },
    ]);
  });

  it.each([
    [
      'curl localhost:8080',
      {
        method: 'GET',
        url: 'http://localhost:8080/',
        headers: { Host: 'localhost:8080', 'User-Agent': 'curl/8.5.0', Accept: '*/*' },
      },
    ],
    ['curl -X DELETE http://cloud-vm:2376/x', { method: 'DELETE', url: 'http://cloud-vm:2376/x' }],
    ['curl -XPOST localhost/a', { method: 'POST' }],
    [
      'curl -d a=1 -d b=2 localhost',
      {
        method: 'POST',
        headers: {
          Host: 'localhost',
          'User-Agent': 'curl/8.5.0',
          Accept: '*/*',
          'Content-Length': '7',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
      },
    ],
    [
      'curl -H "Content-Type: application/json" --data \'{"a":1}\' localhost',
      {
        headers: {
          Host: 'localhost',
          'User-Agent': 'curl/8.5.0',
          Accept: '*/*',
          'Content-Length': '7',
          'Content-Type': 'application/json',
        },
      },
    ],
    [
      'curl -H "Accept:" -H "X-Test: yes" localhost',
      { headers: { Host: 'localhost', 'User-Agent': 'curl/8.5.0', 'X-Test': 'yes' } },
    ],
    ['curl -I localhost', { method: 'HEAD' }],
  ])('%s', async (line, expected) => {
    const laptop = testLaptop();
    await laptop.run(line);
    expect(laptop.requests[0]).toMatchObject(expected);
  });

  it('-d @file reads the body from a file', async () => {
    const laptop = testLaptop();
    laptop.files.writeFile('/home/student/body.json', '{"Image":\n"alpine"}\n');
    await laptop.run('curl -d @body.json localhost');
    expect(new TextDecoder().decode(laptop.requests[0]?.body)).toBe('{"Image":"alpine"}');
  });

  it('-i prints the status line and headers before the body; -I only those', async () => {
    const laptop = testLaptop({ http: json(404, '{"message":"No such container: web"}\n') });
    const included = await laptop.run('curl -i localhost/containers/web/json');
    expect(included.stdout).toBe(
      'HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n{"message":"No such container: web"}\n',
    );
    expect(included.code).toBe(0);
    const head = await laptop.run('curl -I localhost');
    expect(head.stdout).toBe('HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n');
  });

  it('-v shows the exchange on stderr: > sent, < received', async () => {
    const laptop = testLaptop({ http: json(200, 'ok') });
    const result = await laptop.run('curl -v localhost:8080/x');
    expect(result.stdout).toBe('ok');
    expect(result.stderr).toBe(
      [
        '*   Trying localhost:8080...\n',
        '* Connected to localhost (localhost) port 8080\n',
        '> GET /x HTTP/1.1\r\n> Host: localhost:8080\r\n> User-Agent: curl/8.5.0\r\n> Accept: */*\r\n> \r\n',
        '< HTTP/1.1 200 OK\r\n< Content-Type: application/json\r\n< \r\n',
        '* Connection #0 to host localhost left intact\n',
      ].join(''),
    );
  });

  it.each([
    [
      new HttpHookError('connect'),
      'curl localhost:8080',
      7,
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n",
    ],
    [new HttpHookError('resolve'), 'curl http://nope/', 6, 'curl: (6) Could not resolve host: nope\n'],
    [new HttpHookError('connect'), 'curl -s localhost:8080', 7, ''],
    [
      new HttpHookError('connect'),
      'curl -sS localhost:8080',
      7,
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n",
    ],
  ])('fails as curl does: %s', async (error, line, code, stderr) => {
    const laptop = testLaptop({
      http: async () => {
        throw error;
      },
    });
    expect(await laptop.run(line)).toEqual({ code, stdout: '', stderr });
  });

  it.each([
    ['curl', 2, "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n"],
    [
      'curl --bogus x',
      2,
      "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    ],
    [
      'curl -X',
      2,
      "curl: option -X: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    ],
    ['curl ftp://x/', 1, 'curl: (1) Protocol "ftp" not supported\n'],
  ])('refuses a bad command line: %s', async (line, code, stderr) => {
    const laptop = testLaptop();
    expect(await laptop.run(line)).toEqual({ code, stdout: '', stderr });
    expect(laptop.requests).toEqual([]);
  });

  it('-f turns an HTTP error into exit 22 without the body', async () => {
    const laptop = testLaptop({ http: json(404, 'not found') });
    expect(await laptop.run('curl -f localhost/nope')).toEqual({
      code: 22,
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 404\n',
    });
  });

  it('-L follows a redirect; -o writes the body to a file', async () => {
    const laptop = testLaptop({
      http: async (request): Promise<WireResponse> =>
        request.url.endsWith('/old')
          ? { status: 301, headers: { Location: '/new' }, body: utf8('') }
          : { status: 200, headers: {}, body: utf8(`at ${request.url}\n`) },
    });
    expect((await laptop.run('curl -L localhost/old')).stdout).toBe('at http://localhost/new\n');
    expect((await laptop.run('curl -o page.html localhost/new')).stdout).toBe('');
    expect(laptop.files.readText('/home/student/page.html')).toBe('at http://localhost/new\n');
    expect((await laptop.run('curl -o nowhere/x localhost/new')).code).toBe(23);
  });

  it('streams a long answer and stops on Ctrl+C with 130', async () => {
    const controller = new AbortController();
    const laptop = testLaptop({
      http: async () => ({
        status: 200,
        headers: {},
        body: (async function* () {
          yield utf8('{"status":"start"}\n');
          controller.abort();
          await new Promise(() => {});
        })(),
      }),
    });
    const result = await laptop.run('curl --unix-socket /var/run/docker.sock localhost/v1.50/events', {
      signal: controller.signal,
    });
    expect(result).toEqual({ code: 130, stdout: '{"status":"start"}\n', stderr: '' });
  });
});
