// `docker network create mynet`: `POST /networks/create` with the network's driver, its address
// plan (IPAM: subnets, ranges, gateways — see ipam-config.ts), its options and labels; the daemon
// answers with the new network's ID, which the CLI prints. A second network of the same name is
// the daemon's `network with name mynet already exists`.
import { exactArgs, type CommandSpec, type Invocation } from '../../cli/command';
import { bool, list, map, string } from '../../cli/flag';
import { validateLabel } from '../container/create-validators';
import { stringSlice } from '../shared/string-slice-flag';
import { ipamConfigs, keyValueMap } from './ipam-config';

/** The request body, fields in the order docker/cli's NetworkCreateRequest writes them. */
export function networkCreateBody({ args, flags }: Pick<Invocation, 'args' | 'flags'>): Record<string, unknown> {
  const config = ipamConfigs({
    subnets: flags.list('subnet'),
    ipRanges: flags.list('ip-range'),
    gateways: flags.list('gateway'),
    auxAddresses: flags.list('aux-address'),
  });
  const body: Record<string, unknown> = { Driver: flags.string('driver'), Scope: flags.string('scope') };
  if (flags.changed('ipv4')) body.EnableIPv4 = flags.bool('ipv4');
  if (flags.changed('ipv6')) body.EnableIPv6 = flags.bool('ipv6');
  const configFrom = flags.string('config-from');
  Object.assign(body, {
    IPAM: { Driver: flags.string('ipam-driver'), Options: keyValueMap(flags.list('ipam-opt')), Config: config },
    Internal: flags.bool('internal'),
    Attachable: flags.bool('attachable'),
    Ingress: flags.bool('ingress'),
    ConfigOnly: flags.bool('config-only'),
    ConfigFrom: configFrom !== '' ? { Network: configFrom } : null,
    Options: keyValueMap(flags.list('opt')),
    Labels: keyValueMap(flags.list('label')),
    Name: args[0],
  });
  return body;
}

export function networkCreateCommand(): CommandSpec {
  return {
    name: 'create',
    use: 'create [OPTIONS] NETWORK',
    short: 'Create a network',
    args: exactArgs(1),
    flags: [
      bool('attachable', '', 'Enable manual container attachment'),
      map('aux-address', '', 'Auxiliary IPv4 or IPv6 addresses used by Network driver', { default: 'map[]' }),
      string('config-from', '', 'The network from which to copy the configuration'),
      bool('config-only', '', 'Create a configuration only network'),
      string('driver', 'd', 'Driver to manage the Network', { default: '"bridge"' }),
      stringSlice('gateway', '', 'IPv4 or IPv6 Gateway for the master subnet'),
      bool('ingress', '', 'Create swarm routing-mesh network'),
      bool('internal', '', 'Restrict external access to the network'),
      stringSlice('ip-range', '', 'Allocate container ip from a sub-range'),
      string('ipam-driver', '', 'IP Address Management Driver', { default: '"default"' }),
      map('ipam-opt', '', 'Set IPAM driver specific options', { default: 'map[]' }),
      bool('ipv4', '', 'Enable or disable IPv4 address assignment', { default: 'true' }),
      bool('ipv6', '', 'Enable or disable IPv6 address assignment'),
      list('label', '', 'Set metadata on a network', { validate: validateLabel }),
      map('opt', 'o', 'Set driver specific options', { default: 'map[]' }),
      string('scope', '', "Control the network's scope"),
      stringSlice('subnet', '', 'Subnet in CIDR format that represents a network segment'),
    ],
    async run(inv) {
      const answer = await inv.cli.api.json<{ Id?: string }>('POST', '/networks/create', {
        json: networkCreateBody(inv),
      });
      inv.cli.out.write(`${answer?.Id ?? ''}\n`);
    },
  };
}
