// The network endpoints as `docker network …` drives them: create, ls, inspect, connect and
// disconnect (live, on a running container), rm and prune, with Docker's errors and events.
import { describe, expect, it } from 'vitest';
import { netDaemon } from './net.fixture';

type Net = {
  Name: string;
  Id: string;
  Driver: string;
  IPAM: { Config: { Subnet: string; Gateway: string }[] };
  Containers: Record<string, { Name: string; IPv4Address: string }>;
  Options: Record<string, string>;
};

describe('the predefined networks', () => {
  it('bridge (172.17.0.0/16, docker0), host and none', async () => {
    const d = await netDaemon();
    const list = (await d.api('GET', '/networks')).json as Net[];
    expect(list.map((n) => [n.Name, n.Driver])).toEqual([
      ['bridge', 'bridge'],
      ['host', 'host'],
      ['none', 'null'],
    ]);
    const bridge = list[0]!;
    expect(bridge.IPAM.Config).toEqual([{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }]);
    expect(bridge.Options['com.docker.network.bridge.default_bridge']).toBe('true');
    expect(bridge.Options['com.docker.network.bridge.name']).toBe('docker0');
    for (const name of ['bridge', 'host', 'none']) {
      expect(await d.api('DELETE', `/networks/${name}`)).toMatchObject({
        status: 403,
        json: { message: `${name} is a pre-defined network and cannot be removed` },
      });
    }
  });
});

describe('docker network create', () => {
  it('user bridges get 172.18.0.0/16, 172.19.0.0/16… and a create event; inspect by name, ID, prefix', async () => {
    const d = await netDaemon();
    const a = await d.api('POST', '/networks/create', { Name: 'a', Labels: { team: 'x' } });
    expect(a.status).toBe(201);
    const id = (a.json as { Id: string; Warning: string }).Id;
    expect(a.json).toEqual({ Id: id, Warning: '' });
    await d.api('POST', '/networks/create', { Name: 'b' });
    const b = (await d.api('GET', '/networks/b')).json as Net;
    expect(b.IPAM.Config).toEqual([{ Subnet: '172.19.0.0/16', Gateway: '172.19.0.1' }]);
    expect(((await d.api('GET', `/networks/${id.slice(0, 6)}`)).json as Net).Name).toBe('a');
    const byLabel = (await d.api('GET', `/networks?filters=${encodeURIComponent('{"label":["team=x"]}')}`))
      .json as Net[];
    expect(byLabel.map((n) => n.Name)).toEqual(['a']);
    const custom = (await d.api('GET', `/networks?filters=${encodeURIComponent('{"type":["custom"]}')}`)).json as Net[];
    expect(custom.map((n) => n.Name)).toEqual(['a', 'b']);
    const ev = d.ctx.events.history().filter((e) => e.Type === 'network');
    expect(ev[0]).toMatchObject({ Action: 'create', Actor: { ID: id, Attributes: { name: 'a', type: 'bridge' } } });
  });

  it.each([
    [{ Name: 'bridge' }, 409, 'network with name bridge already exists'],
    [
      { Name: 'n', IPAM: { Config: [{ Subnet: '300.0.0.0/16' }] } },
      400,
      'invalid network config:\ninvalid subnet 300.0.0.0/16: invalid CIDR block notation',
    ],
    [
      { Name: 'n', IPAM: { Config: [{ Subnet: '172.17.5.0/24' }] } },
      403,
      'invalid pool request: Pool overlaps with other one on this address space',
    ],
    [{ Name: 'n', Driver: 'host' }, 403, 'only one instance of "host" network is allowed'],
    [{ Name: 'n', Driver: 'weave' }, 404, 'plugin "weave" not found'],
  ])('%j → %i', async (body, status, message) => {
    const d = await netDaemon();
    expect(await d.api('POST', '/networks/create', body)).toMatchObject({ status, json: { message } });
    expect(((await d.api('GET', '/networks')).json as Net[]).map((n) => n.Name)).toEqual(['bridge', 'host', 'none']);
  });

  it('a second network with the same name is refused; an overlapping subnet too', async () => {
    const d = await netDaemon();
    await d.api('POST', '/networks/create', {
      Name: 'n',
      IPAM: { Config: [{ Subnet: '10.10.0.0/16', Gateway: '10.10.0.254' }] },
    });
    expect((await d.api('POST', '/networks/create', { Name: 'n' })).status).toBe(409);
    expect(
      (await d.api('POST', '/networks/create', { Name: 'm', IPAM: { Config: [{ Subnet: '10.10.3.0/24' }] } })).status,
    ).toBe(403);
    const n = (await d.api('GET', '/networks/n')).json as Net;
    expect(n.IPAM.Config).toEqual([{ Subnet: '10.10.0.0/16', Gateway: '10.10.0.254' }]);
    expect((await d.api('GET', '/networks/nosuch')).json).toEqual({ message: 'network nosuch not found' });
  });
});

