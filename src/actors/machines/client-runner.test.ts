// The runner's reading of streamed answers: a hang-up reaches the daemon's stream at once, the
// program still gets a whole body when it asks for one, and a command's record of a stream is bounded.
import { describe, expect, it } from 'vitest';
import type { WireRequest, WireResponse } from '../../engine/wire/message';
import {
  RECORDED_STREAM_BYTES,
  runCommand,
  type ClientProgram,
  type CommandResult,
  type RunnerEvent,
} from './client-runner';

const request: WireRequest = { method: 'GET', url: '/v1.50/containers/x/logs?follow=1', headers: {} };

/** A daemon stream of `count` chunks of `size` bytes that notes whether it was closed. */
function daemonStream(count: number, size: number) {
  const state = { closed: false, served: 0 };
  const body: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (state.served >= count) return { done: true, value: undefined };
        state.served++;
        return { done: false, value: new Uint8Array(size).fill(state.served % 256) };
      },
      async return() {
        state.closed = true;
        return { done: true, value: undefined };
      },
    }),
  };
  return { state, response: { status: 200, headers: {}, body } as WireResponse };
}

function run(
  response: WireResponse,
  program: ClientProgram,
): Promise<{ result: CommandResult; events: RunnerEvent[] }> {
  const events: RunnerEvent[] = [];
  return new Promise((resolve) => {
    runCommand(
      {
        command: 1,
        terminal: 'laptop',
        dockerHost: 'unix:///var/run/docker.sock',
        send: async () => response,
        program,
        operationId: (n) => `op-${n}`,
      },
      (event) => {
        events.push(event);
        if (event.type === 'command.done') resolve({ result: event.result, events });
      },
    );
  });
}

describe('a streamed answer read through the runner', () => {
  it('closes the daemon stream when the reader hangs up, with one stream.end', async () => {
    const { state, response } = daemonStream(1000, 10);
    const { result, events } = await run(response, async (api) => {
      const answer = await api.exchange(request);
      const reading = (answer.body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
      await reading.next();
      await reading.next();
      await reading.return?.(undefined);
      return 130;
    });
    expect(state.closed).toBe(true);
    expect(state.served).toBe(2);
    expect(events.filter((e) => e.type === 'stream.end')).toHaveLength(1);
    expect(result.answers[0]!.body.length).toBe(20);
  });

  it('keeps at most RECORDED_STREAM_BYTES in the command record, but hands the program all of it', async () => {
    const chunk = 256 * 1024;
    const { response } = daemonStream(6, chunk);
    let whole = 0;
    const { result } = await run(response, async (api) => {
      const answer = await api.call(request);
      whole = (await answer.body).length;
    });
    expect(whole).toBe(6 * chunk);
    expect(result.answers[0]!.body.length).toBe(RECORDED_STREAM_BYTES);
  });
});
