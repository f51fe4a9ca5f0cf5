// Opening a path as a process does: through symbolic links, into the right filesystem. Most paths
// lead into the container's overlay, but two mounts Docker adds are not files at all:
//
//   /dev   a tmpfs with device nodes: /dev/null swallows writes, /dev/zero reads zeros, and
//          /dev/stdout → /proc/self/fd/1 is the process's own stdout — which is why nginx, whose
//          access.log is a symlink to /dev/stdout, ends up in `docker logs`;
//   /proc  generated from the live process table (./procfs.ts).
//
// Programs call `openOutput`, `openInput`, `readPath`, `statPath`, `listDir` instead of touching
// `ctx.fs` directly whenever a path might lead there. A shell passes its file-descriptor table so
// that `/dev/stderr` means its current fd 2, redirections included.

import type { Bytes } from '../bytes';
import { FsError, isFsError } from '../layer/fs-errors';
import type { InputStream, OutputStream, ProcessContext } from './contract';
import { procEntry } from './procfs';
import { emptyInput, inputOf, nullOutput, readAll } from './streams';

/** A process's open descriptors 0, 1, 2 (a shell's current table, redirections applied). */
export type FdTable = (fd: number) => InputStream | OutputStream | undefined;

/** What `stat` says about a path anywhere in the container, devices included. */
export interface PathStats {
  type: 'file' | 'dir' | 'symlink' | 'chardev';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  size: number;
}

const DEV_LINKS: Readonly<Record<string, string>> = {
  '/dev/stdin': '/proc/self/fd/0',
  '/dev/stdout': '/proc/self/fd/1',
  '/dev/stderr': '/proc/self/fd/2',
  '/dev/fd': '/proc/self/fd',
  '/dev/core': '/proc/kcore',
  '/dev/ptmx': 'pts/ptmx',
};
const DEV_NODES = ['null', 'zero', 'full', 'random', 'urandom', 'tty', 'console'];
const DEV_DIRS: Readonly<Record<string, number>> = { '/dev/pts': 0o755, '/dev/shm': 0o1777, '/dev/mqueue': 0o1777 };
/** What `ls /dev` shows in a container. */
const DEV_LISTING = [
  'console',
  'core',
  'fd',
  'full',
  'mqueue',
  'null',
  'ptmx',
  'pts',
  'random',
  'shm',
  'stderr',
  'stdin',
  'stdout',
  'tty',
  'urandom',
  'zero',
];

function split(path: string): string[] {
  return path.split('/').filter((n) => n !== '' && n !== '.');
}

function isVirtual(path: string): boolean {
  return path === '/proc' || path.startsWith('/proc/') || path === '/dev' || isDevEntry(path);
}

function isDevEntry(path: string): boolean {
  if (!path.startsWith('/dev/')) return false;
  const name = path.slice(5).split('/')[0] as string;
  return DEV_LISTING.includes(name);
}

/** A link the kernel provides in /dev or /proc, as seen from this process. */
function virtualLink(ctx: ProcessContext, path: string): string | undefined {
  if (path in DEV_LINKS) return DEV_LINKS[path];
  if (path === '/proc/self') return String(ctx.pid);
  if (path === `/proc/${ctx.pid}/cwd`) return ctx.cwd;
  return undefined;
}

/**
 * The absolute path `path` leads to, every symbolic link followed — in the overlay and in /dev and
 * /proc — and `..` taken physically. The last name need not exist.
 */
export function canonicalPath(ctx: ProcessContext, path: string, followLast = true): string {
  if (path === '') throw new FsError('ENOENT', 'open', path);
  let pending = split(path.startsWith('/') ? path : `${ctx.cwd}/${path}`);
  const done: string[] = [];
  let links = 0;
  while (pending.length > 0) {
    const name = pending.shift() as string;
    if (name === '..') {
      done.pop();
      continue;
    }
    done.push(name);
    if (!followLast && pending.length === 0) break;
    const here = `/${done.join('/')}`;
    let target = virtualLink(ctx, here);
    if (target === undefined && !isVirtual(here)) target = overlayLink(ctx, here);
    if (target === undefined) continue;
    if (++links > 40) throw new FsError('ELOOP', 'open', path);
    done.pop();
    if (target.startsWith('/')) done.length = 0;
    pending = [...split(target), ...pending];
  }
  return `/${done.join('/')}`;
}

