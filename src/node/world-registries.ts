// The simulated world's registries for `npm run serve`: Docker Hub (seeded with the official
// images), the company's `registry.example.com` and the provider's `cr.example.net`, each one
// state shared by every way it is reached — by the daemon in-process under its world host names,
// and by real clients over HTTP when `--registry NAME=HOST:PORT` exposes it.
//
//   registry-1.docker.io, auth.docker.io   the hub's API and its token realm
//   index.docker.io                         the hub's search index (`docker search`)
//   registry.example.com                    API and realm on one host
//   cr.example.net, auth.cr.example.net     API and its token realm
import { createHubIndex } from '../engine/daemon/distribution/hub-index';
import { generateOfficialCatalogue } from '../engine/image/official';
import {
  worldRealms,
  worldRegistryConfig,
  worldRegistryNames,
  type WorldRegistryName,
} from '../engine/registry/presets';
import type { RegistryConfig } from '../engine/registry/config';
import { createRegistry } from '../engine/registry/registry';
import { seedOfficialImages } from '../engine/registry/seed';
import { RegistryState } from '../engine/registry/state';
import { MemoryBlobStore } from '../engine/store/memory-blob-store';
import type { Handler } from '../engine/wire/message';

export interface WorldRegistries {
  states: ReadonlyMap<WorldRegistryName, RegistryState>;
  /** In-process handlers by the host names the daemon contacts. */
  hosts: ReadonlyMap<string, Handler>;
  /** The registry `name` with its token realm at `realm` (for serving it on a real port). */
  handlerWithRealm(name: WorldRegistryName, realm: string): Handler;
}

const apiHosts: Record<WorldRegistryName, string> = {
  'docker.io': 'registry-1.docker.io',
  'registry.example.com': 'registry.example.com',
  'cr.example.net': 'cr.example.net',
};

function realmHost(name: WorldRegistryName): string {
  return new URL(worldRealms[name]).host;
}

/** Build the three registries; the hub is seeded with the official images catalogue. */
export async function createWorldRegistries(): Promise<WorldRegistries> {
  const states = new Map<WorldRegistryName, RegistryState>();
  const configs = new Map<WorldRegistryName, RegistryConfig>();
  const hosts = new Map<string, Handler>();
  for (const name of worldRegistryNames) {
    const state = new RegistryState(new MemoryBlobStore());
    if (name === 'docker.io') await seedOfficialImages(state, await generateOfficialCatalogue());
    states.set(name, state);
    const config = await worldRegistryConfig(name);
    configs.set(name, config);
    const handler = createRegistry({ config, state });
    hosts.set(apiHosts[name], handler);
    hosts.set(realmHost(name), handler);
    if (name === 'docker.io') hosts.set('index.docker.io', createHubIndex(state));
  }
  return {
    states,
    hosts,
    handlerWithRealm(name, realm) {
      return createRegistry({ config: { ...configs.get(name)!, realm }, state: states.get(name)! });
    },
  };
}
