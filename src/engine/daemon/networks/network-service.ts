// The daemon's networks (moby daemon/network.go over libnetwork's controller): the three
// predefined ones, and those `docker network create` adds. A network is found as FindNetwork
// finds it — a full ID, then an exact name, then a unique ID prefix; nothing is
// `network x not found` (404). Creating refuses a name already taken
// (`network with name x already exists`, 409), a driver other than `bridge`, and a subnet that
// overlaps another network's (403). Removing refuses the predefined networks
// (`bridge is a pre-defined network and cannot be removed`, 403) and a network that running
// containers are connected to (`error while removing network: network n has active endpoints
// (name:"web" id:"3f1d2c4b5a6e")`, 403). `prune` removes every user network without endpoints.
//
// Nothing is half-made: a create is checked completely before the network exists.
import { DaemonError } from '../api/errors';
import type { IdSource } from '../containers/ids';
import type { EventLog } from '../events';
import { FilterArgs } from '../filters';
import { formatPrefix, parseIpv4, parsePrefix, overlaps, masked, type Prefix } from './cidr';
import { AddressPool, nextDefaultSubnet, poolOverlaps, validateIpam, type IpamConfigEntry } from './ipam';
import { Network, type NetworkDriver } from './network';
import { logNetworkEvent, logNetworkPrune } from './network-events';

/** The body of `POST /networks/create` (moby network.CreateRequest), decoded. */
export interface NetworkCreateRequest {
  Name: string;
  Driver?: string;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  EnableIPv6?: boolean;
  IPAM?: { Driver?: string; Options?: Record<string, string> | null; Config?: IpamConfigEntry[] | null } | null;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
}

const DEFAULT_BRIDGE_OPTIONS: Readonly<Record<string, string>> = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

const LIST_FILTERS = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

/** moby filters.Match: each value a regular expression, or a plain substring. */
function matches(filters: FilterArgs, key: string, source: string): boolean {
  const values = filters.get(key);
  if (values.length === 0) return true;
  return values.some((v) => {
    if (source.includes(v)) return true;
    try {
      return new RegExp(v).test(source);
    } catch {
      return false;
    }
  });
}

export class NetworkService {
  private readonly byId = new Map<string, Network>();

