// Helpers for the builder's tests: a daemon with the real runtime (shell, applets, apk) on a
// simulated clock, whose registry transport reaches the world's registries (the hub holds the
// official images), with `alpine` already pulled; a context tar made from a few files; and a call
// to `POST /build` read to its end, rendered as the docker CLI shows it off a terminal.
// Not used by the engine itself.
import { utf8, type Bytes } from '../../bytes';
import type { FsEntry } from '../../layer/entry';
import { Overlay } from '../../layer/overlay';
import { writeTar } from '../../layer/tar';
import { SimulatedClock, yieldToEventLoop } from '../../runtime/clock';
import { createWorldRegistries, type WorldRegistries } from '../../world/registries';
import { readBody, type Handler } from '../../wire/message';
import { daemonContext, daemonHandler } from '../daemon';
import type { DaemonContext } from '../context';
import { FIXTURE_NOW, memoryStore } from '../daemon.fixture';
import { hostTransport } from '../distribution/transport';
import { seededIds } from '../containers/ids';
import { SimulatedRuntime } from '../containers/runtime-adapter';

let world: Promise<WorldRegistries> | undefined;

/** Wait for `work`, letting simulated time jump to each sleep's deadline (`RUN sleep 5` is instant). */
export async function drive<T>(clock: SimulatedClock, work: Promise<T>): Promise<T> {
  let done = false;
  work.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    await yieldToEventLoop();
    const next = clock.nextDeadline;
    if (!done && next !== undefined) await clock.advanceTo(next);
  }
  return work;
}

/** A file of a context: its text, or text with a mode and a time. */
export type ContextFile = string | { content: string | Bytes; mode?: number; mtime?: number };

/** The mtime every context file gets unless told otherwise. */
export const CONTEXT_MTIME = 1_735_000_000;

/** A context tar as the docker CLI sends it: directories first, names in walk order, owner 0:0. */
export function contextTar(files: Record<string, ContextFile>): Bytes {
  const entries: FsEntry[] = [];
  const dirs = new Set<string>();
  for (const path of Object.keys(files).sort()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      entries.push({ path: dir, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: CONTEXT_MTIME });
    }
    const spec = files[path]!;
    const { content, mode = 0o644, mtime = CONTEXT_MTIME } = typeof spec === 'string' ? { content: spec } : spec;
    const bytes = typeof content === 'string' ? utf8(content) : content;
    entries.push({ path, type: 'file', mode, uid: 0, gid: 0, mtime, content: bytes });
  }
  return writeTar(entries);
}

export interface BuildAnswer {
  status: number;
  /** The raw body. */
  text: string;
  /** Each JSON line. */
  messages: Record<string, unknown>[];
  /** What the CLI prints off a terminal. */
  cli: string;
  /** The image ID of the last aux message. */
  id?: string;
}

/** The stream as the CLI prints it when stdout is not a terminal (jsonmessage.Display). */
export function cliText(messages: readonly Record<string, unknown>[]): string {
  let out = '';
  for (const m of messages) {
    if (m.errorDetail) out += `${(m.errorDetail as { message: string }).message}\n`;
    else if (m.aux !== undefined || m.progress !== undefined) continue;
    else if (typeof m.stream === 'string') out += m.stream;
    else if (typeof m.status === 'string') out += `${m.id ? `${String(m.id)}: ` : ''}${m.status}\n`;
  }
  return out;
}

export interface BuildDaemon {
  ctx: DaemonContext;
  handler: Handler;
  clock: SimulatedClock;
  /** `POST /v1.50/build?<query>` with a context, run to its end. */
  build(
    files: Record<string, ContextFile> | Bytes,
    query?: string,
    headers?: Record<string, string>,
  ): Promise<BuildAnswer>;
  /** Any other call, JSON answer parsed. */
  api(method: string, url: string): Promise<{ status: number; json: unknown; text: string }>;
}

/** A fresh daemon (seeded IDs, simulated clock) with `images` pulled from the world's hub. */
export async function buildDaemon(images: string[] = ['alpine:latest']): Promise<BuildDaemon> {
  world ??= createWorldRegistries();
  const registries = await world;
  const clock = new SimulatedClock(FIXTURE_NOW);
  const { store } = await memoryStore(() => clock.now());
  const ctx = daemonContext({
    store,
    transport: hostTransport(registries.hosts),
    now: () => clock.now(),
    containers: { runtime: new SimulatedRuntime(), clock, ids: seededIds('builder-tests') },
  });
  const handler = daemonHandler(ctx);
  const call = async (method: string, url: string, body?: Bytes, headers: Record<string, string> = {}) => {
    const res = await drive(clock, handler({ method, url, headers, ...(body ? { body } : {}) }));
    return { res, text: new TextDecoder().decode(await drive(clock, readBody(res.body))) };
  };
  for (const image of images) {
    const [name, tag = 'latest'] = image.split(':');
    const { res } = await call('POST', `/v1.50/images/create?fromImage=${name}&tag=${tag}`);
    if (res.status !== 200) throw new Error(`pull ${image}: ${res.status}`);
  }
  return {
    ctx,
    handler,
    clock,
    async build(files, query = '', headers = {}) {
      const body = files instanceof Uint8Array ? files : contextTar(files);
      const { res, text } = await call('POST', `/v1.50/build?${query}`, body, {
        'Content-Type': 'application/x-tar',
        ...headers,
      });
      const messages = text
        .split('\r\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const aux = messages.filter((m) => m.aux !== undefined).at(-1)?.aux as { ID: string } | undefined;
      return { status: res.status, text, messages, cli: cliText(messages), ...(aux ? { id: aux.ID } : {}) };
    },
    async api(method, url) {
      const { res, text } = await call(method, url);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text };
    },
  };
}

/** An image config as the classic builder writes it. */
export interface ImageJson {
  architecture: string;
  author?: string;
  config: Record<string, unknown> & {
    Env: string[] | null;
    Cmd: string[] | null;
    Labels: Record<string, string> | null;
  };
  container?: string;
  container_config: Record<string, unknown> & { Cmd: string[] | null };
  history: { created_by: string; empty_layer?: boolean; author?: string }[];
  rootfs: { diff_ids: string[] };
}

/** An image's config JSON, parsed. */
export function configOf(ctx: DaemonContext, name: string): ImageJson {
  const image = ctx.store.resolve(name);
  if (!image) throw new Error(`no image ${name}`);
  return JSON.parse(new TextDecoder().decode(image.configBytes)) as ImageJson;
}

/** The created_by of an image's last `n` history entries. */
export function lastSteps(ctx: DaemonContext, name: string, n: number): string[] {
  return configOf(ctx, name)
    .history.slice(-n)
    .map((h) => h.created_by);
}

/** The filesystem of an image, to read what the build put there. */
export async function imageFs(ctx: DaemonContext, name: string): Promise<Overlay> {
  return new Overlay(await ctx.store.snapshot(ctx.store.resolve(name)!.id));
}

export { FIXTURE_NOW };
