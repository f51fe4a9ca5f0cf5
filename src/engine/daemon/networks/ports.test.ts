// Published ports: `-p` bindings checked at create, allocated at start (IPv4 and IPv6 wildcards,
// a given address, random ports from 32768, host ranges, -P), shown by ps and inspect, reached
// from the host; a clash fails the start with Docker's words and leaves nothing allocated.
import { describe, expect, it } from 'vitest';
import { PortAllocator } from './ports';
import { netDaemon } from './net.fixture';

const bind = (bindings: Record<string, { HostIp?: string; HostPort: string }[]>) =>
  Object.fromEntries(
    Object.entries(bindings).map(([k, v]) => [k, v.map((b) => ({ HostIp: b.HostIp ?? '', HostPort: b.HostPort }))]),
  );

describe('the port allocator', () => {
  it('random ports go up from 32768, the next after the last given, skipping taken ones', () => {
    const ports = new PortAllocator();
    const a = ports.allocate('a', bind({ '80/tcp': [{ HostPort: '' }] }));
    expect(a.map((p) => `${p.hostIp}:${p.hostPort}`)).toEqual(['0.0.0.0:32768', ':::32768']);
    ports.allocate('b', bind({ '80/tcp': [{ HostPort: '32769' }] }));
    expect(ports.allocate('c', bind({ '80/tcp': [{ HostPort: '' }] }))[0]!.hostPort).toBe(32770);
    ports.release('a');
    expect(ports.allocate('d', bind({ '80/tcp': [{ HostPort: '0' }] }))[0]!.hostPort).toBe(32771);
  });

  it('a clash on the same address or a wildcard; a host range takes its first free port; all or nothing', () => {
    const ports = new PortAllocator();
    ports.allocate('a', bind({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] }));
    expect(() => ports.allocate('b', bind({ '80/tcp': [{ HostPort: '8080' }] }))).toThrow(
      'Bind for 0.0.0.0:8080 failed: port is already allocated',
    );
    expect(ports.allocate('c', bind({ '80/tcp': [{ HostIp: '10.0.0.5', HostPort: '8080' }] }))).toHaveLength(1);
    expect(ports.allocate('d', bind({ '80/udp': [{ HostPort: '8080' }] }))).toHaveLength(2);
    expect(ports.allocate('e', bind({ '80/tcp': [{ HostPort: '8080-8082' }] }))[0]!.hostPort).toBe(8081);
    expect(() =>
      ports.allocate('f', bind({ '80/tcp': [{ HostPort: '9000' }], '81/tcp': [{ HostPort: '8081' }] })),
    ).toThrow();
    expect(ports.of('f')).toEqual([]);
    expect(ports.holder('0.0.0.0', 9000, 'tcp')).toBeUndefined();
  });
});

describe('-p and -P on containers', () => {
  it('-p 8080:80: ps lists IPv4 and IPv6, inspect the bindings; the host reaches nginx; the clash', async () => {
    const d = await netDaemon();
    const web = await d.detached(
      'nginx',
      { HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } },
      'web',
    );
    const ps = (await d.api('GET', '/containers/json')).json as { Ports: unknown[] }[];
    expect(ps[0]!.Ports).toEqual([
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    ]);
    const inspect = (await d.api('GET', `/containers/${web}/json`)).json as {
      NetworkSettings: { Ports: unknown };
      HostConfig: { PortBindings: unknown };
    };
    expect(inspect.NetworkSettings.Ports).toEqual({
      '80/tcp': [
        { HostIp: '0.0.0.0', HostPort: '8080' },
        { HostIp: '::', HostPort: '8080' },
      ],
    });
    expect(inspect.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
    const handler = d.svc.networking.publishedPort('127.0.0.1', 8080);
    const page = await d.clock.runUntil(handler!({ method: 'GET', url: '/', headers: { Host: 'localhost:8080' } }));
    expect(page.status).toBe(200);
    expect(d.svc.networking.publishedPort('127.0.0.1', 8081)).toBeUndefined();

    const created = await d.api('POST', '/containers/create?name=web2', {
      Image: 'nginx',
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    });
    const second = (created.json as { Id: string }).Id;
    const start = await d.clock.runUntil(d.api('POST', `/containers/${second}/start`));
    expect(start.status).toBe(500);
    expect((start.json as { message: string }).message).toMatch(
      /^failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/,
    );
    const state = (await d.api('GET', `/containers/${second}/json`)).json as { State: { Status: string } };
    expect(state.State.Status).toBe('created');
    // nothing half-made: its address went back, so the next container gets 172.17.0.3
    const next = await d.run('busybox', ['hostname', '-i']);
    expect(next.stdout.trim()).toBe('172.17.0.3');
  });

  it('-p 127.0.0.1:8080:80 binds that address only; -P publishes EXPOSEd ports on random ports', async () => {
    const d = await netDaemon();
    await d.detached('nginx', {
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] } },
    });
    await d.detached('nginx', { HostConfig: { PublishAllPorts: true } });
    const ps = (await d.api('GET', '/containers/json')).json as { Ports: unknown[] }[];
    expect(ps.map((c) => c.Ports)).toEqual([
      [
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 32768, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 32768, Type: 'tcp' },
      ],
      [{ IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }],
    ]);
    expect(d.svc.networking.publishedPort('192.168.1.23', 8080)).toBeUndefined();
    expect(d.svc.networking.publishedPort('localhost', 32768)).toBeDefined();
  });

  it.each([
    [{ '80/tcp': [{ HostIp: '', HostPort: '99999' }] }, 'invalid port specification: "99999"'],
    [{ 'abc/tcp': [{ HostIp: '', HostPort: '80' }] }, 'invalid port specification: "abc"'],
  ])('bad bindings %j are refused at create', async (bindings, message) => {
    const d = await netDaemon();
    expect(
      await d.api('POST', '/containers/create', { Image: 'nginx', HostConfig: { PortBindings: bindings } }),
    ).toMatchObject({
      status: 400,
      json: { message },
    });
    expect(((await d.api('GET', '/containers/json?all=1')).json as unknown[]).length).toBe(0);
  });

  it('--network host with -p: a warning, and no ports programmed', async () => {
    const d = await netDaemon();
    const created = await d.api('POST', '/containers/create', {
      Image: 'busybox',
      HostConfig: { NetworkMode: 'host', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } },
    });
    expect(created.json).toMatchObject({ Warnings: ['Published ports are discarded when using host network mode'] });
  });
});