function overlayLink(ctx: ProcessContext, path: string): string | undefined {
  try {
    const stats = ctx.fs.lstat(path);
    return stats.type === 'symlink' ? ctx.fs.readlink(path) : undefined;
  } catch (err) {
    if (isFsError(err, 'ENOENT', 'ENOTDIR')) return undefined;
    throw err;
  }
}

/** A descriptor path (`/proc/<pid>/fd/<n>`): whose, and which. */
function descriptorOf(path: string): { pid: number; fd: number } | undefined {
  const m = /^\/proc\/(\d+)\/fd\/(\d+)$/.exec(path);
  return m === null ? undefined : { pid: Number(m[1]), fd: Number(m[2]) };
}

function ownStream(ctx: ProcessContext, fds: FdTable | undefined, fd: number): InputStream | OutputStream | undefined {
  const fromTable = fds?.(fd);
  if (fromTable !== undefined) return fromTable;
  return fd === 0 ? ctx.stdin : fd === 1 ? ctx.stdout : fd === 2 ? ctx.stderr : undefined;
}

/** Open `path` for writing: a file (created or truncated, or appended to), or a device. */
export function openOutput(
  ctx: ProcessContext,
  path: string,
  options: { append?: boolean; fds?: FdTable } = {},
): OutputStream {
  const real = canonicalPath(ctx, path);
  const fd = descriptorOf(real);
  if (fd !== undefined) {
    const stream = fd.pid === ctx.pid ? ownStream(ctx, options.fds, fd.fd) : undefined;
    if (stream === undefined || !('write' in stream)) throw new FsError('ENOENT', 'open', path);
    return stream;
  }
  if (real === '/dev/tty' || real === '/dev/console') return ownStream(ctx, options.fds, 1) as OutputStream;
  if (real.startsWith('/dev/') && DEV_NODES.includes(real.slice(5))) return nullOutput;
  if (real === '/proc' || real.startsWith('/proc/')) throw new FsError('EPERM', 'open', path);
  ctx.fs.writeFile(real, new Uint8Array(0), { append: true }); // create now, as open(O_CREAT) does
  if (!options.append) ctx.fs.writeFile(real, new Uint8Array(0));
  return { write: (data) => ctx.fs.writeFile(real, data, { append: true }) };
}

/** Open `path` for reading as a stream (devices stream forever: `head -c 8 /dev/zero`). */
export function openInput(ctx: ProcessContext, path: string, options: { fds?: FdTable } = {}): InputStream {
  const real = canonicalPath(ctx, path);
  const fd = descriptorOf(real);
  if (fd !== undefined) {
    const stream = fd.pid === ctx.pid ? ownStream(ctx, options.fds, fd.fd) : undefined;
    if (stream === undefined || !('read' in stream)) throw new FsError('ENOENT', 'open', path);
    return stream;
  }
  if (real === '/dev/null' || real === '/dev/full') return emptyInput;
  if (real === '/dev/zero') return { read: async () => new Uint8Array(4096) };
  if (real === '/dev/random' || real === '/dev/urandom') return { read: async () => randomChunk(4096) };
  if (real === '/dev/tty' || real === '/dev/console') return ownStream(ctx, options.fds, 0) as InputStream;
  return inputOf(readFileAt(ctx, real, path));
}

/** The whole content of `path` (a file, a /proc file, or what a device gives until its end). */
export async function readPath(ctx: ProcessContext, path: string, options: { fds?: FdTable } = {}): Promise<Bytes> {
  const real = canonicalPath(ctx, path);
  if (real === '/dev/zero' || real === '/dev/random' || real === '/dev/urandom') return new Uint8Array(0);
  if (descriptorOf(real) !== undefined || real.startsWith('/dev/')) return readAll(openInput(ctx, path, options));
  return readFileAt(ctx, real, path);
}

function readFileAt(ctx: ProcessContext, real: string, asGiven: string): Bytes {
  if (real === '/proc' || real.startsWith('/proc/')) {
    const entry = procEntry(ctx, real);
    if (entry === undefined) throw new FsError('ENOENT', 'open', asGiven);
    if (entry.kind === 'dir') throw new FsError('EISDIR', 'read', asGiven);
    if (entry.kind === 'link') throw new FsError('ENOENT', 'open', asGiven);
    return new TextEncoder().encode(entry.text) as Bytes;
  }
  try {
    return ctx.fs.readFile(real);
  } catch (err) {
    if (isFsError(err)) throw new FsError(err.code, err.syscall, asGiven);
    throw err;
  }
}

