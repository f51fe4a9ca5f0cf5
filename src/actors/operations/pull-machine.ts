// A pull as the client watches it: `POST /images/create` answers with a stream of progress
// messages, read exactly as the docker CLI reads them, and each one moves the pull — or one of its
// layers — to its next phase:
//
//   starting ──(latest: Pulling from library/alpine)──▶ pulling ──(Status: …)──▶ complete
//       └───────────────(an error message)──────────────────┴──────────────────▶ failed
//
// Each layer is a child actor (pullLayerMachine), spawned the first time its ID appears, so the
// stage can draw every layer's own journey: waiting, downloading, verifying, extracting, complete.
import { assign, enqueueActions, setup } from 'xstate';
import { pullLayerMachine } from './pull-layer-machine';
import { pullEventOf, type PullStreamEvent } from './progress-events';
import type { ProgressMessage } from './progress-stream';

export interface OperationInput {
  /** The command (one line typed in a terminal) this operation belongs to. */
  command: number;
  /** What the request asked for: the image reference, or the build's tag. */
  subject: string;
}

export interface PullContext extends OperationInput {
  tag?: string;
  repository?: string;
  /** Layer IDs in the order the stream first named them (the order the CLI prints them). */
  layers: string[];
  digest?: string;
  /** The reference the final status names, and whether nothing had to be downloaded. */
  reference?: string;
  upToDate?: boolean;
  error?: string;
}

/** What the client sends an operation: each decoded message, then the end of the stream. */
export type OperationFeed = { type: 'progress.message'; message: ProgressMessage } | { type: 'progress.end' };

export const layerActorId = (layer: string) => `layer:${layer}`;

export const pullMachine = setup({
  types: {
    context: {} as PullContext,
    input: {} as OperationInput,
    events: {} as OperationFeed | PullStreamEvent,
  },
  actors: { pullLayer: pullLayerMachine },
  actions: {
    read: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'progress.message') return;
      const translated = pullEventOf(event.message);
      if (translated) enqueue.raise(translated);
    }),
    forwardToLayer: enqueueActions(({ context, event, enqueue }) => {
      if (!event.type.startsWith('layer.') || !('layer' in event)) return;
      const id = layerActorId(event.layer);
      if (!context.layers.includes(event.layer)) {
        enqueue.assign({ layers: [...context.layers, event.layer] });
        enqueue.spawnChild('pullLayer', { id, input: { id: event.layer } });
      }
      enqueue.sendTo(id, event);
    }),
  },
}).createMachine({
  id: 'pull',
  context: ({ input }) => ({ ...input, layers: [] }),
  initial: 'starting',
  on: { 'progress.message': { actions: 'read' } },
  states: {
    starting: {
      on: {
        'pull.from': {
          target: 'pulling',
          actions: assign(({ event }) => ({ tag: event.tag, repository: event.repository })),
        },
        'pull.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.message }) },
        'progress.end': { target: 'failed', actions: assign({ error: 'the progress stream ended early' }) },
      },
    },
    pulling: {
      on: {
        'layer.*': { actions: 'forwardToLayer' },
        'pull.digest': { actions: assign({ digest: ({ event }) => event.digest }) },
        'pull.done': {
          target: 'complete',
          actions: assign(({ event }) => ({ reference: event.reference, upToDate: event.upToDate })),
        },
        'pull.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.message }) },
        'progress.end': { target: 'failed', actions: assign({ error: 'the progress stream ended early' }) },
      },
    },
    complete: { tags: ['done'] },
    failed: { tags: ['done'] },
  },
});
