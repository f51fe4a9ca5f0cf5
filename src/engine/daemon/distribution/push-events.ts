// What a push reports, as data, and the JSON messages dockerd writes for it (moby
// `daemon/internal/distribution/push.go`, `push_v2.go`, `xfer/upload.go`):
//
//   The push refers to repository [registry.example.com/student/alpine]
//   08000c18d16d: Preparing
//   08000c18d16d: Pushing [==================================================>]  10.24kB
//   08000c18d16d: Pushed                                 or: Layer already exists / Mounted from library/alpine
//   v1: digest: sha256:… size: 528
//   {"progressDetail":{},"aux":{"Tag":"v1","Digest":"sha256:…","Size":528}}      (not printed by the CLI)
//
// Layers are listed top first, and a layer's ID is the first 12 hex digits of its *DiffID* — so
// the same layer shows one ID when pulled (its compressed digest) and another when pushed.
import type { Digest } from '../../digest';
import { progressMessage, statusMessage, type JsonMessage } from './json-message';
import { retryingWords } from './pull-events';

export type PushLayerState =
  | 'preparing'
  | 'waiting'
  | 'pushing'
  /** An upload failed and will be tried again: `Retrying in N seconds`, counted down each second. */
  | 'retrying'
  | 'pushed'
  | 'already-exists'
  | 'mounted';

export type PushEvent =
  /** `The push refers to repository [docker.io/student/web]` — the full repository name. */
  | { kind: 'push-refers'; repository: string }
  | {
      kind: 'layer';
      id: string;
      diffId: Digest;
      state: PushLayerState;
      current?: number;
      total?: number;
      /** For `mounted`: the repository the blob was mounted from (`library/alpine`). */
      from?: string;
      /** Seconds left before the next attempt (`retrying`). */
      retryIn?: number;
    }
  /** `v1: digest: sha256:… size: 528`, then the aux message with the same facts. */
  | { kind: 'pushed-tag'; tag: string; digest: Digest; size: number };

const layerWords: Record<Exclude<PushLayerState, 'mounted' | 'retrying'>, string> = {
  preparing: 'Preparing',
  waiting: 'Waiting',
  pushing: 'Pushing',
  pushed: 'Pushed',
  'already-exists': 'Layer already exists',
};

/** The JSON messages dockerd writes for an event (a pushed tag writes two). */
export function pushMessages(event: PushEvent): JsonMessage[] {
  switch (event.kind) {
    case 'push-refers':
      return [statusMessage(`The push refers to repository [${event.repository}]`)];
    case 'layer': {
      const words =
        event.state === 'mounted'
          ? `Mounted from ${event.from ?? ''}`
          : event.state === 'retrying'
            ? retryingWords(event.retryIn ?? 0)
            : layerWords[event.state];
      return [progressMessage(event.id, words, event.current, event.total)];
    }
    case 'pushed-tag':
      return [
        statusMessage(`${event.tag}: digest: ${event.digest} size: ${event.size}`),
        { progressDetail: {}, aux: { Tag: event.tag, Digest: event.digest, Size: event.size } },
      ];
  }
}
