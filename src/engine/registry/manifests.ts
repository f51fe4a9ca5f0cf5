// Manifest endpoints (spec end-3, end-7, end-9): `PUT /v2/<name>/manifests/<tag|digest>` stores a
// manifest once every blob (or, for an index, every manifest) it names is already in the
// repository; `GET`/`HEAD` return it by tag or digest with its own media type and digest;
// `DELETE` by digest removes it and every tag that pointed at it.
import { isDigest, sha256Of, type Digest } from '../digest';
import { parseIndex } from '../image/image-index';
import { MediaType } from '../image/media-types';
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

/** The media types a client accepts, from every `Accept` value (parameters such as `q=` dropped). */
function acceptedTypes(request: WireRequest): Set<string> {
  const accept = getHeader(request, 'Accept') ?? '';
  return new Set(
    accept
      .split(',')
      .map((t) => (t.split(';')[0] ?? '').trim().toLowerCase())
      .filter(Boolean),
  );
}

/**
 * Content negotiation as the reference registry does it: an OCI manifest or index is only served to
 * a client that says it accepts one; a Docker manifest list fetched by tag by a client that does
 * not accept lists is answered with its linux/amd64 manifest instead.
 */
async function negotiate(
  state: RegistryState,
  name: string,
  digest: Digest,
  byTag: boolean,
  accepted: Set<string>,
): Promise<Digest> {
  const link = state.repository(name)!.manifests.get(digest)!;
  if (link.mediaType === MediaType.ociManifest && !accepted.has(MediaType.ociManifest)) {
    throw new RegistryError(
      'MANIFEST_UNKNOWN',
      undefined,
      {},
      'OCI manifest found, but accept header does not support OCI manifests',
    );
  }
  if (link.mediaType === MediaType.ociIndex && !accepted.has(MediaType.ociIndex)) {
    throw new RegistryError(
      'MANIFEST_UNKNOWN',
      undefined,
      {},
      'OCI index found, but accept header does not support OCI indexes',
    );
  }
  if (byTag && link.mediaType === MediaType.dockerManifestList && !accepted.has(MediaType.dockerManifestList)) {
    const bytes = await state.blobs.get(digest);
    const list = bytes ? parseIndex(bytes, MediaType.dockerManifestList) : undefined;
    const amd64 = list?.manifests.find((m) => m.platform?.architecture === 'amd64' && m.platform.os === 'linux');
    if (!amd64 || !state.repository(name)!.manifests.has(amd64.digest)) {
      throw new RegistryError('MANIFEST_UNKNOWN', { Tag: 'linux/amd64' });
    }
    return amd64.digest;
  }
  return digest;
}

export async function getManifest(
  state: RegistryState,
  request: WireRequest,
  name: string,
  reference: string,
): Promise<WireResponse> {
  const byTag = !isDigest(reference);
  if (byTag && !isValidTag(reference)) throw new RegistryError('TAG_INVALID', reference);
  const digest = await negotiate(state, name, resolve(state, name, reference), byTag, acceptedTypes(request));
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
