// Cross-checks against a real tar: GNU tar must list and extract what writeTar makes, and readTar
// must read what GNU tar makes in each of its formats (gnu, posix/PAX, ustar, v7). Skipped when
// `tar` is not installed.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import type { FsEntry } from './entry';
import { readTar, writeTar } from './tar';

const hasTar = spawnSync('tar', ['--version']).status === 0;
const env = { ...process.env, LC_ALL: 'C.UTF-8', TZ: 'UTC' };
const scratch = mkdtempSync(join(tmpdir(), 'dockyard-tar-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tar(args: string[], input?: Uint8Array): Buffer {
  const result = spawnSync('tar', args, { input, env, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`tar ${args.join(' ')}: ${result.stderr.toString()}`);
  return result.stdout;
}

const longDir = `${'d'.repeat(90)}/${'e'.repeat(90)}`; // 181 bytes: ustar splits it
const longerName = `${longDir}/${'f'.repeat(120)}.txt`; // cannot be split: PAX path
const unicodeName = 'srv/café ☕/naïve.txt';
const bigContent = new Uint8Array(70_000).map((_, i) => (i * 31 + (i >> 9)) & 0xff);

const ours: FsEntry[] = [
  { path: 'etc', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 1700000000 },
  {
    path: 'etc/hosts',
    type: 'file',
    mode: 0o644,
    uid: 0,
    gid: 0,
    mtime: 1700000000,
    content: utf8('127.0.0.1 localhost\n'),
  },
  { path: 'usr', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 },
  { path: 'usr/bin', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 },
  { path: 'usr/bin/busybox', type: 'file', mode: 0o4755, uid: 0, gid: 0, mtime: 0, content: bigContent },
  { path: 'usr/bin/sh', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 0, linkname: 'busybox' },
  { path: 'usr/bin/ash', type: 'hardlink', mode: 0o4755, uid: 0, gid: 0, mtime: 0, linkname: 'usr/bin/busybox' },
  { path: 'srv', type: 'dir', mode: 0o750, uid: 3000000, gid: 4000000, mtime: -100 },
  { path: longDir.split('/')[0]!, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 },
  { path: longDir, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 },
  { path: longerName, type: 'file', mode: 0o600, uid: 1000, gid: 1000, mtime: 0, content: utf8('long\n') },
  { path: 'srv/café ☕', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 },
  { path: unicodeName, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: -100, content: utf8('unicode\n') },
  { path: 'srv/link', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtime: 0, linkname: `/${longerName}` },
];

describe.skipIf(!hasTar)('GNU tar reads what writeTar writes', () => {
  const archive = writeTar(ours);

  it('lists every entry with its kind, mode, owner, size, time and link', () => {
    const lines = tar(['--quoting-style=literal', '--numeric-owner', '--full-time', '-tvf', '-'], archive)
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const modeText = (e: FsEntry) => {
      const kind = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h' }[e.type];
      const bits = 'rwxrwxrwx'.split('').map((c, i) => (e.mode & (0o400 >> i) ? c : '-'));
      if (e.mode & 0o4000) bits[2] = bits[2] === 'x' ? 's' : 'S';
      return kind + bits.join('');
    };
    const expected = ours.map((e) => {
      const time = new Date(e.mtime * 1000).toISOString().replace('T', ' ').slice(0, 19);
      const name = e.type === 'dir' ? `${e.path}/` : e.path;
      const link = e.type === 'symlink' ? ` -> ${e.linkname}` : e.type === 'hardlink' ? ` link to ${e.linkname}` : '';
      const size = e.type === 'file' ? e.content!.length : 0;
      return [modeText(e), `${e.uid}/${e.gid}`, String(size), time, name + link];
    });
    const listed = lines.map((line) => {
      const m = /^(\S{10}) (\d+\/\d+) +(\d+) (\S+ \S+) (.*)$/.exec(line);
      if (!m) throw new Error(`unexpected listing line: ${line}`);
      return m.slice(1);
    });
    expect(listed).toEqual(expected);
  });

  it('extracts the same files, links and modes', () => {
    const dir = join(scratch, 'extracted');
    mkdirSync(dir);
    tar(['-x', '-p', '--no-same-owner', '-C', dir, '-f', '-'], archive);
    expect(readFileSync(join(dir, 'etc/hosts'), 'utf8')).toBe('127.0.0.1 localhost\n');
    expect(new Uint8Array(readFileSync(join(dir, 'usr/bin/busybox')))).toEqual(bigContent);
    expect(lstatSync(join(dir, 'usr/bin/busybox')).mode & 0o7777).toBe(0o4755);
    expect(readlinkSync(join(dir, 'usr/bin/sh'))).toBe('busybox');
    expect(lstatSync(join(dir, 'usr/bin/ash')).ino).toBe(lstatSync(join(dir, 'usr/bin/busybox')).ino);
    expect(readFileSync(join(dir, longerName), 'utf8')).toBe('long\n');
    expect(readFileSync(join(dir, unicodeName), 'utf8')).toBe('unicode\n');
    expect(readlinkSync(join(dir, 'srv/link'))).toBe(`/${longerName}`);
    expect(lstatSync(join(dir, 'etc/hosts')).mtimeMs).toBe(1700000000_000);
    expect(lstatSync(join(dir, unicodeName)).mtimeMs).toBe(-100_000);
  });
});

describe.skipIf(!hasTar)('readTar reads what GNU tar writes', () => {
  // A tree on disk, archived by GNU tar in each format and read back by readTar.
  const tree = join(scratch, 'tree');
  const shortTree = join(scratch, 'short-tree');
  function makeTree(root: string, long: boolean) {
    mkdirSync(join(root, 'bin'), { recursive: true });
    writeFileSync(join(root, 'bin/busybox'), bigContent);
    chmodSync(join(root, 'bin/busybox'), 0o755);
    symlinkSync('busybox', join(root, 'bin/sh'));
    linkSync(join(root, 'bin/busybox'), join(root, 'bin/zz-hardlink'));
    mkdirSync(join(root, 'empty'));
    chmodSync(join(root, 'empty'), 0o700);
    if (!long) return;
    mkdirSync(join(root, longDir), { recursive: true });
    writeFileSync(join(root, longerName), 'long\n');
    mkdirSync(join(root, 'srv/café ☕'), { recursive: true });
    writeFileSync(join(root, unicodeName), 'unicode\n');
    symlinkSync(`/${longerName}`, join(root, 'srv/link'));
  }
  makeTree(tree, true);
  makeTree(shortTree, false);

  function expectMatchesDisk(entries: FsEntry[], root: string, owner: { uid: number; gid: number }, mtime: number) {
    const seen = new Set<string>();
    for (const e of entries) {
      seen.add(e.path);
      const stat = lstatSync(join(root, e.path));
      expect(e, e.path).toMatchObject({ ...owner, mtime, mode: stat.mode & 0o7777 });
      if (e.type === 'file') expect(new Uint8Array(readFileSync(join(root, e.path))), e.path).toEqual(e.content);
      if (e.type === 'dir') expect(stat.isDirectory(), e.path).toBe(true);
      if (e.type === 'symlink') expect(e.linkname).toBe(readlinkSync(join(root, e.path)));
      if (e.type === 'hardlink') expect(lstatSync(join(root, e.linkname!)).ino).toBe(stat.ino);
    }
    return seen;
  }

  it.each([
    ['gnu', ['--owner=3000000', '--group=4000000', '--mtime=@-100'], { uid: 3000000, gid: 4000000 }, -100],
    [
      'posix',
      ['--owner=3000000', '--group=5', '--mtime=@-100', '--pax-option=comment=dockyard'],
      { uid: 3000000, gid: 5 },
      -100,
    ],
  ])(
    '--format=%s, with long and Unicode names, ./ prefixes, big owners and old times',
    (format, options, owner, mtime) => {
      const archive = tar([
        '-c',
        `--format=${format}`,
        '--sort=name',
        '--numeric-owner',
        ...options,
        '-C',
        tree,
        '-f',
        '-',
        '.',
      ]);
      const entries = readTar(archive);
      const seen = expectMatchesDisk(entries, tree, owner, mtime);
      expect([...seen]).toEqual(
        expect.arrayContaining([
          'bin/busybox',
          'bin/sh',
          'bin/zz-hardlink',
          'empty',
          longerName,
          unicodeName,
          'srv/link',
        ]),
      );
      expect(seen.has('')).toBe(false);
      expect(entries.find((e) => e.path === 'bin/zz-hardlink')).toMatchObject({
        type: 'hardlink',
        linkname: 'bin/busybox',
      });
    },
  );

  it.each(['ustar', 'v7'])('--format=%s', (format) => {
    const archive = tar([
      '-c',
      `--format=${format}`,
      '--sort=name',
      '--numeric-owner',
      '--owner=0',
      '--group=0',
      '--mtime=@1700000000',
      '-C',
      shortTree,
      '-f',
      '-',
      'bin',
      'empty',
    ]);
    const entries = readTar(archive);
    expectMatchesDisk(entries, shortTree, { uid: 0, gid: 0 }, 1700000000);
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ['bin', 'dir'],
      ['bin/busybox', 'file'],
      ['bin/sh', 'symlink'],
      ['bin/zz-hardlink', 'hardlink'],
      ['empty', 'dir'],
    ]);
  });
});
