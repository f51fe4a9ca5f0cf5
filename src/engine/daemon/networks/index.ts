// Networking of a daemon: networks, endpoints, published ports, routing and embedded DNS. See
// networking.ts for the assembly and routing.ts for where traffic goes.
import type { HttpHandler } from '../../runtime/contract';
import type { DaemonContext } from '../context';
import { containersOf } from '../containers/service';
import type { Networking } from './networking';

export { Networking } from './networking';
export { NetworkService, type NetworkCreateRequest } from './network-service';
export type { Network, NetworkEndpoint } from './network';

/** The networking of the daemon `ctx` belongs to. */
export function networkingOf(ctx: DaemonContext): Networking {
  return containersOf(ctx).networking;
}

/**
 * What answers on `hostIp:port` of the daemon's host: a port published with `-p`/`-P` (forwarded
 * to the container's port, the client seen as the network's gateway) or a server of a
 * `--network host` container; undefined when nothing listens. `hostIp` is the address the client
 * connected to — `127.0.0.1` (or `localhost`) from the host itself. This is how the laptop's
 * `curl http://localhost:8080` reaches nginx in a container.
 */
export function publishedPort(ctx: DaemonContext, hostIp: string, port: number): HttpHandler | undefined {
  return networkingOf(ctx).publishedPort(hostIp, port);
}
