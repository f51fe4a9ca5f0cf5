// A container's network namespace as its processes see it (runtime contract `NetworkStack`): the
// loopback interface, one `ethN` per network endpoint while it runs, the TCP ports its servers
// listen on, the names it can resolve and the addresses it can reach. What is reachable, and what
// a name means, is the networks' business (../networks/routing.ts); this module turns it into
// sockets with the errno a real socket gives: ECONNREFUSED when nothing listens, EHOSTUNREACH for
// an address no route leads to, ENOTFOUND for a name that does not resolve, EADDRINUSE for a port
// already taken.
import type { HttpHandler, NetworkStack } from '../../runtime/contract';
import type { WireRequest, WireResponse } from '../../wire/message';
import type { Meter } from '../networks/traffic';

export type SocketErrno = 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ENOTFOUND' | 'EADDRINUSE' | 'ECONNRESET';

/** A socket error with its errno in `code`, as Node's and the runtime's programs expect. */
export function socketError(code: SocketErrno, detail: string): Error {
  return Object.assign(new Error(`${code === 'ENOTFOUND' ? 'getaddrinfo' : 'connect'} ${code} ${detail}`), { code });
}

/** The ports a namespace listens on. */
export type Listeners = Map<number, HttpHandler>;

/** One interface of the namespace (`ip addr`). */
export interface InterfaceView {
  name: string;
  mac?: string;
  addresses: { address: string; prefix: number }[];
}

/** Where a connection to an address of another namespace lands. */
export interface Route {
  /** The listeners of the namespace behind the address (another container, the host). */
  listeners: Listeners;
  /** How the other end sees this namespace's address (the container's IP on the shared network). */
  remoteAddress: string;
  /** Counts what crosses the interfaces on the way (../networks/traffic.ts); none for loopback. */
  meter?: Meter;
}

export interface NamespaceView {
  hostname: string;
  /** Interfaces besides `lo`, in order (`eth0`, `eth1`…). */
  interfaces(): InterfaceView[];
  /** The ports this namespace's servers listen on. */
  listeners: Listeners;
  /** A name the resolver answers (embedded DNS on user networks, /etc/hosts), or undefined. */
  lookup(name: string): string | undefined;
  /** Where `ip` leads from here; undefined when no route does. */
  route(ip: string): Route | undefined;
  /** Serve a listener: the container's own map, or the host's with `--network host`. */
  claim?(port: number, handler: HttpHandler): { close(): void };
}

const isLoopback = (host: string) => host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';

export function containerNetworkStack(view: NamespaceView): NetworkStack {
  const ownAddresses = () => view.interfaces().flatMap((i) => i.addresses.map((a) => a.address));
  const resolveName = async (name: string): Promise<string | undefined> => {
    if (name === 'localhost') return '127.0.0.1';
    if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
    if (name === view.hostname) return ownAddresses()[0] ?? '127.0.0.1';
    return view.lookup(name);
  };
  return {
    interfaces() {
      return [{ name: 'lo', addresses: [{ address: '127.0.0.1', prefix: 8 }] }, ...view.interfaces()];
    },
    listen(port: number, handler: HttpHandler) {
      if (view.claim) return view.claim(port, handler);
      if (view.listeners.has(port)) throw socketError('EADDRINUSE', `0.0.0.0:${port}`);
      view.listeners.set(port, handler);
      return { close: () => void (view.listeners.get(port) === handler && view.listeners.delete(port)) };
    },
    async request(host: string, port: number, request: WireRequest): Promise<WireResponse> {
      const address = await resolveName(host);
      if (address === undefined) throw socketError('ENOTFOUND', host);
      const own = ownAddresses();
      const local = isLoopback(address) || own.includes(address);
      const route: Route | undefined = local
        ? { listeners: view.listeners, remoteAddress: isLoopback(address) ? '127.0.0.1' : address }
        : view.route(address);
      if (route === undefined) throw socketError('EHOSTUNREACH', `${address}:${port}`);
      const handler = route.listeners.get(port);
      if (handler === undefined) throw socketError('ECONNREFUSED', `${address}:${port}`);
      const connection = { remoteAddress: route.remoteAddress };
      return route.meter ? route.meter.exchange(handler, request, connection) : handler(request, connection);
    },
    resolve: resolveName,
  };
}
