// A network as the Engine API shows it (swagger Network / network.Inspect, API 1.50), fields in
// moby's order: name, ID, creation time, scope, driver, the address families, IPAM (driver,
// options, the subnet and gateway of each pool), the flags, and — in inspect only — the
// containers with a live endpoint on it: name, endpoint ID, MAC, `172.18.0.2/16`.
import { goTime } from '../api/system-info';
import { sortedMap } from '../api/responses';
import type { Network } from './network';

export function networkJson(network: Network, withContainers: boolean): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  if (withContainers) {
    const byId = [...network.endpoints.values()].sort((a, b) => (a.containerId < b.containerId ? -1 : 1));
    for (const ep of byId) {
      containers[ep.containerId] = {
        Name: ep.name,
        EndpointID: ep.endpointId,
        MacAddress: ep.macAddress,
        IPv4Address: ep.ipAddress === '' ? '' : `${ep.ipAddress}/${network.prefixLength}`,
        IPv6Address: '',
      };
    }
  }
  return {
    Name: network.name,
    Id: network.id,
    Created: goTime(network.created),
    Scope: 'local',
    Driver: network.driver,
    EnableIPv4: true,
    EnableIPv6: network.enableIPv6,
    IPAM: {
      Driver: network.ipamDriver,
      Options: network.ipamOptions === null ? null : sortedMap(network.ipamOptions),
      Config: network.ipamConfig.map((c) => ({ ...c })),
    },
    Internal: network.internal,
    Attachable: network.attachable,
    Ingress: network.ingress,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: sortedMap(network.options),
    Labels: sortedMap(network.labels),
  };
}
