// The laptop's files as its daemon's bind mounts see them. `docker run -v ./site:/usr/share/nginx/html
// nginx` on the laptop mounts the very directory the student edits: the daemon reads and writes
// the laptop's `LaptopFiles` through the small `HostPaths` interface, so a page saved in the
// editor is served changed at once, and a file a container writes appears in the file tree.
import type { HostPaths, HostPathStat } from '../../engine/daemon/volumes/host-paths';
import { LaptopFileError } from '../../engine/laptop/file-errors';
import type { LaptopFiles } from '../../engine/laptop/files';
import { FsError, type Errno } from '../../engine/layer/fs-errors';

/** The errno a container's program sees for each of the laptop's file errors. */
function asFsError(err: unknown, syscall: string, path: string): unknown {
  if (!(err instanceof LaptopFileError)) return err;
  const code: Errno = err.code === 'ENOSPC' ? 'EINVAL' : err.code;
  return new FsError(code, syscall, path);
}

function guarded<T>(syscall: string, path: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    throw asFsError(err, syscall, path);
  }
}

export function laptopHostPaths(files: LaptopFiles): HostPaths {
  return {
    stat(path): HostPathStat | undefined {
      const s = files.stat(path);
      if (!s) return undefined;
      return { type: s.kind, size: s.size, mode: s.mode, mtime: Math.floor(s.mtime / 1000) };
    },
    readFile: (path) => guarded('open', path, () => files.readFile(path)),
    writeFile: (path, data) => guarded('open', path, () => files.writeFile(path, data)),
    readdir: (path) => guarded('open', path, () => files.readdir(path)),
    mkdir: (path) => guarded('mkdir', path, () => files.mkdir(path, { parents: true })),
    remove: (path) => guarded('unlink', path, () => files.remove(path, { recursive: true })),
  };
}
