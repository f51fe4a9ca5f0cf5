// The messages actors exchange as the network delivers them. The network itself carries the real
// WireRequest/WireResponse values (and the trace keeps them); these events mirror each delivery
// between the actors that took part, so XState's inspection sees the conversation as it happened:
//
//   network → client   wire.send { to: 'daemon:laptop', message: http.request … }
//   client → daemon    http.request  POST /v1.50/images/create?fromImage=…
//   daemon → client    http.response 200 OK (stream)
//   network → daemon   http.failure  connection refused   (no answer came back)
//
// Each carries the trace's `seq` and `exchange`, so the stage can find the full message on demand.

export interface HttpRequestEvent {
  type: 'http.request';
  seq: number;
  exchange: number;
  command?: number;
  method: string;
  url: string;
  summary: string;
}

export interface HttpResponseEvent {
  type: 'http.response';
  seq: number;
  exchange: number;
  command?: number;
  status: number;
  summary: string;
  streamed: boolean;
}

export interface HttpFailureEvent {
  type: 'http.failure';
  seq: number;
  exchange: number;
  command?: number;
  summary: string;
}

export type WireMessage = HttpRequestEvent | HttpResponseEvent | HttpFailureEvent;

/** The network asks an actor to say what it just said on the wire, to `to` (a systemId). */
export interface WireSendEvent {
  type: 'wire.send';
  to: string;
  message: HttpRequestEvent | HttpResponseEvent;
}

/** What every actor on the wire accepts. */
export type WireEvent = WireMessage | WireSendEvent;
