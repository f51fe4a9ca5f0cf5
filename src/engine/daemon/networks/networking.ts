// A daemon's networking, assembled: its networks, the host's table of published ports, the
// containers' attachments and endpoints, the routing between them and what each endpoint carried.
// The container service owns one (containers/service.ts); the network endpoints reach it with
// `networkingOf(ctx)`.
import type { HttpHandler } from '../../runtime/contract';
import type { Listeners } from '../containers/network-stack';
import type { IdSource } from '../containers/ids';
import type { EventLog } from '../events';
import { Attachments } from './attachments';
import { NetworkService } from './network-service';
import { PortAllocator } from './ports';
import { Routing } from './routing';
import { Traffic } from './traffic';

export interface NetworkingOptions {
  /** The daemon's ID source (endpoint and sandbox IDs of a start). */
  ids: IdSource;
  /** Where network and further endpoint IDs come from. */
  networkIds: IdSource;
  bridgeId: string;
  now: () => number;
  events: EventLog;
  listenersOf: (containerId: string) => Listeners | undefined;
}

export class Networking {
  readonly networks: NetworkService;
  readonly ports = new PortAllocator();
  readonly attachments: Attachments;
  readonly routing: Routing;
  /** What each endpoint has carried (`docker stats` NET I/O). */
  readonly traffic = new Traffic();

  constructor(options: NetworkingOptions) {
    this.networks = new NetworkService(options.networkIds, options.now, options.events, options.bridgeId);
    this.attachments = new Attachments(this.networks, this.ports, options.events, options.ids, options.networkIds);
    this.routing = new Routing(this.networks, this.attachments, this.ports, options.listenersOf, this.traffic);
  }

  /** A container stopped: its endpoints, published ports and host-side servers go. */
  leave(containerId: string): void {
    const endpoints = this.attachments.of(containerId)?.endpoints.values() ?? [];
    this.traffic.forget([...endpoints].map((ep) => ep.endpointId));
    this.attachments.leave(containerId);
    this.routing.releaseHostPorts(containerId);
  }

  /**
   * What answers on `hostIp:port` of this daemon's host — a published port (docker-proxy
   * forwarding to the container) or a server of a `--network host` container — or undefined when
   * nothing listens there. The world uses it for `curl http://localhost:8080` on the laptop.
   */
  publishedPort(hostIp: string, port: number): HttpHandler | undefined {
    return this.routing.publishedPort(hostIp, port);
  }
}
