// A machine's Docker daemon. It is `up` or `down`: `daemon.stop` takes its host off the network
// (clients then get `Cannot connect to the Docker daemon…`, as when dockerd is not running) and
// `daemon.start` brings it back. It listens to its own event log — what `docker events` shows —
// and keeps one container actor per container, created on `create`, moved by start, pause, die…,
// and gone after `destroy`.
import { enqueueActions, fromCallback, sendTo, setup, type EventObject } from 'xstate';
import type { EventMessage } from '../../engine/daemon/events';
import { containerMachine, type ContainerAction, type ContainerEvent } from '../operations/container-machine';
import { actorIds } from '../world/layout';
import type { WorldServices } from './services';
import type { WireEvent } from './wire-events';

export interface DaemonInput {
  host: string;
  services: WorldServices;
  /** Whether the daemon starts up (a restored world may have it down). */
  up?: boolean;
}

export type DaemonEvent =
  | { type: 'daemon.stop' }
  | { type: 'daemon.start' }
  | { type: 'host.down'; host: string }
  | { type: 'host.up'; host: string }
  | { type: 'daemon.event'; event: EventMessage }
  | WireEvent;

const followed = new Set<string>([
  'create',
  'start',
  'restart',
  'pause',
  'unpause',
  'die',
  'kill',
  'stop',
  'destroy',
  'rename',
]);

/** The daemon's event log, as a feed of `daemon.event`s. */
const eventFeed = fromCallback<EventObject, { host: string; services: WorldServices }>(({ input, sendBack }) =>
  input.services.listenToDaemon(input.host, (event) => sendBack({ type: 'daemon.event', event })),
);

export const daemonMachine = setup({
  types: {
    context: {} as DaemonInput,
    input: {} as DaemonInput,
    events: {} as DaemonEvent,
  },
  actors: { eventFeed, container: containerMachine },
  guards: { startsUp: ({ context }) => context.up !== false },
  actions: {
    goDown: sendTo(
      ({ system }) => system.get(actorIds.network),
      ({ context }) => ({ type: 'host.down', host: context.host }),
    ),
    goUp: sendTo(
      ({ system }) => system.get(actorIds.network),
      ({ context }) => ({ type: 'host.up', host: context.host }),
    ),
    followContainer: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'daemon.event' || event.event.Type !== 'container') return;
      const ev = event.event;
      const action = ev.Action;
      if (!followed.has(action)) return;
      const id = actorIds.container(context.host, ev.Actor.ID);
      const status = context.services.containerStatus(context.host, ev.Actor.ID);
      if (action === 'create') {
        if (self.getSnapshot().children[id]) return;
        enqueue.spawnChild('container', {
          id,
          systemId: id,
          input: {
            host: context.host,
            id: ev.Actor.ID,
            name: ev.Actor.Attributes.name ?? '',
            image: ev.Actor.Attributes.image ?? '',
          },
        });
        return;
      }
      if (!self.getSnapshot().children[id]) return;
      const message: ContainerEvent = { type: `container.${action as ContainerAction}` };
      if (status !== undefined) message.status = status;
      if (ev.Actor.Attributes.exitCode !== undefined) message.exitCode = Number(ev.Actor.Attributes.exitCode);
      if (action === 'rename') message.name = ev.Actor.Attributes.name ?? '';
      enqueue.sendTo(id, message);
    }),
    relay: enqueueActions(({ event, system, enqueue }) => {
      if (event.type !== 'wire.send') return;
      const to = system.get(event.to);
      if (to) enqueue.sendTo(to, event.message);
    }),
  },
}).createMachine({
  id: 'daemon',
  context: ({ input }) => input,
  invoke: { src: 'eventFeed', input: ({ context }) => ({ host: context.host, services: context.services }) },
  initial: 'starting',
  on: {
    'daemon.event': { actions: 'followContainer' },
    'wire.send': { actions: 'relay' },
  },
  states: {
    starting: { always: [{ guard: 'startsUp', target: 'up' }, { target: 'down' }] },
    up: {
      on: {
        'daemon.stop': { actions: 'goDown' },
        'host.down': 'down',
      },
    },
    down: {
      on: {
        'daemon.start': { actions: 'goUp' },
        'host.up': 'up',
      },
    },
  },
});
