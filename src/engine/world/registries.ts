// The simulated world's registries, for the page's world and for `npm run serve`: Docker Hub
// (seeded with the catalogue's official and community images), the company's
// `registry.example.com` and the provider's `cr.example.net`. Each has one state, shared by every
// way it is reached — by a daemon under the host names real Docker contacts, and by real clients
// over HTTP when `npm run serve -- --registry NAME=HOST:PORT` exposes it.
//
//   registry-1.docker.io, auth.docker.io   the hub's API and its token realm
//   index.docker.io                         the hub's search index (`docker search`)
//   registry.example.com                    API and realm on one host
//   cr.example.net, auth.cr.example.net     API and its token realm
import { registryHosts, type ServedRegistry } from '../daemon/distribution/world-hosts';
import { generateOfficialCatalogue } from '../image/official';
import { worldRegistryConfig, worldRegistryNames, type WorldRegistryName } from '../registry/presets';
import { createRegistry } from '../registry/registry';
import { seedOfficialImages } from '../registry/seed';
import { RegistryState } from '../registry/state';
import { MemoryBlobStore } from '../store/memory-blob-store';
import type { Handler } from '../wire/message';

export interface WorldRegistries {
  states: ReadonlyMap<WorldRegistryName, RegistryState>;
  /** In-process handlers by the host names a daemon contacts. */
  hosts: ReadonlyMap<string, Handler>;
  /** The registry `name` with its token realm at `realm` (for serving it on a real port). */
  handlerWithRealm(name: WorldRegistryName, realm: string): Handler;
}

/** Build the three registries; the hub is seeded with the catalogue. */
export async function createWorldRegistries(): Promise<WorldRegistries> {
  const served = new Map<WorldRegistryName, ServedRegistry>();
  for (const name of worldRegistryNames) {
    const state = new RegistryState(new MemoryBlobStore());
    if (name === 'docker.io') await seedOfficialImages(state, await generateOfficialCatalogue());
    const config = await worldRegistryConfig(name);
    served.set(name, { config, state, handler: createRegistry({ config, state }) });
  }
  return {
    states: new Map([...served].map(([name, r]) => [name, r.state])),
    hosts: registryHosts([...served.values()]),
    handlerWithRealm(name, realm) {
      const { config, state } = served.get(name)!;
      return createRegistry({ config: { ...config, realm }, state });
    },
  };
}
