// Pushing one layer (moby `pushDescriptor.Upload`). The daemon avoids uploading what the registry
// already has, using what it remembers about each layer — which compressed blobs it was pulled as
// or pushed as, and from which repositories (its "v2 metadata"):
//
//   1. Already pushed in this very push (another tag)   → `Layer already exists`, no request.
//   2. Known blob digests: `HEAD` the blob in the target repository → `Layer already exists`.
//   3. Known in another repository of the same registry: `POST …/uploads/?from=<repo>&mount=<digest>`
//      → 201: `Mounted from library/alpine`, nothing uploaded (the token also asks for `pull` on
//      the source repository); 202: the registry declined, and the session it opened is used.
//   4. Otherwise compress the layer's tar with gzip and upload it: `POST`, `PATCH` (the bytes, with
//      `Pushing` progress counted over the uncompressed tar), `PUT ?digest=` → `Pushed`.
//
// An upload cut off before any answer (the link is down) is tried again, as moby's xfer/upload.go
// does: at most 5 attempts, `Retrying in 5·n seconds` … `Retrying in 1 second` before attempt n+1.
//
// How hard it tries depends on the layer's size: a small layer (≤ 100 KiB) gets one existence check
// and one mount attempt; bigger ones more (getMaxMountAndExistenceCheckAttempts).
import type { Bytes } from '../../bytes';
import { sha256Of, shortId, type Digest } from '../../digest';
import { gzip } from '../../layer/gzip';
import type { BlobSource, ImageStore, LayerRecord } from '../image-store';
import { retryable, type Sleep } from './layer-download';
import { ProgressMeter, readPieces } from './progress-meter';
import type { PushEvent, PushLayerState } from './push-events';
import type { Repository } from './repository';
import type { PushedBlob } from './schema2';

const SMALL_LAYER = 100 * 1024;
const MIDDLE_LAYER = 10 * 1024 * 1024;

export interface LayerPush {
  store: ImageStore;
  repository: Repository;
  /** The target: registry domain and repository path (`docker.io`, `student/web`). */
  target: { registry: string; repository: string };
  now: () => number;
  /** DiffID → blob the registry is known to hold, filled as this push goes (pushState.remoteLayers). */
  remote: Map<Digest, PushedBlob>;
  /** Waits on the daemon's clock between attempts of a failed upload. */
  sleep: Sleep;
}

/** Attempts at one layer upload (moby's maxUploadAttempts). */
export const MAX_UPLOAD_ATTEMPTS = 5;

function attemptsFor(size: number): { mounts: number; checks: number; otherRepositories: boolean } {
  if (size > MIDDLE_LAYER) return { mounts: 4, checks: 3, otherRepositories: true };
  if (size > SMALL_LAYER) return { mounts: 3, checks: 1, otherRepositories: false };
  return { mounts: 1, checks: 1, otherRepositories: false };
}

const fullRepo = (s: { registry: string; repository: string }) => `${s.registry}/${s.repository}`;

