// What the inspector shows for a selection, gathered as plain data. Everything is read *untraced*:
// the daemon is asked through its own Engine API handler (`world.daemons.get(host).handler`, the
// same code `docker inspect`, `docker logs`, `docker diff` and `docker history` reach) but called
// directly, not over the world's network, and registries and stores are read in place — so opening
// an inspector never adds a message to the trace, never waits on the world's clock and works while
// the world is paused.
import type { World } from '../../actors/world/world';
import type { HostDaemon } from '../../actors/world/daemons';
import type { TraceEntry, TraceRequest, TraceResponse } from '../../actors/trace/types';
import { imagesOf, containersOfHost } from '../../actors/view/host-view';
import type { ContainerView, ImageView } from '../../actors/view/types';
import { fromUtf8 } from '../../engine/bytes';
import { unframe } from '../../engine/daemon/containers/stdcopy';
import { parseReference } from '../../engine/reference';
import { isStream, readBody, type Body } from '../../engine/wire/message';
import type { Selection } from './selection';
import { streamView, type StreamBodyView } from './stream-view';

/** A body as the inspector shows it: pretty JSON, text, or size and the first bytes in hex. */
export type BodyView =
  | { kind: 'none' }
  | { kind: 'json'; text: string; size: number }
  | { kind: 'text'; text: string; size: number }
  | { kind: 'binary'; size: number; hexHead: string }
  | { kind: 'stream'; note: string }
  | StreamBodyView
  | { kind: 'dropped'; note: string };

export interface MessageSide {
  line: string;
  headers: [string, string][];
  body: BodyView;
}

export type Inspection =
  | {
      kind: 'image';
      host: string;
      image: ImageView;
      config: string;
      history: string;
      manifest?: string;
      manifestSource?: string;
      platformManifest?: string;
    }
  | {
      kind: 'layer';
      host: string;
      diffId: string;
      images: { id: string; name: string; position: number }[];
      layer?: ImageView['layers'][number];
    }
  | {
      kind: 'container';
      host: string;
      container: ContainerView;
      inspect: string;
      logs: { stream: string; text: string }[];
      changes: { kind: 'A' | 'C' | 'D'; path: string }[];
    }
  | {
      kind: 'registry';
      name: string;
      repositories: { name: string; tags: string[]; blobs: number }[];
      repository?: string;
      tag?: string;
      manifest?: string;
      blobs?: { digest: string; size?: number }[];
    }
  | { kind: 'message'; seq: number; route: string; request?: MessageSide; response?: MessageSide; failure?: string }
  | { kind: 'host'; name: string; images: number; containers: number; networks: string[]; volumes: string[] }
  | { kind: 'missing'; text: string };

const HEX_HEAD = 64;