describe('containers on networks', () => {
  it('inspect shows the endpoint: address, gateway, DNSNames with the short ID, aliases', async () => {
    const d = await netDaemon();
    await d.api('POST', '/networks/create', { Name: 'n' });
    const id = await d.detached(
      'busybox',
      {
        Cmd: ['sleep', '1000'],
        HostConfig: { NetworkMode: 'n' },
        NetworkingConfig: { EndpointsConfig: { n: { Aliases: ['db'] } } },
      },
      'c1',
    );
    const inspect = (await d.api('GET', `/containers/${id}/json`)).json as {
      NetworkSettings: { IPAddress: string; Networks: Record<string, Record<string, unknown>> };
    };
    expect(inspect.NetworkSettings.IPAddress).toBe('');
    expect(inspect.NetworkSettings.Networks.n).toMatchObject({
      Aliases: ['db'],
      IPAddress: '172.18.0.2',
      IPPrefixLen: 16,
      Gateway: '172.18.0.1',
      MacAddress: '02:42:ac:12:00:02',
      DNSNames: ['c1', id.slice(0, 12), 'db'],
    });
    const net = (await d.api('GET', '/networks/n')).json as Net;
    expect(net.Containers[id]).toMatchObject({ Name: 'c1', IPv4Address: '172.18.0.2/16', IPv6Address: '' });
  });

  it('an alias or a fixed address on the default bridge is refused at create; nothing is made', async () => {
    const d = await netDaemon();
    const r = await d.api('POST', '/containers/create', {
      Image: 'busybox',
      NetworkingConfig: { EndpointsConfig: { bridge: { Aliases: ['x'] } } },
    });
    expect(r).toMatchObject({
      status: 400,
      json: {
        message:
          'invalid config for network bridge: invalid endpoint settings:\nnetwork-scoped alias is supported only for containers in user defined networks',
      },
    });
    expect(((await d.api('GET', '/containers/json?all=1')).json as unknown[]).length).toBe(0);
  });

  it('a network that does not exist fails the start, not the create', async () => {
    const d = await netDaemon();
    const created = await d.api('POST', '/containers/create', {
      Image: 'busybox',
      HostConfig: { NetworkMode: 'nosuch' },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { Id: string }).Id;
    expect(await d.api('POST', `/containers/${id}/start`)).toMatchObject({
      status: 404,
      json: { message: 'failed to set up container networking: network nosuch not found' },
    });
  });

  it('connect and disconnect live: the running container gains and loses eth1 and its name on the network', async () => {
    const d = await netDaemon();
    await d.api('POST', '/networks/create', { Name: 'n' });
    const web = await d.detached('nginx', {}, 'web');
    const before = await d.run('busybox', ['wget', '-qO-', 'http://web'], { HostConfig: { NetworkMode: 'n' } });
    expect(before.stderr).toBe("wget: bad address 'web'\n");
    expect(
      (await d.api('POST', '/networks/n/connect', { Container: 'web', EndpointConfig: { Aliases: ['www'] } })).status,
    ).toBe(200);
    const inspect = (await d.api('GET', `/containers/${web}/json`)).json as {
      NetworkSettings: { Networks: Record<string, { IPAddress: string }> };
    };
    expect(Object.keys(inspect.NetworkSettings.Networks)).toEqual(['bridge', 'n']);
    expect(inspect.NetworkSettings.Networks.n!.IPAddress).toBe('172.18.0.2');
    const after = await d.run('busybox', ['wget', '-qO-', 'http://www'], { HostConfig: { NetworkMode: 'n' } });
    expect(after.stdout).toContain('Welcome to nginx!');
    expect(await d.api('POST', '/networks/n/connect', { Container: 'web' })).toMatchObject({
      status: 403,
      json: { message: 'endpoint with name web already exists in network n' },
    });
    expect(await d.api('DELETE', '/networks/n')).toMatchObject({
      status: 403,
      json: {
        message: expect.stringMatching(
          /^error while removing network: network n has active endpoints \(name:"web" id:"[0-9a-f]{12}"\)$/,
        ),
      },
    });
    expect((await d.api('POST', '/networks/n/disconnect', { Container: 'web' })).status).toBe(200);
    const gone = await d.run('busybox', ['wget', '-qO-', 'http://www'], { HostConfig: { NetworkMode: 'n' } });
    expect(gone.stderr).toBe("wget: bad address 'www'\n");
    expect(await d.api('POST', '/networks/n/disconnect', { Container: 'web' })).toMatchObject({
      json: { message: 'container web is not connected to network n' },
    });
    expect((await d.api('DELETE', '/networks/n')).status).toBe(204);
    const ofWeb = d.ctx.events
      .history()
      .filter((e) => e.Type === 'network' && e.Actor.Attributes.name === 'n' && e.Actor.Attributes.container === web)
      .map((e) => e.Action);
    expect(ofWeb).toEqual(['connect', 'disconnect']);
    expect(d.ctx.events.history().at(-1)).toMatchObject({ Type: 'network', Action: 'destroy' });
  });

  it('prune removes user networks without endpoints', async () => {
    const d = await netDaemon();
    await d.api('POST', '/networks/create', { Name: 'idle' });
    await d.api('POST', '/networks/create', { Name: 'busy' });
    await d.detached('busybox', { Cmd: ['sleep', '1000'], HostConfig: { NetworkMode: 'busy' } });
    expect((await d.api('POST', '/networks/prune')).json).toEqual({ NetworksDeleted: ['idle'] });
    expect((await d.api('POST', '/networks/prune')).json).toEqual({ NetworksDeleted: null });
  });
});
