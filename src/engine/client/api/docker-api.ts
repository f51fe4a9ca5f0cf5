// The client's way to its daemon. The docker CLI talks HTTP to a socket (`unix:///var/run/docker.sock`)
// or a TCP address (`tcp://cloud-vm:2376`); what it sends and receives is all this module needs to
// know: a request goes out, a response comes back. In the page the network actor carries the
// exchange from the laptop's client to a daemon; in Node it is a real HTTP connection to
// DOCKER_HOST. A channel that cannot reach the daemon throws DaemonUnreachableError.
import type { WireRequest, WireResponse } from '../../wire/message';

export interface DockerApi {
  /** Send one request and resolve with the daemon's response (whose body may still be streaming). */
  request(request: WireRequest): Promise<WireResponse>;
}

/**
 * The daemon could not be reached at all: nothing listens there, the socket is missing, the host
 * is down. The CLI says `Cannot connect to the Docker daemon at … Is the docker daemon running?`.
 */
export class DaemonUnreachableError extends Error {
  override name = 'DaemonUnreachableError';
}

/** The connection failed some other way (a host that does not resolve): `error during connect: …`. */
export class ConnectError extends Error {
  override name = 'ConnectError';
}
