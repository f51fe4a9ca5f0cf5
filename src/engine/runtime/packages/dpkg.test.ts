import { beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../programs/testing/clock';
import { runProgram } from '../programs/testing/context';
import { testImage } from '../programs/testing/images';
import { TestNetwork } from '../programs/testing/network';
import { aptGet } from './apt-get';
import { dpkg } from './dpkg';

beforeAll(async () => {
  await testImage('debian:bookworm-slim');
  await testImage('debian:bookworm-slim', { arch: 'arm64' });
}, 120_000);

describe('dpkg', () => {
  it('--print-architecture follows the image’s architecture', async () => {
    const amd = await testImage('debian:bookworm-slim');
    const arm = await testImage('debian:bookworm-slim', { arch: 'arm64' });
    expect((await runProgram(dpkg, { argv: ['dpkg', '--print-architecture'], fs: amd.fs })).stdout).toBe('amd64\n');
    expect((await runProgram(dpkg, { argv: ['dpkg', '--print-architecture'], fs: arm.fs })).stdout).toBe('arm64\n');
  });

  it('-s and -L after apt-get install; an unknown package', async () => {
    const image = await testImage('debian:bookworm-slim');
    const net = new TestNetwork().attach('172.17.0.2');
    const clock = new TestClock(undefined, true);
    await runProgram(aptGet, { argv: ['apt-get', 'update'], fs: image.fs, net, clock });
    await runProgram(aptGet, { argv: ['apt-get', 'install', '-y', 'tree'], fs: image.fs, net, clock });
    const s = await runProgram(dpkg, { argv: ['dpkg', '-s', 'tree'], fs: image.fs });
    expect(s.stdout).toContain('Package: tree\nStatus: install ok installed\n');
    expect(s.stdout).toContain('Version: 2.1.0-1\n');
    const l = await runProgram(dpkg, { argv: ['dpkg', '-L', 'tree'], fs: image.fs });
    expect(l.stdout.split('\n')).toContain('/usr/bin/tree');
    const list = await runProgram(dpkg, { argv: ['dpkg', '-l', 'tree'], fs: image.fs });
    expect(list.stdout).toMatch(/\nii {2}tree +2\.1\.0-1 +amd64 +displays an indented directory tree, in color\n$/);
    const none = await runProgram(dpkg, { argv: ['dpkg', '-s', 'nope'], fs: image.fs });
    expect(none).toMatchObject({
      code: 1,
      stderr:
        "dpkg-query: package 'nope' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n",
    });
  });
});
