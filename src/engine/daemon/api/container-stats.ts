// `GET /containers/{id}/stats?stream=…&one-shot=…` — `docker stats` (swagger "ContainerStats",
// moby getContainersStats and daemon/stats.go), samples from containers/stats.ts:
//
//   stream=false             one sample, with the one a second earlier as `precpu_stats` (what
//                            `docker stats --no-stream` asks for, so CPU % is not zero)
//   stream=false&one-shot=1  one sample at once, `precpu_stats` empty (API ≥ 1.41)
//   stream=true (default)    a sample every second of the world's clock, each with the one
//                            before it (the first with none), until the client goes away
//
// A container that is not running answers its name and ID with zeros; a stream ends when the
// container is removed. `stream=true` with
// `one-shot=true` is `cannot have stream=true and one-shot=true` (400).
import { utf8, type Bytes } from '../../bytes';
import { splitUrl } from '../../wire/message';
import { Channel } from '../containers/channel';
import { containersOf } from '../containers/service';
import { readingBefore, sampleStats, type StatsReading } from '../containers/stats';
import { compareApiVersions } from '../version';
import { DaemonError } from './errors';
import { boolParamOr } from './responses';
import type { Route } from './route';
import { apiVersionOf } from './router';

const encode = (value: unknown): Bytes => utf8(JSON.stringify(value) + '\n');

export const containerStatsRoute: Route = {
  method: 'GET',
  pattern: /^\/containers\/([^/]+)\/stats$/,
  async handle(ctx, req, match) {
    const { query } = splitUrl(req.url);
    const stream = boolParamOr(query, 'stream', true);
    const oneShot = compareApiVersions(apiVersionOf(req), '1.41') >= 0 && boolParamOr(query, 'one-shot', false);
    const svc = containersOf(ctx);
    const container = svc.store.find(match[1]!);
    if (stream && oneShot) throw DaemonError.invalidParameter('cannot have stream=true and one-shot=true');
    if (!stream) {
      const now = svc.now();
      const previous = oneShot ? undefined : readingBefore(svc, container, now);
      const { json } = sampleStats(svc, container, now, previous);
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: encode(json) };
    }
    const body = new Channel<Bytes>();
    const stop = new AbortController();
    body.onCancel(() => stop.abort());
    void (async () => {
      // The first frame of a stream has no earlier sample (moby primes only the non-streamed answer).
      let previous: StatsReading | undefined;
      try {
        // Removing the container stops its collection, and so the stream.
        while (svc.store.get(container.id) === container) {
          const sample = sampleStats(svc, container, svc.now(), previous);
          previous = sample.reading;
          body.push(encode(sample.json));
          await svc.clock.sleep(1000, stop.signal);
        }
      } catch {
        // The client went away: the sleep was aborted.
      } finally {
        body.end();
      }
    })();
    // Go sniffs the type of a streamed answer whose handler set none: plain text.
    return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
  },
};
