// A daemon of the world as the real docker CLI sees it under `npm run serve`. Each HTTP request the
// CLI sends (`HEAD /_ping`, `POST /v1.50/containers/create`…) becomes one command of the world,
// run by a client on the laptop: it crosses the network to the daemon like a command typed in the
// page's terminal, and the trace files under that command the request, its answer and every
// exchange the daemon has with a registry meanwhile (`world.trace.ofCommand(n)`). The command ends
// when the answer has gone to the real client in full — a pull's progress, a hijacked attach —
// or when the client hangs up; the answer itself is handed on as it comes, never buffered.
//
// The real CLI sends requests side by side (`docker run`: attach, wait and start at once; `run -d`
// leaves its wait open), and a terminal of the world runs one command at a time, so requests take
// turns on a pool of the laptop's terminals: an idle one, or a new one (`laptop`, `laptop-2`…).
import type { Bytes } from '../engine/bytes';
import { isStream, type Handler, type WireResponse } from '../engine/wire/message';
import type { DaemonHost } from '../actors/world/layout';
import type { World } from '../actors/world/world';

export interface WorldEngineOptions {
  /** The daemon the requests go to (default `laptop`). */
  daemon?: DaemonHost;
  /** Told once a request's answer has been sent in full (streams included), with its command. */
  onAnswered?: (command: number) => void;
}

/** The Engine API of one of `world`'s daemons, one world command per request. */
export function worldEngineHandler(world: World, options: WorldEngineOptions = {}): Handler {
  const daemon = options.daemon ?? 'laptop';
  const terminals = terminalPool(world);
  return (request) =>
    new Promise<WireResponse>((resolve, reject) => {
      const terminal = terminals.take();
      let answered = false;
      const command = world.run(
        async (api) => {
          const response = await api.exchange(request);
          answered = true;
          const exitCode = response.status < 400 ? 0 : 1;
          if (!isStream(response.body)) {
            resolve(response);
            return exitCode;
          }
          let ended!: () => void;
          const sent = new Promise<void>((done) => (ended = done));
          resolve({ ...response, body: untilEnd(response.body, ended) });
          await sent;
          return exitCode;
        },
        { terminal, daemon },
      );
      command.then(
        (result) => {
          terminals.give(terminal);
          if (answered) options.onAnswered?.(result.command);
          else reject(new Error(result.error ?? 'the daemon did not answer'));
        },
        (err: unknown) => {
          terminals.give(terminal);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
}

/** The laptop's terminals, each running at most one command. */
function terminalPool(world: World) {
  const idle: string[] = [];
  let opened = 0;
  return {
    take(): string {
      const free = idle.pop();
      if (free !== undefined) return free;
      const name = ++opened === 1 ? 'laptop' : `laptop-${opened}`;
      world.openTerminal(name, { host: 'laptop' });
      return name;
    },
    give(name: string): void {
      idle.push(name);
    },
  };
}

/**
 * `body`, telling `ended` once it has been read to its end, failed, or been given up by its
 * reader. Giving up is told at once, not when the stream next yields: a client that hangs up on
 * `docker events` ends its command even if no event ever comes again.
 */
function untilEnd(body: AsyncIterable<Bytes>, ended: () => void): AsyncIterable<Bytes> {
  return {
    [Symbol.asyncIterator]() {
      const inner = body[Symbol.asyncIterator]();
      return {
        async next() {
          try {
            const step = await inner.next();
            if (step.done) ended();
            return step;
          } catch (err) {
            ended();
            throw err;
          }
        },
        async return() {
          ended();
          void inner.return?.()?.catch(() => undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}
