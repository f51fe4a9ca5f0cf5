import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import { LaptopFileError } from './file-errors';
import { FilesDataError } from './files-json';
import { LaptopFiles, MAX_FILE_BYTES, type FileChange } from './files';

const fresh = () => new LaptopFiles({ now: () => 1_000 });

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (err) {
    if (err instanceof LaptopFileError) return err.code;
    throw err;
  }
}

describe('LaptopFiles', () => {
  it('starts as a fresh laptop: the home with an empty .docker, /tmp, /etc/hostname', () => {
    const files = fresh();
    expect(files.readdir('/home/student')).toEqual(['.docker']);
    expect(files.readdir('/home/student/.docker')).toEqual([]);
    expect(files.stat('/tmp')?.kind).toBe('dir');
    expect(files.readText('/etc/hostname')).toBe('laptop\n');
  });

  it('writes, reads, lists sorted and stats files', () => {
    const files = fresh();
    files.writeFile('/tmp/b.txt', 'bee');
    files.writeFile('/tmp/a.txt', utf8('ay'));
    files.writeFile('/tmp/B', '');
    expect(files.readdir('/tmp')).toEqual(['B', 'a.txt', 'b.txt']);
    expect(files.readText('/tmp/b.txt')).toBe('bee');
    expect(files.stat('/tmp/a.txt')).toEqual({ kind: 'file', size: 2, mode: 0o644, mtime: 1_000 });
    expect(files.stat('/tmp')).toMatchObject({ kind: 'dir', size: 4096, mode: 0o755 });
    expect(files.stat('/tmp/none')).toBeUndefined();
  });

  it('gives a copy of the bytes, so callers cannot change the file behind its back', () => {
    const files = fresh();
    const data = utf8('abc');
    files.writeFile('/tmp/x', data);
    data[0] = 0x7a;
    const read = files.readFile('/tmp/x');
    read[1] = 0x7a;
    expect(files.readText('/tmp/x')).toBe('abc');
  });

  it.each([
    ['read a missing file', (f: LaptopFiles) => f.readFile('/tmp/none'), 'ENOENT'],
    ['read a directory', (f: LaptopFiles) => f.readFile('/tmp'), 'EISDIR'],
    ['read through a file', (f: LaptopFiles) => f.readFile('/etc/hostname/x'), 'ENOTDIR'],
    ['write with no parent', (f: LaptopFiles) => f.writeFile('/nope/x', 'a'), 'ENOENT'],
    ['write over a directory', (f: LaptopFiles) => f.writeFile('/tmp', 'a'), 'EISDIR'],
    ['write under a file', (f: LaptopFiles) => f.writeFile('/etc/hostname/x', 'a'), 'ENOTDIR'],
    ['mkdir an existing dir', (f: LaptopFiles) => f.mkdir('/tmp'), 'EEXIST'],
    ['mkdir with no parent', (f: LaptopFiles) => f.mkdir('/a/b'), 'ENOENT'],
    ['mkdir -p through a file', (f: LaptopFiles) => f.mkdir('/etc/hostname/x', { parents: true }), 'ENOTDIR'],
    ['mkdir -p over a file', (f: LaptopFiles) => f.mkdir('/etc/hostname', { parents: true }), 'EEXIST'],
    ['readdir a file', (f: LaptopFiles) => f.readdir('/etc/hostname'), 'ENOTDIR'],
    ['remove a missing path', (f: LaptopFiles) => f.remove('/nope'), 'ENOENT'],
    ['remove a full directory', (f: LaptopFiles) => f.remove('/etc'), 'ENOTEMPTY'],
    ['remove the root', (f: LaptopFiles) => f.remove('/', { recursive: true }), 'EINVAL'],
    ['rename a missing path', (f: LaptopFiles) => f.rename('/nope', '/tmp/x'), 'ENOENT'],
    ['rename into itself', (f: LaptopFiles) => f.rename('/home', '/home/student/x'), 'EINVAL'],
    ['rename a file over a directory', (f: LaptopFiles) => f.rename('/etc/hostname', '/tmp'), 'EISDIR'],
    ['rename a directory over a file', (f: LaptopFiles) => f.rename('/tmp', '/etc/hostname'), 'ENOTDIR'],
    ['rename over a full directory', (f: LaptopFiles) => f.rename('/tmp', '/etc'), 'ENOTEMPTY'],
    ['walk a missing path', (f: LaptopFiles) => f.walk('/nope'), 'ENOENT'],
  ])('refuses to %s', (_name, action, code) => {
    const files = fresh();
    const before = JSON.stringify(files.toJSON());
    expect(codeOf(() => action(files))).toBe(code);
    expect(JSON.stringify(files.toJSON())).toBe(before);
  });

  it('words its errors as the shell prints them', () => {
    const err = new LaptopFileError('ENOENT', '/tmp/x');
    expect(err.message).toBe('/tmp/x: No such file or directory');
    expect(new LaptopFileError('ENOSPC', '/a').reason).toBe('No space left on device');
  });

  it('makes parents with mkdir -p and accepts an existing directory', () => {
    const files = fresh();
    files.mkdir('/home/student/app/src/lib', { parents: true });
    files.mkdir('/home/student/app', { parents: true });
    expect(files.walk('/home/student/app')).toEqual(['/home/student/app/src', '/home/student/app/src/lib']);
  });

  it('removes recursively and moves trees', () => {
    const files = fresh();
    files.mkdir('/tmp/a/b', { parents: true });
    files.writeFile('/tmp/a/b/c', 'x');
    files.rename('/tmp/a', '/tmp/z');
    expect(files.walk('/tmp')).toEqual(['/tmp/z', '/tmp/z/b', '/tmp/z/b/c']);
    files.remove('/tmp/z', { recursive: true });
    expect(files.readdir('/tmp')).toEqual([]);
    expect(files.usedBytes).toBe(files.readFile('/etc/hostname').length);
  });

  it('replaces a file on rename, as rename(2) does, and keeps the byte count right', () => {
    const files = fresh();
    files.writeFile('/tmp/a', 'aaaa');
    files.writeFile('/tmp/b', 'bb');
    const before = files.usedBytes;
    files.rename('/tmp/a', '/tmp/b');
    expect(files.readText('/tmp/b')).toBe('aaaa');
    expect(files.exists('/tmp/a')).toBe(false);
    expect(files.usedBytes).toBe(before - 2);
  });

  it('refuses files over 16 MiB and trees over 64 MiB with ENOSPC', () => {
    const files = fresh();
    expect(codeOf(() => files.writeFile('/tmp/big', new Uint8Array(MAX_FILE_BYTES + 1)))).toBe('ENOSPC');
    for (let i = 0; i < 3; i++) files.writeFile(`/tmp/f${i}`, new Uint8Array(MAX_FILE_BYTES));
    expect(codeOf(() => files.writeFile('/tmp/f3', new Uint8Array(MAX_FILE_BYTES)))).toBe('ENOSPC');
    files.writeFile('/tmp/f0', new Uint8Array(1));
    files.writeFile('/tmp/f3', new Uint8Array(MAX_FILE_BYTES));
    expect(files.exists('/tmp/f3')).toBe(true);
  });

  it('tells subscribers about every change, and stops when asked', () => {
    const files = fresh();
    const seen: FileChange[] = [];
    const stop = files.subscribe((c) => seen.push(c));
    files.mkdir('/tmp/d');
    files.writeFile('/tmp/d/f', 'x');
    files.rename('/tmp/d/f', '/tmp/d/g');
    files.remove('/tmp/d', { recursive: true });
    stop();
    files.mkdir('/tmp/e');
    expect(seen).toEqual([
      { path: '/tmp/d', kind: 'mkdir' },
      { path: '/tmp/d/f', kind: 'write' },
      { path: '/tmp/d/g', kind: 'rename' },
      { path: '/tmp/d', kind: 'remove' },
    ]);
  });

  it('round-trips through JSON exactly, bytes included', () => {
    const files = fresh();
    files.writeFile('/tmp/bin', Uint8Array.from([0, 255, 128, 10, 13]));
    files.mkdir('/home/student/app');
    const copy = LaptopFiles.fromJSON(JSON.parse(JSON.stringify(files.toJSON())), () => 5);
    expect(copy.toJSON()).toEqual(files.toJSON());
    expect([...copy.readFile('/tmp/bin')]).toEqual([0, 255, 128, 10, 13]);
    expect(copy.usedBytes).toBe(files.usedBytes);
  });

  it.each([
    ['not an object', 42, /invalid laptop files/],
    ['a wrong version', { version: 2, entries: [] }, /version/],
    ['no root', { version: 1, entries: [] }, /root directory/],
    [
      'bad base64',
      {
        version: 1,
        entries: [
          { path: '/', kind: 'dir', mode: 493, mtime: 0 },
          { path: '/f', kind: 'file', mode: 420, mtime: 0, data: '!!' },
        ],
      },
      /entries/,
    ],
    [
      'an orphan',
      {
        version: 1,
        entries: [
          { path: '/', kind: 'dir', mode: 493, mtime: 0 },
          { path: '/a/b', kind: 'dir', mode: 493, mtime: 0 },
        ],
      },
      /before its directory/,
    ],
    [
      'a path twice',
      {
        version: 1,
        entries: [
          { path: '/', kind: 'dir', mode: 493, mtime: 0 },
          { path: '/a', kind: 'dir', mode: 493, mtime: 0 },
          { path: '/a', kind: 'dir', mode: 493, mtime: 0 },
        ],
      },
      /twice/,
    ],
    [
      'an unclean path',
      {
        version: 1,
        entries: [
          { path: '/', kind: 'dir', mode: 493, mtime: 0 },
          { path: '/a/../b', kind: 'dir', mode: 493, mtime: 0 },
        ],
      },
      /bad path/,
    ],
  ])('refuses JSON with %s, with a clear error', (_name, data, message) => {
    expect(() => LaptopFiles.fromJSON(data)).toThrow(FilesDataError);
    expect(() => LaptopFiles.fromJSON(data)).toThrow(message);
  });

  it('never throws anything but LaptopFileError, and always round-trips (property)', () => {
    const name = fc.constantFrom('a', 'b', 'c', '.h', 'd e');
    const path = fc.array(name, { minLength: 0, maxLength: 4 }).map((parts) => `/tmp/${parts.join('/')}`);
    const op = fc.oneof(
      fc.record({ op: fc.constant('write'), path, data: fc.uint8Array({ maxLength: 16 }) }),
      fc.record({ op: fc.constant('mkdir'), path, parents: fc.boolean() }),
      fc.record({ op: fc.constant('remove'), path, recursive: fc.boolean() }),
      fc.record({ op: fc.constant('rename'), path, to: path }),
      fc.record({ op: fc.constant('read'), path }),
      fc.record({ op: fc.constant('readdir'), path }),
      fc.record({ op: fc.constant('walk'), path }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const files = fresh();
        for (const o of ops) {
          try {
            if (o.op === 'write') files.writeFile(o.path, o.data as Uint8Array<ArrayBuffer>);
            else if (o.op === 'mkdir') files.mkdir(o.path, { parents: o.parents as boolean });
            else if (o.op === 'remove') files.remove(o.path, { recursive: o.recursive as boolean });
            else if (o.op === 'rename') files.rename(o.path, o.to as string);
            else if (o.op === 'read') files.readFile(o.path);
            else if (o.op === 'readdir') files.readdir(o.path);
            else files.walk(o.path);
          } catch (err) {
            if (!(err instanceof LaptopFileError)) throw err;
          }
        }
        const data = JSON.parse(JSON.stringify(files.toJSON())) as unknown;
        const copy = LaptopFiles.fromJSON(data);
        expect(copy.toJSON()).toEqual(files.toJSON());
        const total = files
          .walk('/')
          .reduce((n, p) => n + (files.stat(p)?.kind === 'file' ? (files.stat(p)?.size ?? 0) : 0), 0);
        expect(files.usedBytes).toBe(total);
        expect(copy.usedBytes).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});
