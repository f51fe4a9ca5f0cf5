// Where traffic goes — the part of the kernel's routing, iptables and Docker's embedded DNS a
// container's connections meet:
//
//   - A container reaches the containers that share a network with it, by address; on a
//     user-defined network it also resolves their names, aliases and short IDs (the embedded DNS
//     server at 127.0.0.11). On the default bridge names resolve to nothing: busybox says
//     `wget: bad address 'web'`. Containers on different networks cannot reach each other.
//   - The gateway address of a container's network is the host: the host's own servers and the
//     published ports are reached there.
//   - With `--network host` a container is in the host's namespace: its servers listen on the
//     host's ports, `localhost:8080` is the host's, and every container address is reachable.
//   - With `--network none` there is only loopback.
//   - A published port (`-p 8080:80`) is the host listening on 8080 and forwarding to the
//     container's port 80 (docker-proxy); the container sees the connection come from the gateway.
//   - With `--network container:web` a container is in web's namespace (./container-mode.ts): web's
//     interfaces, routes, names and listening ports, for as long as web's sandbox lasts.
//
// Every exchange that crosses a container's interface is counted on it (./traffic.ts) for
// `docker stats`.
import type { HttpHandler } from '../../runtime/contract';
import type { Container } from '../containers/container';
import { networkModeOf } from '../containers/host-config';
import {
  socketError,
  type InterfaceView,
  type Listeners,
  type NamespaceView,
  type Route,
} from '../containers/network-stack';
import type { Attachments } from './attachments';
import type { Network, NetworkEndpoint } from './network';
import type { NetworkService } from './network-service';
import type { PortAllocator } from './ports';
import type { Traffic } from './traffic';

/** The host's address on its own LAN, as `ip addr` in a host-mode container shows it. */
export const HOST_LAN = { address: '192.168.1.23', prefix: 24, mac: '52:54:00:12:34:56' };

/** The host's listening ports: its own servers (host-mode containers) and, behind them, the published ports. */
class HostListeners extends Map<number, HttpHandler> {
  constructor(private readonly published: (port: number) => HttpHandler | undefined) {
    super();
  }

  override get(port: number): HttpHandler | undefined {
    return super.get(port) ?? this.published(port);
  }
}

export class Routing {
  /** The host's network namespace: what listens on its ports. */
  readonly hostListeners: Listeners;
  /** Which host-mode container serves each host port it listens on. */
  private readonly hostOwners = new Map<number, string>();

  constructor(
    private readonly networks: NetworkService,
    private readonly attachments: Attachments,
    private readonly ports: PortAllocator,
    /** The listeners of a container by ID (its own namespace). */
    private readonly listenersOf: (containerId: string) => Listeners | undefined,
    private readonly traffic: Traffic,
  ) {
    this.hostListeners = new HostListeners((port) => this.publishedPort('0.0.0.0', port));
  }

  /** What answers on `hostIp:port` of the host: a published port, or a host-mode container's server. */
  publishedPort(hostIp: string, port: number): HttpHandler | undefined {
    const ip = hostIp === 'localhost' ? '127.0.0.1' : hostIp === '::1' ? '::' : hostIp;
    const binding = this.ports.holder(ip, port, 'tcp');
    if (binding === undefined) return Map.prototype.get.call(this.hostListeners, port) as HttpHandler | undefined;
    return async (request) => {
      const target = this.listenersOf(binding.containerId)?.get(binding.privatePort);
      if (target === undefined) throw socketError('ECONNRESET', `${hostIp}:${port}`);
      const inbound = this.gatewayFor(binding.containerId);
      return this.traffic
        .link(undefined, inbound?.endpointId)
        .exchange(target, request, { remoteAddress: inbound?.gateway ?? '172.17.0.1' });
    };
  }

  /** The container's first endpoint on a network with a gateway: where docker-proxy's traffic comes in. */
  private gatewayFor(containerId: string): { gateway: string; endpointId: string } | undefined {
    for (const [networkId, endpoint] of this.attachments.of(containerId)?.endpoints ?? []) {
      const pool = this.networks.get(networkId)?.pool;
      if (pool) return { gateway: pool.gatewayText, endpointId: endpoint.endpointId };
    }
    return undefined;
  }

  /** The live endpoints of a container, with their networks, in the order it joined them. */
  private endpointsOf(containerId: string): [Network, NetworkEndpoint][] {
    const out: [Network, NetworkEndpoint][] = [];
    for (const [networkId, endpoint] of this.attachments.of(containerId)?.endpoints ?? []) {
      const network = this.networks.get(networkId);
      if (network) out.push([network, endpoint]);
    }
    return out;
  }

