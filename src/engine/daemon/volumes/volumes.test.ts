// Volumes, bind mounts and tmpfs through the real runtime: data that outlives the container,
// anonymous volumes that go with `--rm`, the image's files copied into an empty volume, tmpfs
// emptied by a stop, read-only mounts, the host's files behind a bind mount — and the volume
// endpoints with Docker's errors.
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../bytes';
import { MemoryBlobStore } from '../../store/memory-blob-store';
import { netDaemon } from '../networks/net.fixture';
import { networksFromData, networksToData, volumesFromData, volumesToData } from '../networks/network-data';
import type { Digest } from '../../digest';

type Vol = { Name: string; Labels: Record<string, string> | null; Mountpoint: string; Driver: string; Scope: string };

describe('named volumes', () => {
  it('data written through a volume survives docker rm; the writable layer does not', async () => {
    const d = await netDaemon();
    expect((await d.api('POST', '/volumes/create', { Name: 'data', Labels: {}, DriverOpts: {} })).json).toMatchObject({
      Name: 'data',
      Driver: 'local',
      Mountpoint: '/var/lib/docker/volumes/data/_data',
      Scope: 'local',
      Labels: {},
      Options: {},
    });
    const w = await d.run('busybox', ['sh', '-c', 'echo kept > /data/f; echo lost > /tmp/f'], {
      HostConfig: { Binds: ['data:/data'] },
    });
    expect(w.code).toBe(0);
    expect((await d.api('DELETE', `/containers/${w.id}`)).status).toBe(204);
    const r = await d.run('busybox', ['sh', '-c', 'cat /data/f; cat /tmp/f'], {
      HostConfig: { Binds: ['data:/data'] },
    });
    expect(r.stdout).toBe('kept\n');
    expect(r.stderr).toBe("cat: can't open '/tmp/f': No such file or directory\n");
    const inspect = (await d.api('GET', `/containers/${r.id}/json`)).json as { Mounts: unknown[] };
    expect(inspect.Mounts).toEqual([
      {
        Type: 'volume',
        Name: 'data',
        Source: '/var/lib/docker/volumes/data/_data',
        Destination: '/data',
        Driver: 'local',
        Mode: 'z',
        RW: true,
        Propagation: '',
      },
    ]);
    expect(await d.api('DELETE', '/volumes/data')).toMatchObject({
      status: 409,
      json: { message: `remove data: volume is in use - [${r.id}]` },
    });
    await d.api('DELETE', `/containers/${r.id}`);
    expect((await d.api('DELETE', '/volumes/data')).status).toBe(204);
    expect(await d.api('GET', '/volumes/data')).toMatchObject({
      status: 404,
      json: { message: 'get data: no such volume' },
    });
    expect((await d.api('DELETE', '/volumes/data?force=1')).status).toBe(204);
  });

  it('an empty volume gets a copy of the image files at its mount point; a non-empty one hides them', async () => {
    const d = await netDaemon();
    const first = await d.run('nginx', ['ls', '/usr/share/nginx/html'], {
      HostConfig: { Binds: ['site:/usr/share/nginx/html'] },
    });
    expect(first.stdout).toContain('index.html');
    await d.run('busybox', ['sh', '-c', 'rm /site/*; echo mine > /site/index.html'], {
      HostConfig: { Binds: ['site:/site'] },
    });
    const again = await d.run('nginx', ['cat', '/usr/share/nginx/html/index.html'], {
      HostConfig: { Binds: ['site:/usr/share/nginx/html'] },
    });
    expect(again.stdout).toBe('mine\n');
    const nocopy = await d.run('nginx', ['ls', '/usr/share/nginx/html'], {
      HostConfig: {
        Mounts: [{ Type: 'volume', Source: 'fresh', Target: '/usr/share/nginx/html', VolumeOptions: { NoCopy: true } }],
      },
    });
    expect(nocopy.stdout).toBe('');
  });

  it('a read-only mount refuses writes: Read-only file system', async () => {
    const d = await netDaemon();
    const r = await d.run('busybox', ['touch', '/data/x'], { HostConfig: { Binds: ['data:/data:ro'] } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('touch: /data/x: Read-only file system\n');
    const mounts = (
      (await d.api('GET', `/containers/${r.id}/json`)).json as { Mounts: { RW: boolean; Mode: string }[] }
    ).Mounts;
    expect(mounts[0]).toMatchObject({ RW: false, Mode: 'ro' });
  });

  it.each([
    [
      { Binds: ['./site:/x'] },
      'create ./site: "./site" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    ],
    [
      { Mounts: [{ Type: 'bind', Source: '/nope', Target: '/x' }] },
      'invalid mount config for type "bind": bind source path does not exist: /nope',
    ],
    [
      { Mounts: [{ Type: 'volume', Target: 'rel' }] },
      'invalid mount config for type "volume": invalid mount path: \'rel\' mount path must be absolute',
    ],
    [{ Binds: ['aa:/x', 'bb:/x'] }, 'Duplicate mount point: /x'],
    [
      { Binds: ['v:/x'] },
      'create v: "v" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    ],
  ])('%j is refused at create; nothing is made', async (hostConfig, message) => {
    const d = await netDaemon();
    expect(
      await d.api('POST', '/containers/create', {
        Image: 'busybox',
        HostConfig: { Binds: ['keep:/k'], ...hostConfig },
      }),
    ).toMatchObject({
      status: 400,
      json: { message },
    });
    expect(((await d.api('GET', '/volumes')).json as { Volumes: unknown[] }).Volumes).toEqual([]);
    expect(((await d.api('GET', '/containers/json?all=1')).json as unknown[]).length).toBe(0);
  });

  it('volume create refuses illegal names; ls filters; prune keeps named volumes unless all=true', async () => {
    const d = await netDaemon();
    expect(await d.api('POST', '/volumes/create', { Name: 'a b' })).toMatchObject({ status: 400 });
    await d.api('POST', '/volumes/create', { Name: 'named', Labels: { keep: 'yes' } });
    const anon = await d.run('busybox', ['true'], { Volumes: { '/scratch': {} } });
    const list = ((await d.api('GET', '/volumes')).json as { Volumes: Vol[] }).Volumes;
    expect(list.map((v) => v.Name)).toEqual(['named', expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(list[1]!.Labels).toEqual({ 'com.docker.volume.anonymous': '' });
    const dangling = `/volumes?filters=${encodeURIComponent('{"dangling":["true"]}')}`;
    expect(((await d.api('GET', dangling)).json as { Volumes: Vol[] }).Volumes.map((v) => v.Name)).toEqual(['named']);
    await d.api('DELETE', `/containers/${anon.id}`);
    const pruned = (await d.api('POST', '/volumes/prune')).json as { VolumesDeleted: string[] };
    expect(pruned.VolumesDeleted).toEqual([list[1]!.Name]);
    const all = (await d.api('POST', `/volumes/prune?filters=${encodeURIComponent('{"all":["true"]}')}`)).json;
    expect(all).toMatchObject({ VolumesDeleted: ['named'] });
  });
});

describe('anonymous volumes, tmpfs and bind mounts', () => {
  it('--rm removes the anonymous volumes of an image VOLUME or -v /path; rm without -v keeps them', async () => {
    const d = await netDaemon();
    await d.run('busybox', ['true'], { Volumes: { '/a': {} }, HostConfig: { AutoRemove: true } });
    expect(((await d.api('GET', '/volumes')).json as { Volumes: Vol[] }).Volumes).toEqual([]);
    const kept = await d.run('busybox', ['true'], { Volumes: { '/a': {} } });
    await d.api('DELETE', `/containers/${kept.id}`);
    expect(((await d.api('GET', '/volumes')).json as { Volumes: Vol[] }).Volumes).toHaveLength(1);
    const gone = await d.run('busybox', ['true'], { Volumes: { '/b': {} } });
    await d.api('DELETE', `/containers/${gone.id}?v=1`);
    expect(((await d.api('GET', '/volumes')).json as { Volumes: Vol[] }).Volumes).toHaveLength(1);
  });

  it('a tmpfs starts empty at every start: what it held is lost on stop', async () => {
    const d = await netDaemon();
    const script = 'ls /cache; echo x > /cache/f; echo y > /kept; ls /kept*';
    const first = await d.run('busybox', ['sh', '-c', script], { HostConfig: { Tmpfs: { '/cache': '' } } });
    expect(first.stdout).toBe('/kept\n');
    const restart = await d.clock.runUntil(d.api('POST', `/containers/${first.id}/start`));
    expect(restart.status).toBe(204);
    await d.clock.runUntil(d.api('POST', `/containers/${first.id}/wait`));
    const logs = await d.clock.runUntil(d.api('GET', `/containers/${first.id}/logs?stdout=1`));
    // second run: /cache was empty again (no `f` listed); the container's own layer kept /kept
    expect(logs.text).not.toContain('f\n');
    expect(logs.text.match(/\/kept/g)).toHaveLength(2);
    const inspect = await d.api('GET', `/containers/${first.id}/json`);
    expect((inspect.json as { HostConfig: { Tmpfs: unknown } }).HostConfig.Tmpfs).toEqual({ '/cache': '' });
  });

  it('a bind mount shows the host files live, both ways; -v makes a missing host directory', async () => {
    const d = await netDaemon();
    d.host.mkdir('/home/student/site');
    d.host.writeFile('/home/student/site/index.html', utf8('<h1>hello</h1>\n'));
    const web = await d.detached('nginx', {
      HostConfig: {
        Binds: ['/home/student/site:/usr/share/nginx/html:ro'],
        PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
      },
    });
    const get = async () => {
      const res = await d.clock.runUntil(
        d.svc.networking.publishedPort('127.0.0.1', 8080)!({ method: 'GET', url: '/', headers: {} }),
      );
      return new TextDecoder().decode(res.body as Uint8Array);
    };
    expect(await get()).toBe('<h1>hello</h1>\n');
    d.host.writeFile('/home/student/site/index.html', utf8('<h1>changed</h1>\n'));
    expect(await get()).toBe('<h1>changed</h1>\n');
    expect(web).toMatch(/^[0-9a-f]{64}$/);
    const w = await d.run('busybox', ['sh', '-c', 'echo from-container > /out/f'], {
      HostConfig: { Binds: ['/home/student/out:/out'] },
    });
    expect(w.code).toBe(0);
    expect(new TextDecoder().decode(d.host.readFile('/home/student/out/f'))).toBe('from-container\n');
  });
});

describe('system df and persistence', () => {
  it('/system/df counts volumes with their size and users', async () => {
    const d = await netDaemon();
    await d.run('busybox', ['sh', '-c', 'echo 12345 > /v/f'], { HostConfig: { Binds: ['vol:/v'] } });
    const df = (await d.api('GET', '/system/df?type=volume')).json as {
      Volumes: { Name: string; UsageData: unknown }[];
    };
    expect(df.Volumes).toEqual([expect.objectContaining({ Name: 'vol', UsageData: { Size: 6, RefCount: 1 } })]);
  });

  it('networks and volumes round-trip through data and the content store', async () => {
    const d = await netDaemon();
    await d.api('POST', '/networks/create', { Name: 'n', IPAM: { Config: [{ Subnet: '10.9.0.0/16' }] } });
    await d.run('busybox', ['sh', '-c', 'echo saved > /v/f'], { HostConfig: { Binds: ['vol:/v'] } });
    const blobs = new MemoryBlobStore();
    const networks = networksToData(d.svc.networking.networks);
    const volumes = await volumesToData(d.svc.volumes, (bytes) => blobs.put(bytes));
    const e = await netDaemon();
    networksFromData(e.svc.networking.networks, JSON.parse(JSON.stringify(networks)));
    await volumesFromData(
      e.svc.volumes,
      JSON.parse(JSON.stringify(volumes)),
      (digest: Digest) => blobs.get(digest),
      () => e.clock.now(),
    );
    expect(((await e.api('GET', '/networks/n')).json as { IPAM: unknown }).IPAM).toMatchObject({
      Config: [{ Subnet: '10.9.0.0/16', Gateway: '10.9.0.1' }],
    });
    const r = await e.run('busybox', ['cat', '/v/f'], { HostConfig: { Binds: ['vol:/v'], NetworkMode: 'n' } });
    expect(r.stdout).toBe('saved\n');
    expect(
      (await e.api('POST', '/networks/create', { Name: 'm', IPAM: { Config: [{ Subnet: '10.9.1.0/24' }] } })).status,
    ).toBe(403);
  });
});
