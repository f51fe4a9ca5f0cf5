// A test network: a switch that joins namespaces by IP address, with names resolving like the
// embedded DNS of a user-defined network. Each `attach` gives one container's NetworkStack. A
// request to a port nobody listens on fails with ECONNREFUSED, to an unknown name with ENOTFOUND.
import type { HttpHandler, NetworkStack } from '../../contract';
import type { WireRequest, WireResponse } from '../../../wire/message';
import { socketError } from '../socket-errors';

interface Host {
  ip: string;
  listeners: Map<number, HttpHandler>;
}

export class TestNetwork {
  private readonly hosts = new Map<string, Host>();
  private readonly names = new Map<string, string>();
  /** Every request that crossed the network, for assertions. */
  readonly log: { from: string; to: string; port: number; method: string; url: string }[] = [];

  /** Join a container with this address (and optional DNS names); returns its network stack. */
  attach(ip: string, ...names: string[]): NetworkStack {
    const host: Host = { ip, listeners: new Map() };
    this.hosts.set(ip, host);
    for (const n of names) this.names.set(n, ip);
    return this.stackOf(host);
  }

  private stackOf(host: Host): NetworkStack {
    return {
      interfaces: () => [
        { name: 'lo', addresses: [{ address: '127.0.0.1', prefix: 8 }] },
        { name: 'eth0', mac: '02:42:ac:11:00:02', addresses: [{ address: host.ip, prefix: 16 }] },
      ],
      listen: (port, handler) => {
        if (host.listeners.has(port)) throw socketError('EADDRINUSE', host.ip, port);
        host.listeners.set(port, handler);
        return { close: () => void host.listeners.delete(port) };
      },
      request: (name, port, request) => this.deliver(host, name, port, request),
      resolve: async (name) => this.address(host, name),
    };
  }

  private address(from: Host, name: string): string | undefined {
    if (name === 'localhost' || name === '127.0.0.1') return from.ip;
    if (this.hosts.has(name)) return name;
    return this.names.get(name);
  }

  private async deliver(from: Host, name: string, port: number, request: WireRequest): Promise<WireResponse> {
    const ip = this.address(from, name);
    if (ip === undefined) throw socketError('ENOTFOUND', name, port);
    const handler = this.hosts.get(ip)?.listeners.get(port);
    if (!handler) throw socketError('ECONNREFUSED', name, port);
    this.log.push({ from: from.ip, to: ip, port, method: request.method, url: request.url });
    const remoteAddress = ip === from.ip && (name === 'localhost' || name === '127.0.0.1') ? '127.0.0.1' : from.ip;
    return handler(request, { remoteAddress });
  }
}
