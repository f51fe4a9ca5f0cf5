import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, restoreWorld, type World } from '../world/world';
import { MemoryBlobStore } from '../../engine/store/memory-blob-store';
import { runLine } from './run-line';
import { TerminalSession } from './terminal-session';

let world: World | undefined;
afterEach(() => world?.stop());

async function session(seed = 'session'): Promise<TerminalSession> {
  world = await createWorld({ seed });
  return new TerminalSession(world);
}

describe('the laptop terminal', () => {
  it('runs docker through the world and remembers the last command', async () => {
    const s = await session();
    const run = await runLine(s, 'docker run hello-world');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Hello from Docker!');
    expect(s.lastCommand).toMatchObject({ line: 'docker run hello-world', exitCode: 0 });
    const requests = world!.trace.entries().filter((e) => e.kind === 'request');
    expect(requests.some((e) => e.kind === 'request' && e.url === '/v1.50/containers/create')).toBe(true);
  });

  it('keeps files, so a Dockerfile written with echo is there for the next line', async () => {
    const s = await session();
    expect((await runLine(s, 'mkdir app && cd app && echo "FROM alpine" > Dockerfile')).exitCode).toBe(0);
    expect(s.cwd).toBe('/home/student/app');
    expect((await runLine(s, 'cat Dockerfile')).stdout).toBe('FROM alpine\n');
    expect(world!.files.readText('/home/student/app/Dockerfile')).toBe('FROM alpine\n');
  });

  it('pipes into docker login and stores the credentials in ~/.docker/config.json', async () => {
    const s = await session();
    const login = await runLine(s, 'echo dockyard | docker login -u student --password-stdin registry.example.com');
    expect(login.stdout).toContain('Login Succeeded');
    const config = JSON.parse(world!.files.readText('/home/student/.docker/config.json')) as { auths: object };
    expect(Object.keys(config.auths)).toContain('registry.example.com');
  });

  it('speaks the Engine API by hand with curl over the docker socket, as a traced exchange', async () => {
    const s = await session();
    await runLine(s, 'docker pull alpine');
    const curl = await runLine(s, 'curl -s --unix-socket /var/run/docker.sock http://localhost/v1.50/images/json');
    expect(curl.exitCode).toBe(0);
    const images = JSON.parse(curl.stdout) as { RepoTags: string[] }[];
    expect(images.flatMap((i) => i.RepoTags)).toContain('alpine:latest');
    const last = world!.trace
      .entries()
      .filter((e) => e.kind === 'request')
      .at(-1);
    expect(last).toMatchObject({ method: 'GET', url: '/v1.50/images/json' });
  });

  it('fails curl to a port nothing publishes the way curl does', async () => {
    const s = await session();
    const curl = await runLine(s, 'curl http://localhost:8080/');
    expect(curl.exitCode).toBe(7);
    expect(curl.stderr).toContain('Failed to connect to localhost port 8080');
  });

  it('completes image names from the daemon without adding to the trace', async () => {
    const s = await session();
    await runLine(s, 'docker pull alpine');
    const before = world!.trace.entries().length;
    const completion = await s.complete('docker run alp', 'docker run alp'.length);
    expect(completion.candidates).toContain('alpine');
    expect(world!.trace.entries().length).toBe(before);
  });

  it('shows a non-default context in the prompt', async () => {
    const s = await session();
    expect(s.prompt()).toBe('student@laptop:~$ ');
    world!.files.writeFile('/home/student/.docker/config.json', '{"currentContext":"cloud"}');
    expect(s.prompt()).toBe('(cloud) student@laptop:~$ ');
  });

  it('keeps files and history through a snapshot', async () => {
    const s = await session();
    await runLine(s, 'echo hi > note.txt');
    const store = new MemoryBlobStore();
    const snapshot = await world!.snapshot(store);
    world!.stop();
    world = await restoreWorld(JSON.parse(JSON.stringify(snapshot)), store);
    const again = new TerminalSession(world);
    expect((await runLine(again, 'cat note.txt')).stdout).toBe('hi\n');
    expect(world.history.get('laptop')).toContain('echo hi > note.txt');
  });
});

describe('published ports', () => {
  it('reaches nginx in a container from the laptop with curl', async () => {
    const s = await session('ports');
    expect((await runLine(s, 'docker run -d --name web -p 8080:80 nginx')).exitCode).toBe(0);
    const page = await runLine(s, 'curl -s http://localhost:8080/');
    expect(page.exitCode).toBe(0);
    expect(page.stdout).toContain('Welcome to nginx!');
    const last = world!.trace
      .entries()
      .filter((e) => e.kind === 'request')
      .at(-1);
    expect(last).toMatchObject({ method: 'GET', url: '/', to: { host: 'laptop', role: 'container' } });
  });
});
