// Published ports (`-p`, `-P`): how a port of a container is reached from outside through a port of
// the host. dockerd checks the bindings at create (moby verifyContainerSettings:
// `invalid port specification: "99999"`), and allocates host ports when the container starts
// (libnetwork's portallocator, then docker-proxy listening on the host):
//
//   -p 8080:80             80/tcp on host port 8080 of every address — Docker 28 binds IPv4 and
//                          IPv6 both, which is why `docker ps` shows
//                          `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`
//   -p 127.0.0.1:8080:80   on that address only
//   -p 80, -P              a free port of the ephemeral range (32768–60999), the next one after
//                          the last given out; `-P` does so for every EXPOSEd port
//   -p 8000-8001:80-81     the CLI splits ranges into one binding per port
//
// A host port already taken on the same address (or on the wildcard address) fails the start:
// `Bind for 0.0.0.0:8080 failed: port is already allocated`.
import { DaemonError } from '../api/errors';

/** `{"HostIp":"","HostPort":"8080"}` as the API carries it. */
export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export type PortBindings = Record<string, PortBinding[] | null>;

/** One host port given out: `0.0.0.0:8080` → container port 80/tcp. */
export interface PublishedPort {
  containerId: string;
  privatePort: number;
  protocol: string;
  hostIp: string;
  hostPort: number;
}

export const EPHEMERAL_FIRST = 32768;
export const EPHEMERAL_LAST = 60999;

/** `80`, `8000-8010`: nat.ParsePortRange; undefined when it is not one. */
export function parsePortRange(text: string): { first: number; last: number } | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (m === null) return undefined;
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (first > 65535 || last > 65535 || last < first) return undefined;
  return { first, last };
}

/** `80/tcp` → port and protocol (tcp when none is written). */
export function splitProtoPort(key: string): { port: string; protocol: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { port: key, protocol: 'tcp' } : { port: key.slice(0, slash), protocol: key.slice(slash + 1) };
}

/** The create-time check of HostConfig.PortBindings (moby verifyContainerSettings). */
export function validatePortBindings(bindings: unknown): PortBindings {
  if (bindings === undefined || bindings === null) return {};
  if (typeof bindings !== 'object' || Array.isArray(bindings)) {
    throw DaemonError.invalidParameter(
      'invalid JSON: json: cannot unmarshal array into Go struct field HostConfig.PortBindings of type nat.PortMap',
    );
  }
  const out: PortBindings = {};
  for (const [key, list] of Object.entries(bindings as Record<string, unknown>)) {
    const { port } = splitProtoPort(key);
    if (parsePortRange(port) === undefined) throw DaemonError.invalidParameter(`invalid port specification: "${port}"`);
    const entries = Array.isArray(list) ? (list as Partial<PortBinding>[]) : [];
    for (const binding of entries) {
      const hostPort = binding.HostPort ?? '';
      if (hostPort !== '' && parsePortRange(hostPort) === undefined) {
        throw DaemonError.invalidParameter(`invalid port specification: "${hostPort}"`);
      }
    }
    out[key] = list === null ? null : entries.map((b) => ({ HostIp: b.HostIp ?? '', HostPort: b.HostPort ?? '' }));
  }
  return out;
}

/** The bindings a start programs: PortBindings, plus every other exposed port with `-P`. */
export function effectiveBindings(
  bindings: PortBindings,
  publishAll: boolean,
  exposed: Record<string, unknown> | null | undefined,
): PortBindings {
  const out: PortBindings = { ...bindings };
  if (publishAll) {
    for (const key of Object.keys(exposed ?? {})) {
      const normal = key.includes('/') ? key : `${key}/tcp`;
      if (!(normal in out) || (out[normal] ?? []).length === 0) out[normal] = [{ HostIp: '', HostPort: '' }];
    }
  }
  return out;
}

const isWildcard = (ip: string) => ip === '0.0.0.0' || ip === '::';
const family = (ip: string) => (ip.includes(':') ? 6 : 4);

/** The host's table of published ports (libnetwork portallocator), shared by every container. */
export class PortAllocator {
  private readonly taken: PublishedPort[] = [];
  private lastEphemeral = EPHEMERAL_FIRST - 1;

  /** Who holds `hostIp:port/protocol` (or a binding that covers it). */
  holder(hostIp: string, port: number, protocol: string): PublishedPort | undefined {
    return this.taken.find(
      (p) =>
        p.hostPort === port &&
        p.protocol === protocol &&
        family(p.hostIp) === family(hostIp) &&
        (p.hostIp === hostIp || isWildcard(p.hostIp) || isWildcard(hostIp)),
    );
  }

  /** Every port given out, in order. */
  all(): readonly PublishedPort[] {
    return this.taken;
  }

  /**
   * Give out the host ports of one container's bindings, all or none: on a clash nothing stays
   * allocated and Docker's refusal is thrown (`Bind for 0.0.0.0:8080 failed: port is already allocated`).
   */
  allocate(containerId: string, bindings: PortBindings): PublishedPort[] {
    const mine: PublishedPort[] = [];
    try {
      for (const key of Object.keys(bindings).sort(comparePortKeys)) {
        const { port, protocol } = splitProtoPort(key);
        const privatePort = parsePortRange(port)!.first;
        for (const binding of bindings[key] ?? []) {
          const ips = binding.HostIp === '' ? ['0.0.0.0', '::'] : [binding.HostIp];
          const range =
            binding.HostPort === '' || binding.HostPort === '0' ? undefined : parsePortRange(binding.HostPort);
          const hostPort = this.pick(ips, protocol, range);
          for (const hostIp of ips) {
            const published = { containerId, privatePort, protocol, hostIp, hostPort };
            this.taken.push(published);
            mine.push(published);
          }
        }
      }
    } catch (err) {
      this.release(containerId);
      throw err;
    }
    return mine;
  }

  private pick(ips: string[], protocol: string, range: { first: number; last: number } | undefined): number {
    const free = (port: number) => ips.every((ip) => this.holder(ip, port, protocol) === undefined);
    if (range !== undefined) {
      for (let port = range.first; port <= range.last; port++) if (free(port)) return port;
      const ip = ips[0]!;
      const shown = ip.includes(':') ? `[${ip}]` : ip;
      throw new Error(`Bind for ${shown}:${range.first} failed: port is already allocated`);
    }
    const span = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;
    for (let i = 1; i <= span; i++) {
      const port = EPHEMERAL_FIRST + ((this.lastEphemeral - EPHEMERAL_FIRST + i) % span);
      if (free(port)) {
        this.lastEphemeral = port;
        return port;
      }
    }
    throw new Error('all ports are allocated');
  }

  /** Give back every port of a container. */
  release(containerId: string): void {
    for (let i = this.taken.length - 1; i >= 0; i--) {
      if (this.taken[i]!.containerId === containerId) this.taken.splice(i, 1);
    }
  }

  /** The ports one container holds. */
  of(containerId: string): PublishedPort[] {
    return this.taken.filter((p) => p.containerId === containerId);
  }
}

/** `80/tcp` before `443/tcp` before `53/udp`: by number, then protocol. */
export function comparePortKeys(a: string, b: string): number {
  const [pa, pb] = [splitProtoPort(a), splitProtoPort(b)];
  return Number(pa.port.split('-')[0]) - Number(pb.port.split('-')[0]) || pa.protocol.localeCompare(pb.protocol);
}
