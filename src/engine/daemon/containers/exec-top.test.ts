// `docker exec` (create, start attached and detached, inspect) and `docker top`.
import { describe, expect, it } from 'vitest';
import { readStreams, settle, testDaemon, type TestDaemon } from './containers.fixture';

async function running(d: TestDaemon, name = 'web'): Promise<string> {
  const id = await d.create(['sleep'], {}, name);
  await d.api('POST', `/containers/${id}/start`);
  await settle(d.clock);
  return id;
}

const execConfig = (cmd: string[]) => ({ AttachStdout: true, AttachStderr: true, Cmd: cmd });

describe('exec', () => {
  it('create → start (hijacked) → inspect: output framed, ExitCode, events with the command', async () => {
    const d = await testDaemon();
    const id = await running(d);
    const created = await d.api('POST', '/v1.50/containers/web/exec', execConfig(['echo', 'inside']));
    expect(created.status).toBe(201);
    const execId = (created.json as { Id: string }).Id;
    expect((await d.api('GET', `/exec/${execId}/json`)).json).toMatchObject({
      ID: execId,
      Running: false,
      ExitCode: null,
      ContainerID: id,
    });
    const start = await d.handler({
      method: 'POST',
      url: `/v1.50/exec/${execId}/start`,
      headers: { Connection: 'Upgrade', Upgrade: 'tcp', 'Content-Type': 'application/json' },
      body: new TextEncoder().encode('{"Detach":false,"Tty":false}') as never,
    });
    expect(start.status).toBe(101);
    expect((await readStreams(start, true)).stdout).toBe('inside\n');
    expect((await d.api('GET', `/exec/${execId}/json`)).json).toMatchObject({
      Running: false,
      ExitCode: 0,
      ProcessConfig: { tty: false, entrypoint: 'echo', arguments: ['inside'], privileged: false },
      OpenStdout: true,
    });
    const actions = d.ctx.events
      .history()
      .filter((e) => e.Type === 'container')
      .map((e) => e.Action);
    expect(actions).toEqual(['create', 'start', 'exec_create: echo inside', 'exec_start: echo inside', 'exec_die']);
    expect(((await d.api('GET', '/containers/web/json')).json as { ExecIDs: string[] }).ExecIDs).toEqual([execId]);
  });

  it('a missing command: Docker words in the stream, ExitCode 127; detached it is the HTTP error', async () => {
    const d = await testDaemon();
    await running(d);
    const execId = ((await d.api('POST', '/containers/web/exec', execConfig(['nope']))).json as { Id: string }).Id;
    const start = await d.handler({
      method: 'POST',
      url: `/exec/${execId}/start`,
      headers: { Upgrade: 'tcp' },
      body: new TextEncoder().encode('{}') as never,
    });
    expect((await readStreams(start, true)).stdout).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in $PATH\r\n',
    );
    expect(((await d.api('GET', `/exec/${execId}/json`)).json as { ExitCode: number }).ExitCode).toBe(127);
    const detached = ((await d.api('POST', '/containers/web/exec', execConfig(['nope']))).json as { Id: string }).Id;
    expect((await d.api('POST', `/exec/${detached}/start`, { Detach: true })).status).toBe(400);
  });

  it('errors: not running 409, no command 400, unknown exec 404, run twice 409', async () => {
    const d = await testDaemon();
    const stopped = await d.create(['sleep'], {}, 'idle');
    expect(await d.api('POST', '/containers/idle/exec', execConfig(['echo']))).toMatchObject({
      status: 409,
      json: { message: `container ${stopped} is not running` },
    });
    await running(d);
    expect(await d.api('POST', '/containers/web/exec', { Cmd: [] })).toMatchObject({
      status: 400,
      json: { message: 'No exec command specified' },
    });
    expect(await d.api('GET', '/exec/nosuch/json')).toMatchObject({
      status: 404,
      json: { message: 'No such exec instance: nosuch' },
    });
    const execId = ((await d.api('POST', '/containers/web/exec', execConfig(['echo', 'x']))).json as { Id: string }).Id;
    expect((await d.api('POST', `/exec/${execId}/start`, { Detach: true })).status).toBe(200);
    await settle(d.clock);
    expect(await d.api('POST', `/exec/${execId}/start`, { Detach: true })).toMatchObject({
      status: 409,
      json: { message: `exec command ${execId} has already run` },
    });
    expect((await d.api('POST', `/exec/${execId}/resize?h=24&w=80`)).status).toBe(200);
  });

  it('the exec environment and user: the container env, then the exec Env; the exec user wins', async () => {
    const d = await testDaemon();
    await running(d);
    const execId = (
      (await d.api('POST', '/containers/web/exec', { ...execConfig(['env']), Env: ['X=1'], User: 'nobody' })).json as {
        Id: string;
      }
    ).Id;
    const start = await d.handler({
      method: 'POST',
      url: `/exec/${execId}/start`,
      headers: {},
      body: new TextEncoder().encode('{}') as never,
    });
    const out = (await readStreams(start, true)).stdout;
    expect(out.split('\n').filter(Boolean)).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      expect.stringMatching(/^HOSTNAME=[0-9a-f]{12}$/),
      'X=1',
    ]);
  });
});

describe('top', () => {
  it('host PIDs, ps -ef columns; not running is 409', async () => {
    const d = await testDaemon();
    const id = await running(d);
    const top = (await d.api('GET', '/containers/web/top')).json as { Titles: string[]; Processes: string[][] };
    expect(top.Titles).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']);
    const pid = ((await d.api('GET', `/containers/${id}/json`)).json as { State: { Pid: number } }).State.Pid;
    expect(top.Processes).toEqual([['root', String(pid), String(pid - 1), '0', '00:00', '?', '00:00:00', 'sleep']]);
    const aux = (await d.api('GET', '/containers/web/top?ps_args=aux')).json as { Titles: string[] };
    expect(aux.Titles[0]).toBe('USER');
    await d.api('POST', '/containers/web/kill');
    expect(await d.api('GET', '/containers/web/top')).toMatchObject({
      status: 409,
      json: { message: `container ${id} is not running` },
    });
  });
});
