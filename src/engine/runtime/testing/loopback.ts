// A network namespace on its own, for tests: `lo` and an `eth0` with a bridge address, where a
// container can reach only its own listening ports (what a container sees with nobody else on its
// network). Connections elsewhere are refused, unknown names do not resolve.

import type { HttpHandler, NetworkStack } from '../contract';

/** An error shaped as the network stack rejects with (`code` is the errno). */
function connectError(code: string, host: string, port: number): Error & { code: string } {
  return Object.assign(new Error(`connect ${code} ${host}:${port}`), { code });
}

export function loopbackNetwork(address = '172.17.0.2', names: Record<string, string> = {}): NetworkStack {
  const listeners = new Map<number, HttpHandler>();
  const local = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === address;
  return {
    interfaces: () => [
      { name: 'lo', addresses: [{ address: '127.0.0.1', prefix: 8 }] },
      { name: 'eth0', mac: '02:42:ac:11:00:02', addresses: [{ address, prefix: 16 }] },
    ],
    listen(port, handler) {
      if (listeners.has(port)) throw connectError('EADDRINUSE', address, port);
      listeners.set(port, handler);
      return { close: () => void listeners.delete(port) };
    },
    async request(host, port, request) {
      const ip = names[host] ?? host;
      if (!local(ip) && !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) throw connectError('ENOTFOUND', host, port);
      const handler = local(ip) ? listeners.get(port) : undefined;
      if (handler === undefined) throw connectError('ECONNREFUSED', ip, port);
      return handler(request, { remoteAddress: '127.0.0.1' });
    },
    async resolve(name) {
      if (name === 'localhost') return '127.0.0.1';
      if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
      return names[name];
    },
  };
}
