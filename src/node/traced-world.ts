// `npm run serve` runs on the same world as the page: every request the real docker CLI sends to
// the engine, and every exchange the daemon has with a registry, travels through the network actor
// on a wall clock and lands in the trace — which serve prints live, as a sniffer would.
import type { Bytes } from '../engine/bytes';
import { isStream, type Handler } from '../engine/wire/message';
import { Network } from '../actors/network/network';
import { Topology } from '../actors/network/topology';
import { networkTransport, worldAddresses } from '../actors/network/transport';
import { Trace } from '../actors/trace/trace';
import type { Endpoint } from '../actors/trace/types';
import type { Transport } from '../engine/daemon/distribution/transport';
import { WallClock } from '../engine/runtime/clock';
import { loopbackHttp } from './node-transport';

export const laptopClient: Endpoint = { host: 'laptop', role: 'client' };
export const laptopDaemon: Endpoint = { host: 'laptop', role: 'daemon' };

export interface TracedWorld {
  trace: Trace;
  network: Network;
  /** The daemon's way out: world registries by name, loopback registries over real HTTP — all traced. */
  transport: Transport;
  /**
   * Wrap the laptop's daemon so each request from a real client is one traced exchange (one
   * command); `onAnswered` is told when its answer has been sent in full (streams included).
   */
  engineHandler(daemon: Handler, onAnswered?: (command: number) => void): Handler;
}

export function tracedWorld(worldHosts: ReadonlyMap<string, Handler>): TracedWorld {
  const trace = new Trace();
  const topology = new Topology();
  const network = new Network(topology, new WallClock(), trace);
  let command = 0;

  const endpointOf = (host: string): Endpoint | undefined => {
    const known = worldAddresses(host);
    if (known) return known;
    // Registries on loopback (the reference registry of the conformance suite…): real HTTP, traced.
    if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i.test(host)) return undefined;
    const endpoint: Endpoint = { host, role: 'registry' };
    topology.link('laptop', host, 0);
    network.attach(endpoint, (request) => loopbackHttp(host, request));
    return endpoint;
  };
  for (const [host, handler] of worldHosts) {
    const endpoint = worldAddresses(host);
    if (!endpoint) continue;
    topology.link('laptop', endpoint.host, 0);
    network.attach(endpoint, handler);
  }

  return {
    trace,
    network,
    transport: networkTransport(network, laptopDaemon, endpointOf, () => command),
    engineHandler(daemon, onAnswered) {
      network.attach(laptopDaemon, daemon);
      return async (request) => {
        const id = ++command;
        const response = await network.send({ from: laptopClient, to: laptopDaemon, request, command: id });
        if (!onAnswered) return response;
        if (!isStream(response.body)) {
          onAnswered(id);
          return response;
        }
        return { ...response, body: afterStream(response.body, () => onAnswered(id)) };
      };
    },
  };
}

async function* afterStream(body: AsyncIterable<Bytes>, done: () => void): AsyncIterable<Bytes> {
  try {
    yield* body;
  } finally {
    done();
  }
}