/** How many leading path components two repository names share. */
function matchingComponents(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

/** Newest first, then the most similar repository names first (sortV2MetadataByLikenessAndAge). */
function byLikeness(sources: readonly BlobSource[], target: string): BlobSource[] {
  return [...sources]
    .reverse()
    .map((source, age) => ({ source, age, likeness: matchingComponents(fullRepo(source), target) }))
    .sort((a, b) => b.likeness - a.likeness || a.age - b.age)
    .map(({ source }) => source);
}

class LayerUpload {
  private readonly checked = new Set<Digest>();
  private readonly targetName: string;

  constructor(
    private readonly push: LayerPush,
    private readonly layer: LayerRecord,
    private readonly events: PushEvent[],
  ) {
    this.targetName = fullRepo(push.target);
  }

  report(state: PushLayerState, extra: { current?: number; total?: number; from?: string } = {}): void {
    this.events.push({ kind: 'layer', id: shortId(this.layer.diffId), diffId: this.layer.diffId, state, ...extra });
  }

  remember(blob: PushedBlob): PushedBlob {
    this.push.remote.set(this.layer.diffId, blob);
    this.push.store.recordBlobSource(this.layer.diffId, { digest: blob.digest, ...this.push.target });
    return blob;
  }

  /** HEAD known digests in the target repository (layerAlreadyExists). */
  async alreadyExists(
    sources: readonly BlobSource[],
    otherRepositories: boolean,
    max: number,
  ): Promise<PushedBlob | undefined> {
    const candidates = byLikeness(
      sources.filter((s) => otherRepositories || fullRepo(s) === this.targetName),
      this.targetName,
    );
    const digests: Digest[] = [];
    for (const { digest } of candidates) {
      if (digests.length >= max) break;
      if (!digests.includes(digest) && !this.checked.has(digest)) digests.push(digest);
    }
    for (const digest of digests) {
      this.checked.add(digest);
      const size = await this.push.repository.statBlob(digest).catch(() => undefined);
      if (size === undefined) continue;
      this.report('already-exists');
      return this.remember({ digest, size });
    }
    return undefined;
  }

  async run(): Promise<PushedBlob> {
    const known = this.push.remote.get(this.layer.diffId);
    if (known) {
      this.report('already-exists');
      return known;
    }
    const { mounts, checks, otherRepositories } = attemptsFor(this.layer.size);
    const sources = this.push.store.blobSources(this.layer.diffId);
    if (sources.length > 0) {
      const found = await this.alreadyExists(sources, true, 1);
      if (found) return found;
    }
    let session: { location: string } | undefined;
    const mountable = byLikeness(
      sources.filter((s) => s.registry === this.push.target.registry && fullRepo(s) !== this.targetName),
      this.targetName,
    ).slice(0, mounts);
    for (const candidate of mountable) {
      try {
        const answer = await this.push.repository.startUpload({ from: candidate.repository, digest: candidate.digest });
        if ('mounted' in answer) {
          const size = (await this.push.repository.statBlob(candidate.digest)) ?? 0;
          this.report('mounted', { from: candidate.repository });
          return this.remember({ digest: candidate.digest, size });
        }
        session = answer; // the registry opened an ordinary upload instead
      } catch {
        // A refused mount is not fatal: fall back to uploading.
      }
    }
    if (checks - this.checked.size > 0 && sources.length > 0) {
      const found = await this.alreadyExists(sources, otherRepositories, checks - this.checked.size);
      if (found) return found;
    }
    return this.upload(session);
  }

  /** Compress and upload the layer (uploadUsingSession). */
  private async upload(opened: { location: string } | undefined): Promise<PushedBlob> {
    const { repository } = this.push;
    const tar = await this.push.store.layerTar(this.layer.chainId);
    const compressed = gzip(tar);
    const digest = await sha256Of(compressed);
    const session = opened ?? (await repository.startUpload());
    if (!('location' in session)) throw new Error('registry mounted a blob that was not asked for');
    const next = await repository.sendUpload(session, this.body(tar, compressed), compressed.length);
    await repository.commitUpload(next, digest);
    this.report('pushed');
    return this.remember({ digest, size: compressed.length });
  }

  /** The PATCH body: compressed bytes, released as the tar is read, reporting `Pushing` progress. */
  private async *body(tar: Bytes, compressed: Bytes): AsyncGenerator<Bytes> {
    const meter = new ProgressMeter(this.layer.size, this.push.now);
    const total = this.layer.size;
    let read = 0;
    let sent = 0;
    for (const n of readPieces(tar.length)) {
      read += n;
      const current = meter.read(n);
      if (current !== undefined) this.report('pushing', { current, total });
      const upTo = Math.floor((compressed.length * read) / tar.length);
      if (upTo > sent) {
        yield compressed.subarray(sent, upTo);
        sent = upTo;
      }
    }
    this.report('pushing', { current: meter.end(), total });
    if (sent < compressed.length) yield compressed.subarray(sent);
  }
}

/** Push one layer, trying again after a failed transfer; its events go to `events`. Returns the blob the manifest will name. */
export async function pushLayer(push: LayerPush, layer: LayerRecord, events: PushEvent[]): Promise<PushedBlob> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new LayerUpload(push, layer, events).run();
    } catch (err) {
      if (!retryable(err) || attempt >= MAX_UPLOAD_ATTEMPTS) throw err;
      for (let seconds = attempt * 5; seconds > 0; seconds--) {
        events.push({
          kind: 'layer',
          id: shortId(layer.diffId),
          diffId: layer.diffId,
          state: 'retrying',
          retryIn: seconds,
        });
        await push.sleep(1000);
      }
    }
  }
}
