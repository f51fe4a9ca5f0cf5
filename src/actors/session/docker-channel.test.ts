import { afterEach, describe, expect, it } from 'vitest';
import { MemoryInput, MemoryOutput, noFiles, runDocker, type ClientEnvironment } from '../../engine/client';
import { createWorld, type World } from '../world/world';
import { daemonOfAddress, DockerChannel } from './docker-channel';

let world: World | undefined;
afterEach(() => world?.stop());

async function docker(w: World, argv: string[], env: Record<string, string> = {}) {
  const out = new MemoryOutput();
  const err = new MemoryOutput();
  let config: string | undefined;
  const channel = new DockerChannel(w, { terminal: 'laptop', host: 'laptop', line: `docker ${argv.join(' ')}` });
  const environment: ClientEnvironment = {
    out,
    err,
    in: new MemoryInput(),
    env,
    files: noFiles,
    now: () => w.clock.now(),
    home: '/home/student',
    connect: channel.connect,
    configStorage: (dir) => ({
      filename: `${dir}/config.json`,
      load: async () => config,
      save: async (text) => void (config = text),
    }),
  };
  const code = await runDocker(argv, environment);
  await channel.finish(code);
  return { code, stdout: out.text(), stderr: err.text(), result: await channel.result };
}

describe('daemonOfAddress', () => {
  it.each([
    ['unix:///var/run/docker.sock', { daemon: 'laptop' }],
    ['unix:///tmp/other.sock', { unreachable: true }],
    ['tcp://cloud-vm:2376', { daemon: 'cloud-vm' }],
    ['tcp://onprem-1:2375', { daemon: 'onprem-1' }],
    ['tcp://cloud-vm:9999', { unreachable: true }],
    ['tcp://localhost:2375', { unreachable: true }],
    ['tcp://laptop:2375', { unreachable: true }],
    ['tcp://nosuch:2375', { unknownHost: 'nosuch' }],
  ])('%s', (address, expected) => {
    expect(daemonOfAddress(address, 'laptop')).toEqual(expected);
  });
});

describe('a docker command in the world', () => {
  it('runs hello-world through the network, as one traced command', async () => {
    world = await createWorld({ seed: 'channel' });
    const run = await docker(world, ['run', 'hello-world']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Hello from Docker!');
    expect(run.stderr).toContain("Unable to find image 'hello-world:latest' locally");
    const entries = world.trace.ofCommand(run.result!.command);
    const requests = entries.filter((e) => e.kind === 'request').map((e) => `${e.method} ${e.url.split('?')[0]}`);
    expect(requests[0]).toMatch(/^HEAD \/_ping|^GET \/_ping/);
    expect(requests).toContain('POST /v1.50/containers/create');
    expect(requests.some((r) => r.startsWith('GET /v2/library/hello-world/manifests/'))).toBe(true);
  });

  it('makes no command at all when the CLI sends nothing', async () => {
    world = await createWorld({ seed: 'channel' });
    const run = await docker(world, ['run', '--no-such-flag', 'alpine']);
    expect(run.code).toBe(125);
    expect(run.stderr).toContain('unknown flag: --no-such-flag');
    expect(run.result).toBeUndefined();
  });

  it('reaches a remote daemon by DOCKER_HOST and reports an unknown host as Docker does', async () => {
    world = await createWorld({ seed: 'channel' });
    const remote = await docker(world, ['pull', 'alpine'], { DOCKER_HOST: 'tcp://cloud-vm:2376' });
    expect(remote.code).toBe(0);
    expect(
      world.trace.ofCommand(remote.result!.command).some((e) => e.kind !== 'event' && e.to.host === 'cloud-vm'),
    ).toBe(true);
    const unknown = await docker(world, ['ps'], { DOCKER_HOST: 'tcp://nosuch:2375' });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('lookup nosuch: no such host');
  });

  it('says the daemon cannot be reached when it is stopped', async () => {
    world = await createWorld({ seed: 'channel' });
    world.send({ type: 'daemon.stop', host: 'laptop' });
    const run = await docker(world, ['ps']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    );
  });
});
