// The build context: what `docker build PATH` sends to the daemon (docker/cli
// `cli/command/image/build/context.go`). The client walks the directory, leaves out what
// `.dockerignore` excludes (but always keeps the Dockerfile and the .dockerignore itself, which the
// daemon needs), and tars the rest — owner 0:0, modes and symlinks as they are, in directory order.
//
// A Dockerfile from outside the directory (`-f ../Dockerfile`) or from stdin (`-f -`) travels in
// the same tar under a random name, `.dockerfile.<20 hex>`, which is also appended to
// `.dockerignore` so that `COPY . .` cannot pick it up. The CLI's tar rewriter stops at the last
// file's bytes without the closing blocks; the daemon reads it all the same, and the size it says
// it sent is that of the truncated stream — which we copy, since students see the number.
import type { Bytes } from '../../../bytes';
import { utf8 } from '../../../bytes';
import { encodedOf, sha256Of } from '../../../digest';
import { filterBuildContext, readDockerignore, trimBuildFilesFromExcludes } from '../../../dockerfile';
import type { FsEntry } from '../../../layer/entry';
import { paddedSize } from '../../../layer/tar-fields';
import { writeTar } from '../../../layer/tar';
import type { DockerCli } from '../../cli/docker-cli';
import type { FileInfo } from '../../cli/file-system';

/** A path made absolute against the working directory and cleaned, as Go's filepath.Abs does. */
export function absolutePath(path: string, cwd: string): string {
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** `to` relative to the directory `from` (both absolute and clean), as filepath.Rel. */
export function relativePath(from: string, to: string): string {
  const a = from === '/' ? [] : from.slice(1).split('/');
  const b = to === '/' ? [] : to.slice(1).split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/') || '.';
}

/** A path below a directory as the client's file system takes it (`.` joins to nothing). */
export function joinPath(dir: string, rel: string): string {
  const base = dir.replace(/\/+$/, '');
  if (base === '' && dir.startsWith('/')) return `/${rel}`;
  return base === '.' || base === '' ? rel : `${base}/${rel}`;
}

async function infoOf(cli: DockerCli, path: string): Promise<FileInfo | undefined> {
  if (cli.files.lstat) return cli.files.lstat(path);
  const kind = await cli.files.stat(path);
  if (kind === undefined) return undefined;
  return { kind, mode: kind === 'directory' ? 0o755 : 0o644, size: 0, mtime: Math.floor(cli.now() / 1000) };
}

/** Every path below `dir` (relative, `/`-separated), with what lstat says of it. */
async function walk(cli: DockerCli, dir: string, rel = ''): Promise<Map<string, FileInfo>> {
  const found = new Map<string, FileInfo>();
  if (!cli.files.readdir) throw new Error('the client cannot list directories here');
  for (const name of await cli.files.readdir(rel === '' ? dir : joinPath(dir, rel))) {
    const path = rel === '' ? name : `${rel}/${name}`;
    const info = await infoOf(cli, joinPath(dir, path));
    if (!info) continue;
    found.set(path, info);
    if (info.kind === 'directory') for (const [p, i] of await walk(cli, dir, path)) found.set(p, i);
  }
  return found;
}

/** The .dockerignore patterns of a context directory (none when there is no such file). */
export async function contextExcludes(cli: DockerCli, dir: string): Promise<string[]> {
  const file = joinPath(dir, '.dockerignore');
  if ((await cli.files.stat(file)) !== 'file') return [];
  return readDockerignore(new TextDecoder().decode(await cli.files.readFile(file)));
}

/**
 * The tar entries of the context directory `dir`, `.dockerignore` applied and the Dockerfile
 * (`dockerfile`, relative to `dir`) kept unless it comes from stdin.
 */
export async function contextEntries(
  cli: DockerCli,
  dir: string,
  dockerfile: string,
  dockerfileFromStdin: boolean,
): Promise<FsEntry[]> {
  const excludes = trimBuildFilesFromExcludes(await contextExcludes(cli, dir), dockerfile, dockerfileFromStdin);
  const infos = await walk(cli, dir);
  const kept = filterBuildContext(
    [...infos].map(([path, info]) => ({ path, isDir: info.kind === 'directory' })),
    excludes,
  );
  const entries: FsEntry[] = [];
  for (const { path } of kept) {
    const info = infos.get(path)!;
    const base = { path, mode: info.mode & 0o7777, uid: 0, gid: 0, mtime: info.mtime };
    if (info.kind === 'directory') entries.push({ ...base, type: 'dir' });
    else if (info.kind === 'symlink') entries.push({ ...base, type: 'symlink', linkname: info.target ?? '' });
    else if (info.kind === 'file')
      entries.push({ ...base, type: 'file', content: await cli.files.readFile(joinPath(dir, path)) });
  }
  return entries;
}

/** Tar entries as the CLI streams them (TarError → a plain error with its words). */
export function tarOf(entries: readonly FsEntry[]): Bytes {
  try {
    return writeTar(entries);
  } catch (err) {
    throw new Error((err as Error).message, { cause: err });
  }
}

/** `.dockerfile.` and 20 hex digits; derived from the time and the Dockerfile, so runs repeat. */
export async function randomDockerfileName(dockerfile: Bytes, nowMs: number): Promise<string> {
  const seed = new Uint8Array([...utf8(String(nowMs)), ...dockerfile]);
  return `.dockerfile.${encodedOf(await sha256Of(seed)).slice(0, 20)}`;
}

/**
 * AddDockerfileToBuildContext: the context's entries plus the Dockerfile under `name`, with
 * `.dockerignore` extended to exclude it, as the truncated stream the CLI sends.
 */
export function withDockerfile(entries: readonly FsEntry[], dockerfile: Bytes, name: string, nowMs: number): Bytes {
  const mtime = Math.floor(nowMs / 1000);
  const file = (path: string, content: Bytes): FsEntry => ({
    path,
    type: 'file',
    mode: 0o600,
    uid: 0,
    gid: 0,
    mtime,
    content,
  });
  const out: FsEntry[] = [];
  let ignoreSeen = false;
  for (const entry of entries) {
    if (entry.path === '.dockerignore' && entry.type === 'file') {
      ignoreSeen = true;
      const text = new TextDecoder().decode(entry.content ?? new Uint8Array(0));
      out.push({ ...entry, content: utf8(`${text}\n${name}\n`) });
    } else out.push(entry);
  }
  out.push(file(name, dockerfile));
  if (!ignoreSeen) out.push(file('.dockerignore', utf8(`.dockerignore\n${name}\n`)));
  const tar = tarOf(out);
  const lastSize = out[out.length - 1]!.content?.length ?? 0;
  return tar.subarray(0, tar.length - 1024 - (paddedSize(lastSize) - lastSize)) as Bytes;
}

/** Is this the start of an archive (a tar header, or gzip) rather than a Dockerfile? */
export function isArchive(head: Uint8Array): boolean {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
  if (head.length < 512) return false;
  return new TextDecoder().decode(head.subarray(257, 262)) === 'ustar';
}

/** A tar holding only `Dockerfile` (a Dockerfile piped in: `docker build - < Dockerfile`). */
export function dockerfileOnlyContext(dockerfile: Bytes, nowMs: number): Bytes {
  return tarOf([
    {
      path: 'Dockerfile',
      type: 'file',
      mode: 0o644,
      uid: 0,
      gid: 0,
      mtime: Math.floor(nowMs / 1000),
      content: dockerfile,
    },
  ]);
}
