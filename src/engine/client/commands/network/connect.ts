// `docker network connect mynet web`: `POST /networks/mynet/connect` with the container and the
// endpoint it is to get — aliases other containers on the network will resolve it by, a fixed
// address, links. The CLI prints nothing; the container now has one more interface.
// `docker network disconnect mynet web` is the reverse (`-f` forces it on a dead endpoint).
import { exactArgs, type CommandSpec } from '../../cli/command';
import { bool, int, list, string } from '../../cli/flag';
import { validateLink } from '../container/create-validators';
import { stringSlice } from '../shared/string-slice-flag';
import { sortedRecord } from './ipam-config';

/** convertDriverOpt: `key=value` pairs, trimmed, as a map. */
function driverOpts(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    if (eq < 0 || key === '') throw new Error('invalid key/value pair format in driver options');
    out[key] = pair.slice(eq + 1).trim();
  }
  return sortedRecord(out);
}

/** network.EndpointSettings as the CLI fills it for connect (Go's field order). */
export function connectEndpoint(options: {
  ip: string;
  ip6: string;
  linkLocalIps: readonly string[];
  links: readonly string[];
  aliases: readonly string[];
  driverOpts: readonly string[];
  gwPriority: number;
}): Record<string, unknown> {
  const ipam: Record<string, unknown> = {};
  if (options.ip) ipam.IPv4Address = options.ip;
  if (options.ip6) ipam.IPv6Address = options.ip6;
  if (options.linkLocalIps.length > 0) ipam.LinkLocalIPs = options.linkLocalIps;
  return {
    IPAMConfig: ipam,
    Links: options.links.length > 0 ? options.links : null,
    Aliases: options.aliases,
    MacAddress: '',
    DriverOpts: driverOpts(options.driverOpts),
    GwPriority: options.gwPriority,
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

export function networkConnectCommand(): CommandSpec {
  return {
    name: 'connect',
    use: 'connect [OPTIONS] NETWORK CONTAINER',
    short: 'Connect a container to a network',
    args: exactArgs(2),
    flags: [
      stringSlice('alias', '', 'Add network-scoped alias for the container'),
      stringSlice('driver-opt', '', 'driver options for the network'),
      int('gw-priority', '', 'Highest gw-priority provides the default gateway. Accepts positive and negative values.'),
      string('ip', '', 'IPv4 address (e.g., "172.30.100.104")'),
      string('ip6', '', 'IPv6 address (e.g., "2001:db8::33")'),
      list('link', '', 'Add link to another container', { validate: validateLink }),
      stringSlice('link-local-ip', '', 'Add a link-local address for the container'),
    ],
    async run({ cli, args, flags }) {
      const endpoint = connectEndpoint({
        ip: flags.string('ip'),
        ip6: flags.string('ip6'),
        linkLocalIps: flags.list('link-local-ip'),
        links: flags.list('link'),
        aliases: flags.list('alias'),
        driverOpts: flags.list('driver-opt'),
        gwPriority: flags.number('gw-priority'),
      });
      await cli.api.request('POST', `/networks/${args[0]}/connect`, {
        json: { Container: args[1], EndpointConfig: endpoint },
      });
    },
  };
}

export function networkDisconnectCommand(): CommandSpec {
  return {
    name: 'disconnect',
    use: 'disconnect [OPTIONS] NETWORK CONTAINER',
    short: 'Disconnect a container from a network',
    args: exactArgs(2),
    flags: [bool('force', 'f', 'Force the container to disconnect from a network')],
    async run({ cli, args, flags }) {
      await cli.api.request('POST', `/networks/${args[0]}/disconnect`, {
        json: { Container: args[1], Force: flags.bool('force') },
      });
    },
  };
}
