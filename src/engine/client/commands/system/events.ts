// `docker events`: the daemon's live feed of what happens to its objects (`GET /events`, a stream
// that stays open) — images pulled and tagged, containers created, started, dying:
//
//   2025-01-01T10:00:00.000000000Z image pull alpine:latest (name=alpine)
//
// `--since` and `--until` take durations (`10m`), dates or Unix times; with `--until` the stream
// ends by itself, otherwise it runs until interrupted.
import { noArgs, type CommandSpec } from '../../cli/command';
import type { DockerCli } from '../../cli/docker-cli';
import { filter, string } from '../../cli/flag';
import { parseGoDuration } from '../../cli/go-strconv';
import { StatusError } from '../../cli/status-error';
import { decodeMessages } from '../../format/json-messages';
import { field, int, map, string as goString, struct, typed } from '../../format/go-typed';
import { GoTemplate, TemplateError } from '../../format/template/template';
import { filtersParam } from '../shared/filters';
import { inspectFormatFlag } from '../shared/format-flag';

const messageType = struct('*events.Message', [
  field('Status', goString, { json: 'status', omitempty: true }),
  field('ID', goString, { json: 'id', omitempty: true }),
  field('From', goString, { json: 'from', omitempty: true }),
  field('Type', goString),
  field('Action', goString),
  field('Actor', struct('events.Actor', [field('ID', goString), field('Attributes', map(goString))])),
  field('Scope', goString, { json: 'scope', omitempty: true }),
  field('Time', int, { json: 'time', omitempty: true }),
  field('TimeNano', int, { json: 'timeNano', omitempty: true }),
]);

interface EventMessage {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number | string;
}

/** moby's GetTimestamp: a duration before `now`, an RFC 3339 time or date, or a Unix time, as `seconds[.nanos]`. */
export function eventTimestamp(value: string, now: number): string {
  if (value !== '0') {
    try {
      const ns = parseGoDuration(value);
      return String(Math.floor((now * 1e6 - ns) / 1e9));
    } catch {
      // not a duration
    }
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const zoned = /[zZ]|[+-]\d{2}:\d{2}$/.test(value)
      ? value
      : value.length === 10
        ? `${value}T00:00:00Z`
        : `${value}Z`;
    const ms = Date.parse(zoned.length === 14 ? zoned.replace('Z', ':00:00Z') : zoned);
    if (Number.isNaN(ms)) throw new Error(`parsing time ${JSON.stringify(value)}: cannot parse`);
    const fraction = /\.(\d+)/.exec(value)?.[1] ?? '';
    return `${Math.floor(ms / 1000)}.${fraction.padEnd(9, '0').slice(0, 9)}`;
  }
  if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`failed to parse value as time or duration: "${value}"`);
  return value;
}

function fixedNano(ns: bigint): string {
  const iso = new Date(Number(ns / 1_000_000n)).toISOString().slice(0, 19);
  return `${iso}.${String(ns % 1_000_000_000n).padStart(9, '0')}Z`;
}

/** An event as docker events prints it without --format. */
export function prettyEvent(e: EventMessage): string {
  let out = '';
  if (e.timeNano) out += fixedNano(BigInt(e.timeNano)) + ' ';
  else if (e.time) out += fixedNano(BigInt(e.time) * 1_000_000_000n) + ' ';
  out += `${e.Type ?? ''} ${e.Action ?? ''} ${e.Actor?.ID ?? ''}`;
  const attributes = Object.entries(e.Actor?.Attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (attributes.length > 0) out += ` (${attributes.map(([k, v]) => `${k}=${v}`).join(', ')})`;
  return out + '\n';
}

export interface EventsOptions {
  since: string;
  until: string;
  filters: string[];
  format: string;
}

export async function runEvents(cli: DockerCli, options: EventsOptions): Promise<void> {
  let template: GoTemplate | undefined;
  if (options.format !== '') {
    try {
      template = GoTemplate.parse(options.format === 'json' ? '{{json .}}' : options.format);
      template.execute(typed({}, messageType));
    } catch (err) {
      if (err instanceof TemplateError) throw new StatusError(`Error parsing format: ${err.message}`, 64);
      throw err;
    }
  }
  const now = cli.now();
  const since = options.since ? eventTimestamp(options.since, now) : undefined;
  const until = options.until ? eventTimestamp(options.until, now) : undefined;
  const response = await cli.api.request('GET', '/events', {
    query: { since, until, filters: filtersParam(options.filters) },
  });
  const body = response.body ?? new Uint8Array(0);
  const stream =
    body instanceof Uint8Array
      ? (async function* () {
          yield body;
        })()
      : body;
  const events = decodeMessages(stream)[Symbol.asyncIterator]();
  const stop = new Promise<IteratorResult<unknown>>((resolve) => {
    if (cli.signal?.aborted) resolve({ done: true, value: undefined });
    cli.signal?.addEventListener('abort', () => resolve({ done: true, value: undefined }), { once: true });
  });
  for (;;) {
    const next = await Promise.race([events.next(), stop]);
    if (next.done) {
      void events.return?.(undefined);
      break;
    }
    const event = next.value as EventMessage;
    cli.out.write(template ? template.execute(typed(event, messageType)) + '\n' : prettyEvent(event));
  }
}

/** `docker events` and `docker system events`. */
export function eventsCommand(): CommandSpec {
  return {
    name: 'events',
    use: 'events [OPTIONS]',
    short: 'Get real time events from the server',
    aliasesText: 'docker system events, docker events',
    args: noArgs,
    flags: [
      filter('filter', 'f', 'Filter output based on conditions provided'),
      inspectFormatFlag(''),
      string('since', '', 'Show all events created since timestamp'),
      string('until', '', 'Stream events until this timestamp'),
    ],
    run: ({ cli, flags }) =>
      runEvents(cli, {
        since: flags.string('since'),
        until: flags.string('until'),
        filters: flags.list('filter'),
        format: flags.string('format'),
      }),
  };
}
