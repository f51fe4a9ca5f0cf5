import { beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../testing/clock';
import { runProgram } from '../testing/context';
import { testImage } from '../testing/images';
import { nginx } from './nginx';

// Build the catalogue and unpack the images once, before the clock of any test starts.
beforeAll(async () => {
  for (const ref of ['nginx:latest', 'nginx:alpine']) await testImage(ref);
}, 120_000);

const T0 = '2025-02-20T10:00:00Z';

describe('nginx -v, -V, -t, -T, -h', () => {
  it('-v prints the version to stderr', async () => {
    const image = await testImage('nginx:latest');
    const run = await runProgram(nginx, { argv: ['nginx', '-v'], fs: image.fs, env: image.env });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: 'nginx version: nginx/1.27.4\n' });
  });

  it('-V adds the compiler and the configure arguments; Alpine has its own gcc', async () => {
    const image = await testImage('nginx:alpine');
    const run = await runProgram(nginx, { argv: ['nginx', '-V'], fs: image.fs, env: image.env });
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      'nginx version: nginx/1.27.4',
      'built by gcc 14.2.0 (Alpine 14.2.0) ',
    ]);
    expect(run.stderr).toContain('configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx');
  });

  it('the version is the image’s NGINX_VERSION', async () => {
    const image = await testImage('nginx:latest');
    image.env.set('NGINX_VERSION', '1.99.0');
    const run = await runProgram(nginx, { argv: ['nginx', '-v'], fs: image.fs, env: image.env });
    expect(run.stderr).toBe('nginx version: nginx/1.99.0\n');
  });

  it('-t on the image’s configuration', async () => {
    const image = await testImage('nginx:latest');
    const run = await runProgram(nginx, { argv: ['nginx', '-t'], fs: image.fs, env: image.env });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n' +
        'nginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    );
  });

  it('-t on a broken configuration: the emerg line twice (error log is stderr) and "test failed"', async () => {
    const image = await testImage('nginx:latest');
    image.fs.writeFile('/etc/nginx/conf.d/default.conf', 'server {\n    lisen 80;\n}\n');
    const run = await runProgram(nginx, {
      argv: ['nginx', '-t'],
      fs: image.fs,
      env: image.env,
      clock: new TestClock(T0),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      '2025/02/20 10:00:00 [emerg] 1#1: unknown directive "lisen" in /etc/nginx/conf.d/default.conf:2\n' +
        'nginx: [emerg] unknown directive "lisen" in /etc/nginx/conf.d/default.conf:2\n' +
        'nginx: configuration file /etc/nginx/nginx.conf test failed\n',
    );
  });

  it('-T dumps every file read, in order', async () => {
    const image = await testImage('nginx:latest');
    const run = await runProgram(nginx, { argv: ['nginx', '-T'], fs: image.fs, env: image.env });
    const heads = run.stdout.split('\n').filter((l) => l.startsWith('# configuration file'));
    expect(heads).toEqual([
      '# configuration file /etc/nginx/nginx.conf:',
      '# configuration file /etc/nginx/mime.types:',
      '# configuration file /etc/nginx/conf.d/default.conf:',
    ]);
  });

  it.each([
    [['-x'], 'nginx: invalid option: "x"\n'],
    [['foo'], 'nginx: invalid option: "foo"\n'],
    [['-c'], 'nginx: option "-c" requires file name\n'],
    [['-s', 'restart'], 'nginx: invalid option: "-s restart"\n'],
  ])('bad command line %j', async (args, stderr) => {
    const image = await testImage('nginx:latest');
    const run = await runProgram(nginx, { argv: ['nginx', ...args], fs: image.fs, env: image.env });
    expect(run).toMatchObject({ code: 1, stderr });
  });
});
