// A container's network namespace as its processes see it (runtime contract `NetworkStack`): the
// loopback interface, `eth0` on the default bridge while it runs, the TCP ports its servers
// listen on, and connections out — to itself over `localhost`, or to another container of the
// same daemon by its bridge address (the default bridge has no DNS for container names; user
// networks, with their embedded DNS, belong to the networking part of the simulation).
// A refused or impossible connection fails with the errno a real socket gives: ECONNREFUSED when
// nothing listens, EHOSTUNREACH for an address nobody has, ENOTFOUND for a name that does not
// resolve, EADDRINUSE for a port already taken.
import type { HttpHandler, NetworkStack } from '../../runtime/contract';
import type { WireRequest, WireResponse } from '../../wire/message';
import { BRIDGE, type Endpoint } from './bridge';

/** A socket error with its errno in `code`, as Node's and the runtime's programs expect. */
export function socketError(code: 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ENOTFOUND' | 'EADDRINUSE', detail: string): Error {
  return Object.assign(new Error(`${code === 'ENOTFOUND' ? 'getaddrinfo' : 'connect'} ${code} ${detail}`), { code });
}

/** The ports a namespace listens on. */
export type Listeners = Map<number, HttpHandler>;

export interface NamespaceView {
  hostname: string;
  /** The endpoint on the bridge, while the container runs. */
  endpoint(): Endpoint | undefined;
  listeners: Listeners;
  /** The listeners of whoever holds a bridge address (another container of this daemon). */
  peer(ip: string): Listeners | undefined;
}

const isLoopback = (host: string) => host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';

export function containerNetworkStack(view: NamespaceView): NetworkStack {
  const ownAddress = () => view.endpoint()?.ipAddress;
  const resolveName = async (name: string): Promise<string | undefined> => {
    if (name === 'localhost') return '127.0.0.1';
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    if (name === view.hostname) return ownAddress() ?? '127.0.0.1';
    return undefined;
  };
  return {
    interfaces() {
      const lo = { name: 'lo', addresses: [{ address: '127.0.0.1', prefix: 8 }] };
      const endpoint = view.endpoint();
      if (endpoint === undefined) return [lo];
      return [
        lo,
        {
          name: 'eth0',
          mac: endpoint.macAddress,
          addresses: [{ address: endpoint.ipAddress, prefix: BRIDGE.prefixLength }],
        },
      ];
    },
    listen(port: number, handler: HttpHandler) {
      if (view.listeners.has(port)) throw socketError('EADDRINUSE', `0.0.0.0:${port}`);
      view.listeners.set(port, handler);
      return { close: () => void (view.listeners.get(port) === handler && view.listeners.delete(port)) };
    },
    async request(host: string, port: number, request: WireRequest): Promise<WireResponse> {
      const address = await resolveName(host);
      if (address === undefined) throw socketError('ENOTFOUND', host);
      const local = isLoopback(address) || address === ownAddress();
      const listeners = local ? view.listeners : view.peer(address);
      if (listeners === undefined) throw socketError('EHOSTUNREACH', `${address}:${port}`);
      const handler = listeners.get(port);
      if (handler === undefined) throw socketError('ECONNREFUSED', `${address}:${port}`);
      const remoteAddress = local ? (isLoopback(address) ? '127.0.0.1' : address) : (ownAddress() ?? BRIDGE.gateway);
      return handler(request, { remoteAddress });
    },
    resolve: resolveName,
  };
}
