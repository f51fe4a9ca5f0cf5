import { describe, expect, it } from 'vitest';
import { fromUtf8 } from '../bytes';
import type { ProcessContext } from './contract';
import { canonicalPath, listDir, openOutput, readLink, readPath, statPath } from './files';
import { HostPidCounter, PidNamespace } from './process-table';
import { SimulatedClock } from './clock';
import { OutputBuffer, inputOf } from './streams';
import { tinyRootfs } from './testing/tiny-rootfs';
import { loopbackNetwork } from './testing/loopback';

function context() {
  const processes = new PidNamespace({ hostPids: new HostPidCounter(), now: () => 0 });
  processes.create(['sh', '-c', 'x'], 0, 0);
  processes.create(['cat'], 1, 0);
  const stdout = new OutputBuffer();
  const stderr = new OutputBuffer();
  const ctx = {
    argv: ['cat'],
    env: new Map([['PATH', '/bin']]),
    cwd: '/tmp',
    fs: tinyRootfs().at('/tmp'),
    stdin: inputOf('from stdin'),
    stdout,
    stderr,
    pid: 2,
    uid: 0,
    gid: 0,
    hostname: 'h',
    processes,
    net: loopbackNetwork(),
    clock: new SimulatedClock(0),
    signal: new AbortController().signal,
    spawn: async () => 0,
  } as ProcessContext;
  return { ctx, stdout, stderr };
}

describe('paths into /dev and /proc', () => {
  it('follows links from the image into /dev and on to the process’s descriptors', () => {
    const { ctx, stdout, stderr } = context();
    ctx.fs.symlink('/dev/stdout', '/tmp/access.log');
    ctx.fs.symlink('/dev/stderr', '/tmp/error.log');
    openOutput(ctx, '/tmp/access.log', { append: true }).write('GET / 200\n');
    openOutput(ctx, 'error.log').write('oops\n');
    openOutput(ctx, '/dev/null').write('gone');
    expect([stdout.text, stderr.text]).toEqual(['GET / 200\n', 'oops\n']);
    expect(canonicalPath(ctx, '/tmp/access.log')).toBe('/proc/2/fd/1');
  });

  it('writes ordinary files through the overlay, creating them at open', () => {
    const { ctx } = context();
    const out = openOutput(ctx, 'new.txt');
    expect(ctx.fs.exists('/tmp/new.txt')).toBe(true);
    out.write('a');
    out.write('b');
    expect(ctx.fs.readText('/tmp/new.txt')).toBe('ab');
  });

  it('reads /dev/stdin, /dev/null and generated /proc files', async () => {
    const { ctx } = context();
    expect(fromUtf8(await readPath(ctx, '/dev/stdin'))).toBe('from stdin');
    expect((await readPath(ctx, '/dev/null')).length).toBe(0);
    expect(fromUtf8(await readPath(ctx, '/proc/1/cmdline'))).toBe('sh\0-c\0x\0');
    expect(fromUtf8(await readPath(ctx, '/proc/self/comm'))).toBe('cat\n');
    expect(fromUtf8(await readPath(ctx, '/proc/mounts')).split('\n')[0]).toBe('overlay / overlay rw,relatime 0 0');
  });

  it('lists and stats the virtual directories', () => {
    const { ctx } = context();
    expect(listDir(ctx, '/proc').slice(0, 3)).toEqual(['1', '2', 'cpuinfo']);
    expect(listDir(ctx, '/dev')).toContain('null');
    expect(statPath(ctx, '/dev/null').type).toBe('chardev');
    expect(statPath(ctx, '/proc/self', { follow: false }).type).toBe('symlink');
    expect(readLink(ctx, '/proc/self')).toBe('2');
    expect(readLink(ctx, '/dev/stdout')).toBe('/proc/self/fd/1');
    expect(() => statPath(ctx, '/proc/99')).toThrow('No such file or directory');
  });
});
