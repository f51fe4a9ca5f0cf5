// NET I/O: the per-interface counters. Unit rules first (a message is its HTTP/1.1 text, a
// streamed chunk is a packet, the host's side has no counters), then `GET /containers/{id}/stats`
// through the real runtime: busybox's wget to nginx counted on both eth0s, symmetric; a request to
// a published port counted on nginx's side only; loopback not at all.
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { readBody, type WireResponse } from '../../wire/message';
import { netDaemon, type NetDaemon } from './net.fixture';
import { Traffic } from './traffic';

const request = { method: 'GET', url: '/', headers: { Host: 'web' } };
// "GET / HTTP/1.1\r\n" (16) + "Host: web\r\n" (11) + "\r\n" (2)
const REQUEST_BYTES = 29;

describe('Traffic', () => {
  it('counts a request on the sender’s tx and the receiver’s rx, the response the other way', async () => {
    const traffic = new Traffic();
    const handler = async (): Promise<WireResponse> => ({ status: 200, headers: { A: 'b' }, body: utf8('hello') });
    await traffic.link('client', 'server').exchange(handler, request, { remoteAddress: '172.17.0.3' });
    // "HTTP/1.1 200\r\n" (14) + "A: b\r\n" (6) + "\r\n" (2) + body (5)
    const response = 27;
    expect(traffic.of('client')).toEqual({ tx_bytes: REQUEST_BYTES, tx_packets: 1, rx_bytes: response, rx_packets: 1 });
    expect(traffic.of('server')).toEqual({ rx_bytes: REQUEST_BYTES, rx_packets: 1, tx_bytes: response, tx_packets: 1 });
  });

  it('counts each chunk of a streamed body as a packet, as it passes', async () => {
    const traffic = new Traffic();
    async function* chunks() {
      yield utf8('abc');
      yield utf8('defgh');
    }
    const handler = async (): Promise<WireResponse> => ({ status: 200, headers: {}, body: chunks() });
    const answer = await traffic.link('client', 'server').exchange(handler, request, { remoteAddress: 'x' });
    expect(traffic.of('client').rx_packets).toBe(1); // the head only, so far
    expect(new TextDecoder().decode(await readBody(answer.body))).toBe('abcdefgh');
    expect(traffic.of('client')).toMatchObject({ rx_packets: 3, rx_bytes: 14 + 2 + 3 + 5 });
    expect(traffic.of('server')).toMatchObject({ tx_packets: 3, tx_bytes: 14 + 2 + 3 + 5 });
  });

  it('has no counters for the host’s side, and forgets an endpoint that went', async () => {
    const traffic = new Traffic();
    const handler = async (): Promise<WireResponse> => ({ status: 204, headers: {} });
    await traffic.link(undefined, 'server').exchange(handler, request, { remoteAddress: '172.17.0.1' });
    expect(traffic.of('server').rx_bytes).toBe(REQUEST_BYTES);
    traffic.forget(['server']);
    expect(traffic.of('server')).toEqual({ rx_bytes: 0, rx_packets: 0, tx_bytes: 0, tx_packets: 0 });
  });
});

type Counters = Record<'rx_bytes' | 'rx_packets' | 'tx_bytes' | 'tx_packets', number>;

async function eth0(d: NetDaemon, id: string): Promise<Counters | undefined> {
  const answer = await d.clock.runUntil(d.api('GET', `/containers/${id}/stats?stream=false`));
  return (answer.json as { networks?: Record<string, Counters> }).networks?.eth0;
}

describe('docker stats NET I/O', () => {
  it('counts wget → nginx on both containers’ eth0, each side’s tx the other’s rx', async () => {
    const d = await netDaemon();
    const web = await d.detached('nginx', {}, 'web');
    const client = await d.detached('busybox', { Cmd: ['sleep', '1000'] }, 'client');
    expect(await eth0(d, web)).toMatchObject({ rx_bytes: 0, tx_bytes: 0 });
    const got = await d.exec(client, ['wget', '-qO-', 'http://172.17.0.2']);
    expect(got.stdout).toContain('Welcome to nginx!');
    const server = (await eth0(d, web))!;
    const sender = (await eth0(d, client))!;
    expect(server.tx_bytes).toBeGreaterThan(got.stdout.length); // the page and its headers
    expect(server.rx_bytes).toBeGreaterThan(0);
    expect(sender.tx_bytes).toBe(server.rx_bytes);
    expect(sender.rx_bytes).toBe(server.tx_bytes);
    expect(sender.tx_packets).toBe(server.rx_packets);
    // a second fetch adds as much again
    await d.exec(client, ['wget', '-qO-', 'http://172.17.0.2']);
    expect((await eth0(d, web))!.tx_bytes).toBe(2 * server.tx_bytes);
  });

  it('counts a published port’s traffic on the container only; loopback not at all; zero again after a restart', async () => {
    const d = await netDaemon();
    const web = await d.detached(
      'nginx',
      { HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } },
      'web',
    );
    // a busybox in web's namespace fetching from localhost: loopback, on no interface
    const side = await d.detached('busybox', { Cmd: ['sleep', '1000'], HostConfig: { NetworkMode: 'container:web' } });
    expect((await d.exec(side, ['wget', '-qO-', 'http://localhost'])).stdout).toContain('Welcome to nginx!');
    expect(await eth0(d, web)).toMatchObject({ rx_bytes: 0, tx_bytes: 0 });
    expect(await eth0(d, side)).toBeUndefined(); // no sandbox of its own: no `networks`
    const handler = d.svc.networking.publishedPort('127.0.0.1', 8080)!;
    const answer = await d.clock.runUntil(handler({ method: 'GET', url: '/', headers: { Host: 'localhost:8080' } }));
    expect(answer.status).toBe(200);
    const after = (await eth0(d, web))!;
    expect(after.rx_bytes).toBe('GET / HTTP/1.1\r\nHost: localhost:8080\r\n\r\n'.length);
    expect(after.rx_packets).toBe(1);
    expect(after.tx_bytes).toBeGreaterThan(600);
    expect((await d.clock.runUntil(d.api('POST', `/containers/${web}/restart?t=0`))).status).toBe(204);
    expect(await eth0(d, web)).toMatchObject({ rx_bytes: 0, tx_bytes: 0 });
  });
});
