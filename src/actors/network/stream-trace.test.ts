// Streamed answers in a whole world: the trace keeps the chunks the client read, with their times.
import { afterEach, describe, expect, it } from 'vitest';
import { concatBytes, fromUtf8 } from '../../engine/bytes';
import { unframe } from '../../engine/daemon/containers/stdcopy';
import { ProgressReader } from '../operations/progress-stream';
import { runLine } from '../session/run-line';
import { TerminalSession } from '../session/terminal-session';
import type { TraceEntry, TraceResponse } from '../trace/types';
import { createWorld, type World } from '../world/world';
import { pullRequest } from '../world/world.fixture';

let world: World | undefined;
afterEach(() => world?.stop());

/** The response to the client's request whose URL matches `url`. */
function answerTo(entries: readonly TraceEntry[], url: RegExp): TraceResponse {
  const request = entries.find((e) => e.kind === 'request' && e.from.role === 'client' && url.test(e.url));
  const response = entries.find(
    (e): e is TraceResponse => e.kind === 'response' && request?.kind === 'request' && e.exchange === request.exchange,
  );
  if (!response) throw new Error(`no answer to ${url} in the trace`);
  return response;
}

const keptBytes = (r: TraceResponse) => concatBytes(r.stream!.chunks.map((c) => c.bytes));

