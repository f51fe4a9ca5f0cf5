// The network, as an actor: the instructor's controls over how messages travel, and the hand that
// passes each delivered message to the actors that exchanged it.
//
//   running ──network.pause──▶ paused ──network.resume──▶ running
//                              paused ──network.step──▶ paused   (exactly the next message)
//   network.speed   instant | realtime | { slow: N }
//   link.down / link.up { a, b }      host.down / host.up { host }
//
// A host going down or up is told to the actor that lives there (its daemon, its registry), so
// their states follow. Every message the network delivers (`network.delivered`) is handed to its
// sender as `wire.send`, which the sender passes on to the receiver: XState's inspection then
// shows `client → daemon: http.request`, `daemon → client: http.response`.
import { enqueueActions, setup } from 'xstate';
import type { Speed } from '../world/driver';
import type { WorldServices } from './services';
import type { HttpFailureEvent, HttpRequestEvent, HttpResponseEvent, WireSendEvent } from './wire-events';

export type NetworkEvent =
  | { type: 'network.pause' }
  | { type: 'network.resume' }
  | { type: 'network.step' }
  | { type: 'network.speed'; speed: Speed }
  | { type: 'link.down'; a: string; b: string }
  | { type: 'link.up'; a: string; b: string }
  | { type: 'host.down'; host: string }
  | { type: 'host.up'; host: string }
  | {
      type: 'network.delivered';
      /** systemIds of the sender and the receiver. */
      from: string;
      to: string;
      message: HttpRequestEvent | HttpResponseEvent | HttpFailureEvent;
    };

export interface NetworkContext {
  services: WorldServices;
  speed: Speed;
}

export const networkMachine = setup({
  types: {
    context: {} as NetworkContext,
    input: {} as NetworkContext,
    events: {} as NetworkEvent,
  },
  actions: {
    pause: ({ context }) => context.services.pause(),
    resume: ({ context }) => context.services.resume(),
    step: ({ context }) => context.services.step(),
    setSpeed: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'network.speed') return;
      context.services.setSpeed(event.speed);
      enqueue.assign({ speed: event.speed });
    }),
    setLink: ({ context, event }) => {
      if (event.type === 'link.down' || event.type === 'link.up') {
        context.services.setLinkUp(event.a, event.b, event.type === 'link.up');
      }
    },
    setHost: enqueueActions(({ context, event, system, enqueue }) => {
      if (event.type !== 'host.down' && event.type !== 'host.up') return;
      context.services.setHostUp(event.host, event.type === 'host.up');
      const resident = context.services.actorOnHost(event.host);
      const actor = resident === undefined ? undefined : system.get(resident);
      const notice = { type: event.type, host: event.host };
      if (actor) enqueue.sendTo(actor, notice);
    }),
    deliver: enqueueActions(({ event, system, enqueue }) => {
      if (event.type !== 'network.delivered') return;
      const sender = system.get(event.from);
      if (!sender) return;
      if (event.message.type === 'http.failure') enqueue.sendTo(sender, event.message);
      else {
        const wireSend: WireSendEvent = { type: 'wire.send', to: event.to, message: event.message };
        enqueue.sendTo(sender, wireSend);
      }
    }),
  },
}).createMachine({
  id: 'network',
  context: ({ input }) => ({ services: input.services, speed: input.speed }),
  initial: 'running',
  on: {
    'network.speed': { actions: 'setSpeed' },
    'link.down': { actions: 'setLink' },
    'link.up': { actions: 'setLink' },
    'host.down': { actions: 'setHost' },
    'host.up': { actions: 'setHost' },
    'network.delivered': { actions: 'deliver' },
  },
  states: {
    running: { on: { 'network.pause': { target: 'paused', actions: 'pause' } } },
    paused: {
      on: {
        'network.resume': { target: 'running', actions: 'resume' },
        'network.step': { actions: 'step' },
      },
    },
  },
});
