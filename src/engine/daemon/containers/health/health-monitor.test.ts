// Healthchecks on the daemon's simulated clock, with the fake runtime's programs as probes
// (`exit N`, `echo …`, `sleep S`): status, streak, log, events, `ps` STATUS and filter, stop,
// pause and restart — moby daemon/health.go's rules.
import { describe, expect, it } from 'vitest';
import { settle, testDaemon, type TestDaemon } from '../containers.fixture';

const S = 1_000_000_000; // one second in nanoseconds, as the API carries durations

async function runWith(d: TestDaemon, healthcheck: Record<string, unknown> | undefined, name = 'web') {
  const id = await d.create(['sleep'], healthcheck ? { Healthcheck: healthcheck } : {}, name);
  expect((await d.api('POST', `/containers/${id}/start`)).status).toBe(204);
  await settle(d.clock);
  return id;
}

type Health = { Status: string; FailingStreak: number; Log: Record<string, unknown>[] };
const healthOf = async (d: TestDaemon, name = 'web') =>
  ((await d.api('GET', `/containers/${name}/json`)).json as { State: { Health?: Health } }).State.Health;
const psStatus = async (d: TestDaemon, query = '') =>
  ((await d.api('GET', `/containers/json?all=1${query}`)).json as { Names: string[]; Status: string }[]).map((c) => [
    c.Names[0],
    c.Status,
  ]);
const actions = (d: TestDaemon) =>
  d.ctx.events
    .history()
    .filter((e) => e.Type === 'container')
    .map((e) => e.Action);

