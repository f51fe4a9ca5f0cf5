// Container lifecycle endpoints end to end over the fake runtime: status codes, Docker's messages,
// exit codes (137 after SIGKILL), the simulated clock timing `docker stop`, and the events.
import { describe, expect, it } from 'vitest';
import { settle, testDaemon, type TestDaemon } from './containers.fixture';

type Inspect = {
  State: {
    Status: string;
    ExitCode: number;
    Running: boolean;
    Paused: boolean;
    Pid: number;
    StartedAt: string;
    FinishedAt: string;
  };
};
const state = async (d: TestDaemon, id: string) =>
  ((await d.api('GET', `/containers/${id}/json`)).json as Inspect).State;
const actions = (d: TestDaemon) =>
  d.ctx.events
    .history()
    .filter((e) => e.Type === 'container')
    .map((e) => (e.Action === 'kill' ? `kill ${e.Actor.Attributes.signal}` : e.Action));

async function running(
  d: TestDaemon,
  cmd: string[],
  name?: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const id = await d.create(cmd, extra, name);
  expect((await d.api('POST', `/containers/${id}/start`)).status).toBe(204);
  await settle(d.clock);
  return id;
}

describe('start', () => {
  it('204, then 304 while it runs; StartedAt and Pid set, FinishedAt still the zero time', async () => {
    const d = await testDaemon();
    const id = await running(d, ['sleep']);
    expect((await d.api('POST', `/containers/${id}/start`)).status).toBe(304);
    const s = await state(d, id);
    expect(s).toMatchObject({ Status: 'running', Running: true, FinishedAt: '0001-01-01T00:00:00Z' });
    expect(s.Pid).toBeGreaterThan(2000);
    expect(s.StartedAt).toBe('2025-01-01T00:00:00Z');
  });

  it('a paused container: 409 try unpause instead', async () => {
    const d = await testDaemon();
    const id = await running(d, ['sleep']);
    await d.api('POST', `/containers/${id}/pause`);
    expect(await d.api('POST', `/containers/${id}/start`)).toMatchObject({
      status: 409,
      json: { message: 'cannot start a paused container, try unpause instead' },
    });
  });

  it('a request body is refused, as since API 1.24', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    expect((await d.api('POST', `/containers/${id}/start`, { HostConfig: {} })).status).toBe(400);
  });

  it('unknown container: 404 No such container', async () => {
    const d = await testDaemon();
    expect(await d.api('POST', '/containers/nosuch/start')).toMatchObject({
      status: 404,
      json: { message: 'No such container: nosuch' },
    });
  });
});

describe('stop', () => {
  it('a PID 1 that ignores SIGTERM is killed after t seconds of the clock: 137; kill 15, kill 9, die, stop', async () => {
    const d = await testDaemon();
    const id = await running(d, ['sleep']);
    const t0 = d.clock.now();
    const stop = d.api('POST', `/containers/${id}/stop?t=3`);
    await d.clock.advance(2999);
    expect((await state(d, id)).Running).toBe(true);
    await d.clock.advance(1);
    expect((await d.clock.runUntil(stop)).status).toBe(204);
    expect(d.clock.now() - t0).toBe(3000);
    expect(await state(d, id)).toMatchObject({ Status: 'exited', ExitCode: 137, Pid: 0 });
    expect(actions(d)).toEqual(['create', 'start', 'kill 15', 'kill 9', 'die', 'stop']);
  });

  it('the default timeout is 10 seconds', async () => {
    const d = await testDaemon();
    const id = await running(d, ['sleep']);
    const t0 = d.clock.now();
    await d.clock.runUntil(d.api('POST', `/containers/${id}/stop`));
    expect(d.clock.now() - t0).toBe(10_000);
  });

  it('a program that handles SIGTERM exits at once with its own code', async () => {
    const d = await testDaemon();
    const id = await running(d, ['graceful']);
    const t0 = d.clock.now();
    expect((await d.clock.runUntil(d.api('POST', `/containers/${id}/stop`))).status).toBe(204);
    expect(d.clock.now()).toBe(t0);
    expect(await state(d, id)).toMatchObject({ Status: 'exited', ExitCode: 0 });
    expect(actions(d)).toEqual(['create', 'start', 'kill 15', 'die', 'stop']);
  });

  it('a program that dies of SIGTERM: 143', async () => {
    const d = await testDaemon();
    const id = await running(d, ['mortal']);
    await d.clock.runUntil(d.api('POST', `/containers/${id}/stop`));
    expect(await state(d, id)).toMatchObject({ Status: 'exited', ExitCode: 143 });
    const die = d.ctx.events.history().find((e) => e.Action === 'die');
    expect(die?.Actor.Attributes).toMatchObject({ exitCode: '143', execDuration: '0', image: 'alpine' });
  });

  it('--signal and the image STOPSIGNAL choose the signal; a bad one is 400', async () => {
    const d = await testDaemon();
    const id = await running(d, ['sleep']);
    expect(await d.api('POST', `/containers/${id}/stop?signal=SIGWHAT`)).toMatchObject({
      status: 400,
      json: { message: 'Invalid signal: SIGWHAT' },
    });
    await d.clock.runUntil(d.api('POST', `/containers/${id}/stop?signal=QUIT&t=0`));
    expect(actions(d)).toContain('kill 3');
  });

  it('304 when it is not running', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    expect((await d.api('POST', `/containers/${id}/stop`)).status).toBe(304);
  });
});

