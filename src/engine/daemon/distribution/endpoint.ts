// Which server a registry name stands for. An image reference names a registry by its *domain*
// (`docker.io`, `registry.example.com`, `127.0.0.1:5000`); the daemon turns that into the address
// it actually talks to (moby `daemon/pkg/registry` LookupPullEndpoints / LookupPushEndpoints):
//
//   docker.io             → https://registry-1.docker.io   (Docker Hub's API host; `docker.io` is its name)
//   registry.example.com  → https://registry.example.com
//   127.0.0.1:5000        → http://127.0.0.1:5000          (127.0.0.0/8 and ::1 are insecure by default:
//   localhost:5000        → http://localhost:5000            dockerd falls back to plain HTTP there)
//
// The scheme only shows in messages (`Get "https://registry-1.docker.io/v2/": …`): the Transport
// decides how a host is really reached.
import { DEFAULT_DOMAIN, LEGACY_DEFAULT_DOMAIN } from '../../reference';
import { hostname } from './transport';

/** Docker Hub's registry API host (moby DefaultRegistryHost). */
export const DOCKER_HUB_REGISTRY_HOST = 'registry-1.docker.io';
/** Docker Hub's index host: `docker search` and the login server address `https://index.docker.io/v1/`. */
export const DOCKER_HUB_INDEX_HOST = 'index.docker.io';

export interface RegistryEndpoint {
  /** The registry's name in references: `docker.io`, `127.0.0.1:5000`. */
  domain: string;
  /** The host to contact: `registry-1.docker.io`, `127.0.0.1:5000`. */
  host: string;
  scheme: 'https' | 'http';
}

/** Whether dockerd treats the registry as insecure by default (loopback: 127.0.0.0/8, ::1, localhost). */
export function isLoopback(domain: string): boolean {
  const name = hostname(domain).toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

export function isDockerHub(domain: string): boolean {
  return domain === DEFAULT_DOMAIN || domain === LEGACY_DEFAULT_DOMAIN || domain === DOCKER_HUB_REGISTRY_HOST;
}

export function registryEndpoint(domain: string): RegistryEndpoint {
  if (isDockerHub(domain)) return { domain: DEFAULT_DOMAIN, host: DOCKER_HUB_REGISTRY_HOST, scheme: 'https' };
  return { domain, host: domain, scheme: isLoopback(domain) ? 'http' : 'https' };
}

/** `https://registry-1.docker.io/v2/` — the URL as Go prints it in errors. */
export function endpointUrl(endpoint: { host: string; scheme: string }, path: string): string {
  return `${endpoint.scheme}://${endpoint.host}${path}`;
}

/**
 * The registry a login's `serveraddress` names (moby Service.Auth): `https://index.docker.io/v1/`
 * and an empty address mean Docker Hub; otherwise the host part of the address.
 */
export function loginDomain(serverAddress: string): string {
  if (serverAddress === '') return DEFAULT_DOMAIN;
  const withScheme = /^https?:\/\//.test(serverAddress) ? serverAddress : `https://${serverAddress}`;
  const host = withScheme.replace(/^https?:\/\//, '').split('/')[0] ?? '';
  return host === DOCKER_HUB_INDEX_HOST ? DEFAULT_DOMAIN : host;
}
