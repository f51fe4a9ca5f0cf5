// What our docker client needs from the Node process it runs in: the standard streams (and
// whether they are terminals, and how wide), the real disk for `docker save -o` / `load -i` and
// for `$DOCKER_CONFIG/config.json`, the environment, the clock, and Ctrl+C.
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Bytes } from '../engine/bytes';
import { FileSystemError, type FileSystem } from '../engine/client/cli/file-system';
import type { ClientEnvironment } from '../engine/client/cli/environment';
import type { InputStream, OutputStream } from '../engine/client/cli/streams';
import type { ConfigStorage } from '../engine/client/config/config-file';
import { httpDockerApi } from './docker-http';

function output(stream: NodeJS.WriteStream): OutputStream & { flush(): Promise<void> } {
  return {
    get isTerminal() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.isTTY ? stream.columns : undefined;
    },
    write(data) {
      stream.write(data);
    },
    flush: () => new Promise<void>((resolve) => stream.write('', () => resolve())),
  };
}

function setOutputProcessing(on: boolean): void {
  try {
    execFileSync('stty', [on ? 'opost' : '-opost'], { stdio: ['inherit', 'ignore', 'ignore'] });
  } catch {
    // No stty: the only cost is an extra carriage return per line.
  }
}

function input(stream: NodeJS.ReadStream): InputStream {
  let iterator: AsyncIterator<Buffer | string> | undefined;
  return {
    get isTerminal() {
      return stream.isTTY === true;
    },
    get columns() {
      return stream.isTTY ? (process.stdout.columns ?? undefined) : undefined;
    },
    setRaw(raw: boolean) {
      if (!stream.isTTY) return;
      stream.setRawMode(raw);
      // libuv's raw mode leaves output post-processing on, so the container's own "\r\n" would
      // reach the screen as "\r\r\n"; Go's term.MakeRaw turns it off, and so do we.
      if (process.stdout.isTTY) setOutputProcessing(!raw);
    },
    async read(): Promise<Bytes | undefined> {
      iterator ??= stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
      const next = await iterator.next();
      if (next.done) return undefined;
      const chunk = next.value;
      return (typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)) as Bytes;
    },
  };
}

/** Go's wording for a failed open: `open x.tar: no such file or directory`. */
function fileError(path: string, err: unknown): FileSystemError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EACCES'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory'
          : (err as Error).message;
  return new FileSystemError(`open ${path}: ${reason}`);
}

const disk: FileSystem = {
  async readFile(path) {
    try {
      return new Uint8Array(await readFile(path)) as Bytes;
    } catch (err) {
      throw fileError(path, err);
    }
  },
  async writeFile(path, data) {
    try {
      if (data instanceof Uint8Array) return await writeFile(path, data);
      const parts: Uint8Array[] = [];
      for await (const chunk of data) parts.push(chunk);
      await writeFile(path, Buffer.concat(parts));
    } catch (err) {
      throw fileError(path, err);
    }
  },
  async stat(path) {
    try {
      const info = await stat(path);
      return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other';
    } catch {
      return undefined;
    }
  },
  async mkdir(path) {
    await mkdir(path, { recursive: true });
  },
  async readdir(path) {
    return (await readdir(path)).sort();
  },
  async lstat(path) {
    try {
      const info = await lstat(path);
      const kind = info.isSymbolicLink()
        ? 'symlink'
        : info.isDirectory()
          ? 'directory'
          : info.isFile()
            ? 'file'
            : 'other';
      return {
        kind,
        mode: info.mode & 0o7777,
        size: info.size,
        mtime: Math.floor(info.mtimeMs / 1000),
        ...(kind === 'symlink' ? { target: await readlink(path) } : {}),
      };
    } catch {
      return undefined;
    }
  },
  async remove(path) {
    await rm(path, { recursive: true, force: true });
  },
};

function configStorage(dir: string): ConfigStorage {
  const filename = join(dir, 'config.json');
  return {
    filename,
    async load() {
      try {
        return await readFile(filename, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async save(text) {
      await mkdir(dirname(filename), { recursive: true, mode: 0o700 });
      await writeFile(filename, text, { mode: 0o600 });
    },
  };
}

export interface NodeHost extends ClientEnvironment {
  /** Wait until everything written to stdout and stderr has been handed to the OS. */
  flush(): Promise<void>;
}

/** The client environment of this Node process. */
export function nodeHost(): NodeHost {
  const out = output(process.stdout);
  const err = output(process.stderr);
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return {
    out,
    err,
    in: input(process.stdin),
    env,
    files: disk,
    now: () => Date.now(),
    signal: interrupt.signal,
    home: homedir(),
    connect: httpDockerApi,
    configStorage,
    flush: async () => {
      await out.flush();
      await err.flush();
    },
  };
}
