// The daemon's event log: what `docker events` shows. Every change the daemon makes — an image
// pulled, tagged, untagged, deleted, loaded; later containers created, started, died — is published
// as a message `{Type, Action, Actor: {ID, Attributes}, scope, time, timeNano}`. As in moby's
// daemon/events package, the last 256 messages are kept so a subscriber can ask for the past
// (`since`/`until`), and live subscribers get every new message that passes their filters.
//
// Engine API 1.50 still fills the deprecated `status`, `id` and `from` fields of container and image
// events (moby dropped them in API 1.52), so old clients reading `status` keep working.
import { utf8, type Bytes } from '../bytes';
import { goEscapedJson, sortedMap } from './api/responses';
import { includesEvent } from './events-filter';
import { FilterArgs } from './filters';

export type EventType = 'container' | 'image' | 'volume' | 'network' | 'daemon' | 'plugin' | 'builder';

export interface EventActor {
  ID: string;
  Attributes: Record<string, string>;
}

export interface EventMessage {
  status?: string;
  id?: string;
  from?: string;
  Type: EventType;
  Action: string;
  Actor: EventActor;
  scope: 'local' | 'swarm';
  /** Seconds since the epoch. */
  time: number;
  /** Nanoseconds since the epoch (beyond 2^53, hence a bigint). */
  timeNano: bigint;
}

export interface EventInput {
  Type: EventType;
  Action: string;
  Actor: EventActor;
}

export interface SubscribeOptions {
  /** Nanoseconds since the epoch; with `until`, past events in that range are replayed first. */
  since?: bigint;
  until?: bigint;
  filters?: FilterArgs;
}

/** How many past events are kept for `since` (moby's eventsLimit). */
export const EVENTS_LIMIT = 256;

export class EventLog {
  private readonly past: EventMessage[] = [];
  private readonly listeners = new Set<(ev: EventMessage) => void>();

  /**
   * `now` gives milliseconds since the epoch; `wait` resolves after that many milliseconds (a
   * subscription whose `until` lies in the future ends then).
   */
  constructor(
    private readonly now: () => number,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Publish an event now, stamped with the daemon's clock. */
  emit(input: EventInput): EventMessage {
    const ms = this.now();
    const ev: EventMessage = {
      ...(input.Type === 'container' || input.Type === 'image' ? { status: input.Action, id: input.Actor.ID } : {}),
      ...(input.Type === 'container' && input.Actor.Attributes.image !== undefined
        ? { from: input.Actor.Attributes.image }
        : {}),
      Type: input.Type,
      Action: input.Action,
      Actor: { ID: input.Actor.ID, Attributes: { ...input.Actor.Attributes } },
      scope: 'local',
      time: Math.floor(ms / 1000),
      timeNano: BigInt(Math.floor(ms)) * 1_000_000n,
    };
    this.past.push(ev);
    if (this.past.length > EVENTS_LIMIT) this.past.shift();
    for (const listener of this.listeners) listener(ev);
    return ev;
  }

  /** The kept past events, oldest first. */
  history(): readonly EventMessage[] {
    return this.past;
  }

  /**
   * Past events between `since` and `until` (only when one of them is given, as in moby), then —
   * unless `until` is already past — every new event until `until` or until the consumer stops.
   */
  subscribe(options: SubscribeOptions = {}): AsyncIterable<EventMessage> {
    const filters = options.filters ?? FilterArgs.empty();
    const wanted = (ev: EventMessage) => includesEvent(filters, ev);
    const buffered = this.buffered(options, wanted);
    const nowNano = BigInt(Math.floor(this.now())) * 1_000_000n;
    const onlyPast = options.until !== undefined && options.until < nowNano;
    const untilMs = options.until === undefined ? undefined : Number((options.until - nowNano) / 1_000_000n);
    return {
      [Symbol.asyncIterator]: () => this.iterate(buffered, onlyPast, untilMs, wanted),
    };
  }

  private buffered(options: SubscribeOptions, wanted: (ev: EventMessage) => boolean): EventMessage[] {
    if (options.since === undefined && options.until === undefined) return [];
    const since = options.since ?? 0n;
    return this.past.filter(
      (ev) => ev.timeNano >= since && (options.until === undefined || ev.timeNano <= options.until) && wanted(ev),
    );
  }

  private iterate(
    buffered: EventMessage[],
    onlyPast: boolean,
    untilMs: number | undefined,
    wanted: (ev: EventMessage) => boolean,
  ): AsyncIterator<EventMessage> {
    const queue = [...buffered];
    let live = !onlyPast;
    let wake: (() => void) | undefined;
    const listener = (ev: EventMessage) => {
      if (!wanted(ev)) return;
      queue.push(ev);
      wake?.();
    };
    const stop = () => {
      live = false;
      this.listeners.delete(listener);
      wake?.();
    };
    if (live) {
      this.listeners.add(listener);
      if (untilMs !== undefined) void this.wait(untilMs).then(stop);
    }
    return {
      next: async (): Promise<IteratorResult<EventMessage>> => {
        while (queue.length === 0 && live) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        const ev = queue.shift();
        return ev === undefined ? { done: true, value: undefined } : { done: false, value: ev };
      },
      return: async (): Promise<IteratorResult<EventMessage>> => {
        stop();
        queue.length = 0;
        return { done: true, value: undefined };
      },
    };
  }
}

/**
 * One event as moby's JSON encoder writes it: a line, HTML characters escaped, the Attributes map
 * with sorted keys, `timeNano` exact.
 */
export function eventJsonLine(ev: EventMessage): Bytes {
  const { timeNano, ...rest } = ev;
  const Attributes = sortedMap(rest.Actor.Attributes) ?? {};
  const line = Attributes === rest.Actor.Attributes ? rest : { ...rest, Actor: { ID: rest.Actor.ID, Attributes } };
  return utf8(`${goEscapedJson(line).slice(0, -1)},"timeNano":${timeNano.toString()}}\n`);
}
