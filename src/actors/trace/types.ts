// The trace: what happened in the world, in order. Every HTTP message the network carried (a
// request and, later, its response, paired by `exchange`), and every state change worth showing
// (an image created, a container started, a tag pushed). The stage animates it, the message log
// prints it, the sequence diagram draws it, and lessons check goals against it.
import type { WireRequest, WireResponse } from '../../engine/wire/message';

/** Who takes part in a conversation: a component on a host (`laptop` client, `docker.io` registry…). */
export interface Endpoint {
  /** Host or registry name: `laptop`, `cloud-vm`, `docker.io`, `auth.docker.io`. */
  host: string;
  role: 'client' | 'daemon' | 'registry' | 'auth' | 'container' | 'browser';
}

interface Base {
  /** Position in the trace, from 1, never reused. */
  seq: number;
  /** Virtual time in milliseconds since the world began. */
  time: number;
  /** The command (one line typed in a terminal) this belongs to, if any. */
  command?: number;
}

export interface TraceRequest extends Base {
  kind: 'request';
  exchange: number;
  from: Endpoint;
  to: Endpoint;
  method: string;
  /** Path and query as sent: `/v1.50/images/create?fromImage=…`. */
  url: string;
  /** One line for logs and packets: `POST /v1.50/containers/create`. */
  summary: string;
  /** The whole message, until the trace compacts it away. */
  message?: WireRequest;
}

export interface TraceResponse extends Base {
  kind: 'response';
  exchange: number;
  from: Endpoint;
  to: Endpoint;
  status: number;
  /** One line: `404 No such image: hello-world:latest`, `200 (stream)`. */
  summary: string;
  /** Whether the body streams (pull progress, logs, attach): one exchange, many chunks. */
  streamed: boolean;
  /** A streamed body's chunks as they passed to the client (its first ones, up to the trace's limit). */
  stream?: StreamRecord;
  message?: WireResponse;
}

/** One chunk of a streamed body, when it passed on its way to the client. */
export interface StreamChunk {
  /** Virtual time the chunk passed, in ms since the world began. */
  time: number;
  bytes: Uint8Array;
}

/**
 * What the trace keeps of a streamed body: the chunks it has seen, in order, as long as they fit
 * in the trace's per-stream limit; beyond that (and once its command is compacted) chunks are only
 * counted. `state` says how the stream stands: still `streaming`, `ended` by the sender, `closed`
 * by the reader before its end (Ctrl-C on `docker logs -f`), or `failed` with an error.
 */
export interface StreamRecord {
  chunks: StreamChunk[];
  /** Bytes in `chunks`. */
  keptBytes: number;
  /** Chunks not kept at all, and bytes not kept (including the tail of a chunk cut at the limit). */
  droppedChunks: number;
  droppedBytes: number;
  /** The command's details were compacted: its chunks are dropped, later ones only counted. */
  compacted: boolean;
  state: 'streaming' | 'ended' | 'closed' | 'failed';
}

/** A message that could not be delivered: a link or a host is down. */
export interface TraceFailure extends Base {
  kind: 'failure';
  exchange: number;
  from: Endpoint;
  to: Endpoint;
  /** Docker's words for it: `connection refused`, `i/o timeout`. */
  summary: string;
}

/** A state change on a host, e.g. `image.created`, `container.started`, `blob.stored`, `tag.pushed`. */
export interface TraceEvent extends Base {
  kind: 'event';
  /** Where it happened: the daemon of a host, a registry. */
  at: Endpoint;
  type: string;
  summary: string;
  attributes?: Record<string, string>;
}

export type TraceEntry = TraceRequest | TraceResponse | TraceFailure | TraceEvent;

export function describeEndpoint(e: Endpoint): string {
  return `${e.host} ${e.role}`;
}
