// `--network container:<name|id>` through the real runtime: the joiner sees web's interfaces and
// address, reaches nginx on localhost, takes web's hostname and /etc/hosts; inspect and the list
// show no network of its own; moby's refusals at create (before the image is looked up) and at
// start, each leaving nothing half-made; web stopping takes the shared interfaces away.
import { describe, expect, it } from 'vitest';
import { netDaemon, type NetDaemon } from './net.fixture';

const joining = (target: string, extra: Record<string, unknown> = {}) => ({
  HostConfig: { NetworkMode: `container:${target}`, ...extra },
});

interface Inspect {
  Config: { Hostname: string };
  HostConfig: { NetworkMode: string };
  State: { Status: string; Error: string; ExitCode: number };
  NetworkSettings: {
    SandboxID: string;
    SandboxKey: string;
    Ports: Record<string, unknown>;
    Networks: Record<string, { IPAddress: string }>;
  };
}

async function inspect(d: NetDaemon, id: string): Promise<Inspect> {
  return (await d.api('GET', `/containers/${id}/json`)).json as Inspect;
}

async function containerCount(d: NetDaemon): Promise<number> {
  return ((await d.api('GET', '/containers/json?all=1')).json as unknown[]).length;
}

describe('create refuses what a shared namespace cannot honour, in moby’s words and order', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'no container named',
      { HostConfig: { NetworkMode: 'container:' } },
      'Invalid network mode: invalid container format container:<name|id>',
    ],
    ['--hostname', { Hostname: 'h', ...joining('web') }, 'conflicting options: hostname and the network mode'],
    [
      '--link',
      joining('web', { Links: ['db:db'] }),
      "conflicting options: container type network can't be used with links. This would result in undefined behavior",
    ],
    ['--dns', joining('web', { Dns: ['1.1.1.1'] }), 'conflicting options: dns and the network mode'],
    [
      '--add-host',
      joining('web', { ExtraHosts: ['x:1.2.3.4'] }),
      'conflicting options: custom host-to-IP mapping and the network mode',
    ],
    [
      '-p',
      joining('web', { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } }),
      'conflicting options: port publishing and the container type network mode',
    ],
    [
      '-P',
      joining('web', { PublishAllPorts: true }),
      'conflicting options: port publishing and the container type network mode',
    ],
    [
      '--expose',
      { ExposedPorts: { '80/tcp': {} }, ...joining('web') },
      'conflicting options: port exposing and the container type network mode',
    ],
    [
      '--hostname before --dns',
      { Hostname: 'h', ...joining('web', { Dns: ['1.1.1.1'] }) },
      'conflicting options: hostname and the network mode',
    ],
  ];
  it.each(cases)('%s', async (_, body, message) => {
    const d = await netDaemon();
    // an image that does not exist: the conflict is found first, as moby checks while decoding
    const answer = await d.api('POST', '/containers/create', { Image: 'nosuchimage', Cmd: ['true'], ...body });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ message });
    expect(await containerCount(d)).toBe(0);
  });

  it('accepts empty lists as the CLI sends them (`"Dns":[]`, `"PortBindings":{}`)', async () => {
    const d = await netDaemon();
    const answer = await d.api('POST', '/containers/create', {
      Image: 'busybox',
      Hostname: '',
      Cmd: ['true'],
      ...joining('web', { Dns: [], PortBindings: {}, ExtraHosts: null, Links: null }),
    });
    expect(answer.status).toBe(201);
  });
});

