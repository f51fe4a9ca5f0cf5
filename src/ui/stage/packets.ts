// Packets: each message of the trace, travelling along its link on the stage. The trace writes a
// message when it is *delivered*, so the stage replays each one just after it happens: a request
// goes out labelled with its method and path (`POST /v1.50/containers/create`), a response comes
// back with its status (`404 No such image: hello-world:latest`), a failure as a cross. Packets
// leave in trace order, a little apart, so a burst (an instant `docker run`) reads as a sequence.
//
// Timing follows the world's pace: at real time a packet takes its link's latency (never less than
// a glance), in slow motion ×N that much longer, when instant a fixed short trip. When the world is
// paused nothing moves — except the message a step delivered, which makes its whole trip. With
// reduced motion a packet is drawn as a highlight of its link and endpoints, for as long as its
// trip would last. All of this is pure and unit-tested; Stage.svelte only draws the frames.
import type { Endpoint, TraceEntry } from '../../actors/trace/types';
import { siteOfHost } from '../../actors/world/layout';
import type { Speed } from '../../actors/world/driver';
import { pointAlong, type Point } from './geometry';
import type { StageLayout } from './types';

export interface PacketTiming {
  /** Shortest and longest trip on screen (ms). */
  minMs: number;
  maxMs: number;
  /** Trip length when the world runs instantly (ms). */
  instantMs: number;
  /** Gap between consecutive departures (ms), and the most a packet may wait to depart. */
  staggerMs: number;
  maxDelayMs: number;
}

export const DEFAULT_TIMING: PacketTiming = {
  minMs: 250,
  maxMs: 4_000,
  instantMs: 450,
  staggerMs: 90,
  maxDelayMs: 1_500,
};

export interface Packet {
  seq: number;
  exchange: number;
  kind: 'request' | 'response' | 'failure';
  label: string;
  /** A 2xx/1xx/3xx answer or a request: not an error. */
  ok: boolean;
  from: Endpoint;
  to: Endpoint;
  durationMs: number;
  /** Time left before it departs, and time travelled. */
  delayMs: number;
  elapsedMs: number;
  /** Delivered by a step while paused: it moves even though the world is paused. */
  stepped: boolean;
}

/** The message entries of the trace become packets; state-change notes do not travel. */
export function isMessage(entry: TraceEntry): entry is Exclude<TraceEntry, { kind: 'event' }> {
  return entry.kind !== 'event';
}

export class PacketScheduler {
  readonly timing: PacketTiming;
  #packets: Packet[] = [];
  #last: Packet | undefined;
  #paused = false;
  #speed: Speed = 'instant';

  constructor(timing: Partial<PacketTiming> = {}) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
  }

  get paused(): boolean {
    return this.#paused;
  }

  setPaused(paused: boolean): void {
    this.#paused = paused;
  }

  setSpeed(speed: Speed): void {
    this.#speed = speed;
  }

  /** How long a trip over a link of `latencyMs` takes on screen at the current speed. */
  tripMs(latencyMs: number): number {
    const { minMs, maxMs, instantMs } = this.timing;
    const speed = this.#speed;
    if (speed === 'instant') return instantMs;
    const factor = speed === 'realtime' ? 1 : Math.max(1, speed.slow);
    return Math.min(maxMs, Math.max(minMs, latencyMs * factor));
  }

  /** A trace entry arrived: queue its packet (events are ignored). */
  add(entry: TraceEntry, latencyMs: number): void {
    if (!isMessage(entry)) return;
    const stepped = this.#paused;
    const packet: Packet = {
      seq: entry.seq,
      exchange: entry.exchange,
      kind: entry.kind,
      label: entry.kind === 'request' ? `${entry.method} ${entry.url.split('?')[0]}` : entry.summary,
      ok: entry.kind === 'request' || (entry.kind === 'response' && entry.status < 400),
      from: entry.from,
      to: entry.to,
      durationMs: this.tripMs(latencyMs),
      delayMs: stepped ? 0 : this.#departureDelay(),
      elapsedMs: 0,
      stepped,
    };
    this.#packets.push(packet);
    if (!stepped) this.#last = packet;
  }

  /** Depart after the previous packet (by a stagger), never before it, never too long after now. */
  #departureDelay(): number {
    const last = this.#last;
    if (!last) return 0;
    const { staggerMs, maxDelayMs } = this.timing;
    const wanted = last.delayMs + staggerMs - last.elapsedMs;
    return Math.max(last.delayMs, Math.min(Math.max(0, wanted), maxDelayMs));
  }

  /** Let `dtMs` of screen time pass. */
  advance(dtMs: number): void {
    if (dtMs <= 0) return;
    for (const p of this.#packets) {
      if (this.#paused && !p.stepped) continue;
      let rest = dtMs;
      if (p.delayMs > 0) {
        const used = Math.min(p.delayMs, rest);
        p.delayMs -= used;
        rest -= used;
      }
      p.elapsedMs += rest;
    }
    this.#packets = this.#packets.filter((p) => p.elapsedMs < p.durationMs);
  }

  /** Packets on their way now (departed, not yet arrived), oldest first. */
  inFlight(): readonly Packet[] {
    return this.#packets.filter((p) => p.delayMs === 0 && p.elapsedMs < p.durationMs);
  }

  /** Every packet not yet arrived, departed or waiting. */
  get pending(): number {
    return this.#packets.length;
  }

  clear(): void {
    this.#packets = [];
    this.#last = undefined;
  }
}