describe('kill', () => {
  it('SIGKILL by default: 137; a signal the container ignores leaves it running', async () => {
    const d = await testDaemon();
    const id = await running(d, ['sleep']);
    expect((await d.api('POST', `/containers/${id}/kill?signal=HUP`)).status).toBe(204);
    await settle(d.clock);
    expect((await state(d, id)).Running).toBe(true);
    expect((await d.api('POST', `/containers/${id}/kill`)).status).toBe(204);
    expect(await state(d, id)).toMatchObject({ Status: 'exited', ExitCode: 137 });
  });

  it('409 when not running', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    expect(await d.api('POST', `/containers/${id}/kill`)).toMatchObject({
      status: 409,
      json: { message: `container ${id} is not running` },
    });
  });
});

describe('pause and unpause', () => {
  it('pause freezes: paused state, STATUS (Paused); unpause thaws; errors in Docker words', async () => {
    const d = await testDaemon();
    const id = await running(d, ['sleep'], 'p1');
    expect((await d.api('POST', `/containers/${id}/pause`)).status).toBe(204);
    expect(await state(d, id)).toMatchObject({ Status: 'paused', Running: true, Paused: true });
    await d.clock.advance(120_000);
    const ps = (await d.api('GET', '/containers/json')).json as { Status: string; State: string }[];
    expect(ps[0]).toMatchObject({ State: 'paused', Status: 'Up 2 minutes (Paused)' });
    expect(await d.api('POST', `/containers/${id}/pause`)).toMatchObject({
      status: 409,
      json: { message: `container ${id} is already paused` },
    });
    expect((await d.api('POST', `/containers/${id}/unpause`)).status).toBe(204);
    expect(await d.api('POST', `/containers/${id}/unpause`)).toMatchObject({
      status: 409,
      json: { message: `Container ${id} is not paused` },
    });
    expect(actions(d).slice(-2)).toEqual(['pause', 'unpause']);
  });
});

describe('restart', () => {
  it('stops (with the timeout) and starts again; restart event', async () => {
    const d = await testDaemon();
    const id = await running(d, ['graceful']);
    expect((await d.clock.runUntil(d.api('POST', `/containers/${id}/restart`))).status).toBe(204);
    await settle(d.clock);
    expect((await state(d, id)).Status).toBe('running');
    expect(actions(d)).toEqual(['create', 'start', 'kill 15', 'die', 'stop', 'start', 'restart']);
  });

  it('restarts an exited container', async () => {
    const d = await testDaemon();
    const id = await running(d, ['exit', '2']);
    expect((await state(d, id)).Status).toBe('exited');
    await d.api('POST', `/containers/${id}/restart`);
    await settle(d.clock);
    expect(actions(d).filter((a) => a === 'start')).toHaveLength(2);
  });
});

describe('rm', () => {
  it('a running container: 409 in Docker 28 words; -f kills it and removes it', async () => {
    const d = await testDaemon();
    const id = await running(d, ['sleep'], 'web');
    expect(await d.api('DELETE', '/containers/web')).toMatchObject({
      status: 409,
      json: {
        message:
          'cannot remove container "/web": container is running: stop the container before removing or force remove',
      },
    });
    expect((await d.api('DELETE', '/containers/web?force=1')).status).toBe(204);
    expect((await d.api('GET', `/containers/${id}/json`)).status).toBe(404);
    expect(actions(d)).toEqual(['create', 'start', 'kill 9', 'die', 'destroy']);
    expect(await d.create(['sleep'], {}, 'web')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a paused container needs unpausing (or -f)', async () => {
    const d = await testDaemon();
    await running(d, ['sleep'], 'web');
    await d.api('POST', '/containers/web/pause');
    expect((await d.api('DELETE', '/containers/web')).json).toEqual({
      message: 'cannot remove container "/web": container is paused and must be unpaused first',
    });
    expect((await d.api('DELETE', '/containers/web?force=1')).status).toBe(204);
  });

  it('a stopped container goes at once; wait(removed) is answered', async () => {
    const d = await testDaemon();
    const id = await running(d, ['exit', '4']);
    const wait = d.handler({ method: 'POST', url: `/containers/${id}/wait?condition=removed`, headers: {} });
    expect((await d.api('DELETE', `/containers/${id.slice(0, 6)}`)).status).toBe(204);
    const body = await (await import('../../wire/message')).readBody((await wait).body);
    expect(new TextDecoder().decode(body)).toBe('{"StatusCode":4}\n');
  });
});

describe('rename', () => {
  it('a new unique name; conflicts, bad names and the same name refused', async () => {
    const d = await testDaemon();
    const a = await d.create(['sleep'], {}, 'one');
    await d.create(['sleep'], {}, 'two');
    expect((await d.api('POST', '/containers/one/rename?name=three')).status).toBe(204);
    expect(((await d.api('GET', `/containers/${a}/json`)).json as { Name: string }).Name).toBe('/three');
    expect((await d.api('POST', '/containers/three/rename?name=two')).json).toEqual({
      message: `Conflict. The container name "/two" is already in use by container "${d.svc.store.find('two').id}". You have to remove (or rename) that container to be able to reuse that name.`,
    });
    expect((await d.api('POST', '/containers/three/rename?name=a')).status).toBe(400);
    expect((await d.api('POST', '/containers/three/rename?name=three')).json).toEqual({
      message: 'Renaming a container with the same name as its current name',
    });
    expect((await d.api('POST', '/containers/one/start')).status).toBe(404);
    const rename = d.ctx.events.history().find((e) => e.Action === 'rename');
    expect(rename?.Actor.Attributes).toMatchObject({ name: 'three', oldName: '/one' });
  });
});
