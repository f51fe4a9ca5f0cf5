// Blob endpoints (spec end-2, end-10): `HEAD`/`GET /v2/<name>/blobs/<digest>` fetch content a
// repository links to, `DELETE` unlinks it. Blobs are fetched by digest only, so what comes back is
// verifiable by the client: hash the bytes, compare with the name.
import { isDigest, type Digest } from '../digest';
import type { WireRequest, WireResponse } from '../wire/message';
import { getHeader } from '../wire/message';
import { RegistryError } from './errors';
import { baseHeaders, emptyResponse } from './headers';
import type { RegistryState } from './state';

export function parseDigestParam(text: string | null): Digest {
  if (!text || !isDigest(text)) throw new RegistryError('DIGEST_INVALID', text ?? undefined);
  return text;
}

async function linkedBlob(state: RegistryState, name: string, digest: Digest) {
  if (!state.hasBlob(name, digest)) throw new RegistryError('BLOB_UNKNOWN', digest);
  const bytes = await state.blobs.get(digest);
  if (!bytes) throw new RegistryError('BLOB_UNKNOWN', digest);
  return bytes;
}

export async function getBlob(
  state: RegistryState,
  request: WireRequest,
  name: string,
  digestText: string,
): Promise<WireResponse> {
  const digest = parseDigestParam(digestText);
  const bytes = await linkedBlob(state, name, digest);
  const headers = {
    ...baseHeaders(),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'max-age=31536000',
    'Content-Type': 'application/octet-stream',
    'Docker-Content-Digest': digest,
    Etag: `"${digest}"`,
  };
  const range = /^bytes=(\d+)-(\d*)$/.exec(getHeader(request, 'Range') ?? '');
  if (range && request.method === 'GET') {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
    if (start > end || start >= bytes.length) {
      return emptyResponse(416, { 'Content-Range': `bytes */${bytes.length}` });
    }
    const part = bytes.subarray(start, end + 1);
    return {
      status: 206,
      headers: {
        ...headers,
        'Content-Length': String(part.length),
        'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
      },
      body: part,
    };
  }
  const full = { ...headers, 'Content-Length': String(bytes.length) };
  return request.method === 'HEAD' ? { status: 200, headers: full } : { status: 200, headers: full, body: bytes };
}

export async function deleteBlob(
  state: RegistryState,
  name: string,
  digestText: string,
  enabled: boolean,
): Promise<WireResponse> {
  if (!enabled) throw new RegistryError('UNSUPPORTED');
  const digest = parseDigestParam(digestText);
  const repo = state.repository(name);
  if (!repo?.blobs.has(digest)) throw new RegistryError('BLOB_UNKNOWN', digest);
  repo.blobs.delete(digest);
  return emptyResponse(202, { 'Docker-Content-Digest': digest });
}
