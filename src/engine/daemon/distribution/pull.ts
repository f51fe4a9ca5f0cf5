// `docker pull` inside the daemon (moby `daemon/internal/distribution/pull.go`, `pull_v2.go`), as
// an async generator of progress events that ends with the pulled image:
//
//   GET  /v2/                                    ping: 401 + `WWW-Authenticate: Bearer realm=…`
//   GET  <realm>?scope=repository:library/alpine:pull&service=…     a token (with the login, if any)
//   HEAD /v2/library/alpine/manifests/latest     the tag's digest (Accept: manifests and indexes)
//   GET  /v2/library/alpine/manifests/<digest>   an index: pick this daemon's platform…
//   GET  /v2/library/alpine/manifests/<digest>   …and fetch that platform's manifest
//   GET  /v2/library/alpine/blobs/<config>       the config, alongside
//   GET  /v2/library/alpine/blobs/<layer>        each missing layer, three at a time
//
// Then the names: the tag moves to the image and the manifest digest is recorded
// (`alpine@sha256:…`); if the tag already named this very image, the image is "up to date".
// Errors keep Docker's words (`pullFailure`); a pull that fails leaves nothing behind.
import { sha256Of, type Digest } from '../../digest';
import { DeprecatedSchema1Error } from '../../image/errors';
import { parseManifestOrIndex, type ManifestOrIndex } from '../../image/parse-any';
import { selectPlatform, type WantedPlatform } from '../../image/platform';
import { MediaType } from '../../image/media-types';
import {
  familiarString,
  fullString,
  isNameOnly,
  nameOnly,
  withDigest,
  withTag,
  type ImageReference,
} from '../../reference';
import { containersOf } from '../containers/service';
import type { DaemonContext } from '../context';
import type { ImageRecord } from '../image-store';
import { registryEndpoint } from './endpoint';
import { checkImageConfigType } from './media-support';
import { pullLayers, type LayerPull } from './pull-layers';
import type { PullEvent } from './pull-events';
import type { AuthConfig } from './registry-auth';
import { RegistryClient } from './registry-client';
import { Repository } from './repository';

export interface PullOptions {
  auth: AuthConfig;
  /** The platform asked for (`--platform`); the daemon's own when absent. */
  platform?: WantedPlatform;
  /** The daemon's User-Agent for registry requests. */
  userAgent: string;
}

/** A manifest verified against the digest it was asked by fails (schema2ManifestDigest). */
export class ManifestVerificationError extends Error {
  override name = 'ManifestVerificationError';
}

interface TagPull {
  ctx: DaemonContext;
  repository: Repository;
  ref: ImageReference;
  wanted: WantedPlatform;
  layerPull: LayerPull;
}

/** Which image a full reference names right now (the reference store's exact lookup). */
function imageNamed(ctx: DaemonContext, ref: string): Digest | undefined {
  for (const image of ctx.store.list()) {
    if (image.repoTags.includes(ref) || image.repoDigests.includes(ref)) return image.id;
  }
  return undefined;
}

/** Record `name@digest` unless that digest reference already names an image (addDigestReference). */
function addDigestReference(ctx: DaemonContext, ref: ImageReference, digest: Digest, id: Digest): void {
  const digestRef = fullString(withDigest(nameOnly(ref), digest));
  if (imageNamed(ctx, digestRef) === undefined) ctx.store.addRepoDigest(id, digestRef);
}

/** Parse what the registry served; schema 1 gets Docker's deprecation message naming the reference. */
function parseServed(bytes: Uint8Array, mediaType: string, ref: ImageReference): ManifestOrIndex {
  try {
    return parseManifestOrIndex(bytes, mediaType);
  } catch (err) {
    if (err instanceof DeprecatedSchema1Error) throw new DeprecatedSchema1Error(fullString(ref));
    throw err;
  }
}

