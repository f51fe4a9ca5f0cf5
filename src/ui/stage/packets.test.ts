import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../actors/trace/types';
import { layoutStage } from './layout';
import { PacketScheduler, anchorKey, drawPackets, routeOf } from './packets';
import { busyView } from './stage.fixture';

import type { Endpoint } from '../../actors/trace/types';
const client: Endpoint = { host: 'laptop', role: 'client' };
const daemon: Endpoint = { host: 'laptop', role: 'daemon' };
const hub: Endpoint = { host: 'docker.io', role: 'registry' };
const auth: Endpoint = { host: 'auth.docker.io', role: 'auth' };

let seq = 0;
function request(method: string, url: string, from = client, to = daemon): TraceEntry {
  seq++;
  return { kind: 'request', seq, exchange: seq, time: seq, from, to, method, url, summary: `${method} ${url}` };
}
function response(status: number, summary: string, from = daemon, to = client): TraceEntry {
  seq++;
  return { kind: 'response', seq, exchange: seq, time: seq, from, to, status, summary, streamed: false };
}

describe('PacketScheduler', () => {
  it('labels requests with method and path, responses with their status line, and skips state notes', () => {
    const s = new PacketScheduler();
    s.add(request('POST', '/v1.50/images/create?fromImage=hello-world&tag=latest'), 1);
    s.add(response(404, '404 No such image: hello-world:latest'), 1);
    s.add({ kind: 'event', seq: 99, time: 1, at: daemon, type: 'image.pull', summary: 'image pull' }, 1);
    s.advance(10_000);
    expect(s.pending).toBe(0);
    const t = new PacketScheduler();
    t.add(request('POST', '/v1.50/images/create?fromImage=x'), 1);
    t.add(response(404, '404 No such image: hello-world:latest'), 1);
    t.add({ kind: 'event', seq: 100, time: 1, at: daemon, type: 'image.pull', summary: 'image pull' }, 1);
    t.advance(1_000 / 60);
    t.advance(200);
    expect(t.inFlight().map((p) => [p.label, p.ok])).toEqual([
      ['POST /v1.50/images/create', true],
      ['404 No such image: hello-world:latest', false],
    ]);
  });

  it('sends packets in trace order, each departing after the one before', () => {
    const s = new PacketScheduler({ staggerMs: 100, instantMs: 400 });
    for (let i = 0; i < 5; i++) s.add(request('GET', `/v2/${i}`), 1);
    const departures: string[][] = [];
    for (let t = 0; t < 5; t++) {
      s.advance(100);
      departures.push(s.inFlight().map((p) => p.label));
    }
    expect(departures).toEqual([
      ['GET /v2/0', 'GET /v2/1'],
      ['GET /v2/0', 'GET /v2/1', 'GET /v2/2'],
      ['GET /v2/0', 'GET /v2/1', 'GET /v2/2', 'GET /v2/3'],
      ['GET /v2/1', 'GET /v2/2', 'GET /v2/3', 'GET /v2/4'],
      ['GET /v2/2', 'GET /v2/3', 'GET /v2/4'],
    ]);
  });

  it('never lets a burst wait longer than the longest delay', () => {
    const s = new PacketScheduler({ staggerMs: 100, maxDelayMs: 300, instantMs: 400 });
    for (let i = 0; i < 50; i++) s.add(request('GET', `/v2/${i}`), 1);
    s.advance(300);
    expect(s.inFlight()).toHaveLength(50);
  });

  it('times trips by the world’s pace: latency at real time, ×N in slow motion, fixed when instant', () => {
    const s = new PacketScheduler({ minMs: 250, maxMs: 4_000, instantMs: 450 });
    expect(s.tripMs(40)).toBe(450);
    s.setSpeed('realtime');
    expect(s.tripMs(40)).toBe(250);
    expect(s.tripMs(900)).toBe(900);
    s.setSpeed({ slow: 10 });
    expect(s.tripMs(40)).toBe(400);
    expect(s.tripMs(1_000)).toBe(4_000);
  });

  it('moves nothing while paused, except the message a step delivered', () => {
    const s = new PacketScheduler({ instantMs: 400, staggerMs: 0 });
    s.add(request('GET', '/v2/'), 1);
    s.advance(100);
    s.setPaused(true);
    s.advance(1_000);
    expect(s.inFlight().map((p) => p.elapsedMs)).toEqual([100]);
    s.add(response(401, '401 UNAUTHORIZED', hub, daemon), 1); // the step's delivery
    s.advance(200);
    expect(s.inFlight().map((p) => [p.label, p.elapsedMs])).toEqual([
      ['GET /v2/', 100],
      ['401 UNAUTHORIZED', 200],
    ]);
    s.advance(200);
    expect(s.inFlight().map((p) => p.label)).toEqual(['GET /v2/']);
    s.setPaused(false);
    s.advance(300);
    expect(s.pending).toBe(0);
  });
});

describe('drawing packets on the stage', () => {
  const layout = layoutStage(busyView());

  it('routes a daemon→registry message along its link, and a token request along the same one', () => {
    const toHub = routeOf(layout, daemon, hub);
    expect(toHub.link).toBe('link:laptop|docker.io');
    expect(toHub.points[0]).toEqual(layout.anchors['daemon@laptop']);
    expect(toHub.points.at(-1)).toEqual(layout.anchors['registry@docker.io']);
    expect(routeOf(layout, daemon, auth).link).toBe('link:laptop|docker.io');
    const back = routeOf(layout, hub, daemon);
    expect(back.points).toEqual([...toHub.points].reverse());
    expect(routeOf(layout, client, daemon)).toEqual({
      points: [layout.anchors['client@laptop'], layout.anchors['daemon@laptop']],
    });
    expect(anchorKey({ host: 'cloud-vm', role: 'daemon' })).toBe('daemon@cloud-vm');
  });

  it('puts a moving dot along the route, or highlights the link and its ends with reduced motion', () => {
    const s = new PacketScheduler({ instantMs: 400 });
    s.add(request('GET', '/v2/', daemon, hub), 40);
    s.advance(200);
    const [moving] = drawPackets(s.inFlight(), layout, false);
    expect(moving!.progress).toBe(0.5);
    expect(moving!.at).toBeDefined();
    expect(moving!.at).not.toEqual(moving!.route[0]);
    expect(moving!.highlight).toBeUndefined();
    const [still] = drawPackets(s.inFlight(), layout, true);
    expect(still!.at).toBeUndefined();
    expect(still!.highlight).toEqual({
      link: 'link:laptop|docker.io',
      endpoints: ['daemon@laptop', 'registry@docker.io'],
    });
  });
});
