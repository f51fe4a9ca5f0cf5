// Containers on networks (moby daemon/container_operations.go): which networks a container is
// configured for, and its live endpoints on them while it runs.
//
//   create   the container is configured for its network mode's network (`--network`, else
//            `bridge`) and whatever else NetworkingConfig names; a network that does not exist yet
//            is only found at start (`failed to set up container networking: network n not found`)
//   start    one endpoint per network — an address from the network's pool, an endpoint ID, one
//            sandbox (network namespace) for them all — then the published ports are programmed;
//            any failure undoes everything (`connect` events only for what stays)
//   stop     every endpoint and published port goes back (`disconnect` events)
//   connect / disconnect   change the configuration, live when the container runs
//
// `host` and `none` give the container an endpoint without an address: on `host` it shares the
// host's stack, on `none` it has loopback only.
import { DaemonError } from '../api/errors';
import type { Container } from '../containers/container';
import type { CreateHostConfig } from '../containers/create-body';
import { networkModeOf } from '../containers/host-config';
import type { IdSource } from '../containers/ids';
import type { EventLog } from '../events';
import { formatIpv4 } from './cidr';
import { checkEndpointRequest, endpointRequest, wantedAddress, type EndpointRequest } from './endpoint-config';
import type { Network, NetworkEndpoint } from './network';
import { logNetworkEvent } from './network-events';
import type { NetworkService } from './network-service';
import { effectiveBindings, validatePortBindings, type PortAllocator, type PublishedPort } from './ports';

/** One network a container is configured for. */
export interface Attachment {
  /** The network's ID once found (create finds it if it exists). */
  networkId: string | undefined;
  request: EndpointRequest;
}

/** A container's networking: its configuration and, while it runs, its sandbox. */
export interface ContainerNetworking {
  /** By network name (as NetworkSettings.Networks keys them), in the order they were added. */
  attachments: Map<string, Attachment>;
  sandboxId: string | undefined;
  /** Live endpoints by network ID. */
  endpoints: Map<string, NetworkEndpoint>;
  ports: PublishedPort[];
}

/** `conflicting options: …` and friends, as moby's runconfig errors word them. */
export const SHARED_NAMESPACE =
  'container sharing network namespace with another container or host cannot be connected to any other network';

export class Attachments {
  private readonly byContainer = new Map<string, ContainerNetworking>();
  /**
   * `disconnect` events of containers that just stopped. dockerd logs `die` first and then
   * releases the network, so `docker events` reads die → network disconnect → (with --rm)
   * destroy; the addresses go back at once, the events follow the `die` the exit monitor logs.
   */
  private pending: (() => void)[] = [];

  constructor(
    private readonly networks: NetworkService,
    private readonly portAllocator: PortAllocator,
    private readonly events: EventLog,
    /** The daemon's own ID source: the first endpoint and sandbox IDs of a start come from it. */
    private readonly containerIds: IdSource,
    /** Where IDs of further endpoints come from. */
    private readonly networkIds: IdSource,
  ) {}

  of(containerId: string): ContainerNetworking | undefined {
    return this.byContainer.get(containerId);
  }

  /** A new container's networks, checked (moby's endpoint checks); nothing is recorded. */
  plan(hostConfig: CreateHostConfig, networkingConfig: Record<string, unknown> | null): Map<string, Attachment> {
    const mode = networkModeOf(hostConfig);
    const settings = (networkingConfig?.EndpointsConfig ?? {}) as Record<string, unknown>;
    const attachments = new Map<string, Attachment>();
    if (mode.startsWith('container:')) return attachments;
    const names = [mode, ...Object.keys(settings).filter((n) => n !== mode && n !== 'default')];
    for (const [i, given] of names.entries()) {
      const network = this.tryFind(given);
      const request = endpointRequest(settings[given] ?? (i === 0 ? settings.default : undefined));
      if (network) checkEndpointRequest(network, request);
      attachments.set(network?.name ?? given, { networkId: network?.id, request });
    }
    return attachments;
  }