/** A packet as drawn: a dot with a label on its route, or (reduced motion) highlighted link and ends. */
export interface PacketDrawing {
  key: string;
  label: string;
  kind: Packet['kind'];
  ok: boolean;
  /** 0 at departure, 1 at arrival. */
  progress: number;
  route: Point[];
  /** Where the dot is now (absent with reduced motion). */
  at?: Point;
  /** With reduced motion: the link and the endpoint anchors to light up. */
  highlight?: { link?: string; endpoints: string[] };
}

/** The stage's name for where an endpoint sits: `client@laptop`, `daemon@cloud-vm`, `registry@docker.io`. */
export function anchorKey(e: Endpoint): string {
  const site = siteOfHost(e.host);
  if (site) return `registry@${site.name}`;
  if (e.role === 'client' || e.role === 'browser') return `client@${e.host}`;
  return `daemon@${e.host}`;
}

const machineOf = (e: Endpoint) => siteOfHost(e.host)?.name ?? e.host;

/** The link key and points a message from `from` to `to` travels along (anchors at both ends). */
export function routeOf(layout: StageLayout, from: Endpoint, to: Endpoint): { link?: string; points: Point[] } {
  const start = layout.anchors[anchorKey(from)];
  const end = layout.anchors[anchorKey(to)];
  const a = machineOf(from);
  const b = machineOf(to);
  const ends = (pts: Point[]) => [...(start ? [start] : []), ...pts, ...(end ? [end] : [])];
  if (a === b) return { points: ends([]) };
  const link = layout.links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
  if (!link) return { points: ends([]) };
  const points = link.a === a ? link.points : [...link.points].reverse();
  return { link: link.key, points: ends(points) };
}

/** Routes found on each layout, by `from→to` anchor: a frame asks for the same few routes 100 times. */
const routeCache = new WeakMap<StageLayout, Map<string, ReturnType<typeof routeOf>>>();

function cachedRoute(layout: StageLayout, from: Endpoint, to: Endpoint): ReturnType<typeof routeOf> {
  let routes = routeCache.get(layout);
  if (!routes) routeCache.set(layout, (routes = new Map()));
  const key = `${from.host}/${from.role}>${to.host}/${to.role}`;
  let route = routes.get(key);
  if (!route) routes.set(key, (route = routeOf(layout, from, to)));
  return route;
}

/** What to draw this frame for the packets in flight. */
export function drawPackets(packets: readonly Packet[], layout: StageLayout, reducedMotion: boolean): PacketDrawing[] {
  return packets.map((p) => {
    const route = cachedRoute(layout, p.from, p.to);
    const progress = Math.min(1, p.elapsedMs / p.durationMs);
    const drawing: PacketDrawing = {
      key: `packet:${p.seq}`,
      label: p.label,
      kind: p.kind,
      ok: p.ok,
      progress,
      route: route.points,
    };
    if (reducedMotion) {
      drawing.highlight = {
        ...(route.link ? { link: route.link } : {}),
        endpoints: [anchorKey(p.from), anchorKey(p.to)],
      };
    } else {
      drawing.at = pointAlong(route.points, progress);
    }
    return drawing;
  });
}
