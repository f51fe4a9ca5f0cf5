// The world: the root of the actor system. It starts the network, one daemon per machine, one
// registry per registry and one client per terminal, each under a systemId (`network`,
// `daemon:laptop`, `registry:docker.io`, `client:laptop`), and routes the events the outside
// world sends it — a terminal's command, an instructor's pause, a cut link — to the actor concerned.
import { enqueueActions, setup } from 'xstate';
import { actorIds, type DaemonHost } from '../world/layout';
import type { Speed } from '../world/driver';
import { clientMachine, type CommandRunEvent } from './client-machine';
import { daemonMachine } from './daemon-machine';
import { networkMachine, type NetworkEvent } from './network-machine';
import { registryMachine } from './registry-machine';
import type { WorldServices } from './services';

export interface TerminalSpec {
  terminal: string;
  host: DaemonHost;
  daemon: DaemonHost;
}

export interface WorldInput {
  services: WorldServices;
  speed: Speed;
  daemons: readonly { host: DaemonHost; up: boolean }[];
  registries: readonly { name: string; hosts: readonly string[]; up: boolean }[];
  terminals: readonly TerminalSpec[];
}

/** What the outside (the UI, a lesson, a test) may tell the world. */
export type WorldEvent =
  | ({ type: 'terminal.open' } & TerminalSpec)
  | CommandRunEvent
  | Exclude<NetworkEvent, { type: 'network.delivered' }>
  | { type: 'daemon.stop'; host: DaemonHost }
  | { type: 'daemon.start'; host: DaemonHost }
  | { type: 'registry.down'; name: string }
  | { type: 'registry.up'; name: string };

export const worldMachine = setup({
  types: {
    context: {} as WorldInput,
    input: {} as WorldInput,
    events: {} as WorldEvent,
  },
  actors: { network: networkMachine, daemon: daemonMachine, registry: registryMachine, client: clientMachine },
  actions: {
    populate: enqueueActions(({ context, enqueue }) => {
      const { services } = context;
      enqueue.spawnChild('network', {
        id: actorIds.network,
        systemId: actorIds.network,
        input: { services, speed: context.speed },
      });
      for (const { host, up } of context.daemons) {
        const id = actorIds.daemon(host);
        enqueue.spawnChild('daemon', { id, systemId: id, input: { host, services, up } });
      }
      for (const { name, hosts, up } of context.registries) {
        const id = actorIds.registry(name);
        enqueue.spawnChild('registry', { id, systemId: id, input: { name, hosts, up } });
      }
      for (const t of context.terminals) {
        const id = actorIds.client(t.terminal);
        enqueue.spawnChild('client', { id, systemId: id, input: { ...t, services } });
      }
    }),
    openTerminal: enqueueActions(({ context, event, enqueue, system }) => {
      if (event.type !== 'terminal.open') return;
      const id = actorIds.client(event.terminal);
      if (system.get(id)) return;
      const { terminal, host, daemon } = event;
      enqueue.spawnChild('client', { id, systemId: id, input: { terminal, host, daemon, services: context.services } });
    }),
    route: enqueueActions(({ event, system, enqueue }) => {
      const target =
        event.type === 'command.run'
          ? actorIds.client(event.terminal)
          : event.type === 'daemon.stop' || event.type === 'daemon.start'
            ? actorIds.daemon(event.host)
            : event.type === 'registry.down' || event.type === 'registry.up'
              ? actorIds.registry(event.name)
              : actorIds.network;
      const actor = system.get(target);
      if (actor) enqueue.sendTo(actor, event);
    }),
  },
}).createMachine({
  id: 'world',
  context: ({ input }) => input,
  entry: 'populate',
  on: {
    'terminal.open': { actions: 'openTerminal' },
    'command.run': { actions: 'route' },
    'daemon.*': { actions: 'route' },
    'registry.*': { actions: 'route' },
    'network.*': { actions: 'route' },
    'link.*': { actions: 'route' },
    'host.*': { actions: 'route' },
  },
});
