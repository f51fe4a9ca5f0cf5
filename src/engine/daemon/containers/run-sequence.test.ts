// `docker run` as the CLI drives it: create → attach (hijacked) → wait → start, the output through
// the attach stream, the exit code through wait — with and without `--rm`, detached, and when the
// command cannot be started.
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { readBody } from '../../wire/message';
import { readStreams, settle, testDaemon } from './containers.fixture';

const upgrade = { Connection: 'Upgrade', Upgrade: 'tcp' };

describe('docker run, step by step', () => {
  it('create → attach → wait(next-exit) → start: output framed, exit code from wait', async () => {
    const d = await testDaemon();
    const id = await d.create(['echo', 'hi'], { AttachStdout: true, AttachStderr: true });
    const attach = await d.handler({
      method: 'POST',
      url: `/v1.50/containers/${id}/attach?stderr=1&stdout=1&stream=1`,
      headers: upgrade,
    });
    expect(attach.status).toBe(101);
    expect(attach.headers).toMatchObject({
      'Content-Type': 'application/vnd.docker.multiplexed-stream',
      Connection: 'Upgrade',
      Upgrade: 'tcp',
    });
    const wait = await d.handler({
      method: 'POST',
      url: `/v1.50/containers/${id}/wait?condition=next-exit`,
      headers: {},
    });
    expect(wait.status).toBe(200);
    expect((await d.api('POST', `/v1.50/containers/${id}/start`)).status).toBe(204);
    await settle(d.clock);
    const out = await readStreams(attach, true);
    expect(out.stdout).toBe('hi\n');
    expect(new TextDecoder().decode(await readBody(wait.body))).toBe('{"StatusCode":0}\n');
    const inspect = (await d.api('GET', `/containers/${id}/json`)).json as {
      State: { Status: string; ExitCode: number };
    };
    expect(inspect.State).toMatchObject({ Status: 'exited', ExitCode: 0 });
  });

  it('--rm: wait(removed) answers with the exit code once the container is gone', async () => {
    const d = await testDaemon();
    const id = await d.create(['exit', '3'], { HostConfig: { AutoRemove: true } });
    const wait = await d.handler({ method: 'POST', url: `/containers/${id}/wait?condition=removed`, headers: {} });
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect(new TextDecoder().decode(await readBody(wait.body))).toBe('{"StatusCode":3}\n');
    expect((await d.api('GET', `/containers/${id}/json`)).status).toBe(404);
    expect(d.ctx.events.history().map((e) => `${e.Type} ${e.Action}`)).toEqual([
      'container create',
      'network connect',
      'container start',
      'container die',
      'network disconnect',
      'container destroy',
    ]);
  });

  it('a command that cannot be found: 400 with Docker words, exit code 127, container left created', async () => {
    const d = await testDaemon();
    const id = await d.create(['nope']);
    const start = await d.api('POST', `/containers/${id}/start`);
    expect(start.status).toBe(400);
    expect(start.json).toEqual({
      message:
        'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nope": executable file not found in $PATH',
    });
    const state = ((await d.api('GET', `/containers/${id}/json`)).json as { State: Record<string, unknown> }).State;
    expect(state).toMatchObject({ Status: 'created', ExitCode: 127, Running: false });
    expect(state.Error).toContain('executable file not found');
  });

  it('stdin: `docker run -i` pipes the client bytes into the container', async () => {
    const d = await testDaemon();
    const id = await d.create(['cat'], { OpenStdin: true, StdinOnce: true, AttachStdin: true });
    async function* input() {
      yield utf8('one\n');
      yield utf8('two\n');
    }
    const attach = await d.handler({
      method: 'POST',
      url: `/containers/${id}/attach?stdin=1&stdout=1&stderr=1&stream=1`,
      headers: upgrade,
      upgrade: input(),
    });
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect((await readStreams(attach, true)).stdout).toBe('one\ntwo\n');
  });
});
