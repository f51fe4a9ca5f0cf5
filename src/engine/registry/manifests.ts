// Manifest endpoints (spec end-3, end-7, end-9): `PUT /v2/<name>/manifests/<tag|digest>` stores a
// manifest once every blob (or, for an index, every manifest) it names is already in the
// repository; `GET`/`HEAD` return it by tag or digest with its own media type and digest;
// `DELETE` by digest removes it and every tag that pointed at it.
import { isDigest, sha256Of, type Digest } from '../digest';
import type { WireRequest, WireResponse } from '../wire/message';
import { getHeader, readBody } from '../wire/message';
import { RegistryError } from './errors';
import { baseHeaders, emptyResponse } from './headers';
import { manifestRefs } from './manifest-refs';
import { isValidTag } from '../reference';
import type { RegistryState } from './state';

function resolve(state: RegistryState, name: string, reference: string): Digest {
  const repo = state.repository(name);
  if (isDigest(reference)) {
    if (!repo?.manifests.has(reference)) throw new RegistryError('MANIFEST_UNKNOWN', { Digest: reference });
    return reference;
  }
  const digest = repo?.tags.get(reference);
  if (!digest) throw new RegistryError('MANIFEST_UNKNOWN', { Tag: reference });
  return digest;
}

export async function getManifest(
  state: RegistryState,
  request: WireRequest,
  name: string,
  reference: string,
): Promise<WireResponse> {
  if (!isDigest(reference) && !isValidTag(reference)) throw new RegistryError('TAG_INVALID', reference);
  const digest = resolve(state, name, reference);
  const link = state.repository(name)!.manifests.get(digest)!;
  const bytes = await state.blobs.get(digest);
  if (!bytes) throw new RegistryError('MANIFEST_UNKNOWN', { Digest: digest });
  const headers = {
    ...baseHeaders(),
    'Content-Type': link.mediaType,
    'Content-Length': String(bytes.length),
    'Docker-Content-Digest': digest,
    Etag: `"${digest}"`,
  };
  return request.method === 'HEAD' ? { status: 200, headers } : { status: 200, headers, body: bytes };
}

export async function putManifest(
  state: RegistryState,
  request: WireRequest,
  name: string,
  reference: string,
): Promise<WireResponse> {
  const byDigest = isDigest(reference);
  if (!byDigest && !isValidTag(reference)) throw new RegistryError('TAG_INVALID', reference);
  const bytes = await readBody(request.body);
  const declared = getHeader(request, 'Content-Length');
  if (declared !== undefined && Number(declared) !== bytes.length) throw new RegistryError('SIZE_INVALID');
  const refs = manifestRefs(bytes, getHeader(request, 'Content-Type'));
  const digest = await sha256Of(bytes);
  if (byDigest && reference !== digest) throw new RegistryError('DIGEST_INVALID', reference);

  // Everything a manifest names must already be here; nothing is stored otherwise.
  const repo = state.repository(name);
  for (const blob of refs.blobs) {
    if (!repo?.blobs.has(blob)) throw new RegistryError('MANIFEST_BLOB_UNKNOWN', blob);
  }
  for (const child of refs.manifests) {
    if (!repo?.manifests.has(child)) throw new RegistryError('MANIFEST_BLOB_UNKNOWN', child);
  }

  await state.blobs.put(bytes, digest);
  const target = state.ensureRepository(name);
  target.manifests.set(digest, { mediaType: refs.mediaType, size: bytes.length });
  if (!byDigest) target.tags.set(reference, digest);
  return emptyResponse(201, { Location: `/v2/${name}/manifests/${digest}`, 'Docker-Content-Digest': digest });
}

export function deleteManifest(state: RegistryState, name: string, reference: string, enabled: boolean): WireResponse {
  if (!enabled) throw new RegistryError('UNSUPPORTED');
  // Deleting by tag is not supported by the reference registry; the spec makes it optional.
  if (!isDigest(reference)) throw new RegistryError('UNSUPPORTED');
  const repo = state.repository(name);
  if (!repo?.manifests.has(reference)) throw new RegistryError('MANIFEST_UNKNOWN', { Digest: reference });
  repo.manifests.delete(reference);
  for (const [tag, d] of repo.tags) if (d === reference) repo.tags.delete(tag);
  return emptyResponse(202);
}
