// `docker push` inside the daemon (moby `daemon/internal/distribution/push.go`, `push_v2.go`,
// `xfer/upload.go`), as an async generator of progress events:
//
//   The push refers to repository [registry.example.com/student/alpine]
//   GET  /v2/  → 401 challenge;  GET <realm>?scope=repository:student/alpine:push,pull  → token
//   per layer, top first: Preparing; at most five upload at once, the rest Waiting (push-layer.ts)
//   HEAD /v2/student/alpine/blobs/<config>     the config, uploaded unless already there
//   PUT  /v2/student/alpine/manifests/v1       a Docker schema-2 manifest
//   v1: digest: sha256:… size: 528
//
// A tag names one image; a bare repository name pushes every tag it has, in order. Uploads run in
// parallel, but their events are reported layer by layer, so the same push tells the same story.
import { sha256Of, shortId, type Digest } from '../../digest';
import { MediaType } from '../../image/media-types';
import { familiarName, familiarString, fullName, nameOnly, type ImageReference } from '../../reference';
import { containersOf } from '../containers/service';
import type { DaemonContext } from '../context';
import { registryEndpoint } from './endpoint';
import { uploadFailure } from './failures';
import { pushLayer, type LayerPush } from './push-layer';
import type { PushEvent } from './push-events';
import type { AuthConfig } from './registry-auth';
import { RegistryClient } from './registry-client';
import { Repository } from './repository';
import { schema2Manifest, type PushedBlob } from './schema2';

/** How many layers upload at once (dockerd's default max-concurrent-uploads). */
export const MAX_CONCURRENT_UPLOADS = 5;

export interface PushOptions {
  auth: AuthConfig;
  userAgent: string;
}

export interface PushedTag {
  tag: string;
  digest: Digest;
  size: number;
}

/** Tags of `repository` in the store, sorted by full reference (ReferencesByName), with their images. */
function tagsOf(ctx: DaemonContext, repository: ImageReference): { tag: string; id: Digest }[] {
  const prefix = `${fullName(repository)}:`;
  const out: { ref: string; id: Digest }[] = [];
  for (const image of ctx.store.list()) {
    for (const ref of image.repoTags) if (ref.startsWith(prefix)) out.push({ ref, id: image.id });
  }
  return out
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0))
    .map(({ ref, id }) => ({ tag: ref.slice(prefix.length), id }));
}

function hasAnyName(ctx: DaemonContext, repository: ImageReference): boolean {
  const name = fullName(repository);
  return ctx.store
    .list()
    .some((image) =>
      [...image.repoTags, ...image.repoDigests].some((r) => r.startsWith(`${name}:`) || r.startsWith(`${name}@`)),
    );
}

/** Upload the layers (top first), then the config, then the manifest (pushTag). */
async function* pushTag(
  ctx: DaemonContext,
  push: LayerPush,
  tag: string,
  id: Digest,
): AsyncGenerator<PushEvent, PushedTag> {
  const image = ctx.store.get(id);
  if (!image) throw new Error(`could not find image from tag ${tag}: image does not exist`);
  const layers = [...image.layers].reverse();
  const unique = layers.filter((layer, i) => layers.findIndex((l) => l.diffId === layer.diffId) === i);
  for (const layer of layers) {
    yield { kind: 'layer', id: shortId(layer.diffId), diffId: layer.diffId, state: 'preparing' };
  }
  for (const layer of unique.slice(MAX_CONCURRENT_UPLOADS)) {
    yield { kind: 'layer', id: shortId(layer.diffId), diffId: layer.diffId, state: 'waiting' };
  }
  const events: PushEvent[][] = [];
  const tasks: Promise<{ blob: PushedBlob } | { error: unknown }>[] = [];
  const start = (i: number) => {
    if (i >= unique.length) return;
    events[i] = [];
    tasks[i] = pushLayer(push, unique[i]!, events[i]!).then(
      (blob) => ({ blob }),
      (error: unknown) => ({ error }),
    );
  };
  for (let i = 0; i < MAX_CONCURRENT_UPLOADS; i++) start(i);
  const blobs = new Map<Digest, PushedBlob>();
  for (let i = 0; i < unique.length; i++) {
    const outcome = await tasks[i]!;
    start(i + MAX_CONCURRENT_UPLOADS);
    yield* events[i]!;
    if ('error' in outcome) throw uploadFailure(outcome.error);
    blobs.set(unique[i]!.diffId, outcome.blob);
  }

  // The config: uploaded unless the registry has it (schema2 ManifestBuilder.Build).
  const { repository } = push;
  const configDigest = image.id;
  let configSize = await repository.statBlob(configDigest);
  if (configSize === undefined) {
    await repository.putBlob(image.configBytes, configDigest);
    configSize = image.configBytes.length;
  }
  const manifest = schema2Manifest(
    { digest: configDigest, size: configSize },
    image.layers.map((layer) => blobs.get(layer.diffId)!),
  );
  await repository.putManifest(tag, MediaType.dockerManifest, manifest);
  const digest = await sha256Of(manifest);
  yield { kind: 'pushed-tag', tag, digest, size: manifest.length };
  return { tag, digest, size: manifest.length };
}

/**
 * Push `ref`: one tag, or every tag of the repository when it has none. Yields progress events;
 * returns what was pushed. Errors carry Docker's words.
 */
export async function* pushImage(
  ctx: DaemonContext,
  ref: ImageReference,
  options: PushOptions,
): AsyncGenerator<PushEvent, PushedTag[]> {
  const repositoryRef = nameOnly(ref);
  yield { kind: 'push-refers', repository: fullName(ref) };
  if (!hasAnyName(ctx, repositoryRef)) {
    throw new Error(`An image does not exist locally with the tag: ${familiarName(ref)}`);
  }
  const client = new RegistryClient({
    transport: ctx.transport,
    endpoint: registryEndpoint(ref.domain),
    auth: options.auth,
    scopes: [`repository:${ref.path}:push,pull`],
    now: () => ctx.now(),
    userAgent: options.userAgent,
  });
  await client.ping();
  const push: LayerPush = {
    store: ctx.store,
    repository: new Repository(client, ref.path),
    target: { registry: ref.domain, repository: ref.path },
    now: () => ctx.now(),
    remote: new Map(),
    sleep: (ms) => containersOf(ctx).clock.sleep(ms),
  };

  let targets: { tag: string; id: Digest }[];
  if (ref.tag !== undefined) {
    const named = tagsOf(ctx, repositoryRef).find((t) => t.tag === ref.tag);
    if (!named) throw new Error(`tag does not exist: ${familiarString(ref)}`);
    targets = [named];
  } else {
    if (ref.digest !== undefined) throw new Error('cannot push a digest reference');
    targets = tagsOf(ctx, repositoryRef);
    if (targets.length === 0) throw new Error(`no tags to push for ${familiarName(ref)}`);
  }

  const pushed: PushedTag[] = [];
  for (const { tag, id } of targets) {
    const result = yield* pushTag(ctx, push, tag, id);
    const digestRef = `${fullName(ref)}@${result.digest}`;
    if (!ctx.store.list().some((image) => image.repoDigests.includes(digestRef)))
      ctx.store.addRepoDigest(id, digestRef);
    pushed.push(result);
  }
  return pushed;
}