describe('healthchecks', () => {
  it('a failing probe makes it unhealthy after `retries` failures, not before; one event on the change', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD', 'exit', '1'], Interval: 5 * S, Retries: 2 });
    expect(await healthOf(d)).toEqual({ Status: 'starting', FailingStreak: 0, Log: [] });
    expect(await psStatus(d)).toEqual([['/web', 'Up Less than a second (health: starting)']]);
    await d.clock.advance(4_999);
    expect((await healthOf(d))!.Log).toHaveLength(0);
    await d.clock.advance(1);
    expect(await healthOf(d)).toMatchObject({ Status: 'starting', FailingStreak: 1 });
    expect(actions(d)).not.toContain('health_status: unhealthy');
    await d.clock.advance(5_000);
    expect(await healthOf(d)).toMatchObject({ Status: 'unhealthy', FailingStreak: 2 });
    expect(await psStatus(d)).toEqual([['/web', 'Up 10 seconds (unhealthy)']]);
    expect(actions(d).filter((a) => a.startsWith('health_status'))).toEqual(['health_status: unhealthy']);
    await d.clock.advance(5_000);
    expect(await healthOf(d)).toMatchObject({ Status: 'unhealthy', FailingStreak: 3 });
    expect(actions(d).filter((a) => a.startsWith('health_status'))).toHaveLength(1);
  });

  it('probes are execs: exec_create, exec_start, exec_die; the exec leaves ExecIDs', async () => {
    const d = await testDaemon();
    const id = await runWith(d, { Test: ['CMD', 'echo', 'fine'], Interval: 2 * S });
    await d.clock.advance(2_000);
    const events = d.ctx.events.history().filter((e) => e.Type === 'container' && e.Action !== 'create');
    expect(events.map((e) => e.Action)).toEqual([
      'start',
      'exec_create: echo fine',
      'exec_start: echo fine',
      'exec_die',
      'health_status: healthy',
    ]);
    expect(events[1]!.Actor).toMatchObject({ ID: id, Attributes: { name: 'web', image: 'alpine' } });
    expect(events[1]!.Actor.Attributes.execID).toMatch(/^[0-9a-f]{64}$/);
    expect(events[4]!.Actor.Attributes).toEqual({ image: 'alpine', name: 'web' });
    expect(((await d.api('GET', `/containers/web/json`)).json as { ExecIDs: unknown }).ExecIDs).toBeNull();
  });

  it('inspect: State.Health after Error/StartedAt/FinishedAt, log entries {Start, End, ExitCode, Output}', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD', 'echo', 'ok'], Interval: 3 * S });
    const started = d.clock.now();
    await d.clock.advance(3_000);
    const state = ((await d.api('GET', '/containers/web/json')).json as { State: Record<string, unknown> }).State;
    expect(Object.keys(state).slice(-4)).toEqual(['Error', 'StartedAt', 'FinishedAt', 'Health']);
    const health = state.Health as Health;
    expect(Object.keys(health)).toEqual(['Status', 'FailingStreak', 'Log']);
    expect(health.Status).toBe('healthy');
    expect(health.Log).toEqual([
      {
        Start: new Date(started + 3_000).toISOString().replace('.000Z', 'Z'),
        End: new Date(started + 3_000).toISOString().replace('.000Z', 'Z'),
        ExitCode: 0,
        Output: 'ok\n',
      },
    ]);
  });

  it('keeps the last five results', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD', 'exit', '3'], Interval: 1 * S });
    await d.clock.advance(7_000);
    const health = (await healthOf(d))!;
    expect(health.FailingStreak).toBe(7);
    expect(health.Log).toHaveLength(5);
    expect(health.Log.map((r) => r.ExitCode)).toEqual([3, 3, 3, 3, 3]);
    expect(health.Log[0]!.Start).toBe(new Date(d.clock.now() - 4_000).toISOString().replace('.000Z', 'Z'));
  });

  it('defaults: the first probe after 30s; retries 3', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD', 'exit', '1'] });
    await d.clock.advance(29_999);
    expect((await healthOf(d))!.Log).toHaveLength(0);
    await d.clock.advance(1);
    expect((await healthOf(d))!.FailingStreak).toBe(1);
    await d.clock.advance(60_000);
    expect(await healthOf(d)).toMatchObject({ Status: 'unhealthy', FailingStreak: 3 });
  });

  it('start period: failures inside it do not count, probes every start interval while starting', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD', 'exit', '1'], Interval: 10 * S, StartPeriod: 12 * S, StartInterval: 2 * S });
    await d.clock.advance(10_000); // probes at 2, 4, 6, 8, 10 s: all inside the start period
    expect(await healthOf(d)).toMatchObject({ Status: 'starting', FailingStreak: 0 });
    expect((await healthOf(d))!.Log).toHaveLength(5);
    await d.clock.advance(2_000); // 12 s: the start period is over; this one counts
    expect(await healthOf(d)).toMatchObject({ Status: 'starting', FailingStreak: 1 });
    await d.clock.advance(9_999); // now the plain interval: nothing until 22 s
    expect((await healthOf(d))!.FailingStreak).toBe(1);
    await d.clock.advance(1);
    expect((await healthOf(d))!.FailingStreak).toBe(2);
  });

  it('a success inside the start period makes it healthy at once', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD', 'exit', '0'], StartPeriod: 60 * S, StartInterval: 1 * S });
    await d.clock.advance(1_000);
    expect(await healthOf(d)).toMatchObject({ Status: 'healthy', FailingStreak: 0 });
    expect(await psStatus(d)).toEqual([['/web', 'Up 1 second (healthy)']]);
  });

  it('a probe still running at the timeout is killed: exit code -1, "Health check exceeded timeout (2s)"', async () => {
    const d = await testDaemon();
    const id = await runWith(d, { Test: ['CMD', 'sleep', '100'], Interval: 1 * S, Timeout: 2 * S, Retries: 1 });
    await d.clock.advance(1_000);
    const processes = () => d.svc.store.get(id)!.task!.processes().length;
    expect(processes()).toBe(2);
    await d.clock.advance(2_000);
    expect(processes()).toBe(1);
    const health = (await healthOf(d))!;
    expect(health).toMatchObject({ Status: 'unhealthy', FailingStreak: 1 });
    expect(health.Log[0]).toMatchObject({ ExitCode: -1, Output: 'Health check exceeded timeout (2s)' });
    expect(actions(d)).toContain('exec_die');
  });

  it('a probe that cannot run is a failure with the exec error as output', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD', 'nope'], Interval: 1 * S });
    await d.clock.advance(1_000);
    const entry = (await healthOf(d))!.Log[0]!;
    expect(entry.ExitCode).toBe(-1);
    expect(entry.Output).toContain('executable file not found in $PATH');
  });

  it('CMD-SHELL runs the container shell: /bin/sh -c, or the Config Shell', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD-SHELL', 'exit 0'], Interval: 1 * S });
    const other = await d.create(['sleep'], {
      Healthcheck: { Test: ['CMD-SHELL', 'exit 0'], Interval: 1 * S },
      Shell: ['/bin/ash', '-eo', 'pipefail', '-c'],
    });
    await d.api('POST', `/containers/${other}/start`);
    await d.clock.advance(1_000);
    expect(actions(d)).toContain('exec_create: /bin/sh -c exit 0');
    expect(actions(d)).toContain('exec_start: /bin/ash -eo pipefail -c exit 0');
  });

  it('NONE, an empty test or none at all: no Health in inspect, `ps` shows plain Up, health=none', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['NONE'] }, 'aa');
    await runWith(d, { Test: [] }, 'bb');
    await runWith(d, undefined, 'cc');
    await d.clock.advance(60_000);
    for (const name of ['aa', 'bb', 'cc']) expect(await healthOf(d, name)).toBeUndefined();
    expect((await psStatus(d, `&filters=${encodeURIComponent('{"health":["none"]}')}`)).length).toBe(3);
    expect(actions(d).some((a) => a.startsWith('exec_'))).toBe(false);
  });

  it('ps --filter health=… uses the real status', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD', 'exit', '0'], Interval: 1 * S }, 'good');
    await runWith(d, { Test: ['CMD', 'exit', '1'], Interval: 1 * S, Retries: 1 }, 'bad');
    await runWith(d, { Test: ['CMD', 'exit', '0'], Interval: 100 * S }, 'slow');
    await runWith(d, undefined, 'plain');
    await d.clock.advance(1_000);
    const names = async (health: string) =>
      (await psStatus(d, `&filters=${encodeURIComponent(JSON.stringify({ health: [health] }))}`)).map((r) => r[0]);
    expect(await names('healthy')).toEqual(['/good']);
    expect(await names('unhealthy')).toEqual(['/bad']);
    expect(await names('starting')).toEqual(['/slow']);
    expect(await names('none')).toEqual(['/plain']);
  });

  it('stop: the loop ends and the status is left unhealthy; start again: starting, streak 0, log kept', async () => {
    const d = await testDaemon();
    const id = await runWith(d, { Test: ['CMD', 'exit', '0'], Interval: 1 * S });
    await d.clock.advance(1_000);
    expect((await healthOf(d))!.Status).toBe('healthy');
    await d.clock.runUntil(d.api('POST', `/containers/${id}/stop?t=0`));
    expect(await healthOf(d)).toMatchObject({ Status: 'unhealthy', FailingStreak: 0 });
    expect((await psStatus(d))[0]![1]).toMatch(/^Exited \(137\)/);
    const probes = actions(d).filter((a) => a.startsWith('exec_create')).length;
    await d.clock.advance(10_000);
    expect(actions(d).filter((a) => a.startsWith('exec_create')).length).toBe(probes);
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect(await healthOf(d)).toMatchObject({ Status: 'starting', FailingStreak: 0 });
    expect((await healthOf(d))!.Log).toHaveLength(1);
  });

  it('pause stops the probes (unhealthy), unpause runs them again', async () => {
    const d = await testDaemon();
    await runWith(d, { Test: ['CMD', 'exit', '0'], Interval: 1 * S });
    await d.clock.advance(1_000);
    await d.api('POST', '/containers/web/pause');
    expect((await healthOf(d))!.Status).toBe('unhealthy');
    expect((await psStatus(d))[0]![1]).toBe('Up 1 second (Paused)');
    await d.clock.advance(5_000);
    expect((await healthOf(d))!.Log).toHaveLength(1);
    await d.api('POST', '/containers/web/unpause');
    await d.clock.advance(1_000);
    expect((await healthOf(d))!).toMatchObject({ Status: 'healthy' });
    expect((await healthOf(d))!.Log).toHaveLength(2);
  });
});
