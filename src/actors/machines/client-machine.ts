// The docker client of one terminal. It runs one command at a time (a terminal waits for the
// prompt); a command typed meanwhile waits its turn. While a command runs the client is either
// `sending` (a request is on its way, no answer yet) or `streaming` (every request has its answer
// and a body is still coming: pull progress, attach output):
//
//   idle ──command.run──▶ busy.sending ⇄ busy.streaming ──command.done──▶ idle
//
// For a pull, push or build it spawns an operation actor (pullMachine, pushMachine, buildMachine)
// and feeds it the progress messages as it decodes them. `command.run` carries the requests to
// send, or a program of API calls (what the docker CLI of issue 8 will produce from argv).
import { assign, enqueueActions, fromCallback, setup, type EventObject } from 'xstate';
import type { WireRequest } from '../../engine/wire/message';
import { buildMachine } from '../operations/build-machine';
import { pullMachine } from '../operations/pull-machine';
import { pushMachine } from '../operations/push-machine';
import { actorIds, clientEndpoint, daemonEndpoint, dockerHostOf, type DaemonHost } from '../world/layout';
import { runCommand, type ClientProgram, type RunnerEvent, type RunnerInput } from './client-runner';
import type { WorldServices } from './services';
import type { WireEvent } from './wire-events';

/** Run a command in a terminal: the requests to send in turn, or a program of calls. */
export interface CommandRunEvent {
  type: 'command.run';
  terminal: string;
  command: number;
  requests?: readonly WireRequest[];
  program?: ClientProgram;
  /** The command line as typed, for the stage (`docker pull alpine`). */
  line?: string;
  /** The daemon this command talks to, when not the terminal's own (`-H`, `--context`, DOCKER_HOST). */
  daemon?: DaemonHost;
}

export interface ClientInput {
  terminal: string;
  /** The machine the terminal is on, and the daemon it talks to (DOCKER_HOST). */
  host: DaemonHost;
  daemon: DaemonHost;
  services: WorldServices;
}

export interface ClientContext extends ClientInput {
  queue: CommandRunEvent[];
  current?: CommandRunEvent;
  /** Requests sent and not yet answered; answers whose bodies are still streaming. */
  pending: number;
  streams: number;
  /** Operation actors (systemIds), oldest first; only the last few are kept. */
  operations: string[];
}

/** How many finished operations a client keeps for the stage to show. */
export const KEPT_OPERATIONS = 8;

const runner = fromCallback<EventObject, RunnerInput>(({ input, sendBack }) => {
  runCommand(input, sendBack);
});

export const clientMachine = setup({
  types: {
    context: {} as ClientContext,
    input: {} as ClientInput,
    events: {} as CommandRunEvent | RunnerEvent | WireEvent,
  },
  actors: { runner, pull: pullMachine, push: pushMachine, build: buildMachine },
  guards: {
    hasQueued: ({ context }) => context.queue.length > 0,
    onlyStreaming: ({ context }) => context.pending === 0 && context.streams > 0,
    hasPending: ({ context }) => context.pending > 0,
  },
  actions: {
    enqueue: assign({
      queue: ({ context, event }) => (event.type === 'command.run' ? [...context.queue, event] : context.queue),
    }),
    begin: assign(({ context, event }) => ({
      current: event.type === 'command.run' ? event : context.queue[0],
      queue: event.type === 'command.run' ? context.queue : context.queue.slice(1),
      pending: 0,
      streams: 0,
    })),
    finish: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'command.done') context.services.settle(event.result);
      enqueue.assign({ current: undefined, pending: 0, streams: 0 });
    }),
    startOperation: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'operation.start') return;
      const operations = [...context.operations, event.operation];
      while (operations.length > KEPT_OPERATIONS) enqueue.stopChild(operations.shift()!);
      enqueue.assign({ operations });
      enqueue.spawnChild(event.kind, {
        id: event.operation,
        systemId: event.operation,
        input: { command: context.current?.command ?? 0, subject: event.subject },
      });
    }),
    feedOperation: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'operation.message' && event.type !== 'operation.end') return;
      if (!context.operations.includes(event.operation)) return;
      enqueue.sendTo(
        event.operation,
        event.type === 'operation.message'
          ? { type: 'progress.message', message: event.message }
          : { type: 'progress.end' },
      );
    }),
    relay: enqueueActions(({ event, system, enqueue }) => {
      if (event.type !== 'wire.send') return;
      const to = system.get(event.to);
      if (to) enqueue.sendTo(to, event.message);
    }),
  },
}).createMachine({
  id: 'client',
  context: ({ input }) => ({ ...input, queue: [], pending: 0, streams: 0, operations: [] }),
  initial: 'idle',
  on: {
    'wire.send': { actions: 'relay' },
    'operation.message': { actions: 'feedOperation' },
    'operation.end': { actions: 'feedOperation' },
  },
  states: {
    idle: {
      always: { guard: 'hasQueued', target: 'busy', actions: 'begin' },
      on: { 'command.run': { target: 'busy', actions: 'begin' } },
    },
    busy: {
      invoke: {
        src: 'runner',
        input: ({ context }): RunnerInput => {
          const run = context.current!;
          const { services, host } = context;
          const daemon = run.daemon ?? context.daemon;
          return {
            command: run.command,
            terminal: context.terminal,
            dockerHost: dockerHostOf(daemon, host),
            send: (request) => services.send(clientEndpoint(host), daemonEndpoint(daemon), request, run.command),
            requests: run.requests,
            program: run.program,
            operationId: (n) => actorIds.operation(run.command, n),
          };
        },
      },
      initial: 'sending',
      states: {
        sending: { always: { guard: 'onlyStreaming', target: 'streaming' } },
        streaming: { always: { guard: 'hasPending', target: 'sending' } },
      },
      on: {
        'command.run': { actions: 'enqueue' },
        'http.sent': { actions: assign({ pending: ({ context }) => context.pending + 1 }) },
        'http.unanswered': { actions: assign({ pending: ({ context }) => Math.max(0, context.pending - 1) }) },
        'http.answered': {
          actions: assign(({ context, event }) => ({
            pending: Math.max(0, context.pending - 1),
            streams: context.streams + (event.streamed ? 1 : 0),
          })),
        },
        'stream.end': { actions: assign({ streams: ({ context }) => Math.max(0, context.streams - 1) }) },
        'operation.start': { actions: 'startOperation' },
        'command.done': { target: 'idle', actions: 'finish' },
      },
    },
  },
});
