// What a container's network interfaces have carried — the kernel's per-interface counters that
// `docker stats` reads as NET I/O (moby `getNetworkStats`: rx/tx bytes and packets of each
// interface of the container's sandbox, `eth0`, `eth1`…). Each endpoint is its own veth pair, so
// its counters start at zero when the container starts and go with it when it stops.
//
// The simulation counts what it routes: an HTTP exchange between two namespaces adds the request
// to the sender's `tx` and the receiver's `rx`, the response the other way round. Only container
// interfaces count — the host's side (the laptop's curl to a published port, a host-mode server)
// has no counters here, and loopback traffic never reaches an interface.
//
// Approximations, on purpose: a message's size is its HTTP/1.1 text as it would be written
// (request or status line, headers, blank line) plus its body; Ethernet, IP and TCP headers, the
// handshake and ACKs are not counted. A packet is one message, or one chunk of a streamed body —
// no segmentation at the MTU.
import type { Bytes } from '../../bytes';
import type { ConnectionInfo, HttpHandler } from '../../runtime/contract';
import { isStream, type Body, type Headers, type WireRequest, type WireResponse } from '../../wire/message';

/** One interface's counters, named as moby's NetworkStats fields. */
export interface InterfaceCounters {
  rx_bytes: number;
  rx_packets: number;
  tx_bytes: number;
  tx_packets: number;
}

/** Carries exchanges between two ends and counts them on the ends that are container interfaces. */
export interface Meter {
  exchange(handler: HttpHandler, request: WireRequest, connection: ConnectionInfo): Promise<WireResponse>;
}

const encoder = new TextEncoder();

function headerBytes(headers: Headers): number {
  let total = 2; // the blank line that ends the header block
  for (const [name, value] of Object.entries(headers)) total += encoder.encode(`${name}: ${value}\r\n`).length;
  return total;
}

export class Traffic {
  /** Counters by endpoint ID: only endpoints something has crossed. */
  private readonly byEndpoint = new Map<string, InterfaceCounters>();

  /** The counters of an endpoint (zeros when nothing has crossed it). */
  of(endpointId: string): InterfaceCounters {
    const counters = this.byEndpoint.get(endpointId);
    return counters ? { ...counters } : { rx_bytes: 0, rx_packets: 0, tx_bytes: 0, tx_packets: 0 };
  }

  /** The endpoints are gone (the container stopped): their counters go with them. */
  forget(endpointIds: Iterable<string>): void {
    for (const id of endpointIds) this.byEndpoint.delete(id);
  }

  /** A meter for exchanges from `sender` to `receiver` (endpoint IDs; undefined for the host's side). */
  link(sender: string | undefined, receiver: string | undefined): Meter {
    return {
      exchange: async (handler, request, connection) => {
        const requestHead = encoder.encode(`${request.method} ${request.url} HTTP/1.1\r\n`).length;
        const sent = this.carry(sender, receiver, requestHead + headerBytes(request.headers), request.body);
        const response = await handler(sent === request.body ? request : { ...request, body: sent }, connection);
        const responseHead = encoder.encode(`HTTP/1.1 ${response.status}\r\n`).length;
        const body = this.carry(receiver, sender, responseHead + headerBytes(response.headers), response.body);
        return body === response.body ? response : ({ ...response, body } satisfies WireResponse);
      },
    };
  }

  /**
   * Count a message from `from` to `to`: its head and a whole body as one packet; a streamed
   * body's chunks one packet each, as they pass. Returns the body to hand on.
   */
  private carry(
    from: string | undefined,
    to: string | undefined,
    head: number,
    body: Body | undefined,
  ): Body | undefined {
    if (from === undefined && to === undefined) return body;
    if (!isStream(body)) {
      this.add(from, to, head + (body?.length ?? 0));
      return body;
    }
    this.add(from, to, head);
    return this.countChunks(from, to, body);
  }

  private async *countChunks(from: string | undefined, to: string | undefined, body: AsyncIterable<Bytes>) {
    for await (const chunk of body) {
      this.add(from, to, chunk.length);
      yield chunk;
    }
  }

  private add(from: string | undefined, to: string | undefined, bytes: number): void {
    if (from !== undefined) {
      const c = this.counters(from);
      c.tx_bytes += bytes;
      c.tx_packets += 1;
    }
    if (to !== undefined) {
      const c = this.counters(to);
      c.rx_bytes += bytes;
      c.rx_packets += 1;
    }
  }

  private counters(endpointId: string): InterfaceCounters {
    let counters = this.byEndpoint.get(endpointId);
    if (counters === undefined) {
      counters = { rx_bytes: 0, rx_packets: 0, tx_bytes: 0, tx_packets: 0 };
      this.byEndpoint.set(endpointId, counters);
    }
    return counters;
  }
}
