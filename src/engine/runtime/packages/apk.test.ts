import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { programOf } from '../../image/official/elf';
import type { NetworkStack } from '../contract';
import { TestClock } from '../programs/testing/clock';
import { runProgram } from '../programs/testing/context';
import { testImage, type TestImage } from '../programs/testing/images';
import { TestNetwork } from '../programs/testing/network';
import { apk } from './apk';

// Build the catalogue and unpack the images once, before the clock of any test starts.
beforeAll(async () => {
  for (const ref of ['alpine:3.21', 'alpine:3.19', 'debian:bookworm-slim']) await testImage(ref);
}, 120_000);

/** Compare with testdata/<name>.golden; UPDATE_GOLDEN=1 rewrites it. */
function expectGolden(name: string, actual: string): void {
  const path = new URL(`./testdata/${name}.golden`, import.meta.url);
  if (process.env['UPDATE_GOLDEN']) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

async function alpine(tag = '3.21') {
  return testImage(`alpine:${tag}`);
}

function apkIn(image: TestImage, args: string[], net: NetworkStack = new TestNetwork().attach('172.17.0.2')) {
  return runProgram(apk, {
    argv: ['apk', ...args],
    fs: image.fs,
    env: image.env,
    net,
    clock: new TestClock('2025-02-20T10:00:00Z', true),
  });
}

describe('apk add', () => {
  it('on a fresh alpine:3.21: fetches the indexes, installs curl and its dependencies in apk’s order', async () => {
    const image = await alpine();
    const run = await apkIn(image, ['add', 'curl']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expectGolden('apk-add-curl-3.21', run.stdout);
  });

  it('writes the package database, the world file and real-looking files', async () => {
    const image = await alpine();
    await apkIn(image, ['add', '--no-cache', 'curl']);
    const db = image.fs.readText('/lib/apk/db/installed');
    expect(db).toContain('\nP:curl\nV:8.12.1-r1\nA:x86_64\n');
    expect(db).toContain('\nP:libcurl\nV:8.12.1-r1\n');
    expect(db).toMatch(/P:curl\n(?:.*\n)*?F:usr\/bin\nR:curl\n/);
    expect(db.split('\n\n').filter((s) => s.startsWith('C:'))).toHaveLength(24);
    expect(image.fs.readText('/etc/apk/world').split('\n')).toContain('curl');
    expect(programOf(image.fs.readFile('/usr/bin/curl'))).toBe('curl');
    expect(image.fs.readlink('/usr/lib/libcurl.so.4')).toBe('libcurl.so.4.8.0');
    expect(image.fs.readdir('/var/cache/apk')).toEqual([]);
  });

  it('a second add uses the cached index: no fetch lines', async () => {
    const image = await alpine();
    await apkIn(image, ['add', 'jq']);
    const second = await apkIn(image, ['add', 'tree']);
    expectGolden('apk-add-tree-cached', second.stdout);
  });

  it('replaces a busybox link instead of writing through it', async () => {
    const image = await alpine();
    const busybox = image.fs.readFile('/bin/busybox');
    await apkIn(image, ['add', '--no-cache', 'tree']);
    expect(programOf(image.fs.readFile('/usr/bin/tree'))).toBe('tree');
    expect(image.fs.readFile('/bin/busybox')).toEqual(busybox);
  });

  it('an unknown package: apk’s error, nothing installed', async () => {
    const image = await alpine();
    const run = await apkIn(image, ['add', '--no-cache', 'nope']);
    expect(run.code).toBe(1);
    expectGolden('apk-add-nope', run.stdout + run.stderr);
    expect(image.fs.exists('/lib/apk/db/installed')).toBe(false);
  });

  it('already installed: just the summary', async () => {
    const image = await alpine();
    await apkIn(image, ['add', '--no-cache', 'bash']);
    const again = await apkIn(image, ['add', '--no-cache', 'bash']);
    expect(again.stdout.split('\n').filter((l) => !l.startsWith('fetch'))).toEqual(['OK: 9 MiB in 19 packages', '']);
  });

  it('alpine:3.19 installs 3.19’s versions', async () => {
    const image = await alpine('3.19');
    const run = await apkIn(image, ['add', '--no-cache', 'bash']);
    expectGolden('apk-add-bash-3.19', run.stdout);
  });

  it('--virtual groups build dependencies; deleting the group removes them', async () => {
    const image = await alpine();
    const clock = new TestClock('2025-02-20T10:00:00Z', true);
    const net = new TestNetwork().attach('172.17.0.2');
    const add = await runProgram(apk, {
      argv: ['apk', 'add', '--no-cache', '--virtual', '.build-deps', 'make', 'jq'],
      fs: image.fs,
      env: image.env,
      net,
      clock,
    });
    expectGolden('apk-add-virtual', add.stdout);
    const del = await runProgram(apk, {
      argv: ['apk', 'del', '.build-deps'],
      fs: image.fs,
      env: image.env,
      net,
      clock,
    });
    expectGolden('apk-del-virtual', del.stdout);
    expect(image.fs.exists('/usr/bin/make')).toBe(false);
  });

  it('without a network (--network none): DNS errors and nothing to select', async () => {
    const image = await alpine();
    const loOnly: NetworkStack = {
      ...new TestNetwork().attach('172.17.0.2'),
      interfaces: () => [{ name: 'lo', addresses: [{ address: '127.0.0.1', prefix: 8 }] }],
    };
    const run = await apkIn(image, ['add', 'curl'], loOnly);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'WARNING: updating and opening https://dl-cdn.alpinelinux.org/alpine/v3.21/main: DNS lookup error\n',
    );
    expect(run.stderr).toContain('  curl (no such package):\n    required by: world[curl]\n');
  });
});

describe('apk del, update, info', () => {
  it('del removes the package and the dependencies nothing else needs', async () => {
    const image = await alpine();
    await apkIn(image, ['add', '--no-cache', 'curl']);
    const run = await apkIn(image, ['del', 'curl']);
    expectGolden('apk-del-curl', run.stdout);
    expect(image.fs.exists('/usr/bin/curl')).toBe(false);
    expect(image.fs.readText('/lib/apk/db/installed')).not.toContain('P:libcurl');
    expect(image.fs.exists('/bin/busybox')).toBe(true);
  });

  it('del of a name apk never heard of', async () => {
    const image = await alpine();
    const run = await apkIn(image, ['del', 'nope']);
    expect(run).toMatchObject({ code: 1, stderr: 'ERROR: No such package: nope\n' });
  });

  it('update', async () => {
    const image = await alpine();
    const run = await apkIn(image, ['update']);
    expectGolden('apk-update-3.21', run.stdout);
  });

  it('info lists installed packages; info <pkg> describes one', async () => {
    const image = await alpine();
    const list = await apkIn(image, ['info']);
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(15);
    await apkIn(image, ['add', '--no-cache', 'curl']);
    expectGolden('apk-info-curl', (await apkIn(image, ['info', 'curl'])).stdout);
  });

  it('--version; no command: usage, exit 1; apk on Debian: no database', async () => {
    const image = await alpine();
    expect((await apkIn(image, ['--version'])).stdout).toBe('apk-tools 2.14.6, compiled for x86_64.\n');
    expect((await apkIn(image, [])).code).toBe(1);
    const debian = await testImage('debian:bookworm-slim');
    expect((await apkIn(debian, ['add', 'curl'])).stderr).toBe(
      'ERROR: Unable to read database: No such file or directory\n',
    );
  });
});