/** Render a body for reading; a stream cannot be read twice, so it is described, not drained. */
export async function bodyView(body: Body | undefined, contentType = ''): Promise<BodyView> {
  if (body === undefined) return { kind: 'none' };
  if (isStream(body)) return { kind: 'stream', note: 'streamed body: its chunks went to the client as they came' };
  const bytes = await readBody(body);
  if (bytes.length === 0) return { kind: 'none' };
  const text = decodeText(bytes);
  if (text !== undefined) {
    if (/json/i.test(contentType) || /^\s*[[{]/.test(text)) {
      try {
        return { kind: 'json', text: JSON.stringify(JSON.parse(text), null, 2), size: bytes.length };
      } catch {
        /* not JSON after all: show the text */
      }
    }
    return { kind: 'text', text, size: bytes.length };
  }
  const hexHead = [...bytes.subarray(0, HEX_HEAD)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return { kind: 'binary', size: bytes.length, hexHead };
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/** GET a path of the daemon's Engine API, untraced. */
async function engineGet(daemon: HostDaemon, path: string): Promise<{ status: number; bytes: Uint8Array }> {
  const response = await daemon.handler({ method: 'GET', url: `/v1.50${path}`, headers: {} });
  return { status: response.status, bytes: await readBody(response.body) };
}

const pretty = (bytes: Uint8Array): string => {
  try {
    return JSON.stringify(JSON.parse(fromUtf8(bytes)), null, 2);
  } catch {
    return fromUtf8(bytes);
  }
};

async function inspectImage(world: World, host: string, id: string): Promise<Inspection> {
  const daemon = world.daemons.get(host as never);
  const record = daemon?.store.get(id as never);
  const image = daemon ? imagesOf(daemon).find((i) => i.id === id) : undefined;
  if (!daemon || !record || !image) return { kind: 'missing', text: `No such image: ${id}` };
  const history = await engineGet(daemon, `/images/${id}/history`);
  const out: Inspection = {
    kind: 'image',
    host,
    image,
    config: pretty(record.configBytes),
    history: pretty(history.bytes),
  };
  // The classic store keeps no manifest; the registry the image came from still has it.
  for (const repoDigest of record.repoDigests) {
    const ref = parseReference(repoDigest);
    const registry = world.registries.get(ref.domain as never);
    const digest = repoDigest.split('@')[1];
    const bytes = digest ? await registry?.blobs.get(digest as never) : undefined;
    if (bytes) {
      out.manifest = pretty(bytes);
      out.manifestSource = repoDigest;
      // An index names one manifest per platform: show the one this daemon pulled too.
      const entries = (
        JSON.parse(fromUtf8(bytes)) as { manifests?: { digest: string; platform?: { architecture?: string } }[] }
      ).manifests;
      const mine = entries?.find((m) => m.platform?.architecture === daemon.ctx.platform.architecture);
      const platform = mine ? await registry?.blobs.get(mine.digest as never) : undefined;
      if (platform) out.platformManifest = pretty(platform);
      break;
    }
  }
  return out;
}

function inspectLayer(world: World, host: string, diffId: string): Inspection {
  const daemon = world.daemons.get(host as never);
  const images = daemon ? imagesOf(daemon) : [];
  const holders = images.flatMap((image) => {
    const position = image.layers.findIndex((l) => l.diffId === diffId);
    return position < 0 ? [] : [{ id: image.id, name: image.repoTags[0] ?? image.id.slice(7, 19), position }];
  });
  const layer = images.flatMap((i) => i.layers).find((l) => l.diffId === diffId);
  return { kind: 'layer', host, diffId, images: holders, ...(layer ? { layer } : {}) };
}

async function inspectContainer(world: World, host: string, id: string): Promise<Inspection> {
  const daemon = world.daemons.get(host as never);
  const container = daemon ? containersOfHost(daemon).find((c) => c.id === id) : undefined;
  if (!daemon || !container) return { kind: 'missing', text: `No such container: ${id}` };
  const inspect = await engineGet(daemon, `/containers/${id}/json`);
  const logs = await engineGet(daemon, `/containers/${id}/logs?stdout=1&stderr=1`);
  const changes = await engineGet(daemon, `/containers/${id}/changes`);
  let logLines: { stream: string; text: string }[];
  try {
    logLines = unframe(logs.bytes).map((f) => ({ stream: f.stream, text: fromUtf8(f.payload) }));
  } catch {
    logLines = logs.bytes.length ? [{ stream: 'stdout', text: fromUtf8(logs.bytes) }] : [];
  }
  const kinds = ['C', 'A', 'D'] as const;
  let changeList: { kind: 'A' | 'C' | 'D'; path: string }[] = [];
  if (changes.status === 200) {
    const parsed = JSON.parse(fromUtf8(changes.bytes)) as { Path: string; Kind: number }[] | null;
    changeList = (parsed ?? []).map((c) => ({ kind: kinds[c.Kind] ?? 'C', path: c.Path }));
  }
  return { kind: 'container', host, container, inspect: pretty(inspect.bytes), logs: logLines, changes: changeList };
}

async function inspectRegistry(world: World, name: string, repository?: string, tag?: string): Promise<Inspection> {
  const registry = world.registries.get(name as never);
  if (!registry) return { kind: 'missing', text: `No such registry: ${name}` };
  const repositories = [...registry.state.repositories.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([repo, r]) => ({ name: repo, tags: [...r.tags.keys()].sort(), blobs: r.blobs.size }));
  const out: Inspection = { kind: 'registry', name, repositories };
  const repo = repository ? registry.state.repository(repository) : undefined;
  if (repository && repo) {
    out.repository = repository;
    const blobs: { digest: string; size?: number }[] = [];
    for (const digest of [...repo.blobs].sort()) {
      const bytes = await registry.blobs.get(digest);
      blobs.push(bytes ? { digest, size: bytes.length } : { digest });
    }
    out.blobs = blobs;
    const digest = tag ? repo.tags.get(tag) : undefined;
    if (tag && digest) {
      out.tag = tag;
      const bytes = await registry.blobs.get(digest);
      if (bytes) out.manifest = pretty(bytes);
    }
  }
  return out;
}

async function side(entry: TraceRequest | TraceResponse): Promise<MessageSide> {
  const message = entry.message;
  const line = entry.kind === 'request' ? `${entry.method} ${entry.url}` : entry.summary;
  if (!message)
    return {
      line,
      headers: [],
      body: { kind: 'dropped', note: 'details dropped: only the last commands keep whole messages' },
    };
  const headers = Object.entries(message.headers).sort(([a], [b]) => a.localeCompare(b));
  const contentType = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  // A streamed response shows the chunks the trace kept as they passed to the client.
  if (entry.kind === 'response' && entry.stream)
    return { line, headers, body: streamView(entry.stream, contentType, entry.time) };
  return { line, headers, body: await bodyView(message.body, contentType) };
}

function inspectMessageOf(entries: readonly TraceEntry[], seq: number): Promise<Inspection> | Inspection {
  const entry = entries.find((e) => e.seq === seq);
  if (!entry || entry.kind === 'event') return { kind: 'missing', text: `No message ${seq} in the trace` };
  const pair = entries.filter((e) => e.kind !== 'event' && e.exchange === entry.exchange);
  const request = pair.find((e): e is TraceRequest => e.kind === 'request');
  const response = pair.find((e): e is TraceResponse => e.kind === 'response');
  const failure = pair.find((e) => e.kind === 'failure');
  const first = request ?? entry;
  const route = `${first.from.host} ${first.from.role} → ${first.to.host} ${first.to.role}`;
  return (async (): Promise<Inspection> => ({
    kind: 'message',
    seq,
    route,
    ...(request ? { request: await side(request) } : {}),
    ...(response ? { response: await side(response) } : {}),
    ...(failure ? { failure: failure.summary } : {}),
  }))();
}

/** Everything the inspector shows for `selection`, read without touching the trace. */
export async function inspect(world: World, selection: Selection): Promise<Inspection> {
  switch (selection.kind) {
    case 'image':
      return inspectImage(world, selection.host, selection.id);
    case 'layer':
      return inspectLayer(world, selection.host, selection.diffId);
    case 'container':
      return inspectContainer(world, selection.host, selection.id);
    case 'registry':
      return inspectRegistry(world, selection.name, selection.repository, selection.tag);
    case 'message':
      return inspectMessageOf(world.trace.entries(), selection.seq);
    case 'host': {
      const daemon = world.daemons.get(selection.name as never);
      if (!daemon) return { kind: 'missing', text: `No such host: ${selection.name}` };
      return {
        kind: 'host',
        name: selection.name,
        images: daemon.store.list().length,
        containers: daemon.ctx.containers?.store.list().length ?? 0,
        networks: [],
        volumes: [],
      };
    }
  }
}
