import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { programOf } from '../../image/official/elf';
import type { NetworkStack } from '../contract';
import { TestClock } from '../programs/testing/clock';
import { runProgram } from '../programs/testing/context';
import { testImage, type TestImage } from '../programs/testing/images';
import { TestNetwork } from '../programs/testing/network';
import { aptGet } from './apt-get';

// Build the catalogue and unpack the images once, before the clock of any test starts.
beforeAll(async () => {
  for (const ref of ['debian:bookworm-slim', 'ubuntu:24.04']) await testImage(ref);
}, 120_000);

/** Compare with testdata/<name>.golden; UPDATE_GOLDEN=1 rewrites it. */
function expectGolden(name: string, actual: string): void {
  const path = new URL(`./testdata/${name}.golden`, import.meta.url);
  if (process.env['UPDATE_GOLDEN']) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function apt(
  image: TestImage,
  args: string[],
  o: { net?: NetworkStack; tty?: boolean; stdin?: string; argv0?: string } = {},
) {
  const net = o.net ?? new TestNetwork().attach('172.17.0.2');
  return runProgram(
    async (ctx) => {
      if (o.tty) ctx.isatty = () => true;
      return aptGet(ctx);
    },
    {
      argv: [o.argv0 ?? 'apt-get', ...args],
      fs: image.fs,
      env: image.env,
      net,
      clock: new TestClock('2025-02-20T10:00:00Z', true),
      stdin: o.stdin,
    },
  );
}

describe('apt-get on debian:bookworm', () => {
  it('install on a fresh image fails: the package lists are empty until apt-get update', async () => {
    const image = await testImage('debian:bookworm-slim');
    const run = await apt(image, ['install', '-y', 'curl']);
    expect(run.code).toBe(100);
    expect(run.stdout).toBe('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
    expect(run.stderr).toBe('E: Unable to locate package curl\n');
  });

  it('update: Get lines for each InRelease and Packages index, then Hit the second time', async () => {
    const image = await testImage('debian:bookworm-slim');
    const first = await apt(image, ['update']);
    expect(first.code).toBe(0);
    expectGolden('apt-get-update-bookworm', first.stdout);
    expect(image.fs.readdir('/var/lib/apt/lists')).toContain(
      'deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages',
    );
    const second = await apt(image, ['update']);
    expect(second.stdout).toBe(
      'Hit:1 http://deb.debian.org/debian bookworm InRelease\nHit:2 http://deb.debian.org/debian bookworm-updates InRelease\n' +
        'Hit:3 http://deb.debian.org/debian-security bookworm-security InRelease\nReading package lists...\n',
    );
  });

  it('on a terminal the progress lines end in " Done"', async () => {
    const image = await testImage('debian:bookworm-slim');
    const run = await apt(image, ['update'], { tty: true });
    expect(run.stdout.endsWith('Reading package lists... Done\n')).toBe(true);
  });

  it('install -y curl after update: the whole story, as apt and dpkg tell it', async () => {
    const image = await testImage('debian:bookworm-slim');
    await apt(image, ['update']);
    const run = await apt(image, ['install', '-y', 'curl']);
    expect(run.code).toBe(0);
    expectGolden('apt-get-install-curl-bookworm', run.stdout);
    expect(run.stderr).toBe('debconf: delaying package configuration, since apt-utils is not installed\n');
  });

  it('the dpkg database and the files afterwards; the slim image keeps no changelogs', async () => {
    const image = await testImage('debian:bookworm-slim');
    await apt(image, ['update']);
    await apt(image, ['install', '-y', '--no-install-recommends', 'curl']);
    const status = image.fs.readText('/var/lib/dpkg/status');
    expect(status).toContain(
      'Package: curl\nStatus: install ok installed\nPriority: optional\nSection: web\nInstalled-Size: 500\n',
    );
    expect(status).toContain('Version: 7.88.1-10+deb12u8\n');
    expect(status).toContain('Package: libc6\n');
    expect(image.fs.readText('/var/lib/dpkg/info/curl.list').split('\n')).toContain('/usr/bin/curl');
    expect(image.fs.exists('/var/lib/dpkg/info/libcurl4:amd64.list')).toBe(true);
    expect(programOf(image.fs.readFile('/usr/bin/curl'))).toBe('curl');
    expect(image.fs.exists('/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0')).toBe(true);
    expect(image.fs.exists('/usr/share/doc/curl/copyright')).toBe(true);
    expect(image.fs.exists('/usr/share/doc/curl/changelog.Debian.gz')).toBe(false);
    expect(image.fs.readText('/var/lib/apt/extended_states')).toContain(
      'Package: libcurl4\nArchitecture: amd64\nAuto-Installed: 1\n',
    );
  });

  it('--no-install-recommends: a shorter list and a "Recommended packages" block', async () => {
    const image = await testImage('debian:bookworm-slim');
    await apt(image, ['update']);
    expectGolden(
      'apt-get-install-curl-no-recommends',
      (await apt(image, ['install', '-y', '--no-install-recommends', 'curl'])).stdout,
    );
  });

  it('E: Unable to locate package nope, exit 100, nothing installed', async () => {
    const image = await testImage('debian:bookworm-slim');
    await apt(image, ['update']);
    const run = await apt(image, ['install', '-y', 'curl', 'nope']);
    expect(run).toMatchObject({ code: 100, stderr: 'E: Unable to locate package nope\n' });
    expect(image.fs.exists('/usr/bin/curl')).toBe(false);
  });

  it('without -y and no terminal: the question, then Abort.', async () => {
    const image = await testImage('debian:bookworm-slim');
    await apt(image, ['update']);
    const run = await apt(image, ['install', 'curl']);
    expect(run.code).toBe(1);
    expect(run.stdout.endsWith('Do you want to continue? [Y/n] Abort.\n')).toBe(true);
  });

  it('a package already there', async () => {
    const image = await testImage('debian:bookworm-slim');
    await apt(image, ['update']);
    const run = await apt(image, ['install', '-y', 'bash']);
    expect(run.stdout).toContain(
      'bash is already the newest version (5.2.15-2+b7).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
    );
  });

  it('remove, and autoremove of what was pulled in', async () => {
    const image = await testImage('debian:bookworm-slim');
    await apt(image, ['update']);
    await apt(image, ['install', '-y', 'jq']);
    const rm = await apt(image, ['remove', '-y', 'jq']);
    expectGolden('apt-get-remove-jq', rm.stdout);
    expect(image.fs.exists('/usr/bin/jq')).toBe(false);
    const auto = await apt(image, ['autoremove', '-y']);
    expect(auto.stdout).toContain('Removing libonig5:amd64 (6.9.8-1) ...\n');
  });

  it('apt warns that its output is not for scripts', async () => {
    const image = await testImage('debian:bookworm-slim');
    const run = await apt(image, ['update'], { argv0: 'apt' });
    expect(run.stderr).toBe('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    expect(run.stdout.endsWith('Reading state information...\nAll packages are up to date.\n')).toBe(true);
  });

  it('no network: resolution failures and warnings', async () => {
    const image = await testImage('debian:bookworm-slim');
    const loOnly: NetworkStack = {
      ...new TestNetwork().attach('172.17.0.2'),
      interfaces: () => [{ name: 'lo', addresses: [{ address: '127.0.0.1', prefix: 8 }] }],
    };
    const run = await apt(image, ['update'], { net: loOnly });
    expect(run.stdout).toContain(
      "Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'\n",
    );
    expect(run.stderr).toContain(
      'W: Some index files failed to download. They have been ignored, or old ones used instead.\n',
    );
  });
});

describe('apt-get on ubuntu:noble', () => {
  it('update and install tree (from universe)', async () => {
    const image = await testImage('ubuntu:24.04');
    const update = await apt(image, ['update']);
    expectGolden('apt-get-update-noble', update.stdout);
    const run = await apt(image, ['install', '-y', 'tree']);
    expectGolden('apt-get-install-tree-noble', run.stdout);
    expect(programOf(image.fs.readFile('/usr/bin/tree'))).toBe('tree');
  });

  it('t64 library names', async () => {
    const image = await testImage('ubuntu:24.04');
    await apt(image, ['update']);
    const run = await apt(image, ['install', '-y', '--no-install-recommends', 'curl']);
    expect(run.stdout).toContain('Setting up libcurl4t64:amd64 (8.5.0-2ubuntu10.6) ...\n');
  });
});
