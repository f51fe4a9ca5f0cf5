// The event log: messages as moby shapes them, the 256 kept for `since`, filters, live streaming
// that stops at `until` or when the reader goes, and GET /events on the wire.
import { describe, expect, it } from 'vitest';
import { fromUtf8 } from './../bytes';
import { call, routerFor, testContext } from './daemon.fixture';
import { EVENTS_LIMIT, EventLog, eventJsonLine, type EventMessage } from './events';
import { FilterArgs } from './filters';
import { systemRoutes } from './api/system-routes';

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, tick: (ms = 1000) => (t += ms) };
}

const image = (action: string, id: string, name = id) =>
  ({ Type: 'image', Action: action, Actor: { ID: id, Attributes: { name } } }) as const;

async function take(events: AsyncIterable<EventMessage>, n: number): Promise<EventMessage[]> {
  const out: EventMessage[] = [];
  if (n === 0) return out;
  for await (const ev of events) {
    out.push(ev);
    if (out.length === n) break;
  }
  return out;
}

describe('EventLog', () => {
  it('stamps messages as moby does, with the deprecated fields for images and containers', () => {
    const c = clock();
    const log = new EventLog(c.now);
    const ev = log.emit(image('tag', 'sha256:abc', 'alpine:latest'));
    expect(ev).toEqual({
      status: 'tag',
      id: 'sha256:abc',
      Type: 'image',
      Action: 'tag',
      Actor: { ID: 'sha256:abc', Attributes: { name: 'alpine:latest' } },
      scope: 'local',
      time: 1_700_000_000,
      timeNano: 1_700_000_000_000_000_000n,
    });
    expect(fromUtf8(eventJsonLine(ev))).toBe(
      '{"status":"tag","id":"sha256:abc","Type":"image","Action":"tag","Actor":{"ID":"sha256:abc","Attributes":{"name":"alpine:latest"}},"scope":"local","time":1700000000,"timeNano":1700000000000000000}\n',
    );
    const container = log.emit({
      Type: 'container',
      Action: 'start',
      Actor: { ID: 'c1', Attributes: { image: 'alpine', name: 'web' } },
    });
    expect(container).toMatchObject({ status: 'start', id: 'c1', from: 'alpine' });
    const network = log.emit({ Type: 'network', Action: 'create', Actor: { ID: 'n1', Attributes: {} } });
    expect('status' in network).toBe(false);
  });

  it('keeps the last 256 events', () => {
    const log = new EventLog(clock().now);
    for (let i = 0; i < EVENTS_LIMIT + 10; i++) log.emit(image('tag', `sha256:${i}`));
    expect(log.history()).toHaveLength(EVENTS_LIMIT);
    expect(log.history()[0]!.Actor.ID).toBe('sha256:10');
  });

  it('replays the past between since and until, filtered, and ends when until has passed', async () => {
    const c = clock();
    const log = new EventLog(c.now);
    log.emit(image('pull', 'alpine:latest'));
    c.tick();
    log.emit(image('tag', 'sha256:a', 'demo:1'));
    c.tick();
    log.emit(image('delete', 'sha256:a'));
    c.tick();
    const start = 1_700_000_000n * 1_000_000_000n;
    const all = await take(log.subscribe({ since: start, until: start + 5_000_000_000n - 1n }), 99);
    expect(all.map((e) => e.Action)).toEqual(['pull', 'tag', 'delete']);
    const window = await take(log.subscribe({ since: start + 1_000_000_000n, until: start + 1_500_000_000n }), 99);
    expect(window.map((e) => e.Action)).toEqual(['tag']);
    const filtered = await take(
      log.subscribe({
        since: start,
        until: start + 2_000_000_000n,
        filters: FilterArgs.of({ event: ['delete', 'pull'] }),
      }),
      99,
    );
    expect(filtered.map((e) => e.Action)).toEqual(['pull', 'delete']);
  });

  it('streams new events to live subscribers until they stop', async () => {
    const log = new EventLog(clock().now);
    log.emit(image('pull', 'old:latest'));
    const live = log.subscribe({ filters: FilterArgs.of({ image: ['alpine'] }) });
    const got = take(live, 2);
    log.emit(image('pull', 'alpine:latest'));
    log.emit(image('pull', 'busybox:latest'));
    log.emit(image('tag', 'sha256:1', 'alpine:3'));
    expect((await got).map((e) => e.Actor.ID)).toEqual(['alpine:latest', 'sha256:1']);
    log.emit(image('pull', 'alpine:latest')); // nobody listens any more
  });

  it('ends a live subscription when until comes', async () => {
    const c = clock();
    let fire: (() => void) | undefined;
    const log = new EventLog(c.now, () => new Promise<void>((resolve) => (fire = resolve)));
    const until = (BigInt(c.now()) + 10_000n) * 1_000_000n;
    const iterator = log.subscribe({ until })[Symbol.asyncIterator]();
    log.emit(image('pull', 'alpine:latest'));
    expect((await iterator.next()).value?.Actor.ID).toBe('alpine:latest');
    const pending = iterator.next();
    fire!();
    expect((await pending).done).toBe(true);
  });
});