  /**
   * The namespace view of a container about to start; `joined` is the running container whose
   * namespace a `--network container:` container shares.
   */
  namespaceOf(container: Container, joined?: Container): NamespaceView {
    const mode = networkModeOf(container.hostConfig);
    if (mode === 'host') return this.hostNamespace(container);
    if (joined !== undefined) return this.sharedNamespace(joined);
    if (mode === 'none' || mode.startsWith('container:')) {
      return {
        hostname: container.hostname,
        interfaces: () => [],
        listeners: container.listeners,
        lookup: () => undefined,
        route: () => undefined,
      };
    }
    return {
      hostname: container.hostname,
      listeners: container.listeners,
      interfaces: () =>
        this.endpointsOf(container.id)
          .filter(([, ep]) => ep.ipAddress !== '')
          .map(([network, ep], i): InterfaceView => ({
            name: `eth${i}`,
            mac: ep.macAddress,
            addresses: [{ address: ep.ipAddress, prefix: network.prefixLength }],
          })),
      lookup: (name) => this.lookup(container.id, name),
      route: (ip) => this.route(container.id, ip),
    };
  }

  /**
   * The namespace of `owner`, as a container that joined it sees it: the same view while the
   * sandbox `owner` had at the join lasts; once it goes (owner stopped, or restarted into a new
   * sandbox), only loopback and the servers listening in it remain.
   */
  private sharedNamespace(owner: Container): NamespaceView {
    const view = this.namespaceOf(owner);
    const sandboxId = this.attachments.of(owner.id)?.sandboxId;
    const alive = () => sandboxId !== undefined && this.attachments.of(owner.id)?.sandboxId === sandboxId;
    return {
      hostname: owner.hostname,
      listeners: view.listeners,
      interfaces: () => (alive() ? view.interfaces() : []),
      lookup: (name) => (alive() ? view.lookup(name) : undefined),
      route: (ip) => (alive() ? view.route(ip) : undefined),
      ...(view.claim ? { claim: view.claim } : {}),
    };
  }

  /** The embedded DNS: names, aliases and short IDs on the user-defined networks the container shares. */
  lookup(containerId: string, name: string): string | undefined {
    const wanted = name.toLowerCase().replace(/\.$/, '');
    for (const [network] of this.endpointsOf(containerId)) {
      if (!network.hasEmbeddedDns) continue;
      for (const peer of network.endpoints.values()) {
        if (peer.dnsNames.some((n) => n.toLowerCase() === wanted)) return peer.ipAddress;
      }
    }
    return undefined;
  }

  /** Where `ip` leads from a container: a peer on a shared network, or the host at a gateway. */
  route(containerId: string, ip: string): Route | undefined {
    for (const [network, own] of this.endpointsOf(containerId)) {
      if (network.pool?.gatewayText === ip) {
        return {
          listeners: this.hostListeners,
          remoteAddress: own.ipAddress,
          meter: this.traffic.link(own.endpointId, undefined),
        };
      }
      for (const peer of network.endpoints.values()) {
        if (peer.ipAddress !== ip) continue;
        const listeners = this.listenersOf(peer.containerId);
        const meter = this.traffic.link(own.endpointId, peer.endpointId);
        return listeners ? { listeners, remoteAddress: own.ipAddress, meter } : undefined;
      }
    }
    return undefined;
  }

  /** `--network host`: the host's interfaces, its listeners, every container address reachable. */
  private hostNamespace(container: Container): NamespaceView {
    return {
      hostname: container.hostname,
      listeners: this.hostListeners,
      interfaces: () => [
        { name: 'eth0', mac: HOST_LAN.mac, addresses: [{ address: HOST_LAN.address, prefix: HOST_LAN.prefix }] },
        { name: 'docker0', addresses: [{ address: '172.17.0.1', prefix: 16 }] },
      ],
      lookup: () => undefined,
      route: (ip) => {
        for (const network of this.networks.all()) {
          for (const peer of network.endpoints.values()) {
            if (peer.ipAddress !== ip) continue;
            const listeners = this.listenersOf(peer.containerId);
            if (listeners === undefined || network.pool === undefined) return undefined;
            const meter = this.traffic.link(undefined, peer.endpointId);
            return { listeners, remoteAddress: network.pool.gatewayText, meter };
          }
        }
        return undefined;
      },
      claim: (port, handler) => {
        if (Map.prototype.has.call(this.hostListeners, port) || this.ports.holder('0.0.0.0', port, 'tcp')) {
          throw socketError('EADDRINUSE', `0.0.0.0:${port}`);
        }
        this.hostListeners.set(port, handler);
        this.hostOwners.set(port, container.id);
        return {
          close: () => {
            if (Map.prototype.get.call(this.hostListeners, port) !== handler) return;
            this.hostListeners.delete(port);
            this.hostOwners.delete(port);
          },
        };
      },
    };
  }

  /** A host-mode container stopped: its servers no longer listen on the host. */
  releaseHostPorts(containerId: string): void {
    for (const [port, owner] of [...this.hostOwners]) {
      if (owner !== containerId) continue;
      this.hostListeners.delete(port);
      this.hostOwners.delete(port);
    }
  }
}