describe('a container in another container’s namespace', () => {
  it('sees web’s eth0 and address, reaches nginx on localhost, has web’s hostname and /etc/hosts', async () => {
    const d = await netDaemon();
    const web = await d.detached('nginx', {}, 'web');
    const webIp = (await inspect(d, web)).NetworkSettings.Networks.bridge!.IPAddress;
    expect(webIp).toBe('172.17.0.2');

    const ip = await d.run('busybox', ['ip', 'addr'], joining('web'));
    expect(ip.stdout).toContain(`inet ${webIp}/16`);
    expect(ip.stdout).toContain('eth0');

    const page = await d.run('busybox', ['wget', '-qO-', 'http://localhost:80'], joining('web'));
    expect(page.code).toBe(0);
    expect(page.stdout).toContain('Welcome to nginx!');

    const names = await d.run('busybox', ['sh', '-c', 'hostname; cat /etc/hosts'], joining(web.slice(0, 12)));
    expect(names.stdout.split('\n')[0]).toBe(web.slice(0, 12));
    expect(names.stdout).toContain(`${webIp}\t${web.slice(0, 12)}`);
  });

  it('inspect: NetworkMode as sent, no sandbox, no networks, no ports; the hostname is web’s after start', async () => {
    const d = await netDaemon();
    const web = await d.detached('nginx', { Hostname: 'webhost' }, 'web');
    const joiner = await d.detached('nginx', { Cmd: ['sleep', '1000'], ...joining('web') }, 'side');
    const seen = await inspect(d, joiner);
    expect(seen.State.Status).toBe('running');
    expect(seen.HostConfig.NetworkMode).toBe('container:web');
    expect(seen.Config.Hostname).toBe('webhost');
    expect(seen.NetworkSettings.SandboxID).toBe('');
    expect(seen.NetworkSettings.SandboxKey).toBe('');
    expect(seen.NetworkSettings.Networks).toEqual({});
    expect(seen.NetworkSettings.Ports).toEqual({});
    // nginx's image exposes 80/tcp, but the joiner has no ports of its own: `docker ps` PORTS is empty
    const list = (await d.api('GET', '/containers/json')).json as { Id: string; Ports: unknown[] }[];
    expect(list.find((c) => c.Id === joiner)!.Ports).toEqual([]);
    expect(list.find((c) => c.Id === web)!.Ports).toEqual([{ PrivatePort: 80, Type: 'tcp' }]);
  });

  it('serves on the shared namespace: web’s published port reaches the joiner’s server', async () => {
    const d = await netDaemon();
    await d.detached(
      'busybox',
      { Cmd: ['sleep', '1000'], HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } },
      'holder',
    );
    await d.detached('nginx', joining('holder'), 'web');
    const handler = d.svc.networking.publishedPort('127.0.0.1', 8080);
    const answer = await d.clock.runUntil(handler!({ method: 'GET', url: '/', headers: { Host: 'localhost' } }));
    expect(answer.status).toBe(200);
  });

  it('loses the shared interfaces when web stops, keeping loopback', async () => {
    const d = await netDaemon();
    await d.detached('busybox', { Cmd: ['sleep', '1000'] }, 'web');
    const joiner = await d.detached('busybox', { Cmd: ['sleep', '1000'], ...joining('web') }, 'side');
    expect((await d.exec(joiner, ['ip', 'addr'])).stdout).toContain('eth0');
    const stop = await d.clock.runUntil(d.api('POST', '/containers/web/stop?t=0'));
    expect(stop.status).toBe(204);
    const after = await d.exec(joiner, ['ip', 'addr']);
    expect(after.stdout).toContain('inet 127.0.0.1/8');
    expect(after.stdout).not.toContain('eth0');
  });
});

describe('start refuses to join, and the joiner stays as it was', () => {
  const cases: [string, (d: NetDaemon) => Promise<string>, number, string][] = [
    [
      'a container that does not exist',
      async () => 'ghost',
      500,
      'joining network namespace of container: No such container: ghost',
    ],
    ['itself', async () => 'self', 500, 'cannot join own network namespace'],
    [
      'a container that is not running',
      async (d) => {
        await d.run('busybox', ['true'], {}, 'done');
        return 'done';
      },
      409,
      'cannot join network namespace of a non running container: container done is exited',
    ],
    [
      'a container only created',
      async (d) => {
        await d.api('POST', '/containers/create?name=fresh', { Image: 'busybox', Cmd: ['true'] });
        return 'fresh';
      },
      409,
      'cannot join network namespace of a non running container: container fresh is created',
    ],
  ];
  it.each(cases)('%s', async (_, target, status, message) => {
    const d = await netDaemon();
    const name = await target(d);
    const created = await d.api('POST', '/containers/create?name=self', {
      Image: 'busybox',
      Cmd: ['true'],
      ...joining(name),
    });
    const id = (created.json as { Id: string }).Id;
    const before = await inspect(d, id);
    const start = await d.clock.runUntil(d.api('POST', `/containers/${id}/start`));
    expect(start.status).toBe(status);
    expect(start.json).toEqual({ message });
    const after = await inspect(d, id);
    expect(after.State.Status).toBe('created');
    expect(after.State.Error).toBe(message);
    expect(after.Config.Hostname).toBe(before.Config.Hostname);
    expect(after.NetworkSettings.SandboxID).toBe('');
  });
});
