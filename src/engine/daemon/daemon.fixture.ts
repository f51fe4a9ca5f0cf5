// Helpers for the daemon's tests: a store over memory with a fixed clock, small images made of a
// few files, a context whose transport refuses every registry, and a way to call a handler and
// read its JSON. Not used by the engine itself.
import { fromUtf8, utf8 } from '../bytes';
import type { Digest } from '../digest';
import { fixtureDir, fixtureFile, fixtureImage } from '../image/archive/fixture-images';
import type { FsEntry } from '../layer/entry';
import { MemoryBlobStore } from '../store/memory-blob-store';
import { readBody, type Handler, type Headers } from '../wire/message';
import { createRouter } from './api/router';
import type { Route } from './api/route';
import type { DaemonContext } from './context';
import { EventLog } from './events';
import { defaultHost } from './host';
import { ImageStore, type ImageRecord } from './image-store';

/** 2025-01-01T00:00:00Z: the clock every fixture daemon reads unless told otherwise. */
export const FIXTURE_NOW = Date.UTC(2025, 0, 1);

export async function memoryStore(now = () => FIXTURE_NOW): Promise<{ store: ImageStore; blobs: MemoryBlobStore }> {
  const blobs = new MemoryBlobStore();
  return { store: await ImageStore.open(blobs, undefined, { now }), blobs };
}

export const file = fixtureFile;
export const dir = fixtureDir;

/** Register an image made of these layers (base first) and give it these full tags. */
export async function addImage(
  store: ImageStore,
  layers: readonly (readonly FsEntry[])[],
  options: { tags?: string[]; created?: string; cmd?: string[] } = {},
): Promise<ImageRecord> {
  const image = await fixtureImage(layers, options);
  let parent: Digest | undefined;
  for (const tar of image.layers) parent = (await store.addLayer(parent, tar)).chainId;
  const record = await store.addImage(image.config);
  for (const tag of options.tags ?? []) store.tag(record.id, tag);
  return store.get(record.id)!;
}

/** The base layer most fixtures share: an `etc/os-release`. */
export const baseLayer: FsEntry[] = [dir('etc'), file('etc/os-release', 'NAME="Fixture Linux"\n')];

export async function testContext(overrides: Partial<DaemonContext> = {}): Promise<DaemonContext> {
  const now = overrides.now ?? (() => FIXTURE_NOW);
  return {
    store: overrides.store ?? (await memoryStore(now)).store,
    events: overrides.events ?? new EventLog(now),
    host: overrides.host ?? defaultHost(),
    now,
    transport:
      overrides.transport ??
      (async (host) => {
        throw new Error(`no registry in this test: ${host}`);
      }),
    platform: overrides.platform ?? { os: 'linux', architecture: 'amd64' },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Call a handler and read the whole answer. */
export async function call(
  handler: Handler,
  method: string,
  url: string,
  body?: Uint8Array | string,
  headers: Headers = {},
): Promise<Answer> {
  const bytes = body === undefined ? undefined : typeof body === 'string' ? utf8(body) : new Uint8Array(body);
  const res = await handler({ method, url, headers, ...(bytes ? { body: bytes } : {}) });
  const text = fromUtf8(await readBody(res.body));
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A router over some routes, for endpoint tests that do not need every route. */
export function routerFor(routes: readonly Route[], ctx: DaemonContext): Handler {
  return createRouter(routes, ctx);
}
