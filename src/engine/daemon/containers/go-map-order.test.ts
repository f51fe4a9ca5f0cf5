// Go's encoding/json writes a map's keys sorted and a struct's fields in declaration order. The
// Engine API answers with Go maps in many places (Labels, ExposedPorts, Volumes, PortBindings,
// NetworkSettings.Ports, event Attributes): whatever order a client sent them in, or an image's
// labels were merged in, the answer lists them sorted by their bytes.
import { describe, expect, it } from 'vitest';
import { eventJsonLine } from '../events';
import { fromUtf8 } from '../../bytes';
import { sortedMap } from '../api/responses';
import { settle, testDaemon } from './containers.fixture';

/** The keys of the object at `path` in a JSON text, in the order the text has them. */
function keysInText(text: string, path: string[]): string[] {
  // JSON.parse keeps the text's order except for integer-like keys, which none of these are.
  let value = JSON.parse(text) as Record<string, unknown>;
  for (const key of path) value = value[key] as Record<string, unknown>;
  return Object.keys(value);
}

describe('sortedMap', () => {
  it.each([
    [{ z: '1', a: '2', m: '3' }, ['a', 'm', 'z']],
    [{ b: 1, B: 2, 'a.b': 3, a: 4 }, ['B', 'a', 'a.b', 'b']],
    // by UTF-8 bytes (code points), not UTF-16 units: U+FF5E sorts before U+1F600
    [{ '\u{1F600}': 1, '\uFF5E': 2 }, ['\uFF5E', '\u{1F600}']],
    [{}, []],
  ])('%j is written in Go order', (map, keys) => {
    expect(Object.keys(sortedMap(map as Record<string, unknown>)!)).toEqual(keys);
  });

  it('null for none; the map itself when already sorted; never changes its argument', () => {
    expect(sortedMap(null)).toBeNull();
    expect(sortedMap(undefined)).toBeNull();
    const sorted = { a: 1, b: 2 };
    expect(sortedMap(sorted)).toBe(sorted);
    const unsorted = { b: 1, a: 2 };
    expect(sortedMap(unsorted)).toEqual({ a: 2, b: 1 });
    expect(Object.keys(unsorted)).toEqual(['b', 'a']);
  });
});

describe('Go maps in container answers', () => {
  it('ps, inspect and events list map keys sorted', async () => {
    const d = await testDaemon();
    const id = await d.create(
      ['sleep'],
      {
        Labels: { zone: 'b', app: 'web', 'com.example': 'x' },
        ExposedPorts: { '80/tcp': {}, '443/tcp': {}, '53/udp': {} },
        Volumes: { '/var/z': {}, '/data': {} },
        HostConfig: {
          PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }], '443/tcp': [{ HostIp: '', HostPort: '8443' }] },
          Tmpfs: { '/run': '', '/cache': 'size=1m' },
        },
      },
      'web',
    );
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);

    const ps = (await d.api('GET', '/containers/json')).text;
    expect(keysInText(ps, ['0', 'Labels'])).toEqual(['app', 'com.example', 'zone']);

    const inspect = (await d.api('GET', `/containers/${id}/json`)).text;
    expect(keysInText(inspect, ['Config', 'Labels'])).toEqual(['app', 'com.example', 'zone']);
    expect(keysInText(inspect, ['Config', 'ExposedPorts'])).toEqual(['443/tcp', '53/udp', '80/tcp']);
    expect(keysInText(inspect, ['Config', 'Volumes'])).toEqual(['/data', '/var/z']);
    expect(keysInText(inspect, ['HostConfig', 'PortBindings'])).toEqual(['443/tcp', '80/tcp']);
    expect(keysInText(inspect, ['HostConfig', 'Tmpfs'])).toEqual(['/cache', '/run']);
    expect(keysInText(inspect, ['NetworkSettings', 'Ports'])).toEqual(['443/tcp', '53/udp', '80/tcp']);

    const start = d.ctx.events.history().find((ev) => ev.Action === 'start')!;
    const line = fromUtf8(eventJsonLine(start));
    expect(keysInText(line, ['Actor', 'Attributes'])).toEqual(['app', 'com.example', 'image', 'name', 'zone']);
    // the kept event itself is left as it was
    expect(Object.keys(start.Actor.Attributes)[0]).toBe('zone');
  });
});
