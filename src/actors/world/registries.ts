// The world's registries, built for one world: Docker Hub seeded with the catalogue (or restored
// from a snapshot), the company's and the provider's registries empty. Unlike the engine's
// `createWorldRegistries`, each registry here reads the world's clock and draws its upload session
// IDs and token IDs from a seeded stream, so two runs of the same commands give the same trace.
//
// The hub is seeded from the catalogue's outline into a DeferredBlobStore: every repository, tag,
// index, manifest and config is there from the start, and each layer's bytes are built the first
// time they are read — what lets a world start in a moment. A restored hub gets the same kind of
// store, so layers its snapshot never held (never pulled) are built again when asked for.
//
// The same registry can also be served on a real port (`npm run serve -- --registry NAME=HOST:PORT`):
// `withRealm` gives a handler over the very same state and blobs whose token realm is that
// server's own `/token`, so skopeo and the world's daemons see one registry. And a daemon may reach
// registries outside the world (the reference registry on `127.0.0.1:5000` in the conformance
// suite): `addressBook` makes each one an endpoint of the network, named by the address dialled.
//
// Each registry also reports what it stores, as a registry's notifications would: a blob stored
// or mounted, a manifest or tag pushed, a manifest deleted — the state changes the trace shows as
// notes next to the messages that caused them.
import type { Digest } from '../../engine/digest';
import { registryHosts, type ServedRegistry } from '../../engine/daemon/distribution/world-hosts';
import { outlineOfficialCatalogue } from '../../engine/image/official';
import { DeferredBlobStore } from '../../engine/registry/deferred-blobs';
import { worldRegistryConfig, worldRegistryNames, type WorldRegistryName } from '../../engine/registry/presets';
import { createRegistry } from '../../engine/registry/registry';
import { matchRoute } from '../../engine/registry/routes';
import { seedOfficialImages } from '../../engine/registry/seed';
import { RegistryState, type RegistryStateData } from '../../engine/registry/state';
import type { BlobStore } from '../../engine/store/blob-store';
import { MemoryBlobStore } from '../../engine/store/memory-blob-store';
import { splitUrl, type Handler, type WireRequest, type WireResponse } from '../../engine/wire/message';
import type { Network } from '../network/network';
import { worldAddresses, type AddressBook } from '../network/transport';
import type { Endpoint } from '../trace/types';
import type { WorldIds } from './ids';
import { SnapshotError } from './snapshot';

/** A registry of the world: its state, its blobs and the handler that serves it. */
export interface WorldRegistry extends ServedRegistry {
  name: WorldRegistryName;
  blobs: MemoryBlobStore;
}

/** A change a registry made to what it stores. */
export interface RegistryChange {
  registry: WorldRegistryName;
  type: 'blob.stored' | 'blob.mounted' | 'manifest.pushed' | 'tag.pushed' | 'manifest.deleted';
  repository: string;
  /** The tag or digest concerned. */
  subject: string;
}

/** What a snapshot keeps of one registry. */
export interface RegistrySnapshot {
  state: RegistryStateData;
  /** Every blob the registry holds; their bytes are in the snapshot's content store. */
  blobs: Digest[];
}

export interface BuildRegistriesOptions {
  now: () => number;
  ids: WorldIds;
  /** Told of each change, with the request that made it. */
  onChange?: (change: RegistryChange, request: WireRequest) => void;
  /** Restore from these instead of seeding (with the blobs in `content`). */
  restore?: { registries: Partial<Record<WorldRegistryName, RegistrySnapshot>>; content: BlobStore };
}

export async function buildRegistries(options: BuildRegistriesOptions): Promise<Map<WorldRegistryName, WorldRegistry>> {
  const out = new Map<WorldRegistryName, WorldRegistry>();
  for (const name of worldRegistryNames) {
    const blobs = name === 'docker.io' ? hubBlobStore() : new MemoryBlobStore();
    const saved = options.restore?.registries[name];
    let state: RegistryState;
    if (options.restore) {
      if (saved) await copyBlobs(options.restore.content, blobs, saved.blobs, name);
      state = saved ? RegistryState.fromData(blobs, saved.state) : new RegistryState(blobs);
    } else {
      state = new RegistryState(blobs);
      if (name === 'docker.io') await seedOfficialImages(state, await outlineOfficialCatalogue());
    }
    const config = await worldRegistryConfig(name);
    const stream = options.ids.stream(`registry:${name}`);
    const served = createRegistry({ config, state, now: options.now, nextId: () => stream.uuid() });
    const handler = options.onChange ? reporting(name, served, options.onChange) : served;
    out.set(name, { name, config, state, blobs, handler });
  }
  return out;
}

