// `GET /containers/json`: which containers, in which order, in which shape, and the filters.
import { describe, expect, it } from 'vitest';
import { settle, testDaemon, type TestDaemon } from './containers.fixture';

type Row = {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  State: string;
  Status: string;
  Ports: unknown[];
  SizeRw?: number;
  SizeRootFs?: number;
};
const list = async (d: TestDaemon, query = '') => (await d.api('GET', `/containers/json${query}`)).json as Row[];
const names = (rows: Row[]) => rows.map((r) => r.Names[0]);
const filter = (f: object) => `filters=${encodeURIComponent(JSON.stringify(f))}`;

/** old (exited 3), mid (running), new (created), one second apart. */
async function three(d: TestDaemon) {
  const old = await d.create(['exit', '3'], { Labels: { tier: 'a' } }, 'old');
  await d.api('POST', `/containers/${old}/start`);
  await d.clock.advance(1000);
  const mid = await d.create(['sleep'], { Labels: { tier: 'b' } }, 'mid');
  await d.api('POST', `/containers/${mid}/start`);
  await d.clock.advance(1000);
  const neu = await d.create(['echo', 'a b', 'c'], {}, 'new');
  await settle(d.clock);
  return { old, mid, neu };
}

describe('docker ps', () => {
  it('running only by default; all newest first; the summary shape', async () => {
    const d = await testDaemon();
    const { mid } = await three(d);
    const rows = await list(d);
    expect(names(rows)).toEqual(['/mid']);
    expect(rows[0]).toMatchObject({
      Id: mid,
      Image: 'alpine',
      ImageID: d.alpine.id,
      Command: 'sleep',
      Created: Date.UTC(2025, 0, 1, 0, 0, 1) / 1000,
      State: 'running',
      Status: 'Up 1 second',
      Ports: [],
      HostConfig: { NetworkMode: 'bridge' },
      Mounts: [],
    });
    const all = await list(d, '?all=1');
    expect(names(all)).toEqual(['/new', '/mid', '/old']);
    expect(all.map((r) => r.Status)).toEqual(['Created', 'Up 1 second', 'Exited (3) 2 seconds ago']);
    expect(all[0]!.Command).toBe("echo 'a b' c");
    expect(all[0]).not.toHaveProperty('SizeRw');
  });

  it('limit takes the newest N in any state; size adds SizeRw and SizeRootFs', async () => {
    const d = await testDaemon();
    await three(d);
    expect(names(await list(d, '?limit=2'))).toEqual(['/new', '/mid']);
    const sized = await list(d, '?all=1&size=1');
    expect(sized[0]).toMatchObject({ SizeRw: 0, SizeRootFs: d.alpine.size });
  });

  it.each([
    [{ status: ['exited'] }, ['/old']],
    [{ status: ['created', 'running'] }, ['/new', '/mid']],
    [{ name: ['mi'] }, ['/mid']],
    [{ name: ['^/o'] }, []],
    [{ label: ['tier'] }, ['/mid']],
    [{ label: ['tier=b'] }, ['/mid']],
    [{ ancestor: ['alpine'] }, ['/mid']],
    [{ ancestor: ['nosuch'] }, []],
  ])('filters %j (without all)', async (f, expected) => {
    const d = await testDaemon();
    await three(d);
    expect(names(await list(d, `?${filter(f)}`))).toEqual(expected);
  });

  it.each([
    [{ exited: ['3'] }, ['/old']],
    [{ exited: ['0'] }, []],
    [{ before: ['mid'] }, ['/old']],
    [{ since: ['old'] }, ['/new', '/mid']],
    [{ label: ['tier=a'] }, ['/old']],
  ])('filters %j with all', async (f, expected) => {
    const d = await testDaemon();
    await three(d);
    expect(names(await list(d, `?all=1&${filter(f)}`))).toEqual(expected);
  });

  it('id filter by prefix; bad filters are 400, an unknown before/since container 404', async () => {
    const d = await testDaemon();
    const { old } = await three(d);
    expect(names(await list(d, `?all=1&${filter({ id: [old.slice(0, 8)] })}`))).toEqual(['/old']);
    expect(await d.api('GET', `/containers/json?${filter({ status: ['sleeping'] })}`)).toMatchObject({
      status: 400,
      json: { message: "invalid filter 'status=sleeping'" },
    });
    expect(await d.api('GET', `/containers/json?${filter({ exited: ['x'] })}`)).toMatchObject({
      status: 400,
      json: { message: "invalid filter 'exited=x'" },
    });
    expect(await d.api('GET', `/containers/json?${filter({ colour: ['red'] })}`)).toMatchObject({
      status: 400,
      json: { message: "invalid filter 'colour'" },
    });
    expect((await d.api('GET', `/containers/json?${filter({ before: ['nosuch'] })}`)).status).toBe(404);
  });

  it('the image column shows the ID once the name means another image', async () => {
    const d = await testDaemon();
    const { mid } = await three(d);
    d.ctx.store.untag('docker.io/library/alpine:latest');
    expect((await list(d)).find((r) => r.Id === mid)!.Image).toBe(d.alpine.id);
  });

  /** old (exited), web (ports), db (backend network, volume and bind), idle (plain bridge). */
  async function shapes(d: TestDaemon) {
    const net = await d.api('POST', '/networks/create', { Name: 'backend' });
    const backendId = (net.json as { Id: string }).Id;
    const old = await d.create(['exit', '3'], {}, 'old');
    await d.api('POST', `/containers/${old}/start`);
    await d.clock.advance(1000);
    const web = await d.create(
      ['sleep'],
      {
        ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
        HostConfig: {
          PortBindings: {
            '80/tcp': [{ HostIp: '', HostPort: '8080' }],
            '53/udp': [{ HostIp: '127.0.0.1', HostPort: '5353' }],
          },
        },
      },
      'web',
    );
    await d.api('POST', `/containers/${web}/start`);
    await d.clock.advance(1000);
    const db = await d.create(
      ['sleep'],
      { HostConfig: { NetworkMode: 'backend', Binds: ['data:/var/lib/data', '/srv:/srv:ro'] } },
      'db',
    );
    await d.api('POST', `/containers/${db}/start`);
    await d.clock.advance(1000);
    const idle = await d.create(['sleep'], {}, 'idle');
    await d.api('POST', `/containers/${idle}/start`);
    await settle(d.clock);
    const bridge = await d.api('GET', '/networks/bridge');
    return { backendId, bridgeId: (bridge.json as { Id: string }).Id };
  }

  const everyone = ['/idle', '/db', '/web', '/old'];
  it.each([
    [{ network: ['backend'] }, ['/db']],
    [{ network: ['bridge'] }, ['/idle', '/web', '/old']],
    [{ network: ['backend', 'nosuch'] }, ['/db']],
    [{ network: ['backe'] }, []],
    [{ network: ['BACKEND-ID'] }, ['/db']],
    [{ network: ['BRIDGE-ID'] }, ['/idle', '/web', '/old']],
    [{ volume: ['data'] }, ['/db']],
    [{ volume: ['/var/lib/data'] }, ['/db']],
    [{ volume: ['/srv'] }, ['/db']],
    [{ volume: ['/var/lib', 'dat'] }, []],
    [{ publish: ['8080'] }, ['/web']],
    [{ publish: ['8080/tcp'] }, ['/web']],
    [{ publish: ['8080/udp'] }, []],
    [{ publish: ['5353/udp'] }, ['/web']],
    [{ publish: ['8000-8100'] }, ['/web']],
    [{ publish: ['80'] }, []],
    // a port that is only exposed has public port 0, so dockerd's `publish=0` finds it
    [{ publish: ['0'] }, ['/web']],
    [{ expose: ['443'] }, ['/web']],
    [{ expose: ['80/'] }, ['/web']],
    [{ expose: ['53'] }, []],
    [{ expose: ['1-100/udp'] }, ['/web']],
    [{ expose: ['8080'] }, []],
    [{ expose: ['443'], publish: ['9999'] }, ['/web']],
    [{ health: ['none'] }, everyone],
    [{ health: ['healthy', 'starting', 'unhealthy'] }, []],
    [{ 'is-task': ['false'] }, everyone],
    [{ 'is-task': ['true'] }, []],
    [{ 'is-task': ['true', 'false'] }, []],
    // moby's ExactMatch passes an empty value list, so this reads as is-task=true
    [{ 'is-task': [] }, []],
    [{ isolation: ['default'] }, everyone],
    [{ isolation: ['hyperv'] }, everyone],
    [{ network: ['backend'], volume: ['/srv'], 'is-task': ['false'] }, ['/db']],
  ])('filters %j (all)', async (f, expected) => {
    const d = await testDaemon();
    const { backendId, bridgeId } = await shapes(d);
    const query = JSON.stringify(f).replace('BACKEND-ID', backendId.slice(0, 6)).replace('BRIDGE-ID', bridgeId);
    expect(names(await list(d, `?all=1&filters=${encodeURIComponent(query)}`))).toEqual(expected);
  });

  it('network, volume and port filters keep to running containers without all', async () => {
    const d = await testDaemon();
    await shapes(d);
    expect(names(await list(d, `?${filter({ network: ['bridge'] })}`))).toEqual(['/idle', '/web']);
  });

  it.each([
    [{ health: ['sick'] }, 400, 'Unrecognised filter value for health: sick'],
    [{ health: ['none', 'Healthy'] }, 400, 'Unrecognised filter value for health: Healthy'],
    [{ 'is-task': ['maybe'] }, 400, "invalid filter 'is-task=[maybe]'"],
    [{ publish: ['8080:80'] }, 500, "filter for 'publish' should not contain ':': 8080:80"],
    [
      { expose: ['abc'] },
      500,
      'error while looking up for expose abc: strconv.ParseUint: parsing "abc": invalid syntax',
    ],
    [{ expose: ['-1'] }, 500, 'error while looking up for expose -1: strconv.ParseUint: parsing "": invalid syntax'],
    [
      { publish: ['70000/udp'] },
      500,
      'error while looking up for publish 70000/udp: strconv.ParseUint: parsing "70000": value out of range',
    ],
    [{ publish: ['90-80'] }, 500, 'error while looking up for publish 90-80: invalid range specified for port: 90-80'],
    [{ publish: ['/udp'] }, 500, 'error while looking up for publish /udp: empty string specified for ports'],
    // moby checks status before is-task and health before the port filters
    [{ 'is-task': ['x'], status: ['up'] }, 400, "invalid filter 'status=up'"],
    [{ publish: ['a'], health: ['bad'] }, 400, 'Unrecognised filter value for health: bad'],
  ])('bad filter %j is %i: %s', async (f, status, message) => {
    const d = await testDaemon();
    await shapes(d);
    const before = names(await list(d, '?all=1'));
    expect(await d.api('GET', `/containers/json?${filter(f)}`)).toMatchObject({ status, json: { message } });
    expect(names(await list(d, '?all=1'))).toEqual(before);
  });
});
