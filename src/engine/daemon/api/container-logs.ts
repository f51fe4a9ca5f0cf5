// `GET /containers/{id}/logs?stdout=1&stderr=1&since=&until=&timestamps=1&tail=all&follow=1`
// (swagger "ContainerLogs", moby daemon/logs.go): the container's log (containers/log-buffer.ts)
// — the last `tail` lines (`all`, or a number; anything else means all), those logged at or after
// `since` and not after `until` (Unix seconds with an optional fraction, as the CLI sends them),
// each prefixed with its time in RFC 3339 with nine fixed decimals when `timestamps=1`. Framed
// with stdcopy headers without a TTY, raw with one. `follow=1` on a running container keeps the
// stream open for new lines until the container stops.
import type { Bytes } from '../../bytes';
import { concatBytes, utf8 } from '../../bytes';
import { splitUrl } from '../../wire/message';
import { Channel } from '../containers/channel';
import type { LogEntry } from '../containers/log-buffer';
import { MULTIPLEXED_STREAM, RAW_STREAM, frame } from '../containers/stdcopy';
import { findContainer } from './container-lookup';
import { DaemonError } from './errors';
import { boolParam, streamResponse } from './responses';
import type { Route } from './route';
import { eventTime } from './system-routes';

/** jsonmessage.RFC3339NanoFixed: `2025-01-01T12:00:00.123000000Z`. */
export function rfc3339NanoFixed(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

export const containerLogsRoute: Route = {
  method: 'GET',
  pattern: /^\/containers\/([^/]+)\/logs$/,
  async handle(ctx, req, match) {
    const { query } = splitUrl(req.url);
    const want = { stdout: boolParam(query, 'stdout'), stderr: boolParam(query, 'stderr') };
    if (!want.stdout && !want.stderr) {
      throw DaemonError.invalidParameter('Bad parameters: you must choose at least one stream');
    }
    const { container } = findContainer(ctx, match[1]!);
    const since = eventTime(query.get('since'));
    const until = eventTime(query.get('until'));
    const tailText = query.get('tail') ?? 'all';
    const tail = /^\d+$/.test(tailText) ? Number(tailText) : -1;
    const timestamps = boolParam(query, 'timestamps');
    const tty = container.config.Tty;
    const nanos = (entry: LogEntry) => BigInt(Math.floor(entry.at)) * 1_000_000n;
    const render = (entry: LogEntry): Bytes => {
      const line = timestamps ? concatBytes([utf8(`${rfc3339NanoFixed(entry.at)} `), entry.line]) : entry.line;
      return tty ? line : frame(entry.stream, line);
    };
    const wanted = (entry: LogEntry) =>
      want[entry.stream] && (since === undefined || since === 0n || nanos(entry) >= since);
    const body = new Channel<Bytes>();
    const past = container.logs.entries();
    const kept = tail < 0 ? past : tail === 0 ? [] : past.slice(-tail);
    let ended = false;
    for (const entry of kept) {
      if (until !== undefined && until !== 0n && nanos(entry) > until) {
        ended = true;
        break;
      }
      if (wanted(entry)) body.push(render(entry));
    }
    if (ended || !boolParam(query, 'follow') || !container.state.running || container.state.restarting) {
      body.end();
    } else {
      const unsubscribe = container.logs.subscribe((entry) => {
        if (until !== undefined && until !== 0n && nanos(entry) > until) return finish();
        if (wanted(entry)) body.push(render(entry));
      });
      const stop = container.waiters.wait('next-exit', true, () => container.waitResult());
      const finish = () => {
        unsubscribe();
        stop.cancel();
        body.end();
      };
      void stop.result.then(finish);
      body.onCancel(() => {
        unsubscribe();
        stop.cancel();
      });
    }
    return streamResponse(body, tty ? RAW_STREAM : MULTIPLEXED_STREAM);
  },
};