describe('streamed answers in the trace', { timeout: 60_000 }, () => {
  it('keeps the progress of `docker pull` that the client printed, chunk by chunk with its time', async () => {
    world = await createWorld({ seed: 'stream-pull' });
    const session = new TerminalSession(world);
    const pull = await runLine(session, 'docker pull alpine');
    expect(pull.exitCode).toBe(0);
    const response = answerTo(world.trace.entries(), /\/images\/create\?fromImage=/);
    const record = response.stream!;
    expect(record).toMatchObject({ state: 'ended', droppedChunks: 0, droppedBytes: 0, compacted: false });
    expect(record.chunks.length).toBeGreaterThan(3);
    // Chunks pass in time order, none before the response itself arrived.
    const times = record.chunks.map((c) => c.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(response.time);
    // Decoded as the CLI decodes them, the kept chunks are the messages the terminal shows.
    const reader = new ProgressReader();
    const messages = record.chunks.flatMap((c) => reader.push(c.bytes));
    reader.end();
    const complete = messages.filter((m) => m.status === 'Pull complete');
    expect(complete.length).toBeGreaterThan(0);
    for (const m of complete) expect(pull.stdout).toContain(`${m.id}: Pull complete`);
    const last = messages.at(-1)!.status!;
    expect(last).toBe('Status: Downloaded newer image for alpine:latest');
    expect(pull.stdout).toContain(last);
  });

  it('keeps exactly the bytes the client read', async () => {
    world = await createWorld({ seed: 'stream-bytes' });
    const result = await world.run(pullRequest('docker.io/library/hello-world'));
    const response = answerTo(world.trace.ofCommand(result.command), /\/images\/create/);
    expect(fromUtf8(keptBytes(response))).toBe(fromUtf8(result.answers[0]!.body));
  });

  it('keeps the frames of `docker logs`: stream, length and text', async () => {
    world = await createWorld({ seed: 'stream-logs' });
    const session = new TerminalSession(world);
    expect((await runLine(session, 'docker run --name hi hello-world')).exitCode).toBe(0);
    const logs = await runLine(session, 'docker logs hi');
    expect(logs.stdout).toContain('Hello from Docker!');
    const response = answerTo(world.trace.entries(), /\/containers\/[^/]+\/logs\?/);
    expect(response.message?.headers['Content-Type']).toBe('application/vnd.docker.multiplexed-stream');
    expect(response.stream?.state).toBe('ended');
    const frames = unframe(keptBytes(response));
    expect(frames.every((f) => f.stream === 'stdout')).toBe(true);
    expect(frames.map((f) => fromUtf8(f.payload)).join('')).toBe(logs.stdout);
  });

  it('keeps only the first bytes of a stream past the limit, counts the rest, and the client still gets it all', async () => {
    world = await createWorld({ seed: 'stream-bounded', traceLimits: { streamBytes: 300 } });
    const result = await world.run(pullRequest('docker.io/library/alpine'));
    const whole = result.answers[0]!.body;
    expect(fromUtf8(whole)).toContain('Status: Downloaded newer image for alpine:latest');
    expect(whole.length).toBeGreaterThan(600);
    const record = answerTo(world.trace.ofCommand(result.command), /\/images\/create/).stream!;
    expect(record.keptBytes).toBe(300);
    expect(record.droppedBytes).toBe(whole.length - 300);
    expect(record.droppedChunks).toBeGreaterThan(0);
    expect(fromUtf8(concatBytes(record.chunks.map((c) => c.bytes)))).toBe(fromUtf8(whole.subarray(0, 300)));
  });

  it('drops the chunks of a command once the trace compacts it', async () => {
    world = await createWorld({ seed: 'stream-compact', traceLimits: { detailedCommands: 1 } });
    const first = await world.run(pullRequest('docker.io/library/hello-world'));
    await world.run({ method: 'GET', url: '/v1.50/images/json', headers: {} });
    const record = answerTo(world.trace.ofCommand(first.command), /\/images\/create/).stream!;
    expect(record).toMatchObject({ chunks: [], keptBytes: 0, compacted: true });
    expect(record.droppedBytes).toBe(first.answers[0]!.body.length);
  });
});

describe('a stream that does not end', { timeout: 60_000 }, () => {
  const ticker = `docker run -d --name ticker alpine sh -c 'while true; do echo tick; sleep 1; done'`;
  const frames = (record: NonNullable<TraceResponse['stream']>) =>
    unframe(concatBytes(record.chunks.map((c) => c.bytes))).map((f) => fromUtf8(f.payload));

  it('is recorded live: `docker logs -f` chunks reach the trace while it follows', async () => {
    world = await createWorld({ seed: 'stream-follow' });
    const session = new TerminalSession(world);
    expect((await runLine(session, ticker)).exitCode).toBe(0);
    // Ctrl-C once the trace holds three chunks: they were recorded as they passed, not at the end.
    const ctrlC = new AbortController();
    const stop = world.trace.subscribeStreams((entry) => {
      if (entry.stream!.chunks.length >= 3) ctrlC.abort();
    });
    const follow = await runLine(session, 'docker logs -f ticker', { signal: ctrlC.signal });
    stop();
    // The chunk in flight when Ctrl-C came is not printed: the client hung up before reading it.
    expect(follow.stdout).toMatch(/^(tick\n){2,}$/);
    const record = answerTo(world.trace.entries(), /\/logs\?.*follow=1/).stream!;
    expect(frames(record)).toEqual(Array(record.chunks.length).fill('tick\n'));
    const times = record.chunks.map((c) => c.time);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(1000); // a tick a second, on the world's clock
    // Ctrl-C hung up: the connection is closed at once, so the daemon stops following.
    expect(record.state).toBe('closed');
  });

  it('is marked closed when the client stops reading it', async () => {
    world = await createWorld({ seed: 'stream-close' });
    expect((await runLine(new TerminalSession(world), ticker)).exitCode).toBe(0);
    const result = await world.run(async (api) => {
      const response = await api.exchange({
        method: 'GET',
        url: '/v1.50/containers/ticker/logs?follow=1&stderr=1&stdout=1',
        headers: {},
      });
      const reading = (response.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
      for (let i = 0; i < 2; i++) await reading.next();
      await reading.return!();
    });
    const record = answerTo(world.trace.ofCommand(result.command), /\/logs\?follow=1/).stream!;
    expect(record.state).toBe('closed');
    expect(frames(record)).toEqual(['tick\n', 'tick\n']);
  });
});
