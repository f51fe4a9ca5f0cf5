// The network carries every HTTP message between hosts: the client's requests to a daemon, a
// daemon's to a registry and its token service. Each leg — request out, response back — takes the
// link's latency on the world's clock, and is written to the trace as it is delivered, so pausing
// the clock pauses the work, and stepping it delivers one message at a time.
//
// A host whose link or machine is down does not answer: the request fails after the delivery
// attempt with the error a Go client would report (`connect: connection refused` when the host is
// down, `i/o timeout` when the link is cut), and the trace shows a cross instead of a reply.
//
// A streamed answer (pull progress, logs, attach, events) is one exchange whose body keeps
// flowing after the response is delivered: the client reads it chunk by chunk, and each chunk is
// recorded on the response's trace entry as it passes (recorded-stream.ts, trace/stream-record.ts).
import { TransportError } from '../../engine/daemon/distribution/transport';
import type { Clock } from '../../engine/runtime/contract';
import type { Handler, WireRequest, WireResponse } from '../../engine/wire/message';
import { isStream } from '../../engine/wire/message';
import type { Bytes } from '../../engine/bytes';
import { openStreamRecord } from '../trace/stream-record';
import type { Trace } from '../trace/trace';
import type { Endpoint, TraceResponse } from '../trace/types';
import { recordedStream } from './recorded-stream';
import { responseSummary, requestSummary } from './summaries';
import type { Topology } from './topology';

/** How long a Go client waits for a dial on a cut link before `i/o timeout`. */
export const DIAL_TIMEOUT_MS = 30_000;

/** A message the network could not deliver; the daemon reports it as Go's HTTP client would. */
export class NetworkError extends TransportError {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly kind: 'refused' | 'timeout' | 'unknown-host',
  ) {
    super(message);
  }
}

export interface SendOptions {
  from: Endpoint;
  to: Endpoint;
  request: WireRequest;
  /** The command this message belongs to (for the trace and the sequence diagram). */
  command?: number;
  /** The address the sender dialled (`registry-1.docker.io:443`), for its error messages. */
  dialled?: string;
}

/** Someone waiting for the next delivery (step mode, or a test). */
type DeliveryListener = () => void;

export class Network {
  #handlers = new Map<string, Handler>();
  #exchange = 0;
  #pending = 0;
  #listeners = new Set<DeliveryListener>();
  /** Due times of the legs still crossing a link, earliest first (for stepping). */
  #due: number[] = [];

  // ── Hooks for the world's driver (src/actors/world/driver.ts; added for pause and step) ──
  /**
   * When set, each leg whose latency has passed waits on the promise this returns before it is
   * delivered; `undefined` lets it through at once. The driver holds legs while the network is
   * paused and releases them one at a time to step.
   */
  holdDelivery?: () => Promise<void> | undefined;

  constructor(
    readonly topology: Topology,
    readonly clock: Clock,
    readonly trace: Trace,
  ) {}

  /** Make `handler` answer requests addressed to `endpoint` (a daemon, a registry, a token service). */
  attach(endpoint: Endpoint, handler: Handler): void {
    this.#handlers.set(`${endpoint.host}/${endpoint.role}`, handler);
  }

  /** Messages on the wire right now (sent, not yet delivered). */
  get inFlight(): number {
    return this.#pending;
  }

  /** The virtual time at which the next leg still on a link arrives, if any is under way. */
  nextLegDue(): number | undefined {
    return this.#due[0];
  }

  /** How many exchanges have been numbered; a restored world continues after it. */
  get exchanges(): number {
    return this.#exchange;
  }

  /** Continue exchange numbering after `exchange` (restoring a world from a snapshot). */
  continueFrom(exchange: number): void {
    this.#exchange = exchange;
  }

  /** Be told after every delivery (request or response leg). */
  onDelivery(listener: DeliveryListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Carry one exchange; resolves with the response, or rejects with a NetworkError. */
  async send({ from, to, request, command, dialled }: SendOptions): Promise<WireResponse> {
    const address = dialled ?? to.host;
    const exchange = ++this.#exchange;
    const handler = this.#handlers.get(`${to.host}/${to.role}`);
    if (!handler) throw new NetworkError(`dial tcp: lookup ${address}: no such host`, 'unknown-host');

    await this.#leg(from.host, to.host);
    this.trace.append({
      kind: 'request',
      exchange,
      from,
      to,
      method: request.method,
      url: request.url,
      summary: requestSummary(request),
      time: this.clock.now(),
      command,
      message: request,
    });
    this.#delivered();

    const link = this.topology.linkBetween(from.host, to.host);
    if (!link?.up || !this.topology.isHostUp(to.host)) {
      const hostDown = !this.topology.isHostUp(to.host);
      if (!hostDown) await this.clock.sleep(DIAL_TIMEOUT_MS);
      const error = hostDown
        ? new NetworkError(`dial tcp ${address}: connect: connection refused`, 'refused')
        : new NetworkError(`dial tcp ${address}: i/o timeout`, 'timeout');
      this.trace.append({
        kind: 'failure',
        exchange,
        from,
        to,
        summary: hostDown ? 'connection refused' : 'i/o timeout',
        time: this.clock.now(),
        command,
      });
      throw error;
    }

    const answer = await handler(request);
    await this.#leg(to.host, from.host);
    const body = answer.body;
    // A streamed body reaches the client through a watcher that records each chunk on the
    // response's entry (read only once chunks flow, after the entry below is stored).
    const response: WireResponse = isStream(body) ? { ...answer, body: this.#watched(body, () => entry) } : answer;
    const entry = this.trace.append({
      kind: 'response',
      exchange,
      from: to,
      to: from,
      status: response.status,
      summary: responseSummary(response),
      streamed: isStream(body),
      ...(isStream(body) ? { stream: openStreamRecord() } : {}),
      time: this.clock.now(),
      command,
      message: response,
    }) as TraceResponse;
    this.#delivered();
    return response;
  }

  /** `body` as it passes to its reader, each chunk (with the time it passed) recorded on the entry. */
  #watched(body: AsyncIterable<Bytes>, entry: () => TraceResponse): AsyncIterable<Bytes> {
    return recordedStream(body, {
      chunk: (bytes) => this.trace.recordChunk(entry(), bytes, this.clock.now()),
      end: (how) => this.trace.endStream(entry(), how),
    });
  }

  /** One leg across the link: its latency on the clock (a link that is down still takes the attempt). */
  async #leg(a: string, b: string): Promise<void> {
    const latency = this.topology.linkBetween(a, b)?.latencyMs ?? 0;
    const due = this.clock.now() + latency;
    this.#pending++;
    insertSorted(this.#due, due);
    try {
      try {
        await this.clock.sleep(latency);
      } finally {
        this.#due.splice(this.#due.indexOf(due), 1);
      }
      const hold = this.holdDelivery?.();
      if (hold) await hold;
    } finally {
      this.#pending--;
    }
  }

  #delivered(): void {
    for (const l of this.#listeners) l();
  }
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! > value) i--;
  list.splice(i, 0, value);
}
