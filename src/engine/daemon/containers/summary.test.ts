// `GET /containers/json` byte for byte: a daemon holding one container of each kind the summary
// distinguishes — published and exposed ports, labels, volumes, binds and tmpfs, a user-defined
// network beside the bridge, host and none networking, paused, exited and never-started ones, an
// image name that now means another image — listed with and without `size`, and with filters,
// against golden files (testdata/*.golden, compared exactly; UPDATE_GOLDEN=1 rewrites them). The
// files were written before the listing was made fast (issue 6, bench row P4): they say it still
// answers byte for byte the same.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settle, testDaemon, type TestDaemon } from './containers.fixture';

function golden(name: string, actual: string): void {
  const path = new URL(`./testdata/${name}.golden`, import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`missing golden file ${path.pathname}: run with UPDATE_GOLDEN=1`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

async function start(d: TestDaemon, id: string): Promise<void> {
  const answer = await d.api('POST', `/containers/${id}/start`);
  if (answer.status !== 204) throw new Error(`start failed: ${answer.status} ${answer.text}`);
}

/** Seven containers, a second apart, in every shape `docker ps` shows. */
async function classroom(d: TestDaemon): Promise<void> {
  const net = await d.api('POST', '/networks/create', {
    Name: 'backend',
    IPAM: { Config: [{ Subnet: '10.9.0.0/16' }] },
  });
  if (net.status !== 201) throw new Error(`network create failed: ${net.status} ${net.text}`);
  const never = await d.create(['echo', 'a b', '<&>'], { Labels: { z: '1', a: 'é<x>', m: '' } }, 'never');
  void never;
  await d.clock.advance(1000);
  const web = await d.create(
    ['sleep'],
    {
      ExposedPorts: { '443/tcp': {}, '80/tcp': {}, '53/udp': {} },
      HostConfig: {
        PortBindings: {
          '80/tcp': [{ HostIp: '', HostPort: '8080' }],
          '53/udp': [{ HostIp: '127.0.0.1', HostPort: '5353' }],
        },
      },
    },
    'web',
  );
  await start(d, web);
  await d.clock.advance(1000);
  const db = await d.create(
    ['sleep'],
    {
      HostConfig: { NetworkMode: 'backend', Binds: ['data:/var/lib/data', '/srv:/srv:ro'], Tmpfs: { '/run': '' } },
      NetworkingConfig: { EndpointsConfig: { backend: { Aliases: ['database'] } } },
    },
    'db',
  );
  await start(d, db);
  const connect = await d.api('POST', '/networks/bridge/connect', { Container: db });
  if (connect.status !== 200) throw new Error(`connect failed: ${connect.status} ${connect.text}`);
  await d.clock.advance(1000);
  const done = await d.create(['exit', '3'], { HostConfig: { NetworkMode: 'none' } }, 'done');
  await start(d, done);
  await d.clock.advance(1000);
  const hosted = await d.create(['sleep'], { HostConfig: { NetworkMode: 'host' } }, 'hosted');
  await start(d, hosted);
  await d.clock.advance(1000);
  const frozen = await d.create(['sleep'], {}, 'frozen');
  await start(d, frozen);
  await d.api('POST', `/containers/${frozen}/pause`);
  await d.clock.advance(1000);
  await d.create(['sleep'], { Image: d.alpine.id }, 'by-id');
  await settle(d.clock);
  await d.clock.advance(65_000);
}

describe('GET /containers/json, exactly', () => {
  it('lists every kind of container as it always has', async () => {
    const d = await testDaemon();
    await classroom(d);
    golden('list-all.json', (await d.api('GET', '/containers/json?all=1')).text);
    golden('list-running.json', (await d.api('GET', '/containers/json')).text);
    golden('list-size.json', (await d.api('GET', '/containers/json?all=1&size=1&limit=3')).text);
    const filters = encodeURIComponent(JSON.stringify({ label: ['a'] }));
    golden('list-filtered.json', (await d.api('GET', `/containers/json?all=1&filters=${filters}`)).text);
  });

  it('shows the image ID once the name means another image (or nothing)', async () => {
    const d = await testDaemon();
    await classroom(d);
    d.ctx.store.untag('docker.io/library/alpine:latest');
    golden('list-untagged.json', (await d.api('GET', '/containers/json?all=1')).text);
  });
});
