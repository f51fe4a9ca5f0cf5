// Healthchecks over the simulated runtime: real shells, busybox wget and nginx answering it — an
// image given a HEALTHCHECK (by `docker commit --change`, as a Dockerfile would) and `--health-*`
// settings on `docker run`.
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../runtime/clock';
import { call, memoryStore } from '../../daemon.fixture';
import { daemonContext, daemonHandler } from '../../daemon';
import { loadCatalogueImage } from '../catalogue-images.fixture';
import { seededIds } from '../ids';
import { SimulatedRuntime } from '../runtime-adapter';

const S = 1_000_000_000;

async function daemon() {
  const clock = new SimulatedClock(Date.UTC(2025, 0, 1));
  const { store } = await memoryStore(() => clock.now());
  await loadCatalogueImage(store, 'alpine');
  await loadCatalogueImage(store, 'nginx', 'alpine');
  const ctx = daemonContext({
    store,
    transport: async () => {
      throw new Error('no registry');
    },
    now: () => clock.now(),
    containers: { runtime: new SimulatedRuntime(), clock, ids: seededIds('health') },
  });
  const handler = daemonHandler(ctx);
  const api = (method: string, url: string, body?: unknown) =>
    call(handler, method, url, body === undefined ? undefined : JSON.stringify(body));
  const run = async (body: Record<string, unknown>) => {
    const created = await api('POST', '/containers/create', body);
    expect(created.status).toBe(201);
    const id = (created.json as { Id: string }).Id;
    expect((await api('POST', `/containers/${id}/start`)).status).toBe(204);
    return id;
  };
  const inspect = async (id: string) =>
    (await api('GET', `/containers/${id}/json`)).json as {
      State: { Health?: { Status: string; FailingStreak: number; Log: { ExitCode: number; Output: string }[] } };
      Config: { Healthcheck?: unknown };
    };
  const advance = async (ms: number) => {
    for (let step = 0; step < ms; step += 500) await clock.advance(500);
  };
  return { api, run, inspect, advance, ctx };
}

describe('healthchecks over the simulated runtime', () => {
  it('HEALTHCHECK --interval=5s CMD wget -qO- http://localhost/ || exit 1 on nginx:alpine: healthy', async () => {
    const d = await daemon();
    const base = ((await d.api('POST', '/containers/create', { Image: 'nginx:alpine' })).json as { Id: string }).Id;
    const change = encodeURIComponent('HEALTHCHECK --interval=5s CMD wget -qO- http://localhost/ || exit 1');
    expect((await d.api('POST', `/commit?container=${base}&repo=web&tag=health&changes=${change}`)).status).toBe(201);
    const id = await d.run({ Image: 'web:health' });
    const config = (await d.inspect(id)).Config;
    expect(config.Healthcheck).toStrictEqual({
      Test: ['CMD-SHELL', 'wget -qO- http://localhost/ || exit 1'],
      Interval: 5 * S,
    });
    await d.advance(4_000);
    expect((await d.inspect(id)).State.Health).toEqual({ Status: 'starting', FailingStreak: 0, Log: [] });
    await d.advance(2_000);
    const health = (await d.inspect(id)).State.Health!;
    expect(health.Status).toBe('healthy');
    expect(health.Log[0]!.ExitCode).toBe(0);
    expect(health.Log[0]!.Output).toContain('Welcome to nginx!');
    const ps = (await d.api('GET', '/containers/json')).json as { Status: string }[];
    expect(ps[0]!.Status).toBe('Up 6 seconds (healthy)');
  });

  it("--health-cmd 'exit 1' --health-retries 2: unhealthy after the second failure (30s apart), not the first", async () => {
    const d = await daemon();
    const id = await d.run({
      Image: 'alpine',
      Cmd: ['sleep', '1000'],
      Healthcheck: { Test: ['CMD-SHELL', 'exit 1'], Retries: 2 },
    });
    await d.advance(30_500);
    expect((await d.inspect(id)).State.Health).toMatchObject({ Status: 'starting', FailingStreak: 1 });
    await d.advance(30_000);
    const health = (await d.inspect(id)).State.Health!;
    expect(health).toMatchObject({ Status: 'unhealthy', FailingStreak: 2 });
    expect(health.Log.map((r) => r.ExitCode)).toEqual([1, 1]);
    const events = d.ctx.events.history().map((e) => e.Action);
    expect(events.filter((a) => a.startsWith('health_status'))).toEqual(['health_status: unhealthy']);
    expect(events).toContain('exec_start: /bin/sh -c exit 1');
  });

  it('a probe that outlives its timeout (sleep 100) is killed and fails', async () => {
    const d = await daemon();
    const id = await d.run({
      Image: 'alpine',
      Cmd: ['sleep', '1000'],
      Healthcheck: { Test: ['CMD', 'sleep', '100'], Interval: 1 * S, Timeout: 1 * S },
    });
    await d.advance(2_500);
    const health = (await d.inspect(id)).State.Health!;
    expect(health.Log[0]).toMatchObject({ ExitCode: -1, Output: 'Health check exceeded timeout (1s)' });
    const top = (await d.api('GET', `/containers/${id}/top`)).json as { Processes: string[][] };
    expect(top.Processes.map((p) => p[7])).toEqual(['sleep 1000']);
    expect(d.ctx.events.history().map((e) => e.Action)).toContain('exec_die');
  });
});