describe('filters on events', () => {
  const log = new EventLog(clock().now);
  const pull = log.emit(image('pull', 'alpine:latest'));
  const tag = log.emit(image('tag', 'sha256:abcdef', 'demo/app:v1'));
  const start = log.emit({
    Type: 'container',
    Action: 'start',
    Actor: { ID: 'c0ffee', Attributes: { image: 'alpine:3', name: 'web', 'com.x': 'y' } },
  });
  const exec = log.emit({
    Type: 'container',
    Action: 'exec_start: sh',
    Actor: { ID: 'c0ffee', Attributes: { name: 'web' } },
  });
  const cases: [string, Record<string, string[]>, EventMessage[]][] = [
    ['type', { type: ['container'] }, [start, exec]],
    ['event', { event: ['tag'] }, [tag]],
    ['event prefix for exec_start', { event: ['exec_start'] }, [exec]],
    ['image by name without tag', { image: ['alpine'] }, [pull, start]],
    ['image by ID', { image: ['sha256:abcdef'] }, [tag]],
    ['image by full name', { image: ['demo/app:v1'] }, [tag]],
    ['container by name', { container: ['web'] }, [start, exec]],
    ['container by ID prefix', { container: ['c0f'] }, [start, exec]],
    ['label', { label: ['com.x=y'] }, [start]],
    ['scope', { scope: ['swarm'] }, []],
    ['two filters', { type: ['image'], event: ['pull'] }, [pull]],
  ];
  it.each(cases)('%s', async (_name, record, expected) => {
    const got = await take(log.subscribe({ since: 0n, until: 2n ** 62n, filters: FilterArgs.of(record) }), 99);
    expect(got).toEqual(expected);
  });
});

describe('GET /events', () => {
  it('streams past events as JSON lines', async () => {
    const ctx = await testContext();
    ctx.events.emit(image('pull', 'alpine:latest'));
    const seconds = Math.floor(ctx.now() / 1000);
    const answer = await call(
      routerFor(systemRoutes, ctx),
      'GET',
      `/v1.50/events?since=${seconds - 1}&until=${seconds - 1}.999999999`,
    );
    expect(answer.text).toBe('');
    const all = await call(
      routerFor(systemRoutes, ctx),
      'GET',
      `/v1.50/events?since=0&until=${seconds + 0}.000000001&filters=${encodeURIComponent('{"type":{"image":true}}')}`,
    );
    expect(all.status).toBe(200);
    expect(all.headers['Content-Type']).toBe('application/json');
    expect(
      all.text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).Action),
    ).toEqual(['pull']);
  });

  it.each([
    ['?since=10&until=5', 400, '`since` time (10) cannot be after `until` time (5)'],
    ['?since=abc', 500, 'strconv.ParseInt: parsing "abc": invalid syntax'],
    ['?filters=nope', 400, 'invalid filter'],
  ])('refuses %s', async (query, status, message) => {
    const answer = await call(routerFor(systemRoutes, await testContext()), 'GET', `/events${query}`);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ message });
  });
});
