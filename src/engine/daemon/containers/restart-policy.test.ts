// Restart policies: validation, the restart manager's back-off, and containers restarting on the
// simulated clock — `restarting` between runs, `docker stop` cancelling, `on-failure:N` giving up.
import { describe, expect, it } from 'vitest';
import { settle, testDaemon, type TestDaemon } from './containers.fixture';
import { RestartManager, validateRestartPolicy } from './restart-policy';

describe('validateRestartPolicy', () => {
  it.each([
    [{ Name: 'no' }, { Name: 'no', MaximumRetryCount: 0 }],
    [{ Name: '' }, { Name: '', MaximumRetryCount: 0 }],
    [{ Name: 'always' }, { Name: 'always', MaximumRetryCount: 0 }],
    [{ Name: 'unless-stopped' }, { Name: 'unless-stopped', MaximumRetryCount: 0 }],
    [
      { Name: 'on-failure', MaximumRetryCount: 3 },
      { Name: 'on-failure', MaximumRetryCount: 3 },
    ],
  ])('%j is accepted', (given, policy) => expect(validateRestartPolicy(given)).toEqual(policy));

  it.each([
    [
      { Name: 'always', MaximumRetryCount: 1 },
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    ],
    [
      { Name: 'no', MaximumRetryCount: -1 },
      "invalid restart policy: maximum retry count can only be used with 'on-failure' and cannot be negative",
    ],
    [{ Name: 'on-failure', MaximumRetryCount: -2 }, 'invalid restart policy: maximum retry count cannot be negative'],
    [
      { Name: 'sometimes' },
      "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    ],
  ])('%j is refused', (given, message) => expect(() => validateRestartPolicy(given)).toThrow(message));
});

describe('RestartManager', () => {
  it('back-off doubles from 100 ms to a minute; a run of 10 s resets it', () => {
    const m = new RestartManager({ Name: 'always', MaximumRetryCount: 0 });
    const delays = Array.from({ length: 12 }, () => {
      const d = m.shouldRestart(1, false, 0);
      return d.restart ? d.delayMs : -1;
    });
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 60000, 60000]);
    expect(m.shouldRestart(0, false, 10_000)).toEqual({ restart: true, delayMs: 100 });
    expect(m.restartCount).toBe(13);
  });

  it('on-failure: only non-zero exits, at most N times; a manual stop or cancel never restarts', () => {
    const m = new RestartManager({ Name: 'on-failure', MaximumRetryCount: 2 });
    expect(m.shouldRestart(0, false, 0).restart).toBe(false);
    expect(m.shouldRestart(1, false, 0).restart).toBe(true);
    expect(m.shouldRestart(1, false, 0).restart).toBe(true);
    expect(m.shouldRestart(1, false, 0).restart).toBe(false);
    expect(new RestartManager({ Name: 'always', MaximumRetryCount: 0 }).shouldRestart(0, true, 0).restart).toBe(false);
    const canceled = new RestartManager({ Name: 'unless-stopped', MaximumRetryCount: 0 });
    canceled.cancel();
    expect(canceled.shouldRestart(1, false, 0).restart).toBe(false);
    expect(new RestartManager({ Name: 'no', MaximumRetryCount: 0 }).shouldRestart(1, false, 0).restart).toBe(false);
  });
});

type Inspect = { State: { Status: string; ExitCode: number }; RestartCount: number };
const inspect = async (d: TestDaemon, id: string) => (await d.api('GET', `/containers/${id}/json`)).json as Inspect;

describe('containers with a restart policy', () => {
  it('always: restarting for 100 ms, then running again; STATUS Restarting (3) …', async () => {
    const d = await testDaemon();
    const id = await d.create(['exit', '3'], { HostConfig: { RestartPolicy: { Name: 'always' } } });
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect((await inspect(d, id)).State).toMatchObject({ Status: 'restarting', ExitCode: 3 });
    const ps = (await d.api('GET', '/containers/json')).json as { Status: string }[];
    expect(ps[0]!.Status).toBe('Restarting (3) Less than a second ago');
    await d.clock.advance(100);
    await settle(d.clock);
    // It ran again (and exited again at once): two starts, two deaths, restarting with a longer back-off.
    const events = d.ctx.events
      .history()
      .filter((e) => e.Type === 'container')
      .map((e) => e.Action);
    expect(events).toEqual(['create', 'start', 'die', 'start', 'die']);
    expect((await inspect(d, id)).RestartCount).toBe(2);
  });

  it('docker stop cancels a pending restart: exited with the last exit code', async () => {
    const d = await testDaemon();
    const id = await d.create(['exit', '5'], { HostConfig: { RestartPolicy: { Name: 'always' } } });
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect((await d.clock.runUntil(d.api('POST', `/containers/${id}/stop`))).status).toBe(204);
    expect((await inspect(d, id)).State).toMatchObject({ Status: 'exited', ExitCode: 5 });
    await d.clock.advance(60_000);
    expect(d.ctx.events.history().filter((e) => e.Action === 'start')).toHaveLength(1);
  });

  it('on-failure:2 gives up after two restarts', async () => {
    const d = await testDaemon();
    const id = await d.create(['exit', '1'], {
      HostConfig: { RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 2 } },
    });
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    await d.clock.advance(10_000);
    await settle(d.clock);
    expect((await inspect(d, id)).State).toMatchObject({ Status: 'exited', ExitCode: 1 });
    expect(d.ctx.events.history().filter((e) => e.Action === 'start')).toHaveLength(3);
  });

  it('docker kill of an always container: no restart', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], { HostConfig: { RestartPolicy: { Name: 'always' } } });
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    await d.api('POST', `/containers/${id}/kill`);
    await d.clock.advance(1000);
    expect((await inspect(d, id)).State).toMatchObject({ Status: 'exited', ExitCode: 137 });
  });

  it('wait(next-exit) is answered by an exit that leads to a restart', async () => {
    const d = await testDaemon();
    const id = await d.create(['exit', '7'], { HostConfig: { RestartPolicy: { Name: 'always' } } });
    const wait = d.api('POST', `/containers/${id}/wait?condition=next-exit`);
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect((await wait).json).toEqual({ StatusCode: 7 });
  });
});