/** Manifest → image: an index picks the platform's manifest first (pullManifestList). */
async function* pullParsed(pull: TagPull, parsed: ManifestOrIndex): AsyncGenerator<PullEvent, ImageRecord> {
  if (parsed.kind === 'index') {
    const match = selectPlatform(parsed.index, pull.wanted);
    const child = await pull.repository.manifest(match.digest);
    const childParsed = parseServed(child.bytes, child.mediaType || match.mediaType, pull.ref);
    return yield* pullParsed(pull, childParsed);
  }
  return yield* pullLayers(pull.layerPull, parsed.manifest.config, parsed.manifest.layers);
}

/** One tag or digest (pullTag); returns whether anything changed ("Downloaded newer image"). */
async function* pullTag(pull: TagPull): AsyncGenerator<PullEvent, boolean> {
  const { ctx, repository, ref } = pull;
  let digest: Digest;
  let tagOrDigest: string;
  let mediaType = '';
  if (ref.digest !== undefined) {
    digest = ref.digest;
    tagOrDigest = fullString(ref);
  } else {
    const tag = ref.tag ?? 'latest';
    const descriptor = await repository.resolveTag(tag);
    digest = descriptor.digest;
    tagOrDigest = tag;
    mediaType = descriptor.mediaType;
  }
  const fetched = await repository.manifest(digest);
  const parsed = parseServed(fetched.bytes, fetched.mediaType || mediaType, ref);
  if (parsed.kind === 'manifest' && parsed.mediaType === MediaType.dockerManifest) {
    checkImageConfigType(parsed.manifest.config.mediaType);
  }
  yield { kind: 'pulling-from', id: tagOrDigest, repository: ref.path };
  const manifestDigest = await sha256Of(fetched.bytes);
  if (ref.digest !== undefined && manifestDigest !== ref.digest) {
    throw new ManifestVerificationError(`manifest verification failed for digest ${ref.digest}`);
  }
  const image = yield* pullParsed(pull, parsed);
  yield { kind: 'digest', digest: manifestDigest };

  const old = imageNamed(ctx, fullString(ref));
  if (old === image.id) {
    addDigestReference(ctx, ref, manifestDigest, image.id);
    return false;
  }
  if (ref.digest !== undefined) {
    if (old === undefined) ctx.store.addRepoDigest(image.id, fullString(ref));
  } else {
    addDigestReference(ctx, ref, manifestDigest, image.id);
    ctx.store.tag(image.id, fullString(ref));
  }
  return true;
}

/**
 * Pull `ref` (a tag, a digest, or a bare name for every tag). Yields progress events; returns the
 * images pulled. Throws with Docker's error for the pull (see `pullFailure`).
 */
export async function* pullImage(
  ctx: DaemonContext,
  ref: ImageReference,
  options: PullOptions,
): AsyncGenerator<PullEvent, ImageRecord[]> {
  const endpoint = registryEndpoint(ref.domain);
  const client = new RegistryClient({
    transport: ctx.transport,
    endpoint,
    auth: options.auth,
    scopes: [`repository:${ref.path}:pull`],
    now: () => ctx.now(),
    userAgent: options.userAgent,
  });
  await client.ping();
  const repository = new Repository(client, ref.path);
  const wanted = options.platform ?? ctx.platform;
  const layerPull: LayerPull = {
    store: ctx.store,
    repository,
    source: { registry: ref.domain, repository: ref.path },
    now: () => ctx.now(),
    sleep: (ms) => containersOf(ctx).clock.sleep(ms),
  };
  const refs = isNameOnly(ref) ? (await repository.tags()).map((tag) => withTag(ref, tag)) : [ref];
  const images: ImageRecord[] = [];
  let downloaded = false;
  for (const one of refs) {
    const changed = yield* pullTag({ ctx, repository, ref: one, wanted, layerPull });
    downloaded ||= changed;
    const id = imageNamed(ctx, fullString(one));
    const image = id && ctx.store.get(id);
    if (image) images.push(image);
  }
  yield { kind: 'status', reference: familiarString(ref), upToDate: !downloaded };
  return images;
}
