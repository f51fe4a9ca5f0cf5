// What a container asks of one network (moby EndpointSettings as a request): its aliases on it
// (`--network-alias`, `--alias`) and a fixed address (`--ip`). Both need a user-defined network —
// the default bridge has no DNS to register an alias with and no user-configured subnet to pick
// an address from — and a fixed address needs a network whose subnet the user chose:
//
//   invalid config for network bridge: invalid endpoint settings:
//   network-scoped alias is supported only for containers in user defined networks
import { DaemonError } from '../api/errors';
import { parseIpv4, type Ipv4 } from './cidr';
import type { Network } from './network';

export interface EndpointRequest {
  Aliases: string[] | null;
  /** `{"IPv4Address":"172.18.0.10"}` or null. */
  IPAMConfig: Record<string, unknown> | null;
}

/** Read an EndpointSettings object of a request (create's EndpointsConfig, connect's EndpointConfig). */
export function endpointRequest(raw: unknown): EndpointRequest {
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const aliases = Array.isArray(obj.Aliases) ? obj.Aliases.filter((a): a is string => typeof a === 'string') : null;
  const ipam =
    typeof obj.IPAMConfig === 'object' && obj.IPAMConfig !== null ? (obj.IPAMConfig as Record<string, unknown>) : null;
  return { Aliases: aliases && aliases.length > 0 ? aliases : null, IPAMConfig: ipam };
}

/** The fixed IPv4 address asked for, if any. */
export function wantedAddress(request: EndpointRequest): Ipv4 | undefined {
  const text = request.IPAMConfig?.IPv4Address;
  if (typeof text !== 'string' || text === '') return undefined;
  const address = parseIpv4(text);
  if (address === undefined) throw DaemonError.invalidParameter(`invalid IPv4 address: ${text}`);
  return address;
}

/** moby validateEndpointSettings, for a network that exists. */
export function checkEndpointRequest(network: Network, request: EndpointRequest): void {
  const problems: string[] = [];
  const userDefined = !network.predefined;
  if (wantedAddress(request) !== undefined) {
    if (!userDefined) problems.push('user specified IP address is supported on user defined networks only');
    else if (!network.userSubnet)
      problems.push(
        'user specified IP address is supported only when connecting to networks with user configured subnets',
      );
  }
  if (request.Aliases !== null && !userDefined) {
    problems.push('network-scoped alias is supported only for containers in user defined networks');
  }
  if (problems.length === 0) return;
  const joined = problems.length === 1 ? problems[0]! : '* ' + problems.join('\n* ');
  throw DaemonError.invalidParameter(
    `invalid config for network ${network.name}: invalid endpoint settings:\n${joined}`,
  );
}
