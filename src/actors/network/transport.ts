// A daemon's way out to the registries, through the simulated network. The daemon asks for a host
// name as real Docker would (`registry-1.docker.io`, `auth.docker.io`, `registry.example.com`); the
// address book turns it into an endpoint of the world, and the network carries the exchange.
import type { Transport } from '../../engine/daemon/distribution/transport';
import type { Endpoint } from '../trace/types';
import { NetworkError, type Network } from './network';

/** The world's endpoint for each host name a daemon may dial. */
export type AddressBook = (host: string) => Endpoint | undefined;

export function networkTransport(
  network: Network,
  from: Endpoint,
  addresses: AddressBook,
  command?: () => number | undefined,
): Transport {
  return (host, request) => {
    const to = addresses(host);
    if (!to) return Promise.reject(new NetworkError(`dial tcp: lookup ${host}: no such host`, 'unknown-host'));
    // Go names the address it dialled: the registry's host and the HTTPS port (or the port given).
    const dialled = host.includes(':') ? host : `${host}:443`;
    return network.send({ from, to, request, command: command?.(), dialled });
  };
}

/** Host names of the world's registries, as Docker contacts them. */
export const worldAddresses: AddressBook = (host) => {
  const table: Record<string, Endpoint> = {
    'registry-1.docker.io': { host: 'docker.io', role: 'registry' },
    'index.docker.io': { host: 'index.docker.io', role: 'registry' },
    'auth.docker.io': { host: 'auth.docker.io', role: 'auth' },
    'registry.example.com': { host: 'registry.example.com', role: 'registry' },
    'cr.example.net': { host: 'cr.example.net', role: 'registry' },
    'auth.cr.example.net': { host: 'auth.cr.example.net', role: 'auth' },
  };
  return table[host];
};
