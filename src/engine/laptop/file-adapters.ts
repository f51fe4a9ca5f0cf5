// The laptop's files as the docker client sees them. The client reads and writes through two small
// interfaces: a FileSystem for `docker save -o`, `docker load -i`, `docker cp` and build contexts
// (paths relative to the shell's working directory, errors in Go's words, because the real CLI is
// written in Go: `open app.tar: no such file or directory`), and a ConfigStorage for
// `~/.docker/config.json`, which `docker login` writes and the student can `cat`.
import type { Bytes } from '../bytes';
import { concatBytes } from '../bytes';
import { FileSystemError, type FileSystem } from '../client/cli/file-system';
import type { ConfigStorage } from '../client/config/config-file';
import { isLaptopFileError, type LaptopFileCode } from './file-errors';
import type { LaptopFiles } from './files';
import { parentOf, resolvePath } from './laptop-path';

/** Go's syscall.Errno text: lower case, as `os.PathError` prints it. */
const GO_REASONS: Readonly<Record<LaptopFileCode, string>> = {
  ENOENT: 'no such file or directory',
  EEXIST: 'file exists',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ENOTEMPTY: 'directory not empty',
  ENOSPC: 'no space left on device',
  EINVAL: 'invalid argument',
};

/** Run `action`, turning a LaptopFileError into Go's `op path: reason`. */
function goError<T>(op: string, path: string, action: () => T): T {
  try {
    return action();
  } catch (err) {
    if (!isLaptopFileError(err)) throw err;
    const verb = err.code === 'ENOSPC' ? 'write' : err.code === 'EISDIR' && op === 'open' ? 'read' : op;
    throw new FileSystemError(`${verb} ${path}: ${GO_REASONS[err.code]}`);
  }
}

async function collect(data: Bytes | AsyncIterable<Bytes>): Promise<Bytes> {
  if (data instanceof Uint8Array) return data;
  const parts: Bytes[] = [];
  for await (const chunk of data) parts.push(chunk);
  return concatBytes(parts);
}

/** The laptop's files for the docker client, relative to the shell's working directory. */
export function laptopFileSystem(files: LaptopFiles, cwd: () => string): FileSystem {
  const abs = (path: string) => resolvePath(cwd(), path);
  return {
    async readFile(path) {
      return goError('open', path, () => files.readFile(abs(path)));
    },
    async writeFile(path, data) {
      const bytes = await collect(data);
      goError('open', path, () => files.writeFile(abs(path), bytes));
    },
    async stat(path) {
      const kind = files.stat(abs(path))?.kind;
      return kind === undefined ? undefined : kind === 'dir' ? 'directory' : kind === 'file' ? 'file' : 'other';
    },
    async mkdir(path) {
      goError('mkdir', path, () => files.mkdir(abs(path), { parents: true }));
    },
    async readdir(path) {
      return goError('open', path, () => files.readdir(abs(path)));
    },
    async lstat(path) {
      const stat = files.stat(abs(path));
      if (!stat) return undefined;
      const kind = stat.kind === 'dir' ? 'directory' : stat.kind;
      return {
        kind,
        mode: stat.mode,
        size: stat.kind === 'file' ? stat.size : 0,
        mtime: Math.floor(stat.mtime / 1000),
      };
    },
    async remove(path) {
      if (!files.stat(abs(path))) return;
      goError('remove', path, () => files.remove(abs(path), { recursive: true }));
    },
  };
}

/** `config.json` in the configuration directory `dir` (`/home/student/.docker`). */
export function laptopConfigStorage(files: LaptopFiles, dir: string, cwd: () => string = () => '/'): ConfigStorage {
  const filename = resolvePath(cwd(), `${dir}/config.json`);
  return {
    filename,
    async load() {
      if (files.stat(filename)?.kind !== 'file') return undefined;
      return files.readText(filename);
    },
    async save(text) {
      goError('mkdir', parentOf(filename), () => files.mkdir(parentOf(filename), { parents: true }));
      goError('open', filename, () => files.writeFile(filename, text));
    },
  };
}
