// A Docker network (libnetwork's `network`): a name, an ID, a driver, its address block (IPAM) and
// the endpoints of the running containers connected to it. Three exist in every daemon and cannot
// be removed:
//
//   bridge   driver `bridge`, Linux bridge `docker0`, 172.17.0.0/16 — where a container goes when
//            nothing else is said; no name resolution between its containers
//   host     driver `host`: the container shares the host's own network stack
//   none     driver `null`: the container has its loopback interface only
//
// Networks the user creates (`docker network create`) are bridges too, each with its own block
// (172.18.0.0/16, 172.19.0.0/16…), and Docker's embedded DNS server answers for the containers on
// them: their names, their aliases and their short IDs.
import type { AddressPool, IpamConfigEntry } from './ipam';

export type NetworkDriver = 'bridge' | 'host' | 'null';

/** One running container's connection to a network (libnetwork's endpoint). */
export interface NetworkEndpoint {
  containerId: string;
  /** The container's name without its slash (the endpoint's name). */
  name: string;
  endpointId: string;
  /** Dotted IPv4 address; empty on `host` and `none`. */
  ipAddress: string;
  macAddress: string;
  /** Aliases asked for at connect (`--alias`, `--network-alias`). */
  aliases: string[];
  /** Names the embedded DNS answers with this address: the name, the short ID, the aliases. */
  dnsNames: string[];
  /** `IPAMConfig` as asked for (`--ip`), or null. */
  ipamConfig: Record<string, unknown> | null;
}

export interface NetworkInit {
  id: string;
  name: string;
  driver: NetworkDriver;
  /** Milliseconds since the epoch. */
  created: number;
  /** The three networks every daemon has. */
  predefined: boolean;
  ipamDriver: string;
  ipamOptions: Record<string, string> | null;
  /** IPAM.Config as inspect shows it (the subnet and gateway IPAM chose, when not given). */
  ipamConfig: IpamConfigEntry[];
  pool?: AddressPool;
  /** The user chose the subnet (`--subnet`): only then may a container ask for a fixed address. */
  userSubnet?: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv6: boolean;
  options: Record<string, string>;
  labels: Record<string, string>;
}

export class Network {
  readonly id: string;
  readonly name: string;
  readonly driver: NetworkDriver;
  readonly created: number;
  readonly predefined: boolean;
  readonly ipamDriver: string;
  readonly ipamOptions: Record<string, string> | null;
  readonly ipamConfig: IpamConfigEntry[];
  readonly pool: AddressPool | undefined;
  readonly userSubnet: boolean;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly ingress: boolean;
  readonly enableIPv6: boolean;
  readonly options: Record<string, string>;
  readonly labels: Record<string, string>;
  /** Endpoints by container ID, in the order they joined. */
  readonly endpoints = new Map<string, NetworkEndpoint>();

  constructor(init: NetworkInit) {
    this.id = init.id;
    this.name = init.name;
    this.driver = init.driver;
    this.created = init.created;
    this.predefined = init.predefined;
    this.ipamDriver = init.ipamDriver;
    this.ipamOptions = init.ipamOptions;
    this.ipamConfig = init.ipamConfig;
    this.pool = init.pool;
    this.userSubnet = init.userSubnet === true;
    this.internal = init.internal;
    this.attachable = init.attachable;
    this.ingress = init.ingress;
    this.enableIPv6 = init.enableIPv6;
    this.options = init.options;
    this.labels = init.labels;
  }

  /** The default bridge: containers reach each other by address only. */
  get isDefaultBridge(): boolean {
    return this.predefined && this.driver === 'bridge';
  }

  /** A user-defined network: the embedded DNS serves it. */
  get hasEmbeddedDns(): boolean {
    return !this.predefined;
  }

  /** The prefix length of its subnet (16 for a /16), 0 without one. */
  get prefixLength(): number {
    return this.pool?.subnet.bits ?? 0;
  }
}
