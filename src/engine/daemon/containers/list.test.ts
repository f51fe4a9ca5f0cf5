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
});
