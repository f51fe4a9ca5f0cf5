// One layer of a pull, through the phases dockerd reports for it (moby `xfer/download.go`):
//
//   waiting ──▶ downloading ──▶ verifying ──▶ downloadComplete ──▶ extracting ──▶ pullComplete
//      │  ▲          │                                                  (the layer is registered)
//      │  └─ retrying ◀┘  (`Retrying in N seconds`: a failed download tried again)
//      └──▶ alreadyExists  (the layer store has it: nothing crosses the network)
//
// "Pulling fs layer" and "Waiting" both leave the layer waiting: queued behind the three downloads
// a daemon runs at once. Docker may skip a phase (a tiny blob goes straight to Download complete,
// the containerd store never says Verifying Checksum), so each state accepts the later phases too.
import { assign, setup } from 'xstate';
import type { PullLayerEvent } from './progress-events';

export interface PullLayerContext {
  id: string;
  /** Bytes downloaded / extracted so far, and the layer's size, as the progress detail says. */
  current: number;
  total: number;
  /** Seconds of the last `Retrying in N seconds`. */
  retryIn?: number;
}

export const pullLayerMachine = setup({
  types: {
    context: {} as PullLayerContext,
    input: {} as { id: string },
    events: {} as PullLayerEvent,
  },
  actions: {
    progress: assign(({ context, event }) => ({
      current: event.current ?? context.current,
      total: event.total ?? context.total,
    })),
    restart: assign({ current: 0 }),
    noteRetry: assign({ retryIn: ({ event }) => (event.type === 'layer.retrying' ? event.seconds : undefined) }),
  },
}).createMachine({
  id: 'pullLayer',
  context: ({ input }) => ({ id: input.id, current: 0, total: 0 }),
  initial: 'waiting',
  states: {
    waiting: {
      on: {
        'layer.downloading': { target: 'downloading', actions: 'progress' },
        'layer.downloaded': 'downloadComplete',
        'layer.exists': 'alreadyExists',
        'layer.retrying': { target: 'retrying', actions: 'noteRetry' },
      },
    },
    downloading: {
      on: {
        'layer.downloading': { actions: 'progress' },
        'layer.verifying': 'verifying',
        'layer.downloaded': 'downloadComplete',
        'layer.retrying': { target: 'retrying', actions: 'noteRetry' },
      },
    },
    retrying: {
      on: {
        'layer.downloading': { target: 'downloading', actions: ['restart', 'progress'] },
        'layer.waiting': 'waiting',
      },
    },
    verifying: { on: { 'layer.downloaded': 'downloadComplete' } },
    downloadComplete: {
      on: {
        'layer.extracting': { target: 'extracting', actions: ['restart', 'progress'] },
        'layer.complete': 'pullComplete',
      },
    },
    extracting: {
      on: {
        'layer.extracting': { actions: 'progress' },
        'layer.complete': 'pullComplete',
      },
    },
    pullComplete: { tags: ['done'] },
    alreadyExists: { tags: ['done'] },
  },
});
