// Which host names reach which simulated registry. A registry is known by its name in image
// references (`docker.io`), but the daemon contacts its API host (`registry-1.docker.io`) and its
// token realm's host (`auth.docker.io`), and `docker search` asks the hub's index host
// (`index.docker.io`). This builds that address book for a Transport:
//
//   registry-1.docker.io, auth.docker.io → the hub;  index.docker.io → the hub's search
//   registry.example.com                 → the self-hosted registry (its realm is on the same host)
//   cr.example.net, auth.cr.example.net  → the provider's registry
import type { RegistryConfig } from '../../registry/config';
import type { RegistryState } from '../../registry/state';
import type { Handler } from '../../wire/message';
import { DOCKER_HUB_INDEX_HOST, isDockerHub, registryEndpoint } from './endpoint';
import { createHubIndex } from '../../registry/hub-index';

export interface ServedRegistry {
  config: RegistryConfig;
  state: RegistryState;
  handler: Handler;
}

/** The hosts a registry answers on: its API host and its token realm's host. */
export function registryHostNames(config: RegistryConfig): string[] {
  const hosts = [registryEndpoint(config.name).host];
  try {
    const realmHost = new URL(config.realm).host;
    if (!hosts.includes(realmHost)) hosts.push(realmHost);
  } catch {
    // A realm that is not a URL has no host to serve.
  }
  return hosts;
}

/** Host name → handler for the given registries, plus Docker Hub's search on its index host. */
export function registryHosts(registries: readonly ServedRegistry[]): Map<string, Handler> {
  const hosts = new Map<string, Handler>();
  for (const registry of registries) {
    for (const host of registryHostNames(registry.config)) hosts.set(host, registry.handler);
    if (isDockerHub(registry.config.name)) hosts.set(DOCKER_HUB_INDEX_HOST, createHubIndex(registry.state));
  }
  return hosts;
}
