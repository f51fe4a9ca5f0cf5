// Pushing a blob (spec end-4a/4b/5/6/11/13): open an upload session with `POST …/blobs/uploads/`,
// send bytes with `PATCH` (chunked, `Content-Range`) and finish with `PUT ?digest=`, which checks
// that the bytes hash to the digest before anything becomes visible. A `POST` can also carry the
// whole blob at once (`?digest=`) or ask to mount a blob another repository already has
// (`?mount=&from=`). Until the final `PUT` an upload is invisible; an abandoned one is dropped.
import { concatBytes } from '../bytes';
import { DigestMismatchError, type Digest } from '../digest';
import type { WireRequest, WireResponse } from '../wire/message';
import { getHeader, readBody, splitUrl } from '../wire/message';
import { parseDigestParam } from './blobs';
import { RegistryError } from './errors';
import { emptyResponse } from './headers';
import type { RegistryState, UploadSession } from './state';

export interface UploadContext {
  state: RegistryState;
  nowMs: number;
  nextId: () => string;
  /** May the caller pull from `from`? (A mount must not leak blobs the caller cannot read.) */
  mayPull: (repository: string) => boolean;
}

function uploadUrl(name: string, uuid: string): string {
  return `/v2/${name}/blobs/uploads/${uuid}`;
}

function rangeHeader(size: number): string {
  return size === 0 ? '0-0' : `0-${size - 1}`;
}

function sessionHeaders(s: UploadSession) {
  return { Location: uploadUrl(s.name, s.uuid), Range: rangeHeader(s.size), 'Docker-Upload-UUID': s.uuid };
}

function session(state: RegistryState, name: string, uuid: string): UploadSession {
  const s = state.uploads.get(uuid);
  if (!s || s.name !== name) throw new RegistryError('BLOB_UPLOAD_UNKNOWN');
  return s;
}

/** Verify and store `bytes` as `digest`, then link it into the repository. */
async function commitBlob(
  state: RegistryState,
  name: string,
  bytes: Uint8Array,
  digest: Digest,
): Promise<WireResponse> {
  try {
    await state.blobs.put(bytes, digest);
  } catch (err) {
    if (err instanceof DigestMismatchError) throw new RegistryError('DIGEST_INVALID', digest);
    throw err;
  }
  state.ensureRepository(name).blobs.add(digest);
  return emptyResponse(201, { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest });
}

export async function startUpload(ctx: UploadContext, request: WireRequest, name: string): Promise<WireResponse> {
  const { state } = ctx;
  const { query } = splitUrl(request.url);
  const mount = query.get('mount');
  const from = query.get('from');
  if (mount !== null) {
    const digest = parseDigestParam(mount);
    if (from && state.hasBlob(from, digest) && ctx.mayPull(from)) {
      state.ensureRepository(name).blobs.add(digest);
      return emptyResponse(201, { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest });
    }
    // Not mountable: fall through to an ordinary upload session, as the spec allows.
  }
  const digestParam = query.get('digest');
  if (digestParam !== null) {
    const digest = parseDigestParam(digestParam);
    const body = await readBody(request.body);
    checkLength(request, body.length);
    return commitBlob(state, name, body, digest);
  }
  const s: UploadSession = { uuid: ctx.nextId(), name, chunks: [], size: 0, startedAt: ctx.nowMs };
  state.uploads.set(s.uuid, s);
  return emptyResponse(202, sessionHeaders(s));
}

function checkLength(request: WireRequest, actual: number): void {
  const declared = getHeader(request, 'Content-Length');
  if (declared !== undefined && Number(declared) !== actual) throw new RegistryError('SIZE_INVALID');
}

export async function patchUpload(
  ctx: UploadContext,
  request: WireRequest,
  name: string,
  uuid: string,
): Promise<WireResponse> {
  const s = session(ctx.state, name, uuid);
  const body = await readBody(request.body);
  checkLength(request, body.length);
  const range = getHeader(request, 'Content-Range');
  if (range !== undefined) {
    const m = /^(?:bytes )?(\d+)-(\d+)$/.exec(range.trim());
    if (!m || Number(m[1]) !== s.size || Number(m[2]) - Number(m[1]) + 1 !== body.length) {
      throw new RegistryError('RANGE_INVALID');
    }
  }
  s.chunks.push(body);
  s.size += body.length;
  s.startedAt = ctx.nowMs;
  return emptyResponse(202, sessionHeaders(s));
}

export async function finishUpload(
  ctx: UploadContext,
  request: WireRequest,
  name: string,
  uuid: string,
): Promise<WireResponse> {
  const s = session(ctx.state, name, uuid);
  const digest = parseDigestParam(splitUrl(request.url).query.get('digest'));
  const last = await readBody(request.body);
  checkLength(request, last.length);
  const bytes = concatBytes([...s.chunks, last]);
  // The session ends whether the digest matches or not, as in distribution.
  ctx.state.uploads.delete(uuid);
  return commitBlob(ctx.state, name, bytes, digest);
}

export function uploadStatus(ctx: UploadContext, name: string, uuid: string): WireResponse {
  const s = session(ctx.state, name, uuid);
  return emptyResponse(204, sessionHeaders(s));
}

export function cancelUpload(ctx: UploadContext, name: string, uuid: string): WireResponse {
  session(ctx.state, name, uuid);
  ctx.state.uploads.delete(uuid);
  return emptyResponse(204);
}

/** Drop sessions idle for longer than `timeoutMs`: an abandoned upload leaves nothing behind. */
export function sweepUploads(state: RegistryState, nowMs: number, timeoutMs: number): void {
  for (const [uuid, s] of state.uploads) if (nowMs - s.startedAt > timeoutMs) state.uploads.delete(uuid);
}
