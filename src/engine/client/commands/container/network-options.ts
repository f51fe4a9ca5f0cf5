// Which networks a new container joins and how (docker/cli `opts/network.go` and the
// parseNetworkOpts of `container/opts.go`): `--network mynet`, or the long form
// `--network name=mynet,alias=web,ip=172.18.0.5`, plus the older flags that apply to the first
// network (`--network-alias`, `--ip`, `--ip6`, `--link`, `--link-local-ip`, `--mac-address`).
// The result is the request's NetworkingConfig.EndpointsConfig: one EndpointSettings per network,
// in Go's field order. Aliases and links need a user-defined network — on the default bridge,
// `host` or `none` they are refused (`network-scoped aliases are only supported for user-defined
// networks`).
import { FlagValueError, parseGoInt } from '../../cli/go-strconv';
import { readCsvRecord } from '../shared/csv-record';

/** One `--network` value (opts.NetworkAttachmentOpts). */
export interface NetworkAttachment {
  target: string;
  aliases: string[];
  driverOpts?: Record<string, string>;
  links: string[];
  ipv4: string;
  ipv6: string;
  linkLocalIps: string[];
  macAddress: string;
  gwPriority: number;
}

const LONG_SYNTAX = /\w+=\w+(,\w+=\w+)*/;

const attachment = (target: string): NetworkAttachment => ({
  target,
  aliases: [],
  links: [],
  ipv4: '',
  ipv6: '',
  linkLocalIps: [],
  macAddress: '',
  gwPriority: 0,
});

/** NetworkOpt.Set; throws FlagValueError with docker/cli's words. */
export function parseNetworkAttachment(value: string): NetworkAttachment {
  if (!LONG_SYNTAX.test(value)) return attachment(value);
  const options = attachment('');
  for (const field of readCsvRecord(value)) {
    const lowered = field.toLowerCase();
    const eq = lowered.indexOf('=');
    if (eq <= 0) throw new FlagValueError(`invalid field ${field}`);
    const key = lowered.slice(0, eq).trim();
    const val = lowered.slice(eq + 1).trim();
    switch (key) {
      case 'name':
        options.target = val;
        break;
      case 'alias':
        options.aliases.push(val);
        break;
      case 'ip':
        options.ipv4 = val;
        break;
      case 'ip6':
        options.ipv6 = val;
        break;
      case 'mac-address':
        options.macAddress = val;
        break;
      case 'link-local-ip':
        options.linkLocalIps.push(val);
        break;
      case 'gw-priority':
        try {
          options.gwPriority = parseGoInt(val);
        } catch {
          throw new FlagValueError(`invalid gw-priority (${val}): invalid syntax`);
        }
        break;
      case 'driver-opt': {
        const inner = val.indexOf('=');
        const optKey = inner < 0 ? val : val.slice(0, inner);
        if (inner < 0 || optKey === '') {
          throw new FlagValueError('invalid key value pair format in driver options');
        }
        options.driverOpts = { ...options.driverOpts, [optKey.trim()]: val.slice(inner + 1).trim() };
        break;
      }
      default:
        throw new FlagValueError(`invalid field key ${key}`);
    }
  }
  if (options.target === '') throw new FlagValueError('network name/id is not specified');
  return options;
}

/** The `--network` flag's check as values are read. */
export function validateNetwork(value: string): string {
  parseNetworkAttachment(value);
  return value;
}

/** container.NetworkMode(…).IsUserDefined */
export function isUserDefined(mode: string): boolean {
  return !['default', 'bridge', 'host', 'none'].includes(mode) && !mode.startsWith('container:');
}

/** The older per-container flags, applied to the first network. */
export interface LegacyNetworkFlags {
  aliases: readonly string[];
  links: readonly string[];
  ipv4: string;
  ipv6: string;
  linkLocalIps: readonly string[];
  macAddress: string;
}

