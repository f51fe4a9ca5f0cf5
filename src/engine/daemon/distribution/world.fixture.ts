// A small world for the distribution tests: the three registries of Dockyard's world (the hub
// seeded with the official images), reached by host name through a Transport that records every
// exchange, and a daemon with an empty image store. Clocks and identifiers are fixed, so every
// stream, digest and trace is the same on every run. Not used by the engine itself.
import { fromUtf8, utf8 } from '../../bytes';
import { generateOfficialCatalogue } from '../../image/official';
import { toBase64 } from '../../registry/auth/base64';
import { worldRegistryConfig, type WorldRegistryName } from '../../registry/presets';
import { createRegistry } from '../../registry/registry';
import { seedOfficialImages } from '../../registry/seed';
import { RegistryState } from '../../registry/state';
import { MemoryBlobStore } from '../../store/memory-blob-store';
import type { Handler, WireRequest, WireResponse } from '../../wire/message';
import { readBody } from '../../wire/message';
import { daemonHandler } from '../daemon';
import type { DaemonContext } from '../context';
import { EventLog } from '../events';
import { defaultHost } from '../host';
import { ImageStore } from '../image-store';
import { hostTransport, type Transport } from './transport';
import { registryHosts, type ServedRegistry } from './world-hosts';

export const WORLD_START = Date.UTC(2025, 2, 1, 9, 0, 0);

export interface Exchange {
  host: string;
  method: string;
  url: string;
  status: number;
}

export interface World {
  ctx: DaemonContext;
  daemon: Handler;
  registries: Record<WorldRegistryName, ServedRegistry>;
  /** Every exchange the daemon made, in the order the requests were sent. */
  trace: Exchange[];
  clock: { now: number };
  /** Replace how one host answers (to break a registry on purpose); undefined restores it. */
  override(host: string, handler: Handler | undefined): void;
}

async function served(name: WorldRegistryName, clock: { now: number }): Promise<ServedRegistry> {
  const config = await worldRegistryConfig(name);
  const state = new RegistryState(new MemoryBlobStore());
  let ids = 0;
  const handler = createRegistry({ config, state, now: () => clock.now, nextId: () => `${name}-${++ids}` });
  return { config, state, handler };
}

export async function createWorld(options: { platform?: DaemonContext['platform'] } = {}): Promise<World> {
  const clock = { now: WORLD_START };
  const hub = await served('docker.io', clock);
  await seedOfficialImages(hub.state, await generateOfficialCatalogue());
  const registries = {
    'docker.io': hub,
    'registry.example.com': await served('registry.example.com', clock),
    'cr.example.net': await served('cr.example.net', clock),
  };
  const hosts = registryHosts(Object.values(registries));
  const overrides = new Map<string, Handler>();
  const inner = hostTransport(hosts);
  const trace: Exchange[] = [];
  const transport: Transport = async (host, request) => {
    const entry: Exchange = { host, method: request.method, url: request.url, status: 0 };
    trace.push(entry);
    const handler = overrides.get(host);
    const response = handler ? await handler(request) : await inner(host, request);
    entry.status = response.status;
    return response;
  };
  const now = () => clock.now;
  const ctx: DaemonContext = {
    store: await ImageStore.open(new MemoryBlobStore(), undefined, { now }),
    events: new EventLog(now),
    host: defaultHost(),
    now,
    transport,
    platform: options.platform ?? { os: 'linux', architecture: 'amd64' },
  };
  return {
    ctx,
    daemon: daemonHandler(ctx),
    registries,
    trace,
    clock,
    override(host, handler) {
      if (handler) overrides.set(host, handler);
      else overrides.delete(host);
    },
  };
}

/** `X-Registry-Auth` as the docker CLI encodes it. */
export function registryAuth(auth: Record<string, string> = {}): string {
  return toBase64(utf8(JSON.stringify(auth)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** The student's login for a registry, as `X-Registry-Auth`. */
export function studentAuth(serveraddress: string, password = 'dockyard'): string {
  return registryAuth({ username: 'student', password, serveraddress });
}

export interface StreamAnswer {
  status: number;
  headers: WireResponse['headers'];
  /** The raw body: JSON lines for a stream, `{"message":…}` for an error. */
  text: string;
  /** Each line of a stream, parsed. */
  messages: Record<string, unknown>[];
}

export async function callDaemon(world: World, request: Partial<WireRequest> & { url: string }): Promise<StreamAnswer> {
  const response = await world.daemon({ method: 'POST', headers: {}, ...request });
  const text = fromUtf8(await readBody(response.body));
  const messages = text
    .split('\r\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: response.status, headers: response.headers, text, messages };
}

/** What the docker CLI prints for a stream off a terminal: `id: status` lines, progress dropped. */
export function cliView(messages: readonly Record<string, unknown>[]): string {
  const lines: string[] = [];
  for (const m of messages) {
    if (m.errorDetail) {
      lines.push(String((m.errorDetail as { message: string }).message));
      continue;
    }
    if (m.progress !== undefined) continue;
    if (m.status === undefined) continue;
    lines.push(m.id ? `${String(m.id)}: ${String(m.status)}` : String(m.status));
  }
  return lines.join('\n') + '\n';
}

/** `POST /images/create` for a pull, as the docker CLI writes it. */
export function pullUrl(fromImage: string, tag = 'latest', extra = ''): string {
  return `/v1.50/images/create?fromImage=${encodeURIComponent(fromImage)}&tag=${encodeURIComponent(tag)}${extra}`;
}

export function lastLine(messages: readonly Record<string, unknown>[]): unknown {
  return messages.at(-1);
}

/** The last line of a failed stream. */
export function streamError(message: string): { errorDetail: { message: string }; error: string } {
  return { errorDetail: { message }, error: message };
}
