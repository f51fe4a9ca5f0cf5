// `ADD https://…/file /dst/` (moby `copy.go` downloadSource): the daemon itself fetches the URL —
// through the same way out it reaches registries by, so in the simulation only hosts of the world
// answer. The file is saved under the last part of the URL path (or the Content-Disposition name),
// with mode 0600, its mtime taken from `Last-Modified`; it is never unpacked, even if it is a tar.
// Its checksum is the bare file hash, without the `file:` a context file's key gets.
//
// What can go wrong reads as Go's HTTP client says it, after `ADD failed: `:
//
//   Get "https://example.com/app.tar.gz": dial tcp: lookup example.com: no such host
//   failed to GET https://registry-1.docker.io/v2/ with status 401 Unauthorized: {"errors":…}
//
// COPY never downloads: `COPY failed: source can't be a URL for COPY`.
import type { FsEntry } from '../../layer/entry';
import { Overlay } from '../../layer/overlay';
import { snapshotFromEntries } from '../../layer/snapshot';
import { readBody, type WireRequest } from '../../wire/message';
import { progressBar } from '../distribution/json-message';
import { statusLine } from '../distribution/registry-errors';
import type { Transport } from '../distribution/transport';
import type { CopyInfo, CopySource } from './copy-sources';
import type { BuildOutput } from './output';
import { fileSum } from './tarsum';

/** urlutil.IsURL: an http or https address. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

function filenameFor(url: URL, headers: Record<string, string>): string {
  if (url.pathname !== '' && !url.pathname.endsWith('/')) {
    const base = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
    if (base !== '') return decodeURIComponent(base);
  }
  const disposition = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-disposition')?.[1] ?? '';
  const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? '';
  return name.endsWith('/') ? '' : name.slice(name.lastIndexOf('/') + 1);
}

/** Fetch `source` for ADD and make it a copy source of its own. */
export async function downloadSource(
  transport: Transport,
  out: BuildOutput,
  source: string,
  dest: string,
  userAgent: string,
): Promise<CopyInfo> {
  const url = new URL(source);
  const request: WireRequest = { method: 'GET', url: url.pathname + url.search, headers: { 'User-Agent': userAgent } };
  let response;
  try {
    response = await transport(url.host, request);
  } catch (err) {
    throw new Error(`Get ${JSON.stringify(source)}: ${(err as Error).message}`, { cause: err });
  }
  const body = await readBody(response.body);
  if (response.status < 200 || response.status >= 300) {
    throw new Error(
      `failed to GET ${source} with status ${statusLine(response.status)}: ${new TextDecoder().decode(body)}`,
    );
  }
  const total = body.length;
  out.progress({
    status: 'Downloading',
    progressDetail: { current: total, total },
    progress: progressBar(total, total),
  });
  out.stdout('\n');
  let name = filenameFor(url, response.headers);
  if (name === '') {
    if (dest.endsWith('/')) throw new Error(`cannot determine filename for source ${source}`);
    name = '__unnamed__';
  }
  const lastModified = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'last-modified')?.[1];
  const mtime = lastModified ? Math.floor((Date.parse(lastModified) || 0) / 1000) : 0;
  const entry: FsEntry = { path: name, type: 'file', mode: 0o600, uid: 0, gid: 0, mtime, content: body };
  const copySource: CopySource = {
    fs: new Overlay(snapshotFromEntries([entry])),
    fromImage: true,
    hash: () => fileSum(name, entry),
  };
  return { source: copySource, path: name, hash: await fileSum(name, entry), noDecompress: true };
}
