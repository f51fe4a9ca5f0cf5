// The default `bridge` network, as far as a container needs it to run: Docker's `docker0` bridge
// with subnet 172.17.0.0/16 and gateway 172.17.0.1. Each running container gets the lowest free
// address from 172.17.0.2 up and a MAC address derived from it (02:42 + the four address bytes,
// `02:42:ac:11:00:02`); the address goes back to the pool when the container stops, which is why
// a restarted container may come back with another one. Each connection of a container to the
// network is an *endpoint* with its own ID, inside the container's network *sandbox* (its network
// namespace, `/var/run/docker/netns/<id>`).
import type { IdSource } from './ids';

export const BRIDGE = {
  name: 'bridge',
  subnet: '172.17.0.0/16',
  gateway: '172.17.0.1',
  prefixLength: 16,
} as const;

/** One container's endpoint on the bridge, as inspect's NetworkSettings shows it. */
export interface Endpoint {
  endpointId: string;
  sandboxId: string;
  ipAddress: string;
  macAddress: string;
}

export class BridgeNetwork {
  /** The network's ID (`docker network ls`), drawn once per daemon. */
  readonly id: string;
  private readonly used = new Map<number, string>();

  constructor(private readonly ids: IdSource) {
    this.id = ids.nextId();
  }

  /** Connect container `containerId`: a fresh endpoint with the lowest free address. */
  connect(containerId: string): Endpoint {
    let host = 2;
    while (this.used.has(host)) host++;
    if (host > 65_534) throw new Error('no available IPv4 addresses on this network');
    this.used.set(host, containerId);
    const octets = [172, 17, host >> 8, host & 0xff];
    return {
      endpointId: this.ids.nextId(),
      sandboxId: this.ids.nextId(),
      ipAddress: octets.join('.'),
      macAddress: ['02', '42', ...octets.map((o) => o.toString(16).padStart(2, '0'))].join(':'),
    };
  }

  /** Give the endpoint's address back. */
  disconnect(endpoint: Endpoint): void {
    const [, , high = 0, low = 0] = endpoint.ipAddress.split('.').map(Number);
    this.used.delete(high * 256 + low);
  }

  /** The container holding `ip`, if any. */
  holderOf(ip: string): string | undefined {
    const [a, b, high = 0, low = 0] = ip.split('.').map(Number);
    if (a !== 172 || b !== 17) return undefined;
    return this.used.get(high * 256 + low);
  }
}
