// A daemon's published ports, seen from outside the host: `docker run -p 8080:80 nginx` makes the
// daemon listen on the host's port 8080 and pass each connection to the container's port 80. The
// request names the port it was sent to in its Host header (`localhost:8080`), as HTTP does.
import { getHeader, type WireRequest, type WireResponse } from '../../engine/wire/message';
import { publishedPort } from '../../engine/daemon/networks';
import { HttpHookError } from '../../engine/laptop/shell-state';
import type { DaemonHost } from '../world/layout';
import type { World } from '../world/world';

export function publishedPortHandler(world: World, host: DaemonHost): (request: WireRequest) => Promise<WireResponse> {
  return async (request) => {
    const hostHeader = getHeader(request, 'Host') ?? '';
    const port = Number(/:(\d+)$/.exec(hostHeader)?.[1] ?? '80');
    const daemon = world.daemons.get(host);
    const listener = daemon ? publishedPort(daemon.ctx, '127.0.0.1', port) : undefined;
    if (!listener) {
      const name = hostHeader.replace(/:\d+$/, '') || host;
      throw new HttpHookError(
        'connect',
        `Failed to connect to ${name} port ${port} after 0 ms: Couldn't connect to server`,
      );
    }
    // The daemon's handler forwards to the container's port (the client seen as the gateway).
    return listener(request);
  };
}
