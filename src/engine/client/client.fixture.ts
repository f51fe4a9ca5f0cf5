// Helpers for the client's tests: run `docker <argv…>` in memory against a daemon handler (the
// world fixture's, or a fake), with given stdin, terminal and files, and collect stdout, stderr
// and the exit status — plus the requests the client sent, in order. Not used by the engine itself.
import type { Bytes } from '../bytes';
import { fromUtf8 } from '../bytes';
import type { Handler, WireRequest } from '../wire/message';
import { DaemonUnreachableError } from './api/docker-api';
import type { ClientEnvironment } from './cli/environment';
import { FileSystemError, type FileSystem } from './cli/file-system';
import { MemoryInput, MemoryOutput } from './cli/streams';
import { runDocker } from './index';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** `METHOD /path?query` of every request the client sent. */
  requests: string[];
}

export interface ClientOptions {
  /** The daemon; undefined means nothing listens (every request fails to connect). */
  daemon?: Handler;
  now?: () => number;
  env?: Record<string, string>;
  /** The files of the client's side, by path. */
  files?: Map<string, Bytes>;
  /** config.json's text, if there is one (kept across runs of the same client). */
  config?: { text?: string };
}

export interface RunOptions {
  stdin?: string;
  /** Make stdout (and stdin) a terminal this many columns wide. */
  tty?: number;
}

/** A file system over a Map, with Go's error words. */
export function memoryFiles(files: Map<string, Bytes>): FileSystem {
  return {
    async readFile(path) {
      const data = files.get(path);
      if (!data) throw new FileSystemError(`open ${path}: no such file or directory`);
      return data;
    },
    async writeFile(path, data) {
      if (data instanceof Uint8Array) {
        files.set(path, data);
        return;
      }
      const parts: Bytes[] = [];
      for await (const chunk of data) parts.push(chunk);
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let off = 0;
      for (const p of parts) {
        out.set(p, off);
        off += p.length;
      }
      files.set(path, out);
    },
    async stat(path) {
      if (files.has(path)) return 'file';
      const prefix = path.endsWith('/') ? path : path + '/';
      if (path === '/' || path === '.' || [...files.keys()].some((k) => k.startsWith(prefix))) return 'directory';
      return undefined;
    },
    async mkdir(path) {
      files.set(path.replace(/\/$/, '') + '/.keep', new Uint8Array(0));
    },
    async readdir(path) {
      const prefix = path.endsWith('/') ? path : path + '/';
      const names = [...files.keys()]
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length).split('/')[0]!);
      return [...new Set(names)].filter((n) => n !== '.keep').sort();
    },
    async lstat(path) {
      const data = files.get(path);
      if (data) return { kind: 'file', mode: 0o644, size: data.length, mtime: 1_700_000_000 };
      const prefix = path.endsWith('/') ? path : path + '/';
      if (path === '.' || [...files.keys()].some((k) => k.startsWith(prefix)))
        return { kind: 'directory', mode: 0o755, size: 0, mtime: 1_700_000_000 };
      return undefined;
    },
    async remove(path) {
      const prefix = path.endsWith('/') ? path : path + '/';
      for (const key of [...files.keys()]) if (key === path || key.startsWith(prefix)) files.delete(key);
    },
  };
}

/** A client that runs command lines against `options.daemon`. */
export function testClient(options: ClientOptions = {}) {
  const files = options.files ?? new Map<string, Bytes>();
  const config = options.config ?? {};
  return async (argv: readonly string[], run: RunOptions = {}): Promise<RunResult> => {
    const requests: string[] = [];
    const out = new MemoryOutput(run.tty !== undefined, run.tty);
    const err = new MemoryOutput(run.tty !== undefined, run.tty);
    const env: ClientEnvironment = {
      out,
      err,
      in: new MemoryInput(run.stdin ?? '', run.tty !== undefined, run.tty),
      env: { DOCKER_HOST: 'tcp://127.0.0.1:2375', ...options.env },
      files: memoryFiles(files),
      now: options.now ?? (() => Date.UTC(2025, 0, 1)),
      home: '/home/student',
      connect: () => ({
        async request(request: WireRequest) {
          requests.push(`${request.method} ${request.url}`);
          if (!options.daemon) throw new DaemonUnreachableError('connection refused');
          return options.daemon(request);
        },
      }),
      configStorage: (dir) => ({
        filename: `${dir}/config.json`,
        load: async () => config.text,
        save: async (text) => {
          config.text = text;
        },
      }),
    };
    const code = await runDocker(argv, env);
    return { code, stdout: out.text(), stderr: err.text(), requests };
  };
}

/** A daemon that only answers the ping, and `404 page not found` to everything else. */
export const pingOnlyDaemon: Handler = async (request) => {
  const headers = { 'Api-Version': '1.50', Ostype: 'linux', 'Docker-Experimental': 'false', Swarm: 'inactive' };
  if (request.url.endsWith('/_ping')) return { status: 200, headers };
  return {
    status: 404,
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: new TextEncoder().encode('{"message":"page not found"}\n') as Bytes,
  };
};

export const text = (bytes: Bytes) => fromUtf8(bytes);
