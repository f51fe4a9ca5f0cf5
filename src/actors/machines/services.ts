// What the actors reach outside XState: the world's topology, its pacing, the network that carries
// requests, each daemon's event log and containers, and the book where finished commands are
// handed back to whoever ran them. The world builds one and passes it to every actor as input, so
// the machines stay pure descriptions of states and events.
import type { ContainerStatus } from '../../engine/daemon/containers/state';
import type { EventMessage } from '../../engine/daemon/events';
import type { WireRequest, WireResponse } from '../../engine/wire/message';
import type { Endpoint } from '../trace/types';
import type { Speed } from '../world/driver';
import type { CommandResult } from './client-runner';

export interface WorldServices {
  /** Topology changes (link and host up/down). */
  setLinkUp(a: string, b: string, up: boolean): void;
  setHostUp(host: string, up: boolean): void;
  /** Pacing. */
  pause(): void;
  resume(): void;
  step(): void;
  setSpeed(speed: Speed): void;
  /** Carry one exchange over the network for a command. */
  send(from: Endpoint, to: Endpoint, request: WireRequest, command: number): Promise<WireResponse>;
  /** The daemon `host`'s events, as they are published. */
  listenToDaemon(host: string, listener: (ev: EventMessage) => void): () => void;
  /** Docker's state of container `id` on `host`, if it exists. */
  containerStatus(host: string, id: string): ContainerStatus | undefined;
  /** A command has finished: hand its result to whoever is waiting for it. */
  settle(result: CommandResult): void;
  /** Which actor (systemId) lives on a network host, if any: `daemon:laptop`, `registry:docker.io`. */
  actorOnHost(host: string): string | undefined;
}
