// `docker cp web:/etc/nginx/nginx.conf .` and `docker cp index.html web:/usr/share/nginx/html/`:
// files between the client's side and a container, carried as tar archives — the client reads
// `GET /containers/web/archive?path=…` and unpacks it locally, or packs local files and sends them
// with `PUT /containers/web/archive?path=DIR`. `-` instead of a local path is the tar itself on
// stdout or stdin. On a terminal it ends with `Successfully copied 2.05kB to …`.
import type { Bytes } from '../../../bytes';
import { fromUtf8 } from '../../../bytes';
import { humanSize } from '../../../image/size';
import type { FsEntry } from '../../../layer/entry';
import { readTar, writeTar } from '../../../layer/tar';
import { getHeader, readBody } from '../../../wire/message';
import { isNotFound } from '../../api/api-error';
import { exactArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { dirOf } from '../../cli/file-system';
import { bool } from '../../cli/flag';
import { chunksOf } from '../../cli/streams';

const GO_MODE_DIR = 2 ** 31;

/** docker/cli splitCpArg: `ctr:path`, or a local path (absolute, or starting with `.`). */
export function splitCpArg(arg: string): { container: string; path: string } {
  if (arg.startsWith('/')) return { container: '', path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { container: '', path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

const baseOf = (path: string) => path.replace(/\/+$/, '').split('/').pop() || '/';
const join = (dir: string, name: string) => (dir.endsWith('/') ? dir + name : `${dir}/${name}`);

function statOf(header: string | undefined): { name: string; mode: number } | undefined {
  if (!header) return undefined;
  try {
    return JSON.parse(fromUtf8(Uint8Array.from(atob(header), (c) => c.charCodeAt(0)))) as {
      name: string;
      mode: number;
    };
  } catch {
    return undefined;
  }
}

async function copyFromContainer(cli: DockerCli, container: string, src: string, dest: string, quiet: boolean) {
  const response = await cli.api.request('GET', `/containers/${container}/archive`, { query: { path: src } });
  const tar = await readBody(response.body);
  if (dest === '-') return cli.out.write(tar);
  const entries = readTar(tar);
  const top = entries[0]?.path.split('/')[0] ?? baseOf(src);
  const destKind = await cli.files.stat(dest);
  if (destKind === undefined && dest.endsWith('/')) throw new Error(`destination "${dest}" does not exist`);
  if (destKind === undefined && (await cli.files.stat(dirOf(dest))) === undefined) {
    throw new Error(`destination "${dest}" does not exist`);
  }
  const target = destKind === 'directory' ? join(dest, top) : dest;
  for (const entry of entries) {
    const rest = entry.path.slice(top.length);
    const path = target + rest;
    if (entry.type === 'dir') await cli.files.mkdir?.(path);
    else if (entry.type === 'file') await cli.files.writeFile(path, entry.content ?? (new Uint8Array(0) as Bytes));
  }
  if (!quiet && cli.err.isTerminal) cli.err.write(`Successfully copied ${humanSize(tar.length, 3)} to ${dest}\n`);
}

async function localEntries(cli: DockerCli, path: string, name: string, out: FsEntry[]): Promise<void> {
  const kind = await cli.files.stat(path);
  const meta = { mode: 0o644, uid: 0, gid: 0, mtime: 0 };
  if (kind === 'directory') {
    out.push({ ...meta, mode: 0o755, path: name, type: 'dir' });
    for (const child of (await cli.files.readdir?.(path)) ?? [])
      await localEntries(cli, join(path, child), `${name}/${child}`, out);
  } else {
    out.push({ ...meta, path: name, type: 'file', content: await cli.files.readFile(path) });
  }
}

async function copyToContainer(cli: DockerCli, src: string, container: string, dest: string, quiet: boolean) {
  let destDir = dest;
  let name = baseOf(src);
  try {
    const head = await cli.api.request('HEAD', `/containers/${container}/archive`, { query: { path: dest } });
    const stat = statOf(getHeader(head, 'X-Docker-Container-Path-Stat'));
    if (!stat || (stat.mode & GO_MODE_DIR) === 0) [destDir, name] = [dirOf(dest), baseOf(dest)];
  } catch (err) {
    if (!isNotFound(err) || dest.endsWith('/')) throw err;
    [destDir, name] = [dirOf(dest), baseOf(dest)];
  }
  let body: Bytes | AsyncIterable<Bytes>;
  let size = 0;
  if (src === '-') body = chunksOf(cli.in);
  else {
    if ((await cli.files.stat(src)) === undefined) throw new Error(`lstat ${src}: no such file or directory`);
    const entries: FsEntry[] = [];
    await localEntries(cli, src, name, entries);
    body = writeTar(entries);
    size = body.length;
  }
  await cli.api.request('PUT', `/containers/${container}/archive`, {
    query: { noOverwriteDirNonDir: 'true', path: destDir },
    headers: { 'Content-Type': 'application/x-tar' },
    body,
  });
  if (!quiet && cli.err.isTerminal && src !== '-') {
    cli.err.write(`Successfully copied ${humanSize(size, 3)} to ${container}:${dest}\n`);
  }
}

export function cpCommand(): CommandSpec {
  return {
    name: 'cp',
    use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-',
    short: 'Copy files/folders between a container and the local filesystem',
    long: "Copy files/folders between a container and the local filesystem\n\nUse '-' as the source to read a tar archive from stdin\nand extract it to a directory destination in a container.\nUse '-' as the destination to stream a tar archive of a\ncontainer source to stdout.",
    aliasesText: 'docker container cp, docker cp',
    args: exactArgs(2),
    flags: [
      bool('archive', 'a', 'Archive mode (copy all uid/gid information)'),
      bool('follow-link', 'L', 'Always follow symbol link in SRC_PATH'),
      bool(
        'quiet',
        'q',
        'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached',
      ),
    ],
    async run({ cli, args, flags }) {
      const from = splitCpArg(args[0]!);
      const to = splitCpArg(args[1]!);
      if (from.container !== '' && to.container !== '') throw new Error('copying between containers is not supported');
      if (from.container === '' && to.container === '') throw new Error('must specify at least one container source');
      const quiet = flags.bool('quiet');
      if (from.container !== '') return copyFromContainer(cli, from.container, from.path, to.path, quiet);
      return copyToContainer(cli, from.path, to.container, to.path, quiet);
    },
  };
}
