// `docker network create --subnet 172.30.0.0/16 --ip-range 172.30.5.0/24 --gateway 172.30.0.1`:
// the CLI gathers the address flags into one IPAM configuration per subnet before sending them
// (docker/cli `network/create.go` createIPAMConfig), checking that each range, gateway and
// auxiliary address falls inside exactly one subnet — and refusing subnets that overlap — with
// its own words: `no matching subnet for gateway 11.0.0.1`, `multiple overlapping subnet
// configuration is not supported`. The values themselves travel as typed.
import { cidrContains, parseCidr, parseIp } from './ip-address';

export interface IpamFlags {
  subnets: readonly string[];
  ipRanges: readonly string[];
  gateways: readonly string[];
  /** `--aux-address name=ip`, in the order given. */
  auxAddresses: readonly string[];
}

/** One entry of IPAM.Config, fields in Go's order (empty ones left out, as Go's omitempty does). */
export interface IpamConfig {
  Subnet: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

/** subnetMatches: is `data` (an address, or an address/prefix) inside `subnet`? */
function subnetMatches(subnet: string, data: string): boolean {
  const network = parseCidr(subnet);
  if (!network) throw new Error(`invalid subnet: invalid CIDR address: ${subnet}`);
  if (data.includes('/')) {
    const inner = parseCidr(data);
    if (!inner) throw new Error(`invalid CIDR address: ${data}`);
    return cidrContains(network, inner.ip);
  }
  return cidrContains(network, parseIp(data));
}

/** createIPAMConfig; throws Error with docker/cli's words. */
export function ipamConfigs(flags: IpamFlags): IpamConfig[] {
  const { subnets, ipRanges, gateways } = flags;
  if (subnets.length < ipRanges.length || subnets.length < gateways.length) {
    throw new Error('every ip-range or gateway must have a corresponding subnet');
  }
  const bySubnet = new Map<string, IpamConfig>();
  for (const subnet of subnets) {
    for (const known of bySubnet.keys()) {
      if (subnetMatches(subnet, known) || subnetMatches(known, subnet)) {
        throw new Error('multiple overlapping subnet configuration is not supported');
      }
    }
    bySubnet.set(subnet, { Subnet: subnet });
  }
  for (const range of ipRanges) {
    let match = false;
    for (const subnet of subnets) {
      if (!parseCidr(range)) throw new Error(`invalid CIDR address: ${range}`);
      if (!subnetMatches(subnet, range)) continue;
      const config = bySubnet.get(subnet)!;
      if (config.IPRange !== undefined) {
        throw new Error(
          `cannot configure multiple ranges (${range}, ${config.IPRange}) on the same subnet (${subnet})`,
        );
      }
      config.IPRange = range;
      match = true;
    }
    if (!match) throw new Error(`no matching subnet for range ${range}`);
  }
  for (const gateway of gateways) {
    let match = false;
    for (const subnet of subnets) {
      if (!subnetMatches(subnet, gateway)) continue;
      const config = bySubnet.get(subnet)!;
      if (config.Gateway !== undefined) {
        throw new Error(
          `cannot configure multiple gateways (${gateway}, ${config.Gateway}) for the same subnet (${subnet})`,
        );
      }
      config.Gateway = gateway;
      match = true;
    }
    if (!match) throw new Error(`no matching subnet for gateway ${gateway}`);
  }
  for (const pair of flags.auxAddresses) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const address = eq < 0 ? '' : pair.slice(eq + 1);
    let match = false;
    for (const subnet of subnets) {
      if (!subnetMatches(subnet, address)) continue;
      const config = bySubnet.get(subnet)!;
      config.AuxiliaryAddresses = sortedRecord({ ...config.AuxiliaryAddresses, [name]: address });
      match = true;
    }
    if (!match) throw new Error(`no matching subnet for aux-address ${address}`);
  }
  return [...bySubnet.values()].map((c) => ({
    Subnet: c.Subnet,
    ...(c.IPRange ? { IPRange: c.IPRange } : {}),
    ...(c.Gateway ? { Gateway: c.Gateway } : {}),
    ...(c.AuxiliaryAddresses ? { AuxiliaryAddresses: c.AuxiliaryAddresses } : {}),
  }));
}

/** A Go map[string]string as JSON writes it: keys sorted. */
export function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** opts.MapOpts / ConvertKVStringsToMap: `k=v` and `k` (empty value) pairs as a sorted map. */
export function keyValueMap(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    out[eq < 0 ? pair : pair.slice(0, eq)] = eq < 0 ? '' : pair.slice(eq + 1);
  }
  return sortedRecord(out);
}
