// Helpers for the networking and storage tests: a daemon over the real simulated runtime with the
// official busybox, alpine and nginx images, a host disk in memory for bind mounts, and calls that
// create, start and run containers the way the docker CLI does. Not used by the engine itself.
import { fromUtf8 } from '../../bytes';
import type { Digest } from '../../digest';
import { generateOfficialCatalogue } from '../../image/official';
import { blobOf, resolveImage } from '../../image/official/walk';
import { gunzip } from '../../layer/gzip';
import { SimulatedClock } from '../../runtime/clock';
import { readBody } from '../../wire/message';
import { readStreams } from '../containers/containers.fixture';
import { seededIds } from '../containers/ids';
import { SimulatedRuntime } from '../containers/runtime-adapter';
import type { ContainerService } from '../containers/service';
import { call, memoryStore, type Answer } from '../daemon.fixture';
import { daemonContext, daemonHandler } from '../daemon';
import type { DaemonContext } from '../context';
import type { ImageStore } from '../image-store';
import { MemoryHostPaths } from '../volumes/host-paths';

let catalogue: ReturnType<typeof generateOfficialCatalogue> | undefined;

async function load(store: ImageStore, repository: string, tag = 'latest'): Promise<void> {
  catalogue ??= generateOfficialCatalogue();
  const cat = await catalogue;
  const image = resolveImage(cat, `library/${repository}`, tag, 'amd64');
  let parent: Digest | undefined;
  for (const blob of image.layers) parent = (await store.addLayer(parent, gunzip(blob))).chainId;
  const record = await store.addImage(blobOf(cat, image.manifest.config.digest));
  store.tag(record.id, `docker.io/library/${repository}:${tag}`);
}

export interface RunResult {
  id: string;
  start: Answer;
  stdout: string;
  stderr: string;
  code: number;
}

export interface NetDaemon {
  ctx: DaemonContext;
  svc: ContainerService;
  clock: SimulatedClock;
  host: MemoryHostPaths;
  api(method: string, url: string, body?: unknown): Promise<Answer>;
  /** `docker create` + start, detached; returns the ID (throws with the answer on failure). */
  detached(image: string, extra?: Record<string, unknown>, name?: string): Promise<string>;
  /** `docker run` attached: output and exit code. */
  run(image: string, cmd: string[], extra?: Record<string, unknown>, name?: string): Promise<RunResult>;
  /** `docker exec` of a command in a running container. */
  exec(id: string, cmd: string[]): Promise<{ stdout: string; stderr: string; code: number }>;
}

export async function netDaemon(): Promise<NetDaemon> {
  const clock = new SimulatedClock(Date.UTC(2025, 0, 1));
  const { store } = await memoryStore(() => clock.now());
  for (const repo of ['busybox', 'alpine', 'nginx']) await load(store, repo);
  const host = new MemoryHostPaths(() => clock.now());
  const ctx = daemonContext({
    store,
    transport: async () => {
      throw new Error('no registry in this test');
    },
    now: () => clock.now(),
    hostPaths: host,
    containers: { runtime: new SimulatedRuntime(), clock, ids: seededIds('networks-test') },
  });
  const handler = daemonHandler(ctx);
  const api = (method: string, url: string, body?: unknown) =>
    call(handler, method, url, body === undefined ? undefined : JSON.stringify(body));
  const create = async (image: string, body: Record<string, unknown>, name?: string) => {
    const created = await api('POST', `/containers/create${name ? `?name=${name}` : ''}`, { Image: image, ...body });
    if (created.status !== 201)
      throw Object.assign(new Error(`create: ${created.status} ${created.text}`), { answer: created });
    return (created.json as { Id: string }).Id;
  };
  return {
    ctx,
    svc: ctx.containers!,
    clock,
    host,
    api,
    async detached(image, extra = {}, name) {
      const id = await create(image, extra, name);
      const start = await clock.runUntil(api('POST', `/containers/${id}/start`));
      if (start.status !== 204)
        throw Object.assign(new Error(`start: ${start.status} ${start.text}`), { answer: start });
      await clock.advance(100);
      return id;
    },
    async run(image, cmd, extra = {}, name) {
      const id = await create(image, { Cmd: cmd, AttachStdout: true, AttachStderr: true, ...extra }, name);
      const attach = await handler({
        method: 'POST',
        url: `/containers/${id}/attach?stream=1&stdout=1&stderr=1`,
        headers: { Upgrade: 'tcp' },
      });
      const wait = handler({ method: 'POST', url: `/containers/${id}/wait?condition=next-exit`, headers: {} });
      const start = await clock.runUntil(api('POST', `/containers/${id}/start`));
      if (start.status !== 204) return { id, start, stdout: '', stderr: '', code: -1 };
      const out = await clock.runUntil(readStreams(attach, true));
      const code = (JSON.parse(fromUtf8(await readBody((await clock.runUntil(wait)).body))) as { StatusCode: number })
        .StatusCode;
      return { id, start, stdout: out.stdout, stderr: out.stderr, code };
    },
    async exec(id, cmd) {
      const created = await api('POST', `/containers/${id}/exec`, { Cmd: cmd, AttachStdout: true, AttachStderr: true });
      const execId = (created.json as { Id: string }).Id;
      const started = await clock.runUntil(
        handler({
          method: 'POST',
          url: `/exec/${execId}/start`,
          headers: { 'Content-Type': 'application/json', Upgrade: 'tcp' },
          body: new TextEncoder().encode(JSON.stringify({ Detach: false, Tty: false })) as Uint8Array<ArrayBuffer>,
        }),
      );
      const out = await clock.runUntil(readStreams(started, true));
      const inspect = await api('GET', `/exec/${execId}/json`);
      return { ...out, code: (inspect.json as { ExitCode: number }).ExitCode };
    },
  };
}
