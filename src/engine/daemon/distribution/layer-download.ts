// Downloading for a pull (moby `layerDescriptor.Download`, `pullSchema2Config`): one blob per
// request, read in 32 KiB pieces that drive the `Downloading` progress, then hashed — a blob that
// does not hash to its digest fails the pull (`filesystem layer verification failed for digest …`).
// A download never rejects: it settles with its events and its bytes or its error, so the pull can
// report the downloads in layer order however the requests finish.
import { concatBytes, type Bytes } from '../../bytes';
import { sha256Of, shortId, type Digest } from '../../digest';
import type { Descriptor } from '../../image/types';
import { bodyPieces } from './body-pieces';
import type { PullEvent, PullLayerState } from './pull-events';
import { ProgressMeter } from './progress-meter';
import { RequestError } from './registry-errors';
import type { Repository } from './repository';

/** The config could not be fetched (imageConfigPullError, wrapping the retry's message). */
export class ImageConfigPullError extends Error {
  override name = 'ImageConfigPullError';
  constructor(cause: unknown) {
    const reason = downloadFailure(cause);
    const text = reason instanceof Error ? reason.message : String(reason);
    super(`error pulling image configuration: download failed after attempts=1: ${text}`, { cause });
  }
}

/** What a download came to: its events to report, then its bytes — or its error. */
export interface Downloaded {
  events: PullEvent[];
  bytes?: Bytes;
  size: number;
  error?: unknown;
}

/** A layer's event, ID and digest from its descriptor. */
export function layerEvent(layer: Descriptor, state: PullLayerState, current?: number, total?: number): PullEvent {
  const event: PullEvent = { kind: 'layer', id: shortId(layer.digest), digest: layer.digest, state };
  if (current !== undefined) event.current = current;
  if (total !== undefined) event.total = total;
  return event;
}

/** A request that failed before an answer reports its cause once retried (retryOnError). */
function downloadFailure(err: unknown): unknown {
  return err instanceof RequestError ? err.cause : err;
}

/** Download one layer blob and verify it; never rejects. */
export async function download(repository: Repository, layer: Descriptor, now: () => number): Promise<Downloaded> {
  const events: PullEvent[] = [];
  let size = 0;
  try {
    const opened = await repository.openBlob(layer.digest);
    size = opened.size;
    const meter = new ProgressMeter(size, now);
    const pieces: Bytes[] = [];
    for await (const piece of bodyPieces(opened.response.body)) {
      pieces.push(piece);
      const current = meter.read(piece.length);
      if (current !== undefined) events.push(layerEvent(layer, 'downloading', current, size));
    }
    events.push(layerEvent(layer, 'downloading', meter.end(), size));
    events.push(layerEvent(layer, 'verifying-checksum'));
    const bytes = concatBytes(pieces);
    if ((await sha256Of(bytes)) !== layer.digest) {
      throw new Error(`filesystem layer verification failed for digest ${layer.digest}`);
    }
    events.push(layerEvent(layer, 'download-complete'));
    return { events, bytes, size };
  } catch (error) {
    return { events, size, error: downloadFailure(error) };
  }
}

/** Fetch the config blob and verify it against its digest (pullSchema2Config). */
export async function fetchConfig(repository: Repository, digest: Digest): Promise<Bytes> {
  try {
    const bytes = await repository.blob(digest);
    if ((await sha256Of(bytes)) !== digest) throw new Error(`image config verification failed for digest ${digest}`);
    return bytes;
  } catch (err) {
    throw new ImageConfigPullError(err);
  }
}

/** Never rejects: a settled promise can wait while earlier layers are reported. */
export function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