function applyLegacy(n: NetworkAttachment, legacy: LegacyNetworkFlags): void {
  const conflict = (what: string) => new Error(`conflicting options: cannot specify both ${what}`);
  if (n.aliases.length > 0 && legacy.aliases.length > 0) throw conflict('--network-alias and per-network alias');
  if (n.links.length > 0 && legacy.links.length > 0) throw conflict('--link and per-network links');
  if (n.ipv4 !== '' && legacy.ipv4 !== '') throw conflict('--ip and per-network IPv4 address');
  if (n.ipv6 !== '' && legacy.ipv6 !== '') throw conflict('--ip6 and per-network IPv6 address');
  if (n.macAddress !== '' && legacy.macAddress !== '') throw conflict('--mac-address and per-network MAC address');
  if (n.linkLocalIps.length > 0 && legacy.linkLocalIps.length > 0) {
    throw conflict('--link-local-ip and per-network link-local IP addresses');
  }
  if (legacy.aliases.length > 0) n.aliases = [...legacy.aliases];
  if (isUserDefined(n.target) && legacy.links.length > 0) n.links = [...legacy.links];
  if (legacy.ipv4 !== '') n.ipv4 = legacy.ipv4;
  if (legacy.ipv6 !== '') n.ipv6 = legacy.ipv6;
  if (legacy.macAddress !== '') n.macAddress = legacy.macAddress;
  if (legacy.linkLocalIps.length > 0) n.linkLocalIps = [...legacy.linkLocalIps];
}

/** net.ParseMAC, as a check: 6, 8 or 20 octets with `:` or `-`, or dotted groups of four. */
export function isMacAddress(text: string): boolean {
  const octets = (count: number) =>
    new RegExp(`^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\\1[0-9a-fA-F]{2}){${count - 2}}$`).test(text);
  const dotted = (count: number) => new RegExp(`^[0-9a-fA-F]{4}(\\.[0-9a-fA-F]{4}){${count / 2 - 1}}$`).test(text);
  return [6, 8, 20].some((n) => octets(n) || dotted(n));
}

/** parseNetworkAttachmentOpt: one endpoint's settings, or null when it has none. */
function endpointSettings(n: NetworkAttachment): Record<string, unknown> {
  if (n.target.trim() === '') throw new Error('no name set for network');
  if (!isUserDefined(n.target)) {
    if (n.aliases.length > 0) throw new Error('network-scoped aliases are only supported for user-defined networks');
    if (n.links.length > 0) throw new Error('links are only supported for user-defined networks');
  }
  let ipam: Record<string, unknown> | null = null;
  if (n.ipv4 !== '' || n.ipv6 !== '' || n.linkLocalIps.length > 0) {
    ipam = {};
    if (n.ipv4 !== '') ipam.IPv4Address = n.ipv4;
    if (n.ipv6 !== '') ipam.IPv6Address = n.ipv6;
    if (n.linkLocalIps.length > 0) ipam.LinkLocalIPs = n.linkLocalIps;
  }
  if (n.macAddress !== '' && !isMacAddress(n.macAddress.trim())) {
    throw new Error(`${n.macAddress} is not a valid mac address`);
  }
  const driverOpts = n.driverOpts && Object.keys(n.driverOpts).length > 0 ? n.driverOpts : null;
  return {
    IPAMConfig: ipam,
    Links: n.links.length > 0 ? n.links : null,
    Aliases: n.aliases.length > 0 ? n.aliases : null,
    MacAddress: n.macAddress,
    DriverOpts: driverOpts ? Object.fromEntries(Object.entries(driverOpts).sort(([a], [b]) => (a < b ? -1 : 1))) : null,
    GwPriority: n.gwPriority,
    NetworkID: '',
    EndpointID: '',
    Gateway: '',
    IPAddress: '',
    IPPrefixLen: 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames: null,
  };
}

const isZero = (ep: Record<string, unknown>) =>
  ep.IPAMConfig === null &&
  ep.Links === null &&
  ep.Aliases === null &&
  ep.MacAddress === '' &&
  ep.DriverOpts === null &&
  ep.GwPriority === 0;

/** parseNetworkOpts: the network mode and EndpointsConfig; throws Error with docker/cli's words. */
export function networkingConfig(
  networks: readonly string[],
  legacy: LegacyNetworkFlags,
): { networkMode: string; endpoints: Record<string, unknown> } {
  const attachments = networks.map(parseNetworkAttachment);
  const endpoints: Record<string, unknown> = {};
  if (attachments.length === 0) {
    const n = attachment('default');
    applyLegacy(n, legacy);
    endpoints['default'] = endpointSettings(n);
  }
  let userDefined = false;
  let other = false;
  attachments.forEach((n, i) => {
    if (isUserDefined(n.target)) userDefined = true;
    else other = true;
    if (i === 0) applyLegacy(n, legacy);
    const ep = endpointSettings(n);
    if (n.target in endpoints) throw new Error(`network "${n.target}" is specified multiple times`);
    if (i === 0 && attachments.length === 1 && isZero(ep)) return;
    endpoints[n.target] = ep;
  });
  if (userDefined && other) {
    throw new Error('conflicting options: cannot attach both user-defined and non-user-defined network-modes');
  }
  return { networkMode: attachments[0]?.target ?? 'default', endpoints };
}
