import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { ExecError, findExecutable, loadExecutable, type ExecFailure } from './exec';
import { tinyRootfs } from './testing/tiny-rootfs';

const PATH = '/usr/local/bin:/usr/bin:/bin';

describe('findExecutable: the $PATH search of execvp', () => {
  it.each([
    ['ls', PATH, '/bin/ls'],
    ['hello.sh', PATH, '/usr/bin/hello.sh'],
    ['/bin/sh', PATH, '/bin/sh'],
    ['./bin/cat', PATH, './bin/cat'],
    ['cat', '/nowhere::/bin', '/bin/cat'],
  ])('%s with PATH=%s → %s', (command, path, expected) => {
    expect(findExecutable(tinyRootfs(), command, path)).toBe(expected);
  });

  it('finds a bare name in the working directory only through an empty PATH entry', () => {
    const fs = tinyRootfs().at('/bin');
    expect(findExecutable(fs, 'ls', ':')).toBe('ls');
    expect(() => findExecutable(fs, 'ls', '/usr/bin')).toThrow(ExecError);
  });

  it.each<[string, ExecFailure, string, number]>([
    ['nope', 'not-found', 'exec: "nope": executable file not found in $PATH', 127],
    ['/nope', 'no-such-file', 'exec: "/nope": stat /nope: no such file or directory', 127],
    ['/etc', 'is-a-directory', 'exec: "/etc": is a directory', 126],
    ['/etc/passwd', 'permission-denied', 'exec: "/etc/passwd": permission denied', 126],
    ['notes.txt', 'permission-denied', 'exec: "notes.txt": permission denied', 126],
  ])('%s fails as runc reports it: %s', (command, reason, message, status) => {
    try {
      findExecutable(tinyRootfs(), command, PATH);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ExecError);
      const e = err as ExecError;
      expect([e.reason, e.message, e.exitStatus]).toEqual([reason, message, status]);
    }
  });
});

describe('loadExecutable: what the kernel finds inside the file', () => {
  it('reads the program marker of an ELF stand-in through symlinks', () => {
    expect(loadExecutable(tinyRootfs(), '/bin/ls', 'amd64')).toEqual({
      kind: 'program',
      path: '/bin/ls',
      program: 'busybox',
    });
  });

  it('rejects an ELF built for another architecture (exec format error)', () => {
    expect(() => loadExecutable(tinyRootfs(), '/usr/bin/arm-only', 'amd64')).toThrow(
      'exec /usr/bin/arm-only: exec format error',
    );
    expect(loadExecutable(tinyRootfs(), '/usr/bin/arm-only', 'arm64').kind).toBe('program');
  });

  it.each([
    ['#!/bin/sh\necho', { interpreter: '/bin/sh' }],
    ['#! /usr/bin/env node\n', { interpreter: '/usr/bin/env', argument: 'node' }],
    ['#!/bin/sh -e -x\n', { interpreter: '/bin/sh', argument: '-e -x' }],
    ['#!/bin/bash\r\n', { interpreter: '/bin/bash\r' }],
  ])('parses the interpreter line %j', (text, expected) => {
    const fs = tinyRootfs();
    fs.writeFile('/tmp/s', utf8(text), { mode: 0o755 });
    expect(loadExecutable(fs, '/tmp/s')).toEqual({ kind: 'script', path: '/tmp/s', ...expected });
  });

  it('calls a text file without #! an exec format error (the shell then runs it itself)', () => {
    try {
      loadExecutable(tinyRootfs(), '/usr/bin/noshebang');
      expect.unreachable();
    } catch (err) {
      expect((err as ExecError).reason).toBe('exec-format');
      expect((err as ExecError).afterStart).toBe(true);
    }
  });
});
