// The map of Dockyard's world: which machines exist, which registries, and how far apart they are.
//
//   laptop      the student's machine: a terminal (the docker client) and a daemon
//   cloud-vm    a daemon on a cloud VM, next door to Docker Hub and to the provider's registry
//   onprem-1    a daemon on a server in the company's rack, next to the company's registry
//
//   docker.io             the public hub (API `registry-1.docker.io` → endpoint `docker.io`,
//                         token realm `auth.docker.io`, search index `index.docker.io`)
//   registry.example.com  the company's self-hosted registry (API and realm on one host)
//   cr.example.net        a provider's registry (realm `auth.cr.example.net`)
//
// A link's latency is one-way, in milliseconds of virtual time; a round trip takes twice as long.
// A registry's hosts (API, realm, index) sit together, so each gets the same latency from a machine.
import type { WorldRegistryName } from '../../engine/registry/presets';
import type { Endpoint } from '../trace/types';

export const DAEMON_HOSTS = ['laptop', 'cloud-vm', 'onprem-1'] as const;
export type DaemonHost = (typeof DAEMON_HOSTS)[number];

export function isDaemonHost(host: string): host is DaemonHost {
  return (DAEMON_HOSTS as readonly string[]).includes(host);
}

/** A registry of the world and the network hosts it answers on. */
export interface RegistrySite {
  name: WorldRegistryName;
  /** World hosts (trace endpoints) that belong to this registry: its API, realm, index. */
  hosts: readonly string[];
}

export const REGISTRY_SITES: readonly RegistrySite[] = [
  { name: 'docker.io', hosts: ['docker.io', 'auth.docker.io', 'index.docker.io'] },
  { name: 'registry.example.com', hosts: ['registry.example.com'] },
  { name: 'cr.example.net', hosts: ['cr.example.net', 'auth.cr.example.net'] },
];

/** The registry a world host belongs to (`auth.docker.io` → `docker.io`). */
export function siteOfHost(host: string): RegistrySite | undefined {
  return REGISTRY_SITES.find((s) => s.hosts.includes(host));
}

/** One-way latency from each daemon host to each registry, and between machines. */
const registryLatency: Record<DaemonHost, Record<WorldRegistryName, number>> = {
  laptop: { 'docker.io': 40, 'registry.example.com': 15, 'cr.example.net': 30 },
  'cloud-vm': { 'docker.io': 5, 'registry.example.com': 30, 'cr.example.net': 3 },
  'onprem-1': { 'docker.io': 45, 'registry.example.com': 2, 'cr.example.net': 35 },
};

const machineLatency: [DaemonHost, DaemonHost, number][] = [
  ['laptop', 'cloud-vm', 25],
  ['laptop', 'onprem-1', 8],
  ['cloud-vm', 'onprem-1', 30],
];

export interface LinkSpec {
  a: string;
  b: string;
  latencyMs: number;
}

/** Every link of the world, in a fixed order. */
export function worldLinks(): LinkSpec[] {
  const links: LinkSpec[] = machineLatency.map(([a, b, latencyMs]) => ({ a, b, latencyMs }));
  for (const host of DAEMON_HOSTS) {
    for (const site of REGISTRY_SITES) {
      for (const registryHost of site.hosts)
        links.push({ a: host, b: registryHost, latencyMs: registryLatency[host][site.name] });
    }
  }
  return links;
}

/** The Docker host a client names for each daemon (`DOCKER_HOST`), as `Cannot connect…` shows it. */
export function dockerHostOf(daemon: DaemonHost, clientHost: string): string {
  return daemon === clientHost ? 'unix:///var/run/docker.sock' : `tcp://${daemon}:2375`;
}

/** One shared, frozen endpoint per host and role: the trace holds many references, not many copies. */
const endpoints = new Map<string, Endpoint>();
function endpoint(host: string, role: Endpoint['role']): Endpoint {
  const key = `${role}@${host}`;
  let e = endpoints.get(key);
  if (!e) {
    e = Object.freeze({ host, role });
    endpoints.set(key, e);
  }
  return e;
}

export const daemonEndpoint = (host: string): Endpoint => endpoint(host, 'daemon');
export const clientEndpoint = (host: string): Endpoint => endpoint(host, 'client');

/** The systemIds of the world's actors: one naming scheme, used by the machines and the world. */
export const actorIds = {
  world: 'world',
  network: 'network',
  client: (terminal: string) => `client:${terminal}`,
  daemon: (host: string) => `daemon:${host}`,
  registry: (name: string) => `registry:${name}`,
  operation: (command: number, n = 1) => `operation:${command}:${n}`,
  container: (host: string, id: string) => `container:${host}:${id.slice(0, 12)}`,
} as const;