/** `stat` (or `lstat` with `follow: false`) anywhere in the container. */
export function statPath(ctx: ProcessContext, path: string, options: { follow?: boolean } = {}): PathStats {
  const follow = options.follow ?? true;
  const real = canonicalPath(ctx, path, follow);
  const virtual = virtualStats(ctx, real, follow);
  if (virtual !== undefined) return virtual;
  try {
    const s = follow ? ctx.fs.stat(real) : ctx.fs.lstat(real);
    return { type: s.type, mode: s.mode, uid: s.uid, gid: s.gid, mtime: s.mtime, size: s.size };
  } catch (err) {
    if (isFsError(err)) throw new FsError(err.code, err.syscall, path);
    throw err;
  }
}

function virtualStats(ctx: ProcessContext, real: string, follow: boolean): PathStats | undefined {
  const base = { uid: 0, gid: 0, mtime: Math.floor(ctx.clock.now() / 1000), size: 0 };
  if (!follow && (real in DEV_LINKS || real === '/proc/self')) return { ...base, type: 'symlink', mode: 0o777 };
  if (real === '/dev') return { ...base, type: 'dir', mode: 0o755 };
  if (real in DEV_DIRS) return { ...base, type: 'dir', mode: DEV_DIRS[real] as number };
  if (real.startsWith('/dev/') && DEV_NODES.includes(real.slice(5))) {
    return { ...base, type: 'chardev', mode: real === '/dev/tty' ? 0o666 : 0o666 };
  }
  if (descriptorOf(real) !== undefined) return { ...base, type: follow ? 'chardev' : 'symlink', mode: 0o620 };
  if (real !== '/proc' && !real.startsWith('/proc/')) return undefined;
  const entry = procEntry(ctx, real);
  if (entry === undefined) throw new FsError('ENOENT', 'stat', real);
  if (entry.kind === 'dir') return { ...base, type: 'dir', mode: 0o555 };
  if (entry.kind === 'link') return { ...base, type: 'symlink', mode: 0o777 };
  return { ...base, type: 'file', mode: 0o444 };
}

/** The names in a directory, sorted, /dev and /proc included. */
export function listDir(ctx: ProcessContext, path: string): string[] {
  const real = canonicalPath(ctx, path);
  if (real === '/dev') return DEV_LISTING;
  if (real === '/proc' || real.startsWith('/proc/')) {
    const entry = procEntry(ctx, real);
    if (entry === undefined) throw new FsError('ENOENT', 'open', path);
    if (entry.kind !== 'dir') throw new FsError('ENOTDIR', 'open', path);
    return [...entry.names].sort((a, b) =>
      /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0,
    );
  }
  if (real in DEV_DIRS && !ctx.fs.exists(real)) return [];
  try {
    return ctx.fs.readdir(real);
  } catch (err) {
    if (isFsError(err)) throw new FsError(err.code, err.syscall, path);
    throw err;
  }
}

/** readlink(2) anywhere in the container: /dev's and /proc's links included. */
export function readLink(ctx: ProcessContext, path: string): string {
  const real = canonicalPath(ctx, path, false);
  const virtual = virtualLink(ctx, real);
  if (virtual !== undefined) return virtual;
  if (real === '/proc' || real.startsWith('/proc/')) {
    const entry = procEntry(ctx, real);
    if (entry === undefined) throw new FsError('ENOENT', 'readlink', path);
    if (entry.kind !== 'link') throw new FsError('EINVAL', 'readlink', path);
    return entry.target;
  }
  try {
    return ctx.fs.readlink(real);
  } catch (err) {
    if (isFsError(err)) throw new FsError(err.code, err.syscall, path);
    throw err;
  }
}

/** `test -e`: does `path` lead anywhere? */
export function existsPath(ctx: ProcessContext, path: string): boolean {
  try {
    statPath(ctx, path);
    return true;
  } catch (err) {
    if (isFsError(err)) return false;
    throw err;
  }
}

let seed = 0x2545f491;
function randomChunk(n: number): Bytes {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    out[i] = seed & 0xff;
  }
  return out;
}
