// Downloading for a pull (moby `layerDescriptor.Download`, `pullSchema2Config`): one blob per
// request, read in 32 KiB pieces that drive the `Downloading` progress, then hashed — a blob that
// does not hash to its digest fails the pull (`filesystem layer verification failed for digest …`).
// A download never rejects: it settles with its events and its bytes or its error, so the pull can
// report the downloads in layer order however the requests finish.
//
// A blob transfer that fails before any answer (the link is cut, the registry refuses connections)
// is tried again, as moby does (`retryOnError`: answers such as 404, or a bad checksum, are final):
//   - a layer (xfer/download.go): at most 5 attempts; before attempt n+1 the layer counts down
//     `Retrying in 5·n seconds` … `Retrying in 1 second`, one message a second;
//   - the config (pull_v2.go `retry`): at most 5 attempts, 1 s, 2 s, 4 s, 8 s apart, silently; when
//     they all fail the error says `download failed after attempts=6` (moby counts one too many).
import { concatBytes, type Bytes } from '../../bytes';
import { sha256Of, shortId, type Digest } from '../../digest';
import type { Descriptor } from '../../image/types';
import { bodyPieces } from './body-pieces';
import type { PullEvent, PullLayerState } from './pull-events';
import { ProgressMeter } from './progress-meter';
import {
  RegistryApiError,
  RegistryApiErrors,
  RequestError,
  UnexpectedHttpResponseError,
  UnexpectedHttpStatusError,
} from './registry-errors';
import type { Repository } from './repository';

/** Attempts at one layer blob (dockerd's default `max-download-attempts`). */
export const MAX_DOWNLOAD_ATTEMPTS = 5;

/** Waits `ms` milliseconds on the daemon's clock. */
export type Sleep = (ms: number) => Promise<void>;

/** The config could not be fetched (imageConfigPullError, wrapping the retry's message). */
export class ImageConfigPullError extends Error {
  override name = 'ImageConfigPullError';
  constructor(cause: unknown, attempts = 1) {
    const reason = downloadFailure(cause);
    const text = reason instanceof Error ? reason.message : String(reason);
    super(`error pulling image configuration: download failed after attempts=${attempts}: ${text}`, { cause });
  }
}

/**
 * Worth another attempt (moby `retryOnError`): the request got no answer at all — a Go url.Error
 * around a dial error. A registry's own refusal (`unauthorized`, `denied`, an unexpected status),
 * even when it came while fetching a token, is final.
 */
export function retryable(err: unknown): boolean {
  if (!(err instanceof RequestError)) return false;
  let cause: unknown = err.cause;
  while (cause instanceof RequestError) cause = cause.cause;
  return !(
    cause instanceof RegistryApiError ||
    cause instanceof RegistryApiErrors ||
    cause instanceof UnexpectedHttpResponseError ||
    cause instanceof UnexpectedHttpStatusError
  );
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

/** Download one layer blob and verify it, trying again after a failed transfer; never rejects. */
export async function download(
  repository: Repository,
  layer: Descriptor,
  now: () => number,
  sleep: Sleep,
): Promise<Downloaded> {
  const events: PullEvent[] = [];
  for (let attempt = 1; ; attempt++) {
    const result = await downloadOnce(repository, layer, now, events);
    if (!('failure' in result)) return result;
    if (!retryable(result.failure) || attempt >= MAX_DOWNLOAD_ATTEMPTS) {
      return { events, size: result.size, error: downloadFailure(result.failure) };
    }
    for (let seconds = attempt * 5; seconds > 0; seconds--) {
      events.push({
        kind: 'layer',
        id: shortId(layer.digest),
        digest: layer.digest,
        state: 'retrying',
        retryIn: seconds,
      });
      await sleep(1000);
    }
  }
}

/** One attempt: the bytes, verified — or what went wrong (the events go on growing either way). */
async function downloadOnce(
  repository: Repository,
  layer: Descriptor,
  now: () => number,
  events: PullEvent[],
): Promise<Downloaded | { failure: unknown; size: number }> {
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
  } catch (failure) {
    return { failure, size };
  }
}

/** Fetch the config blob and verify it against its digest (pullSchema2Config), retrying as moby's `retry`. */
export async function fetchConfig(repository: Repository, digest: Digest, sleep: Sleep): Promise<Bytes> {
  let attempt = 0;
  let failure: unknown;
  for (; attempt < MAX_DOWNLOAD_ATTEMPTS; attempt++) {
    try {
      const bytes = await repository.blob(digest);
      if ((await sha256Of(bytes)) !== digest) throw new Error(`image config verification failed for digest ${digest}`);
      return bytes;
    } catch (err) {
      failure = err;
      if (!retryable(err)) break;
      if (attempt + 1 < MAX_DOWNLOAD_ATTEMPTS) await sleep(1000 * 2 ** attempt);
    }
  }
  throw new ImageConfigPullError(failure, attempt + 1);
}

/** Never rejects: a settled promise can wait while earlier layers are reported. */
export function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
