// IP address management (libnetwork's default IPAM driver): which block of addresses a network
// gets, and which address each container gets inside it.
//
//   - A network given no subnet takes the first free block of Docker's default address pools:
//     172.17.0.0/16 (the default bridge's) through 172.31.0.0/16, then 192.168.0.0/16 cut into
//     /20s — so user networks come out as 172.18.0.0/16, 172.19.0.0/16… A block that overlaps a
//     network already there is skipped.
//   - A subnet given by the user must not overlap another network's:
//     `invalid pool request: Pool overlaps with other one on this address space`.
//   - The gateway is the block's first host address unless given; containers get the lowest free
//     address after it (inside `IPRange` when one is given); the network address and the broadcast
//     address are never handed out.
//
// The checks of a create request are moby's ValidateIPAM, with its words: `invalid subnet
// 300.0.0.0/16: invalid CIDR block notation`, `invalid gateway 10.0.0.1: parent subnet
// 172.30.0.0/16 doesn't contain this address`… all joined under `invalid network config:`.
import { DaemonError } from '../api/errors';
import {
  contains,
  formatIpv4,
  formatPrefix,
  masked,
  networkOf,
  overlaps,
  parseIpv4,
  parsePrefix,
  sizeOf,
  type Ipv4,
  type Prefix,
} from './cidr';

/** One entry of IPAM.Config as the API carries it. */
export interface IpamConfigEntry {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

/** Docker's default local address pools, each cut into blocks of `size` bits. */
const DEFAULT_POOLS: readonly { base: string; size: number }[] = [
  ...Array.from({ length: 15 }, (_, i) => ({ base: `172.${17 + i}.0.0/16`, size: 16 })),
  { base: '192.168.0.0/16', size: 20 },
];

/** Every block the default pools offer, in order. */
function* defaultBlocks(): Generator<Prefix> {
  for (const pool of DEFAULT_POOLS) {
    const base = parsePrefix(pool.base)!;
    const step = 2 ** (32 - pool.size);
    for (let at = networkOf(base); at < networkOf(base) + sizeOf(base); at += step) {
      yield { address: at, bits: pool.size };
    }
  }
}

/** The first default block that overlaps none of `taken`. */
export function nextDefaultSubnet(taken: readonly Prefix[]): Prefix {
  for (const block of defaultBlocks()) {
    if (!taken.some((t) => overlaps(t, block))) return block;
  }
  throw DaemonError.forbidden(
    'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network',
  );
}

function checkAddress(text: string, subnet: Prefix): string | undefined {
  const address = parseIpv4(text);
  if (address === undefined) return text.includes(':') ? 'parent subnet is an IPv4 block' : 'invalid address';
  return contains(subnet, address) ? undefined : `parent subnet ${formatPrefix(subnet)} doesn't contain this address`;
}

/** moby ValidateIPAM for IPv4 configs (IPv6 ones are skipped, as without `--ipv6`). */
export function validateIpam(configs: readonly IpamConfigEntry[]): void {
  const errors: string[] = [];
  for (const cfg of configs) {
    const text = cfg.Subnet ?? '';
    if (text.includes(':') && /^[0-9a-fA-F:.]+\/\d+$/.test(text)) continue;
    const subnet = parsePrefix(text);
    if (subnet === undefined) {
      errors.push(`invalid subnet ${text}: invalid CIDR block notation`);
      continue;
    }
    const clean = masked(subnet);
    if (clean.address !== subnet.address) {
      errors.push(`invalid subnet ${formatPrefix(subnet)}: it should be ${formatPrefix(clean)}`);
    }
    if (cfg.IPRange !== undefined && cfg.IPRange !== '') {
      const range = parsePrefix(cfg.IPRange);
      if (range === undefined) errors.push(`invalid ip-range ${cfg.IPRange}: invalid CIDR block notation`);
      else {
        if (range.bits < subnet.bits) {
          errors.push(
            `invalid ip-range ${cfg.IPRange}: CIDR block is bigger than its parent subnet ${formatPrefix(subnet)}`,
          );
        }
        if (masked(range).address !== range.address) {
          errors.push(`invalid ip-range ${formatPrefix(range)}: it should be ${formatPrefix(masked(range))}`);
        }
        if (!overlaps(subnet, range)) {
          errors.push(
            `invalid ip-range ${cfg.IPRange}: parent subnet ${formatPrefix(subnet)} doesn't contain ip-range`,
          );
        }
      }
    }
    if (cfg.Gateway !== undefined && cfg.Gateway !== '') {
      const problem = checkAddress(cfg.Gateway, subnet);
      if (problem) errors.push(`invalid gateway ${cfg.Gateway}: ${problem}`);
    }
    for (const [name, aux] of Object.entries(cfg.AuxiliaryAddresses ?? {})) {
      const problem = checkAddress(aux, subnet);
      if (problem) errors.push(`invalid auxiliary address ${name}: ${problem}`);
    }
  }
  if (errors.length === 0) return;
  const joined = errors.length === 1 ? errors[0]! : '* ' + errors.join('\n* ');
  throw DaemonError.invalidParameter(`invalid network config:\n${joined}`);
}

/** The pool overlap refusal of the default IPAM (403). */
export function poolOverlaps(): DaemonError {
  return DaemonError.forbidden('invalid pool request: Pool overlaps with other one on this address space');
}

/** The addresses of one network: its block, its gateway, and who holds which address. */
export class AddressPool {
  private readonly held = new Map<Ipv4, string>();
  readonly gateway: Ipv4;

  constructor(
    readonly subnet: Prefix,
    gateway?: Ipv4,
    readonly range?: Prefix,
  ) {
    this.gateway = gateway ?? networkOf(subnet) + 1;
  }

  get subnetText(): string {
    return formatPrefix(this.subnet);
  }

  get gatewayText(): string {
    return formatIpv4(this.gateway);
  }

  /** Reserve an address for `holder`: the one asked for, or the lowest free one. */
  allocate(holder: string, wanted?: Ipv4): Ipv4 {
    const first = networkOf(this.subnet);
    const last = first + sizeOf(this.subnet) - 1;
    if (wanted !== undefined) {
      if (!contains(this.subnet, wanted) || wanted === first || wanted === last) {
        throw DaemonError.invalidParameter(
          `invalid IPv4 address ${formatIpv4(wanted)}: it does not belong to any of this network's subnets`,
        );
      }
      if (this.held.has(wanted) || wanted === this.gateway) {
        throw DaemonError.forbidden(`Address already in use`);
      }
      this.held.set(wanted, holder);
      return wanted;
    }
    const from = this.range ? Math.max(networkOf(this.range), first + 1) : first + 1;
    const to = this.range ? Math.min(networkOf(this.range) + sizeOf(this.range) - 1, last - 1) : last - 1;
    for (let at = from; at <= to; at++) {
      if (at === this.gateway || this.held.has(at)) continue;
      this.held.set(at, holder);
      return at;
    }
    throw DaemonError.system(`no available IPv4 addresses on this network's address pools: ${this.subnetText}`);
  }

  release(address: Ipv4): void {
    this.held.delete(address);
  }

  holderOf(address: Ipv4): string | undefined {
    return this.held.get(address);
  }
}
