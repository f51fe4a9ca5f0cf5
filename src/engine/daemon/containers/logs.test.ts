// `docker logs` options over a container's log: streams, tail, since/until, timestamps, follow, and
// the framing that depends on the TTY.
import { describe, expect, it } from 'vitest';
import { readStreams, settle, testDaemon, type TestDaemon } from './containers.fixture';

async function logsOf(d: TestDaemon, id: string, query: string) {
  const res = await d.handler({ method: 'GET', url: `/v1.50/containers/${id}/logs?${query}`, headers: {} });
  return {
    res,
    ...(await readStreams(res, res.headers['Content-Type'] === 'application/vnd.docker.multiplexed-stream')),
  };
}

/** A container that logged three lines, one second apart, on stdout and stderr. */
async function chatty(d: TestDaemon): Promise<string> {
  const id = await d.create(['sleep']);
  await d.api('POST', `/containers/${id}/start`);
  await settle(d.clock);
  const c = d.svc.store.get(id)!;
  const say = (stream: 'stdout' | 'stderr', text: string) =>
    c.logs.write(stream, new TextEncoder().encode(text) as never);
  say('stdout', 'one\n');
  await d.clock.advance(1000);
  say('stderr', 'two\n');
  await d.clock.advance(1000);
  say('stdout', 'three\n');
  return id;
}

describe('GET /containers/{id}/logs', () => {
  it('both streams, multiplexed without a TTY', async () => {
    const d = await testDaemon();
    const id = await chatty(d);
    const out = await logsOf(d, id, 'stdout=1&stderr=1&tail=all');
    expect(out.res.status).toBe(200);
    expect(out.res.headers['Content-Type']).toBe('application/vnd.docker.multiplexed-stream');
    expect(out).toMatchObject({ stdout: 'one\nthree\n', stderr: 'two\n' });
    expect((await logsOf(d, id, 'stderr=1')).stdout).toBe('');
  });

  it('at least one stream must be chosen', async () => {
    const d = await testDaemon();
    const id = await chatty(d);
    const res = await d.api('GET', `/containers/${id}/logs`);
    expect(res).toMatchObject({
      status: 400,
      json: { message: 'Bad parameters: you must choose at least one stream' },
    });
  });

  it.each([
    ['tail=1', 'three\n', ''],
    ['tail=2', 'three\n', 'two\n'],
    ['tail=0', '', ''],
    ['tail=nonsense', 'one\nthree\n', 'two\n'],
  ])('%s', async (query, stdout, stderr) => {
    const d = await testDaemon();
    const id = await chatty(d);
    expect(await logsOf(d, id, `stdout=1&stderr=1&${query}`)).toMatchObject({ stdout, stderr });
  });

  it('since and until are Unix seconds with a fraction', async () => {
    const d = await testDaemon();
    const start = d.clock.now() / 1000;
    const id = await chatty(d);
    expect(await logsOf(d, id, `stdout=1&stderr=1&since=${start + 1}`)).toMatchObject({
      stdout: 'three\n',
      stderr: 'two\n',
    });
    expect(await logsOf(d, id, `stdout=1&stderr=1&until=${start + 1}.000000000`)).toMatchObject({
      stdout: 'one\n',
      stderr: 'two\n',
    });
    expect((await d.api('GET', `/containers/${id}/logs?stdout=1&since=yesterday`)).status).toBe(500);
  });

  it('timestamps: RFC 3339 with nine fixed decimals', async () => {
    const d = await testDaemon();
    const id = await chatty(d);
    expect((await logsOf(d, id, 'stdout=1&timestamps=1&tail=1')).stdout).toBe('2025-01-01T00:00:02.000000000Z three\n');
  });

  it('with a TTY the stream is raw', async () => {
    const d = await testDaemon();
    const id = await d.create(['echo', 'tty', 'out'], { Tty: true });
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    const out = await logsOf(d, id, 'stdout=1&stderr=1');
    expect(out.res.headers['Content-Type']).toBe('application/vnd.docker.raw-stream');
    expect(out.stdout).toBe('tty out\n');
  });

  it('follow: new lines until the container stops; a line without newline is flushed at the end', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep']);
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    const res = await d.handler({ method: 'GET', url: `/containers/${id}/logs?stdout=1&follow=1`, headers: {} });
    const c = d.svc.store.get(id)!;
    c.logs.write('stdout', new TextEncoder().encode('live\npartial') as never);
    await d.api('POST', `/containers/${id}/kill`);
    expect((await readStreams(res, true)).stdout).toBe('live\npartial');
  });

  it('follow on a stopped container ends at once', async () => {
    const d = await testDaemon();
    const id = await d.create(['echo', 'done']);
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    expect((await logsOf(d, id, 'stdout=1&follow=1')).stdout).toBe('done\n');
  });
});
