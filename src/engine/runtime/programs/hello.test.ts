import { beforeAll, describe, expect, it } from 'vitest';
import { helloMessage } from '../../image/official/hello-world';
import { amd64, arm64 } from '../../image/official/platforms';
import { hello } from './hello';
import { runProgram } from './testing/context';
import { testImage } from './testing/images';

// Build the catalogue and unpack the images once, before the clock of any test starts.
beforeAll(async () => {
  for (const ref of ['hello-world:latest', 'busybox:latest']) await testImage(ref);
}, 120_000);

describe('hello-world /hello', () => {
  it.each([
    ['amd64', amd64],
    ['arm64', arm64],
  ] as const)('prints the message compiled into the %s binary and exits 0', async (arch, platform) => {
    const image = await testImage('hello-world:latest', { arch });
    const run = await runProgram(hello, { argv: ['/hello'], fs: image.fs, env: image.env });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(helloMessage(platform));
    expect(run.stdout).toContain(`(${platform.bashbrew})`);
    expect(run.stderr).toBe('');
  });

  it('finds itself on PATH when started by name', async () => {
    const image = await testImage('hello-world:latest');
    image.fs.mkdir('/usr/local/bin', { parents: true });
    image.fs.rename('/hello', '/usr/local/bin/hello');
    const run = await runProgram(hello, { argv: ['hello'], fs: image.fs, env: { PATH: '/usr/local/bin' } });
    expect(run.stdout).toContain('Hello from Docker!');
  });

  it('crashes (SIGSEGV status) when its binary carries no message', async () => {
    const image = await testImage('busybox:latest');
    const run = await runProgram(hello, { argv: ['/bin/busybox'], fs: image.fs });
    expect(run).toMatchObject({ code: 139, stdout: '' });
  });
});
