// A registry of the world (Docker Hub, the company's, the provider's), `up` or `down`. Taking it
// down takes every host it answers on off the network — for the hub, its API, its token service
// and its search index — so a daemon's pull fails with `connect: connection refused`, and bringing
// it back lets the same pull succeed.
import { enqueueActions, setup } from 'xstate';
import { actorIds } from '../world/layout';
import type { WireEvent } from './wire-events';

export interface RegistryInput {
  name: string;
  /** The network hosts it answers on (`docker.io`, `auth.docker.io`, `index.docker.io`). */
  hosts: readonly string[];
  up?: boolean;
}

export type RegistryEvent =
  | { type: 'registry.down' }
  | { type: 'registry.up' }
  | { type: 'host.down'; host: string }
  | { type: 'host.up'; host: string }
  | WireEvent;

export const registryMachine = setup({
  types: {
    context: {} as RegistryInput,
    input: {} as RegistryInput,
    events: {} as RegistryEvent,
  },
  guards: { startsUp: ({ context }) => context.up !== false },
  actions: {
    setHosts: enqueueActions(({ context, event, system, enqueue }) => {
      const network = system.get(actorIds.network);
      if (!network) return;
      const type = event.type === 'registry.down' ? 'host.down' : 'host.up';
      for (const host of context.hosts) {
        const notice = { type, host };
        enqueue.sendTo(network, notice);
      }
    }),
    relay: enqueueActions(({ event, system, enqueue }) => {
      if (event.type !== 'wire.send') return;
      const to = system.get(event.to);
      if (to) enqueue.sendTo(to, event.message);
    }),
  },
}).createMachine({
  id: 'registry',
  context: ({ input }) => input,
  initial: 'starting',
  on: { 'wire.send': { actions: 'relay' } },
  states: {
    starting: { always: [{ guard: 'startsUp', target: 'up' }, { target: 'down' }] },
    up: {
      on: {
        'registry.down': { actions: 'setHosts' },
        'host.down': 'down',
      },
    },
    down: {
      on: {
        'registry.up': { actions: 'setHosts' },
        'host.up': 'up',
      },
    },
  },
});
