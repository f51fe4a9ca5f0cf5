// `POST /containers/create`: the body as Go decodes it, the image lookup that makes `docker run`
// pull, names, the merge with the image's Config, and what a new container looks like.
import { describe, expect, it } from 'vitest';
import { changes } from '../../layer/changes';
import { settle, testDaemon } from './containers.fixture';

type Inspect = {
  Id: string;
  Name: string;
  Path: string;
  Args: string[];
  Config: {
    Hostname: string;
    Env: string[];
    Cmd: string[];
    Entrypoint: string[] | null;
    Image: string;
    Labels: Record<string, string>;
  };
  HostConfig: Record<string, unknown>;
  State: { Status: string };
};

describe('create', () => {
  it('201 with the ID and no warnings; a generated name; hostname = short ID; created event', async () => {
    const d = await testDaemon();
    const answer = await d.api('POST', '/v1.50/containers/create', {
      Image: 'alpine',
      Cmd: ['echo', 'hello'],
      Labels: {},
    });
    expect(answer.status).toBe(201);
    const { Id, Warnings } = answer.json as { Id: string; Warnings: string[] };
    expect(Id).toMatch(/^[0-9a-f]{64}$/);
    expect(Warnings).toEqual([]);
    const inspect = (await d.api('GET', `/containers/${Id}/json`)).json as Inspect;
    expect(inspect.Name).toMatch(/^\/[a-z]+_[a-z]+$/);
    expect(inspect.Config.Hostname).toBe(Id.slice(0, 12));
    expect(inspect).toMatchObject({ Path: 'echo', Args: ['hello'], State: { Status: 'created' } });
    expect(d.ctx.events.history().map((e) => [e.Type, e.Action, e.Actor.Attributes.image])).toEqual([
      ['container', 'create', 'alpine'],
    ]);
  });

  it('a missing image: 404 No such image with the default tag (the CLI then pulls)', async () => {
    const d = await testDaemon();
    expect(await d.api('POST', '/containers/create', { Image: 'nginx', Cmd: ['x'] })).toMatchObject({
      status: 404,
      json: { message: 'No such image: nginx:latest' },
    });
  });

  it('names: --name taken is 409 with the holder; an invalid name is 400', async () => {
    const d = await testDaemon();
    const first = await d.create(['sleep'], {}, 'web');
    expect(await d.api('POST', '/containers/create?name=web', { Image: 'alpine' })).toMatchObject({
      status: 409,
      json: {
        message: `Conflict. The container name "/web" is already in use by container "${first}". You have to remove (or rename) that container to be able to reuse that name.`,
      },
    });
    expect(await d.api('POST', '/containers/create?name=-x', { Image: 'alpine' })).toMatchObject({
      status: 400,
      json: { message: 'Invalid container name (-x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed' },
    });
  });

  it.each([
    ['', 'invalid JSON: got EOF while reading request body'],
    ['{"Image":', 'invalid JSON: '],
    [
      '{"Image":"alpine","Cmd":7}',
      'invalid JSON: json: cannot unmarshal number into Go struct field Config.Cmd of type strslice.StrSlice',
    ],
    [
      '{"Image":"alpine","Env":"A=1"}',
      'invalid JSON: json: cannot unmarshal string into Go struct field Config.Env of type []string',
    ],
    [
      '{"Image":"alpine","Tty":"yes"}',
      'invalid JSON: json: cannot unmarshal string into Go struct field Config.Tty of type bool',
    ],
    [
      '{"Image":"alpine","HostConfig":{"RestartPolicy":{"Name":"sometimes"}}}',
      "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
    ],
    [
      '{"Image":"alpine","HostConfig":{"RestartPolicy":{"Name":"always","MaximumRetryCount":3}}}',
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    ],
    [
      '{"Image":"alpine","HostConfig":{"AutoRemove":true,"RestartPolicy":{"Name":"always"}}}',
      "can't create 'AutoRemove' container with restart policy",
    ],
    [
      '{"Image":"alpine","WorkingDir":"app"}',
      "the working directory 'app' is invalid, it needs to be an absolute path",
    ],
    ['{"Image":"alpine","Env":["=x"]}', 'invalid environment variable: =x'],
    ['{"Image":"alpine","Entrypoint":[""]}', 'No command specified'],
  ])('bad body %s → 400 %s', async (body, message) => {
    const d = await testDaemon();
    const answer = await d.api('POST', '/containers/create', body);
    expect(answer.status).toBe(400);
    expect((answer.json as { message: string }).message.startsWith(message)).toBe(true);
    expect(d.svc.store.size).toBe(0);
  });

  it('Cmd as a single string is one argument (StrSlice)', async () => {
    const d = await testDaemon();
    const id = (
      await d.api('POST', '/containers/create', '{"Image":"alpine","Cmd":"date"}').then((a) => a.json as { Id: string })
    ).Id;
    expect(((await d.api('GET', `/containers/${id}/json`)).json as Inspect).Config.Cmd).toEqual(['date']);
  });

  it('merge: the image Cmd when none given; client Env first, then image variables it did not set', async () => {
    const d = await testDaemon();
    const a = await d.create([], { Env: ['FOO=1', 'PATH=/mine'] });
    const inspect = (await d.api('GET', `/containers/${a}/json`)).json as Inspect;
    expect(inspect.Config.Cmd).toEqual(['/bin/sh']);
    expect(inspect.Config.Env).toEqual(['FOO=1', 'PATH=/mine']);
    const b = await d.create(['x'], { Env: ['FOO=1'], Entrypoint: ['/entry'] });
    const b2 = (await d.api('GET', `/containers/${b}/json`)).json as Inspect;
    expect(b2.Config.Env).toEqual(['FOO=1', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
    expect(b2).toMatchObject({ Path: '/entry', Args: ['x'] });
  });

  it('HostConfig as inspect completes it: bridge, restart policy no, json-file, runc', async () => {
    const d = await testDaemon();
    const id = await d.create(['x'], { HostConfig: { NetworkMode: 'default', RestartPolicy: { Name: 'no' } } });
    const host = ((await d.api('GET', `/containers/${id}/json`)).json as Inspect).HostConfig;
    expect(host).toMatchObject({
      NetworkMode: 'bridge',
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      LogConfig: { Type: 'json-file', Config: {} },
      Runtime: 'runc',
      ShmSize: 67108864,
      CgroupnsMode: 'private',
      AutoRemove: false,
    });
  });

  it('a platform that does not match the host is a warning', async () => {
    const d = await testDaemon();
    const { addImage, baseLayer } = await import('../daemon.fixture');
    await addImage(d.ctx.store, [baseLayer], { tags: ['docker.io/library/armonly:latest'], cmd: ['x'] });
    const record = d.ctx.store.resolve('armonly')!;
    // The fixture image is amd64; ask the daemon to pretend it runs on arm64.
    d.ctx.platform = { os: 'linux', architecture: 'arm64' };
    const answer = await d.api('POST', '/containers/create', { Image: 'armonly' });
    expect((answer.json as { Warnings: string[] }).Warnings).toEqual([
      "The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64) and no specific platform was requested",
    ]);
    expect(record.config.architecture).toBe('amd64');
  });
});

describe('the container filesystem at start', () => {
  it('/etc/hostname, /etc/hosts and /etc/resolv.conf as Docker writes them; none of it in docker diff', async () => {
    const d = await testDaemon();
    const id = await d.create(['sleep'], {}, 'web');
    await d.api('POST', `/containers/${id}/start`);
    await settle(d.clock);
    const fs = d.svc.store.get(id)!.rootfs;
    expect(fs.readText('/etc/hostname')).toBe(`${id.slice(0, 12)}\n`);
    expect(fs.readText('/etc/hosts')).toBe(
      [
        '127.0.0.1\tlocalhost',
        '::1\tlocalhost ip6-localhost ip6-loopback',
        'fe00::\tip6-localnet',
        'ff00::\tip6-mcastprefix',
        'ff02::1\tip6-allnodes',
        'ff02::2\tip6-allrouters',
        `172.17.0.2\t${id.slice(0, 12)}`,
        '',
      ].join('\n'),
    );
    expect(fs.readText('/etc/resolv.conf')).toContain('nameserver 192.168.1.1\n');
    expect(fs.exists('/.dockerenv')).toBe(true);
    expect(changes(fs)).toEqual([]);
    expect((await d.api('GET', `/containers/${id}/changes`)).json).toBeNull();
  });

  it('the environment: PATH, HOSTNAME, TERM with a TTY, then the container variables', async () => {
    const d = await testDaemon();
    const id = await d.create(['env'], { Tty: true, Env: ['A=1', 'PATH=/x'] });
    await d.api('POST', `/containers/${id}/start`);
    expect(d.runtime.started.at(-1)!.init.env).toEqual(['PATH=/x', `HOSTNAME=${id.slice(0, 12)}`, 'TERM=xterm', 'A=1']);
  });

  it('a second running container gets the next address; a stopped one gives its address back', async () => {
    const d = await testDaemon();
    const a = await d.create(['sleep']);
    const b = await d.create(['sleep']);
    await d.api('POST', `/containers/${a}/start`);
    await d.api('POST', `/containers/${b}/start`);
    const ip = async (id: string) =>
      (
        (await d.api('GET', `/containers/${id}/json`)).json as {
          NetworkSettings: { IPAddress: string; MacAddress: string };
        }
      ).NetworkSettings;
    expect(await ip(a)).toMatchObject({ IPAddress: '172.17.0.2', MacAddress: '02:42:ac:11:00:02' });
    expect((await ip(b)).IPAddress).toBe('172.17.0.3');
    await d.api('POST', `/containers/${a}/kill`);
    expect((await ip(a)).IPAddress).toBe('');
    const c = await d.create(['sleep']);
    await d.api('POST', `/containers/${c}/start`);
    expect((await ip(c)).IPAddress).toBe('172.17.0.2');
  });
});
