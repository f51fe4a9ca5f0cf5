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
  message?: WireResponse;
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