  /** Record a created container's planned networks. */
  record(containerId: string, attachments: Map<string, Attachment>): void {
    this.byContainer.set(containerId, { attachments, sandboxId: undefined, endpoints: new Map(), ports: [] });
  }

  private networking(container: Container): ContainerNetworking {
    let networking = this.byContainer.get(container.id);
    if (networking === undefined) {
      this.record(container.id, this.plan(container.hostConfig, container.networkingConfig));
      networking = this.byContainer.get(container.id)!;
    }
    return networking;
  }

  /** Make the endpoints and program the ports of a container that starts; all or nothing. */
  join(container: Container): { sandboxId: string; endpoints: NetworkEndpoint[] } {
    const networking = this.networking(container);
    // a container in another's namespace has no sandbox of its own (./container-mode.ts)
    if (networkModeOf(container.hostConfig).startsWith('container:')) return { sandboxId: '', endpoints: [] };
    const found: [Network, Attachment][] = [];
    for (const [name, attachment] of networking.attachments) {
      const network = attachment.networkId ? this.networks.get(attachment.networkId) : this.networks.byName(name);
      const fallback = network ?? this.tryFind(name);
      if (fallback === undefined) {
        throw DaemonError.notFound(`failed to set up container networking: network ${name} not found`);
      }
      found.push([fallback, attachment]);
    }
    const made: [Network, NetworkEndpoint][] = [];
    try {
      for (const [i, [network, attachment]] of found.entries()) {
        const endpointId = i === 0 ? this.containerIds.nextId() : this.networkIds.nextId();
        if (i === 0) networking.sandboxId = this.containerIds.nextId();
        made.push([network, this.makeEndpoint(container, network, attachment.request, endpointId)]);
      }
      networking.sandboxId ??= this.containerIds.nextId();
      const mode = networkModeOf(container.hostConfig);
      if (mode !== 'host' && mode !== 'none' && !mode.startsWith('container:') && made.length > 0) {
        const raw = container.hostConfig.raw;
        const bindings = effectiveBindings(
          validatePortBindings(raw.PortBindings),
          raw.PublishAllPorts === true,
          container.config.ExposedPorts,
        );
        try {
          networking.ports = this.portAllocator.allocate(container.id, bindings);
        } catch (err) {
          const endpoint = made[0]![1];
          throw DaemonError.system(
            `failed to set up container networking: driver failed programming external connectivity on endpoint ${container.shortName} (${endpoint.endpointId}): ${(err as Error).message}`,
          );
        }
      }
    } catch (err) {
      for (const [network, endpoint] of made) this.dropEndpoint(network, endpoint);
      networking.sandboxId = undefined;
      throw err;
    }
    this.flushEvents();
    for (const [network, endpoint] of made) {
      networking.endpoints.set(network.id, endpoint);
      logNetworkEvent(this.events, network, 'connect', container.id);
    }
    return { sandboxId: networking.sandboxId, endpoints: made.map(([, ep]) => ep) };
  }

  private tryFind(term: string): Network | undefined {
    try {
      return this.networks.find(term);
    } catch {
      return undefined;
    }
  }

  private makeEndpoint(
    container: Container,
    network: Network,
    request: EndpointRequest,
    endpointId: string,
  ): NetworkEndpoint {
    const address = network.pool?.allocate(container.id, wantedAddress(request));
    const ip = address === undefined ? '' : formatIpv4(address);
    const octets = ip === '' ? [] : ip.split('.').map(Number);
    const endpoint: NetworkEndpoint = {
      containerId: container.id,
      name: container.shortName,
      endpointId,
      ipAddress: ip,
      macAddress:
        octets.length === 0 ? '' : ['02', '42', ...octets.map((o) => o.toString(16).padStart(2, '0'))].join(':'),
      aliases: request.Aliases ?? [],
      dnsNames: network.hasEmbeddedDns
        ? [container.shortName, container.id.slice(0, 12), ...(request.Aliases ?? [])]
        : [],
      ipamConfig: request.IPAMConfig,
    };
    network.endpoints.set(container.id, endpoint);
    return endpoint;
  }

