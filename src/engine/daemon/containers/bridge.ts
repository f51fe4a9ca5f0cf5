// The container side of its network sandbox: the one namespace its endpoints live in
// (`/var/run/docker/netns/<id>`), and its first endpoint — what inspect's top-level
// NetworkSettings fields describe on the default bridge (172.17.0.0/16, gateway 172.17.0.1,
// addresses from 172.17.0.2 up, MAC 02:42 + the address bytes). Networks themselves, their
// pools and the other endpoints live in ../networks.
//
// `BridgeNetwork` keeps the shape the container code was written against: `id` is the default
// bridge's network ID, and `disconnect(endpoint)` — what the exit monitor calls when PID 1 ends —
// now takes the container off every network it joined and gives back its published ports.
import type { Networking } from '../networks/networking';

export const BRIDGE = {
  name: 'bridge',
  subnet: '172.17.0.0/16',
  gateway: '172.17.0.1',
  prefixLength: 16,
} as const;

/** A running container's sandbox and first endpoint. */
export interface Endpoint {
  containerId: string;
  endpointId: string;
  sandboxId: string;
  /** Empty on `host` and `none`. */
  ipAddress: string;
  macAddress: string;
}

export class BridgeNetwork {
  constructor(
    private readonly networking: Networking,
    /** What else ends with the container's run (its volumes' `unmount` events). */
    private readonly stopped: (containerId: string) => void = () => {},
  ) {}

  /** The default bridge's network ID (`docker network ls`). */
  get id(): string {
    return this.networking.networks.defaultBridge.id;
  }

  /** The container stopped: leave every network (the sandbox goes). */
  disconnect(endpoint: Endpoint): void {
    this.networking.leave(endpoint.containerId);
    this.stopped(endpoint.containerId);
  }
}