  constructor(
    private readonly ids: IdSource,
    private readonly now: () => number,
    private readonly events: EventLog,
    /** The default bridge's ID (drawn by the container service, as before user networks existed). */
    bridgeId: string,
  ) {
    const common = {
      created: now(),
      predefined: true,
      ipamDriver: 'default',
      ipamOptions: null,
      internal: false,
      attachable: false,
      ingress: false,
      enableIPv6: false,
      labels: {},
    };
    const subnet = parsePrefix('172.17.0.0/16')!;
    this.add(
      new Network({
        ...common,
        id: bridgeId,
        name: 'bridge',
        driver: 'bridge',
        ipamConfig: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }],
        pool: new AddressPool(subnet),
        options: { ...DEFAULT_BRIDGE_OPTIONS },
      }),
    );
    this.add(new Network({ ...common, id: ids.nextId(), name: 'host', driver: 'host', ipamConfig: [], options: {} }));
    this.add(new Network({ ...common, id: ids.nextId(), name: 'none', driver: 'null', ipamConfig: [], options: {} }));
  }

  /** Put a network in the table (creation and restore). */
  add(network: Network): void {
    this.byId.set(network.id, network);
  }

  /** Every network, in the order they were made. */
  all(): Network[] {
    return [...this.byId.values()];
  }

  get(id: string): Network | undefined {
    return this.byId.get(id);
  }

  get defaultBridge(): Network {
    return this.byName('bridge')!;
  }

  byName(name: string): Network | undefined {
    return this.all().find((n) => n.name === name);
  }

  /** moby FindNetwork: full ID, exact name, unique ID prefix. */
  find(term: string): Network {
    const exact = this.byId.get(term) ?? this.byName(term);
    if (exact) return exact;
    const prefixed = term === '' ? [] : this.all().filter((n) => n.id.startsWith(term));
    if (prefixed.length > 1) {
      throw DaemonError.invalidParameter(
        `network ${term} is ambiguous (${prefixed.length} matches found based on ID prefix)`,
      );
    }
    if (prefixed.length === 0) throw DaemonError.notFound(`network ${term} not found`);
    return prefixed[0]!;
  }

  /** `GET /networks?filters=…` (moby's network list filters). */
  list(filters: FilterArgs): Network[] {
    filters.validate(LIST_FILTERS);
    for (const type of filters.get('type')) {
      if (type !== 'custom' && type !== 'builtin')
        throw DaemonError.invalidParameter(`invalid filter: 'type'='${type}'`);
    }
    const dangling = filters.contains('dangling') ? filters.boolOrDefault('dangling', false) : undefined;
    return this.all().filter(
      (n) =>
        filters.exactMatch('driver', n.driver) &&
        matches(filters, 'name', n.name) &&
        matches(filters, 'id', n.id) &&
        filters.matchKeyValues('label', n.labels) &&
        filters.exactMatch('scope', 'local') &&
        filters.exactMatch('type', n.predefined ? 'builtin' : 'custom') &&
        (dangling === undefined || dangling === (!n.predefined && n.endpoints.size === 0)),
    );
  }

  /** `docker network create`: everything checked before the network exists. */
  create(request: NetworkCreateRequest): Network {
    const name = request.Name;
    if (this.byName(name)) throw DaemonError.conflict(`network with name ${name} already exists`);
    const driver = request.Driver === undefined || request.Driver === '' ? 'bridge' : request.Driver;
    if (driver === 'host' || driver === 'null') {
      throw DaemonError.forbidden(`only one instance of "${driver}" network is allowed`);
    }
    if (driver === 'overlay') {
      throw DaemonError.forbidden(
        'Cannot create a multi-host network from a worker node. Please create the network from a manager node.',
      );
    }
    if (driver !== 'bridge') throw DaemonError.notFound(`plugin "${driver}" not found`);
    const configs = (request.IPAM?.Config ?? []).filter((c) => !(c.Subnet ?? '').includes(':'));
    validateIpam(request.IPAM?.Config ?? []);
    if (configs.length > 1) {
      throw DaemonError.forbidden('bridge driver doesnt support multiple subnets');
    }
    const taken = this.all().flatMap((n) => (n.pool ? [n.pool.subnet] : []));
    const given = configs[0];
    let subnet: Prefix;
    if (given?.Subnet) {
      subnet = masked(parsePrefix(given.Subnet)!);
      if (taken.some((t) => overlaps(t, subnet))) throw poolOverlaps();
    } else {
      if (given?.Gateway) {
        throw DaemonError.forbidden('user specified gateway requires a subnet');
      }
      subnet = nextDefaultSubnet(taken);
    }
    const range = given?.IPRange ? parsePrefix(given.IPRange) : undefined;
    const gateway = given?.Gateway ? parseIpv4(given.Gateway) : undefined;
    const pool = new AddressPool(subnet, gateway, range);
    const shown: IpamConfigEntry = { Subnet: formatPrefix(subnet) };
    if (given?.IPRange) shown.IPRange = given.IPRange;
    shown.Gateway = pool.gatewayText;
    if (given?.AuxiliaryAddresses) shown.AuxiliaryAddresses = given.AuxiliaryAddresses;
    const network = new Network({
      id: this.ids.nextId(),
      name,
      driver: driver as NetworkDriver,
      created: this.now(),
      predefined: false,
      ipamDriver: request.IPAM?.Driver || 'default',
      ipamOptions: request.IPAM?.Options ?? {},
      ipamConfig: [shown],
      pool,
      userSubnet: given?.Subnet !== undefined && given.Subnet !== '',
      internal: request.Internal === true,
      attachable: request.Attachable === true,
      ingress: request.Ingress === true,
      enableIPv6: request.EnableIPv6 === true,
      options: { ...(request.Options ?? {}) },
      labels: { ...(request.Labels ?? {}) },
    });
    this.add(network);
    logNetworkEvent(this.events, network, 'create');
    return network;
  }

  /** `docker network rm` (moby deleteNetwork). */
  remove(term: string): void {
    const network = this.find(term);
    if (network.predefined) {
      throw DaemonError.forbidden(`${network.name} is a pre-defined network and cannot be removed`);
    }
    if (network.endpoints.size > 0) {
      const active = [...network.endpoints.values()].map(
        (ep) => `name:"${ep.name}" id:"${ep.endpointId.slice(0, 12)}"`,
      );
      throw DaemonError.forbidden(
        `error while removing network: network ${network.name} has active endpoints (${active.join(', ')})`,
      );
    }
    this.byId.delete(network.id);
    logNetworkEvent(this.events, network, 'destroy');
  }

  /** `POST /networks/prune`: user networks with no endpoints (filters `until`, `label`, `label!`). */
  prune(filters: FilterArgs, untilMs: number | undefined): string[] {
    const removed: string[] = [];
    for (const network of this.all()) {
      if (network.predefined || network.endpoints.size > 0) continue;
      if (untilMs !== undefined && network.created >= untilMs) continue;
      if (!filters.matchKeyValues('label', network.labels)) continue;
      if (
        filters.contains('label!') &&
        FilterArgs.of({ label: filters.get('label!') }).matchKeyValues('label', network.labels)
      )
        continue;
      this.byId.delete(network.id);
      logNetworkEvent(this.events, network, 'destroy');
      removed.push(network.name);
    }
    logNetworkPrune(this.events);
    return removed;
  }
}
