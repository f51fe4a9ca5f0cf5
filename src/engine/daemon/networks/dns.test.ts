// Name resolution and reachability between containers, through the real runtime: nginx serving its
// page, busybox's wget fetching it — by name on a user-defined network, by address only on the
// default bridge, nothing across networks, the host's stack with `--network host`, loopback only
// with `--network none`.
import { describe, expect, it } from 'vitest';
import { netDaemon, type NetDaemon } from './net.fixture';

const netOf = (name: string) => ({ HostConfig: { NetworkMode: name } });

async function ipOf(d: NetDaemon, id: string, network: string): Promise<string> {
  const inspect = (await d.api('GET', `/containers/${id}/json`)).json as {
    NetworkSettings: { Networks: Record<string, { IPAddress: string }> };
  };
  return inspect.NetworkSettings.Networks[network]!.IPAddress;
}

describe('a user-defined network', () => {
  it('resolves container names, aliases and short IDs; wget fetches nginx by name', async () => {
    const d = await netDaemon();
    expect((await d.api('POST', '/networks/create', { Name: 'n' })).status).toBe(201);
    const web = await d.detached(
      'nginx',
      { HostConfig: { NetworkMode: 'n' }, NetworkingConfig: { EndpointsConfig: { n: { Aliases: ['site'] } } } },
      'web',
    );
    for (const host of ['web', 'site', web.slice(0, 12)]) {
      const r = await d.run('busybox', ['wget', '-qO-', `http://${host}`], netOf('n'));
      expect(r.code, host).toBe(0);
      expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    }
  });

  it('/etc/resolv.conf names the embedded DNS server; the default bridge gets the host resolver', async () => {
    const d = await netDaemon();
    await d.api('POST', '/networks/create', { Name: 'n' });
    const onUser = await d.run('busybox', ['cat', '/etc/resolv.conf'], netOf('n'));
    expect(onUser.stdout).toContain('nameserver 127.0.0.11\noptions ndots:0\n');
    expect(onUser.stdout).toContain("# Based on host file: '/etc/resolv.conf' (internal resolver)");
    const onBridge = await d.run('busybox', ['cat', '/etc/resolv.conf']);
    expect(onBridge.stdout).toContain('nameserver 192.168.1.1');
    expect(onBridge.stdout).not.toContain('127.0.0.11');
  });
});

describe('the default bridge', () => {
  it('does not resolve names (`bad address`), but reaches the container by address', async () => {
    const d = await netDaemon();
    const web = await d.detached('nginx', {}, 'web');
    const byName = await d.run('busybox', ['wget', '-qO-', 'http://web']);
    expect(byName.code).toBe(1);
    expect(byName.stderr).toBe("wget: bad address 'web'\n");
    const ip = await ipOf(d, web, 'bridge');
    expect(ip).toBe('172.17.0.2');
    const byIp = await d.run('busybox', ['wget', '-qO-', `http://${ip}`]);
    expect(byIp.stdout).toContain('Welcome to nginx!');
  });
});

describe('isolation and special modes', () => {
  it('containers on different networks cannot reach each other', async () => {
    const d = await netDaemon();
    await d.api('POST', '/networks/create', { Name: 'a' });
    await d.api('POST', '/networks/create', { Name: 'b' });
    const web = await d.detached('nginx', netOf('a'), 'web');
    const ip = await ipOf(d, web, 'a');
    expect(ip).toBe('172.18.0.2');
    const r = await d.run('busybox', ['wget', '-qO-', `http://${ip}`], netOf('b'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`can't connect to remote host (${ip})`);
    const byName = await d.run('busybox', ['wget', '-qO-', 'http://web'], netOf('b'));
    expect(byName.stderr).toBe("wget: bad address 'web'\n");
  });

  it('--network none has loopback only', async () => {
    const d = await netDaemon();
    const r = await d.run('busybox', ['ip', 'addr'], netOf('none'));
    expect(r.stdout).toContain('inet 127.0.0.1/8');
    expect(r.stdout).not.toContain('eth0');
    const out = await d.run('busybox', ['wget', '-qO-', 'http://172.17.0.1'], netOf('none'));
    expect(out.stderr).toContain("can't connect to remote host (172.17.0.1)");
  });

  it('--network host shares the host stack: its server is the host port; published ports are reached at localhost', async () => {
    const d = await netDaemon();
    await d.detached(
      'nginx',
      { HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } },
      'web',
    );
    const viaHost = await d.run('busybox', ['wget', '-qO-', 'http://localhost:8080'], netOf('host'));
    expect(viaHost.stdout).toContain('Welcome to nginx!');
    const hostNginx = await d.detached('nginx', netOf('host'), 'hostweb');
    expect(hostNginx).toMatch(/^[0-9a-f]{64}$/);
    const handler = d.svc.networking.publishedPort('127.0.0.1', 80);
    expect(handler).toBeDefined();
    const answer = await d.clock.runUntil(handler!({ method: 'GET', url: '/', headers: { Host: 'localhost' } }));
    expect(answer.status).toBe(200);
  });
});
