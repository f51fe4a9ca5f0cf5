// Helpers for the container tests: a daemon with the fake runtime (fake-runtime.fixture.ts) and a
// simulated clock, an `alpine`-like image, and calls that create, start and read containers the
// way the docker CLI does. Not used by the engine itself.
import { fromUtf8, utf8, type Bytes } from '../../bytes';
import { SimulatedClock } from '../../runtime/clock';
import { readBody, type Handler, type WireResponse } from '../../wire/message';
import type { DaemonContext } from '../context';
import { FIXTURE_NOW, addImage, baseLayer, call, dir, file, memoryStore, type Answer } from '../daemon.fixture';
import { daemonContext, daemonHandler } from '../daemon';
import type { ImageRecord } from '../image-store';
import { FakeRuntime } from './fake-runtime.fixture';
import { seededIds } from './ids';
import type { ContainerService } from './service';
import { unframe } from './stdcopy';

export interface TestDaemon {
  ctx: DaemonContext;
  svc: ContainerService;
  handler: Handler;
  clock: SimulatedClock;
  runtime: FakeRuntime;
  alpine: ImageRecord;
  /** Call the API (JSON bodies are stringified). */
  api(method: string, url: string, body?: unknown): Promise<Answer>;
  /** `docker create` with this Cmd (and more Config/HostConfig fields); returns the ID. */
  create(cmd: string[], extra?: Record<string, unknown>, name?: string): Promise<string>;
}

export async function testDaemon(): Promise<TestDaemon> {
  const clock = new SimulatedClock(FIXTURE_NOW);
  const { store } = await memoryStore(() => clock.now());
  const alpine = await addImage(
    store,
    [[...baseLayer, dir('bin'), file('bin/sh', '#!fake\n', 0o755), dir('tmp'), dir('etc/nginx')]],
    { tags: ['docker.io/library/alpine:latest'], cmd: ['/bin/sh'] },
  );
  const runtime = new FakeRuntime();
  const ctx = daemonContext({
    store,
    transport: async (host) => {
      throw new Error(`no registry in this test: ${host}`);
    },
    now: () => clock.now(),
    containers: { runtime, clock, ids: seededIds('test') },
  });
  const handler = daemonHandler(ctx);
  const api = (method: string, url: string, body?: unknown) =>
    call(handler, method, url, body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
  return {
    ctx,
    svc: ctx.containers!,
    handler,
    clock,
    runtime,
    alpine,
    api,
    async create(cmd, extra = {}, name) {
      const answer = await api('POST', `/containers/create${name ? `?name=${name}` : ''}`, {
        Image: 'alpine',
        Cmd: cmd,
        ...extra,
      });
      if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.text}`);
      return (answer.json as { Id: string }).Id;
    },
  };
}

/** Let the fake processes and the daemon's handlers run (no simulated time passes). */
export async function settle(clock: SimulatedClock): Promise<void> {
  await clock.advance(0);
}

/** Read a streamed answer to its end, as text of each stream (demultiplexed when framed). */
export async function readStreams(
  res: WireResponse,
  framed: boolean,
): Promise<{ stdout: string; stderr: string; raw: Bytes }> {
  const raw = await readBody(res.body);
  if (!framed) return { stdout: fromUtf8(raw), stderr: '', raw };
  const out = { stdout: '', stderr: '', raw };
  for (const f of unframe(raw)) if (f.stream !== 'stdin') out[f.stream] += fromUtf8(f.payload);
  return out;
}

export const text = (s: string): Bytes => utf8(s);
