// One container, in Docker's seven states (moby `container.State`), moved by what its daemon
// publishes — the same `docker events` a user can watch: create, start, pause, unpause, die,
// kill, stop, restart, destroy. Each event also carries the state the daemon reports right after
// it, which settles what an event alone cannot: after `die`, a container with a restart policy
// is `restarting` rather than `exited`; during `docker rm -f` it is `removing`; a removal that
// failed half-way leaves it `dead`.
//
//   created ──start──▶ running ──pause──▶ paused ──unpause──▶ running
//   running ──die──▶ exited | restarting ──start──▶ running
//   exited ──start/restart──▶ running            any ──destroy──▶ removed (the actor stops)
import { assign, setup } from 'xstate';
import type { ContainerStatus } from '../../engine/daemon/containers/state';

export type ContainerAction =
  'create' | 'start' | 'restart' | 'pause' | 'unpause' | 'die' | 'kill' | 'stop' | 'destroy' | 'rename' | 'other';

/** A daemon event about this container, with the status the daemon reports after it. */
export interface ContainerEvent {
  type: `container.${ContainerAction}`;
  /** Docker's state right after the event; `undefined` once the container is gone. */
  status?: ContainerStatus;
  exitCode?: number;
  name?: string;
}

export interface ContainerContext {
  host: string;
  id: string;
  name: string;
  image: string;
  exitCode?: number;
  restarts: number;
}

const reports =
  (status: ContainerStatus) =>
  ({ event }: { event: ContainerEvent }) =>
    event.status === status;

export const containerMachine = setup({
  types: {
    context: {} as ContainerContext,
    input: {} as { host: string; id: string; name: string; image: string },
    events: {} as ContainerEvent,
  },
  guards: {
    isRestarting: reports('restarting'),
    isRunning: reports('running'),
    isExited: reports('exited'),
    isRemoving: reports('removing'),
    isDead: reports('dead'),
  },
  actions: {
    noteExit: assign({ exitCode: ({ context, event }) => event.exitCode ?? context.exitCode }),
    countRestart: assign({ restarts: ({ context }) => context.restarts + 1 }),
    rename: assign({ name: ({ context, event }) => event.name ?? context.name }),
  },
}).createMachine({
  id: 'container',
  context: ({ input }) => ({ ...input, restarts: 0 }),
  initial: 'created',
  on: {
    'container.destroy': '.removed',
    'container.rename': { actions: 'rename' },
    // Whatever the event, a daemon that reports removal in progress (or failed) has the last word.
    'container.*': [
      { guard: 'isRemoving', target: '.removing' },
      { guard: 'isDead', target: '.dead' },
    ],
  },
  states: {
    created: {
      on: {
        'container.start': 'running',
        'container.restart': 'running',
      },
    },
    running: {
      on: {
        'container.pause': 'paused',
        'container.die': [
          { guard: 'isRestarting', target: 'restarting', actions: 'noteExit' },
          { target: 'exited', actions: 'noteExit' },
        ],
      },
    },
    paused: {
      on: {
        'container.unpause': 'running',
        'container.die': { target: 'exited', actions: 'noteExit' },
      },
    },
    restarting: {
      on: {
        'container.start': { target: 'running', actions: 'countRestart' },
        // A stop, kill or rm -f cancels the pending restart: the container settles as exited.
        'container.stop': { guard: 'isExited', target: 'exited' },
        'container.kill': { guard: 'isExited', target: 'exited' },
        'container.die': { guard: 'isExited', target: 'exited', actions: 'noteExit' },
      },
    },
    exited: {
      on: {
        'container.start': 'running',
        'container.restart': 'running',
      },
    },
    removing: {
      on: { 'container.die': { actions: 'noteExit' } },
    },
    dead: {},
    removed: { type: 'final' },
  },
});
