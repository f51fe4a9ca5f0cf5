// `wait` conditions and `attach` variants.
import { describe, expect, it } from 'vitest';
import { readBody } from '../../wire/message';
import { readStreams, settle, testDaemon } from './containers.fixture';

const text = async (body: Parameters<typeof readBody>[0]) => new TextDecoder().decode(await readBody(body));

describe('wait', () => {
  it('not-running (the default) answers at once for a container that is not running', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    expect(await d.api('POST', `/containers/${id}/wait`)).toMatchObject({ status: 200, text: '{"StatusCode":0}\n' });
  });

  it('next-exit on a created container waits for a run; not-running on a running one for its end', async () => {
    const d = await testDaemon();
    const id = await d.create(['exit', '9']);
    const next = await d.handler({ method: 'POST', url: `/containers/${id}/wait?condition=next-exit`, headers: {} });
    expect(next.status).toBe(200);
    await d.api('POST', `/containers/${id}/start`);
    expect(await text(next.body)).toBe('{"StatusCode":9}\n');
    const s = await d.create(['sleep']);
    await d.api('POST', `/containers/${s}/start`);
    const notRunning = d.api('POST', `/containers/${s}/wait?condition=not-running`);
    await d.api('POST', `/containers/${s}/kill`);
    expect((await notRunning).json).toEqual({ StatusCode: 137 });
  });

  it('a bad condition is 400; the Error field carries a failed start', async () => {
    const d = await testDaemon();
    const id = await d.create(['nope']);
    expect(await d.api('POST', `/containers/${id}/wait?condition=later`)).toMatchObject({
      status: 400,
      json: { message: 'invalid condition: "later"' },
    });
    await d.api('POST', `/containers/${id}/start`);
    const answer = (await d.api('POST', `/containers/${id}/wait`)).json as {
      StatusCode: number;
      Error: { Message: string };
    };
    expect(answer.StatusCode).toBe(127);
    expect(answer.Error.Message).toContain('exec: "nope": executable file not found in $PATH');
  });

  it('a client that hangs up stops waiting (the CLI after run -d)', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    const res = await d.handler({ method: 'POST', url: `/containers/${id}/wait?condition=next-exit`, headers: {} });
    const iterator = (res.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    await iterator.return?.();
    await d.api('POST', `/containers/${id}/start`);
    await d.api('POST', `/containers/${id}/kill`);
    expect((await iterator.next()).done).toBe(true);
  });
});

describe('attach', () => {
  it('with a TTY the stream is raw; logs=1 replays what was written; without Upgrade the answer is 200', async () => {
    const d = await testDaemon();
    const id = await d.create(['echo', 'first'], { Tty: true });
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    const replay = await d.handler({ method: 'POST', url: `/containers/${id}/attach?logs=1&stdout=1`, headers: {} });
    expect(replay.status).toBe(200);
    expect(replay.headers['Content-Type']).toBe('application/vnd.docker.raw-stream');
    expect((await readStreams(replay, false)).stdout).toBe('first\n');
    const live = await d.handler({
      method: 'POST',
      url: `/containers/${id}/attach?stream=1&stdout=1`,
      headers: { Connection: 'Upgrade', Upgrade: 'tcp' },
    });
    expect(live.headers['Content-Type']).toBe('application/vnd.docker.raw-stream');
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect((await readStreams(live, false)).stdout).toBe('first\n');
  });

  it('stdout only: stderr is not sent; stderr frames carry stream 2', async () => {
    const d = await testDaemon();
    const id = await d.create(['err', 'oops']);
    const onlyOut = await d.handler({ method: 'POST', url: `/containers/${id}/attach?stream=1&stdout=1`, headers: {} });
    const both = await d.handler({
      method: 'POST',
      url: `/containers/${id}/attach?stream=1&stdout=1&stderr=1`,
      headers: {},
    });
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect(await readStreams(onlyOut, true)).toMatchObject({ stdout: '', stderr: '' });
    const framed = await readStreams(both, true);
    expect(framed.stderr).toBe('oops\n');
    expect(framed.raw[0]).toBe(2);
    expect(d.ctx.events.history().filter((e) => e.Action === 'attach')).toHaveLength(2);
  });

  it('a paused container refuses attach', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'pz');
    await d.api('POST', `/containers/${id}/start`);
    await d.api('POST', `/containers/${id}/pause`);
    expect(await d.api('POST', '/containers/pz/attach?stream=1&stdout=1')).toMatchObject({
      status: 409,
      json: { message: 'container pz is paused, unpause the container before attach.' },
    });
  });
});
