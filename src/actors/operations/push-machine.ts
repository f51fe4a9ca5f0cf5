// A push as the client watches it: `POST /images/{name}/push` answers with a stream of progress
// messages, and each one moves the push — or one of its layers — on:
//
//   preparing ──(The push refers to repository [docker.io/student/web])──▶ pushing
//   pushing ──(v1: digest: sha256:… size: 528)──▶ complete        an error message ──▶ failed
//
// Each layer is a child actor (pushLayerMachine): preparing, waiting, pushing, then pushed — or
// layer already exists, or mounted from another repository of the same registry.
import { assign, enqueueActions, setup } from 'xstate';
import { pushLayerMachine } from './push-layer-machine';
import { layerActorId, type OperationFeed, type OperationInput } from './pull-machine';
import { pushEventOf, type PushStreamEvent } from './progress-events';

export interface PushContext extends OperationInput {
  repository?: string;
  layers: string[];
  /** What the registry stored for the tag. */
  pushed?: { tag: string; digest: string; size: number };
  error?: string;
}

export const pushMachine = setup({
  types: {
    context: {} as PushContext,
    input: {} as OperationInput,
    events: {} as OperationFeed | PushStreamEvent,
  },
  actors: { pushLayer: pushLayerMachine },
  actions: {
    read: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'progress.message') return;
      const translated = pushEventOf(event.message);
      if (translated) enqueue.raise(translated);
    }),
    forwardToLayer: enqueueActions(({ context, event, enqueue }) => {
      if (!event.type.startsWith('layer.') || !('layer' in event)) return;
      const id = layerActorId(event.layer);
      if (!context.layers.includes(event.layer)) {
        enqueue.assign({ layers: [...context.layers, event.layer] });
        enqueue.spawnChild('pushLayer', { id, input: { id: event.layer } });
      }
      enqueue.sendTo(id, event);
    }),
  },
}).createMachine({
  id: 'push',
  context: ({ input }) => ({ ...input, layers: [] }),
  initial: 'preparing',
  on: { 'progress.message': { actions: 'read' } },
  states: {
    preparing: {
      on: {
        'push.refers': { target: 'pushing', actions: assign({ repository: ({ event }) => event.repository }) },
        'push.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.message }) },
        'progress.end': { target: 'failed', actions: assign({ error: 'the progress stream ended early' }) },
      },
    },
    pushing: {
      on: {
        'layer.*': { actions: 'forwardToLayer' },
        'push.tagged': {
          target: 'complete',
          actions: assign({ pushed: ({ event }) => ({ tag: event.tag, digest: event.digest, size: event.size }) }),
        },
        'push.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.message }) },
        'progress.end': { target: 'failed', actions: assign({ error: 'the progress stream ended early' }) },
      },
    },
    complete: { tags: ['done'] },
    failed: { tags: ['done'] },
  },
});
