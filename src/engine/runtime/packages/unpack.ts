// Putting a package's files on disk, as apk and dpkg unpack them: parent directories created,
// an existing file or link at a path replaced (never written through — `apk add tree` replaces
// the /usr/bin/tree link to busybox rather than overwriting busybox), programs and libraries as
// ELF stand-ins for the container's architecture (the runtime runs a program by its marker),
// data files as filler at 1/1000 of the real size, like the official images' binaries.
import { utf8, type Bytes } from '../../bytes';
import { elfStandIn, minimumStandInSize } from '../../image/official/elf';
import { randomBytes } from '../../image/official/prng';
import type { TargetPlatform } from '../../image/official/platforms';
import { isFsError } from '../../layer/fs-errors';
import type { Overlay } from '../../layer/overlay';
import type { PackageFile, PackageSpec } from './model';

export interface UnpackOptions {
  platform: TargetPlatform;
  /** dpkg's path-exclude (slim images drop docs): a path for which this is true is not written. */
  excluded?: (path: string) => boolean;
}

function parentsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

function removeExisting(fs: Overlay, path: string): void {
  try {
    if (fs.lstat(path).type !== 'dir') fs.unlink(path);
  } catch (err) {
    if (!isFsError(err, 'ENOENT')) throw err;
  }
}

function contentOf(file: PackageFile, platform: TargetPlatform): Bytes {
  switch (file.kind) {
    case 'program':
    case 'library': {
      const name = file.kind === 'program' ? file.program : file.soname;
      const size = Math.max(minimumStandInSize(name) + 16, Math.round(file.realSize / 1000));
      return elfStandIn({ name, kind: file.kind, platform, size, seed: `pkg:${file.path}` });
    }
    case 'data':
      return randomBytes(`pkg:${file.path}@${platform.arch}`, Math.max(16, Math.round(file.realSize / 1000)));
    case 'text':
      return utf8(file.content);
    default:
      return new Uint8Array(0);
  }
}

/** Write a package's files; returns every path it owns (directories first), absolute. */
export function unpack(fs: Overlay, spec: PackageSpec, o: UnpackOptions): string[] {
  const owned = new Set<string>();
  for (const file of spec.files) {
    const path = `/${file.path}`;
    if (o.excluded?.(path)) continue;
    for (const dir of parentsOf(path)) {
      if (dir === '') continue;
      if (!fs.exists(dir)) fs.mkdir(dir);
      owned.add(dir);
    }
    if (file.kind === 'dir') {
      if (!fs.exists(path)) fs.mkdir(path);
    } else if (file.kind === 'link') {
      removeExisting(fs, path);
      fs.symlink(file.target, path);
    } else {
      removeExisting(fs, path);
      const executable =
        file.kind === 'program' || file.kind === 'library' || (file.kind === 'text' && file.mode !== undefined);
      const mode = file.kind === 'text' ? (file.mode ?? 0o644) : executable ? 0o755 : 0o644;
      fs.writeFile(path, contentOf(file, o.platform), { mode });
    }
    owned.add(path);
  }
  return [...owned];
}

/** Remove the files a package owns (directories only when empty), as `apk del` / `dpkg -r` do. */
export function removeOwned(fs: Overlay, paths: readonly string[]): void {
  const files = paths.filter((p) => {
    try {
      return fs.lstat(p).type !== 'dir';
    } catch {
      return false;
    }
  });
  for (const p of files) fs.unlink(p);
  const dirs = paths.filter((p) => !files.includes(p)).sort((a, b) => b.length - a.length);
  for (const d of dirs) {
    try {
      if (
        fs.readdir(d).length === 0 &&
        ![
          '/usr',
          '/usr/bin',
          '/usr/lib',
          '/bin',
          '/sbin',
          '/usr/sbin',
          '/usr/share',
          '/etc',
          '/lib',
          '/var',
          '/usr/libexec',
          '/usr/include',
        ].includes(d)
      )
        fs.rmdir(d);
    } catch {
      // not there any more, or not empty
    }
  }
}