/** The hub's blobs: the outline's layers are built when first read (the outline is made when needed). */
function hubBlobStore(): DeferredBlobStore {
  return new DeferredBlobStore(async () => (await outlineOfficialCatalogue()).deferred);
}

/** Host name a daemon dials → the handler answering there (`auth.docker.io` → the hub). */
export function registryHandlers(registries: ReadonlyMap<WorldRegistryName, WorldRegistry>): Map<string, Handler> {
  return registryHosts([...registries.values()]);
}

export interface WithRealmOptions {
  now: () => number;
  nextId: () => string;
  onChange?: (change: RegistryChange, request: WireRequest) => void;
}

/** The registry's own state and blobs behind a handler whose token realm is `realm`. */
export function withRealm(registry: WorldRegistry, realm: string, options: WithRealmOptions): Handler {
  const config = { ...registry.config, realm };
  const served = createRegistry({ config, state: registry.state, now: options.now, nextId: options.nextId });
  return options.onChange ? reporting(registry.name, served, options.onChange) : served;
}

/** A registry outside the world, by the host a daemon dials (`127.0.0.1:5000`); undefined if none. */
export type ExternalRegistry = (host: string) => Handler | undefined;

/**
 * Where the daemon on `daemonHost` finds each host it dials: the world's registries first, then
 * whatever `external` answers for. An external registry joins the network on first use as a
 * registry endpoint named by the address dialled, linked to the daemon's host without latency.
 */
export function addressBook(network: Network, daemonHost: string, external?: ExternalRegistry): AddressBook {
  if (!external) return worldAddresses;
  const joined = new Map<string, Endpoint>();
  return (host) => {
    const known = worldAddresses(host) ?? joined.get(host);
    if (known) return known;
    const handler = external(host);
    if (!handler) return undefined;
    const endpoint: Endpoint = Object.freeze({ host, role: 'registry' });
    network.topology.link(daemonHost, host, 0);
    network.attach(endpoint, handler);
    joined.set(host, endpoint);
    return endpoint;
  };
}

async function copyBlobs(
  from: BlobStore,
  to: MemoryBlobStore,
  digests: readonly Digest[],
  name: string,
): Promise<void> {
  for (const digest of digests) {
    const bytes = await from.get(digest);
    if (!bytes) throw new SnapshotError(`snapshot of ${name}: blob ${digest} is missing from the content store`);
    await to.put(bytes, digest);
  }
}

/** Wrap a registry so each successful write is reported as a change. */
function reporting(
  registry: WorldRegistryName,
  handler: Handler,
  report: (c: RegistryChange, request: WireRequest) => void,
): Handler {
  return async (request) => {
    const response = await handler(request);
    const change = changeOf(registry, request, response);
    if (change) report(change, request);
    return response;
  };
}

/** The change a request made, judged from the request and its successful answer. */
export function changeOf(
  registry: WorldRegistryName,
  request: WireRequest,
  response: WireResponse,
): RegistryChange | undefined {
  const { path, query } = splitUrl(request.url);
  const route = matchRoute(path);
  const method = request.method.toUpperCase();
  const change = (type: RegistryChange['type'], repository: string, subject: string): RegistryChange => ({
    registry,
    type,
    repository,
    subject,
  });
  if (route.kind === 'manifest' && method === 'PUT' && response.status === 201) {
    return change(route.reference.includes(':') ? 'manifest.pushed' : 'tag.pushed', route.name, route.reference);
  }
  if (route.kind === 'manifest' && method === 'DELETE' && response.status === 202) {
    return change('manifest.deleted', route.name, route.reference);
  }
  if (route.kind === 'upload' && method === 'PUT' && response.status === 201) {
    return change('blob.stored', route.name, query.get('digest') ?? '');
  }
  if (route.kind === 'uploads' && method === 'POST' && response.status === 201 && query.has('mount')) {
    return change('blob.mounted', route.name, query.get('mount') ?? '');
  }
  return undefined;
}
