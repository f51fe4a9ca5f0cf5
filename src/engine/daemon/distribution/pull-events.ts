// What a pull reports, as data. The pull is an async generator of these events, so the actors can
// animate each layer's journey (waiting → downloading → verifying → download complete →
// extracting → pull complete, or straight to already exists), and `pullMessage` renders each one as
// the JSON message dockerd writes (moby `daemon/internal/distribution/pull_v2.go`, `xfer/download.go`):
//
//   latest: Pulling from library/alpine
//   6e771e15690e: Pulling fs layer
//   6e771e15690e: Downloading [==================================================>]  3.468kB/3.468kB
//   (6e771e15690e: Retrying in 5 seconds … 1 second, when a download failed and is tried again)
//   6e771e15690e: Verifying Checksum
//   6e771e15690e: Download complete
//   6e771e15690e: Extracting [==================================================>]  3.468kB/3.468kB
//   6e771e15690e: Pull complete
//   Digest: sha256:…
//   Status: Downloaded newer image for alpine:latest
//
// A layer's ID is the first 12 hex digits of its *compressed* digest, as in the manifest.
import type { Digest } from '../../digest';
import { progressMessage, statusMessage, type JsonMessage } from './json-message';

export type PullLayerState =
  | 'already-exists'
  | 'pulling-fs-layer'
  | 'waiting'
  | 'downloading'
  /** A download failed and will be tried again: `Retrying in N seconds`, counted down each second. */
  | 'retrying'
  | 'verifying-checksum'
  | 'download-complete'
  | 'extracting'
  | 'pull-complete';

export type PullEvent =
  /** `latest: Pulling from library/alpine` — the tag (or full digest reference) and repository path. */
  | { kind: 'pulling-from'; id: string; repository: string }
  | {
      kind: 'layer';
      id: string;
      digest: Digest;
      state: PullLayerState;
      current?: number;
      total?: number;
      /** Seconds left before the next attempt (`retrying`). */
      retryIn?: number;
    }
  /** `Digest: sha256:…` — the manifest (or index) the tag resolved to. */
  | { kind: 'digest'; digest: Digest }
  /** `Status: Downloaded newer image for alpine:latest` / `Status: Image is up to date for …`. */
  | { kind: 'status'; reference: string; upToDate: boolean };

/** `Retrying in 5 seconds`, `Retrying in 1 second` (moby xfer's countdown). */
export function retryingWords(seconds: number): string {
  return `Retrying in ${seconds} second${seconds === 1 ? '' : 's'}`;
}

const layerWords: Record<Exclude<PullLayerState, 'retrying'>, string> = {
  'already-exists': 'Already exists',
  'pulling-fs-layer': 'Pulling fs layer',
  waiting: 'Waiting',
  downloading: 'Downloading',
  'verifying-checksum': 'Verifying Checksum',
  'download-complete': 'Download complete',
  extracting: 'Extracting',
  'pull-complete': 'Pull complete',
};

/** The JSON message dockerd writes for an event. */
export function pullMessage(event: PullEvent): JsonMessage {
  switch (event.kind) {
    case 'pulling-from':
      return statusMessage(`Pulling from ${event.repository}`, event.id);
    case 'layer':
      if (event.state === 'retrying') return progressMessage(event.id, retryingWords(event.retryIn ?? 0));
      return progressMessage(event.id, layerWords[event.state], event.current, event.total);
    case 'digest':
      return statusMessage(`Digest: ${event.digest}`);
    case 'status':
      return statusMessage(
        event.upToDate
          ? `Status: Image is up to date for ${event.reference}`
          : `Status: Downloaded newer image for ${event.reference}`,
      );
  }
}
