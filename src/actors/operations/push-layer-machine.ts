// One layer of a push, through the phases dockerd reports for it (moby `xfer/upload.go`,
// `push_v2.go`):
//
//   preparing ──▶ waiting ──▶ pushing ──▶ pushed
//       │            │          │  ▲
//       │            │          ▼  │ (`Retrying in N seconds`)
//       │            │        retrying
//       ├────────────┴──▶ layerAlreadyExists   (the registry has the blob: HEAD answered 200)
//       └────────────────▶ mountedFrom         (cross-repository mount: `Mounted from library/alpine`)
//
// Five uploads run at once; the others wait. The layer's ID is its DiffID's first 12 hex digits.
import { assign, setup } from 'xstate';
import type { PushLayerEvent } from './progress-events';

export interface PushLayerContext {
  id: string;
  current: number;
  total: number;
  /** For a mounted layer: the repository it was mounted from. */
  mountedFrom?: string;
  retryIn?: number;
}

export const pushLayerMachine = setup({
  types: {
    context: {} as PushLayerContext,
    input: {} as { id: string },
    events: {} as PushLayerEvent,
  },
  actions: {
    progress: assign(({ context, event }) => ({
      current: event.current ?? context.current,
      total: event.total ?? context.total,
    })),
    noteMount: assign({ mountedFrom: ({ event }) => (event.type === 'layer.mounted' ? event.from : undefined) }),
    noteRetry: assign({ retryIn: ({ event }) => (event.type === 'layer.retrying' ? event.seconds : undefined) }),
  },
}).createMachine({
  id: 'pushLayer',
  context: ({ input }) => ({ id: input.id, current: 0, total: 0 }),
  initial: 'preparing',
  states: {
    preparing: {
      on: {
        'layer.waiting': 'waiting',
        'layer.pushing': { target: 'pushing', actions: 'progress' },
        'layer.pushed': 'pushed',
        'layer.exists': 'layerAlreadyExists',
        'layer.mounted': { target: 'mountedFrom', actions: 'noteMount' },
        'layer.retrying': { target: 'retrying', actions: 'noteRetry' },
      },
    },
    waiting: {
      on: {
        'layer.pushing': { target: 'pushing', actions: 'progress' },
        'layer.pushed': 'pushed',
        'layer.exists': 'layerAlreadyExists',
        'layer.mounted': { target: 'mountedFrom', actions: 'noteMount' },
        'layer.retrying': { target: 'retrying', actions: 'noteRetry' },
      },
    },
    pushing: {
      on: {
        'layer.pushing': { actions: 'progress' },
        'layer.pushed': 'pushed',
        'layer.retrying': { target: 'retrying', actions: 'noteRetry' },
      },
    },
    retrying: {
      on: {
        'layer.pushing': { target: 'pushing', actions: 'progress' },
        'layer.waiting': 'waiting',
      },
    },
    pushed: { tags: ['done'] },
    layerAlreadyExists: { tags: ['done'] },
    mountedFrom: { tags: ['done'] },
  },
});
