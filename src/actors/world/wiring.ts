// The threads between the world's parts: which terminal a command was typed in, which command a
// daemon is working for, the book where a finished command's result waits for whoever ran it, and
// the hand that passes each message the network delivers to the actors that exchanged it (so the
// actor system sees `client → daemon: http.request` as the trace does). It also implements the
// services the machines call (services.ts): topology changes, pacing, sending a request.
import type { AnyActorRef } from 'xstate';
import { statusOf } from '../../engine/daemon/containers/state';
import type { WireRequest } from '../../engine/wire/message';
import type { Network } from '../network/network';
import type { Topology } from '../network/topology';
import type { Trace } from '../trace/trace';
import type { Endpoint, TraceEntry } from '../trace/types';
import type { CommandResult } from '../machines/client-runner';
import type { WorldServices } from '../machines/services';
import type { TerminalSpec } from '../machines/world-machine';
import type { HostDaemon } from './daemons';
import type { Driver } from './driver';
import { actorIds, isDaemonHost, siteOfHost, type DaemonHost } from './layout';

/** How many past commands still remember their terminal (for messages that arrive late). */
const REMEMBERED_COMMANDS = 1000;

export class WorldWiring {
  readonly #terminals = new Map<string, TerminalSpec>();
  readonly #book = new Map<number, (result: CommandResult) => void>();
  readonly #terminalOf = new Map<number, string>();
  readonly #commandAt = new Map<string, number>();
  readonly #byRequest = new WeakMap<WireRequest, number>();
  #commands: number;
  #actor: AnyActorRef | undefined;

  constructor(trace: Trace, command: number) {
    this.#commands = command;
    trace.subscribe((entry) => this.#onEntry(entry));
  }

  /** Commands numbered so far. */
  get commands(): number {
    return this.#commands;
  }

  /** Commands started and not yet finished. */
  get running(): number {
    return this.#book.size;
  }

  addTerminal(spec: TerminalSpec): void {
    if (!this.#terminals.has(spec.terminal)) this.#terminals.set(spec.terminal, spec);
  }

  hasTerminal(name: string): boolean {
    return this.#terminals.has(name);
  }

  terminals(): TerminalSpec[] {
    return [...this.#terminals.values()];
  }

  /** Number a new command typed in `terminal`; `done` resolves with its result. */
  newCommand(terminal: string): { command: number; done: Promise<CommandResult> } {
    const command = ++this.#commands;
    this.#terminalOf.set(command, terminal);
    this.#terminalOf.delete(command - REMEMBERED_COMMANDS);
    const done = new Promise<CommandResult>((resolve) => this.#book.set(command, resolve));
    return { command, done };
  }

  /** The command daemon `host` is working for (the last one sent to it). */
  commandAt(host: string): number | undefined {
    return this.#commandAt.get(host);
  }

  /** The command a request delivered by the network belongs to. */
  commandOfRequest(request: WireRequest): number | undefined {
    return this.#byRequest.get(request);
  }

  /** The root actor whose network actor is told of each delivery. */
  connect(actor: AnyActorRef): void {
    this.#actor = actor;
  }

  services(parts: {
    driver: Driver;
    network: Network;
    topology: Topology;
    daemons: ReadonlyMap<DaemonHost, HostDaemon>;
    step: (stepping: Promise<boolean>) => void;
  }): WorldServices {
    const { driver, network, topology, daemons } = parts;
    return {
      setLinkUp: (a, b, up) => topology.setLinkUp(a, b, up),
      setHostUp: (host, up) => topology.setHostUp(host, up),
      pause: () => driver.pause(),
      resume: () => driver.resume(),
      step: () => {
        const stepping = driver.step();
        stepping.catch(() => undefined);
        parts.step(stepping);
      },
      setSpeed: (speed) => driver.setSpeed(speed),
      send: (from, to, request, command) => {
        if (to.role === 'daemon') this.#commandAt.set(to.host, command);
        return network.send({ from, to, request, command });
      },
      listenToDaemon: (host, listener) => {
        const daemon = isDaemonHost(host) ? daemons.get(host) : undefined;
        return daemon ? daemon.events.listen(listener) : () => undefined;
      },
      containerStatus: (host, id) => {
        const container = isDaemonHost(host) ? daemons.get(host)?.ctx.containers?.store.get(id) : undefined;
        return container ? statusOf(container.state) : undefined;
      },
      settle: (result) => {
        const resolve = this.#book.get(result.command);
        this.#book.delete(result.command);
        resolve?.(result);
      },
      actorOnHost: (host) => {
        if (isDaemonHost(host)) return actorIds.daemon(host);
        const site = siteOfHost(host);
        return site ? actorIds.registry(site.name) : undefined;
      },
    };
  }

  #actorOf(endpoint: Endpoint, command: number | undefined): string | undefined {
    switch (endpoint.role) {
      case 'client': {
        const terminal = command === undefined ? undefined : this.#terminalOf.get(command);
        return actorIds.client(terminal ?? endpoint.host);
      }
      case 'daemon':
        return actorIds.daemon(endpoint.host);
      case 'registry':
      case 'auth': {
        const site = siteOfHost(endpoint.host);
        return site ? actorIds.registry(site.name) : undefined;
      }
      default:
        return undefined;
    }
  }

  #onEntry(entry: TraceEntry): void {
    if (entry.kind === 'event') return;
    if (entry.kind === 'request' && entry.message && entry.command !== undefined) {
      this.#byRequest.set(entry.message, entry.command);
    }
    const network = this.#actor?.system.get(actorIds.network) as AnyActorRef | undefined;
    if (!network) return;
    const from = this.#actorOf(entry.from, entry.command);
    const to = this.#actorOf(entry.to, entry.command);
    if (!from || !to) return;
    const base = {
      seq: entry.seq,
      exchange: entry.exchange,
      ...(entry.command === undefined ? {} : { command: entry.command }),
    };
    const message =
      entry.kind === 'request'
        ? { type: 'http.request' as const, ...base, method: entry.method, url: entry.url, summary: entry.summary }
        : entry.kind === 'response'
          ? {
              type: 'http.response' as const,
              ...base,
              status: entry.status,
              summary: entry.summary,
              streamed: entry.streamed,
            }
          : { type: 'http.failure' as const, ...base, summary: entry.summary };
    network.send({ type: 'network.delivered', from, to, message });
  }
}