  private dropEndpoint(network: Network, endpoint: NetworkEndpoint): void {
    const address = endpoint.ipAddress.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
    if (endpoint.ipAddress !== '') network.pool?.release(address);
    if (network.endpoints.get(endpoint.containerId) === endpoint) network.endpoints.delete(endpoint.containerId);
  }

  /** The container stopped: every endpoint and published port goes back. */
  leave(containerId: string): void {
    const networking = this.byContainer.get(containerId);
    if (networking === undefined) return;
    const wasEmpty = this.pending.length === 0;
    for (const [networkId, endpoint] of [...networking.endpoints].reverse()) {
      const network = this.networks.get(networkId);
      if (network) {
        this.dropEndpoint(network, endpoint);
        this.pending.push(() => logNetworkEvent(this.events, network, 'disconnect', containerId));
      }
    }
    if (wasEmpty && this.pending.length > 0) queueMicrotask(() => this.flushEvents());
    networking.endpoints.clear();
    networking.sandboxId = undefined;
    this.portAllocator.release(containerId);
    networking.ports = [];
  }

  /** Log the `disconnect` events of containers that stopped. */
  flushEvents(): void {
    const pending = this.pending;
    this.pending = [];
    for (const log of pending) log();
  }

  /** The container is gone. */
  forget(containerId: string): void {
    this.leave(containerId);
    this.flushEvents();
    this.byContainer.delete(containerId);
  }

  /** `docker network connect` (moby ConnectToNetwork). */
  connect(container: Container, network: Network, raw: unknown): void {
    const networking = this.networking(container);
    const mode = networkModeOf(container.hostConfig);
    if (network.driver === 'host' || mode === 'host') {
      throw DaemonError.invalidParameter(
        mode === 'host'
          ? SHARED_NAMESPACE
          : 'container cannot be disconnected from host network or connected to host network',
      );
    }
    if (mode.startsWith('container:')) throw DaemonError.invalidParameter(SHARED_NAMESPACE);
    if (network.driver === 'null' || mode === 'none') {
      throw DaemonError.invalidParameter(
        'container cannot be connected to multiple networks with one of the networks in private (none) mode',
      );
    }
    if (networking.attachments.has(network.name)) {
      throw DaemonError.forbidden(
        `endpoint with name ${container.shortName} already exists in network ${network.name}`,
      );
    }
    const request = endpointRequest(raw);
    checkEndpointRequest(network, request);
    if (container.state.running && networking.sandboxId !== undefined) {
      const endpoint = this.makeEndpoint(container, network, request, this.networkIds.nextId());
      networking.endpoints.set(network.id, endpoint);
      logNetworkEvent(this.events, network, 'connect', container.id);
    }
    networking.attachments.set(network.name, { networkId: network.id, request });
  }

  /** `docker network disconnect` (moby DisconnectFromNetwork). */
  disconnect(container: Container, network: Network): void {
    const networking = this.networking(container);
    if (network.driver === 'host' || networkModeOf(container.hostConfig) === 'host') {
      throw DaemonError.invalidParameter(
        'container cannot be disconnected from host network or connected to host network',
      );
    }
    if (!networking.attachments.has(network.name)) {
      throw DaemonError.system(`container ${container.shortName} is not connected to network ${network.name}`);
    }
    networking.attachments.delete(network.name);
    const endpoint = networking.endpoints.get(network.id);
    if (endpoint !== undefined) {
      this.dropEndpoint(network, endpoint);
      networking.endpoints.delete(network.id);
      logNetworkEvent(this.events, network, 'disconnect', container.id);
    }
  }
}
