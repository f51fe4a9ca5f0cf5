// The whole world survives a snapshot: after a busy session on the laptop's terminal — pull, a
// running nginx with a published port, an exec, a stopped container, a network, a volume with data,
// a build, a login and a push — the restored world looks the same (viewOf, `docker ps -a`, `images`,
// `volume ls`, `network ls`, logs, the container's own files) and goes on exactly as the original
// would: the same next command gives the same trace.
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../engine/digest';
import { MemoryBlobStore } from '../../engine/store/memory-blob-store';
import { runLine } from '../session/run-line';
import { TerminalSession } from '../session/terminal-session';
import { viewOf } from '../view/world-view';
import { restoreWorld, createWorld, type World } from './world';

const SESSION = [
  'docker pull alpine',
  'docker run -d --name web -p 8080:80 nginx:alpine',
  'docker exec web sh -c "echo changed > /usr/share/nginx/html/index.html && rm /usr/share/nginx/html/50x.html"',
  'docker network create backend',
  'docker volume create data',
  'docker run --name writer -v data:/data --network backend alpine sh -c "echo kept > /data/file; echo to the log"',
  'docker run -d --name sleeper --network backend alpine sleep 1000',
  'docker stop sleeper',
  'mkdir app && cd app && printf "FROM alpine\\nRUN echo built > /built\\n" > Dockerfile',
  'docker build -t registry.example.com/student/app:v1 .',
  'echo dockyard | docker login -u student --password-stdin registry.example.com',
  'docker push registry.example.com/student/app:v1',
];

const LOOKS = [
  'docker ps -a --no-trunc',
  'docker images --digests',
  'docker volume ls',
  'docker network ls',
  'docker logs writer',
  'docker inspect --format "{{.State.Pid}} {{.State.StartedAt}} {{.NetworkSettings.Networks.bridge.IPAddress}} {{.NetworkSettings.Networks.bridge.EndpointID}}" web',
  'docker exec web cat /usr/share/nginx/html/index.html',
  'docker exec web ls /usr/share/nginx/html',
  'curl -s http://localhost:8080/',
  'docker run --rm -v data:/data alpine cat /data/file',
  'docker events --since 0 --until 0s --format "{{.Type}} {{.Action}} {{.Actor.ID}}"',
];

/** Each line's exit code and output, in one text. */
async function outputs(session: TerminalSession, lines: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const line of lines) {
    const r = await runLine(session, line);
    out.push(`$ ${line}\n[${r.exitCode}]\n${r.stdout}${r.stderr}`);
  }
  return out;
}

const traceOf = (world: World, after: number) =>
  world.trace
    .since(after)
    .map(
      (e) =>
        `${e.seq} ${e.time} ${e.kind} ${'exchange' in e ? e.exchange : ''} ${e.command ?? ''} ${'summary' in e ? e.summary : ''}`,
    );

describe('a snapshot of a busy world', { timeout: 120_000 }, () => {
  it('restores containers, networks, volumes, files and logins, and the world goes on the same', async () => {
    const world = await createWorld({ seed: 'busy-session' });
    const session = new TerminalSession(world);
    for (const line of SESSION) {
      const r = await runLine(session, line);
      expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0);
    }
    const content = new MemoryBlobStore();
    const snapshot = JSON.parse(JSON.stringify(await world.snapshot(content))) as unknown;
    const restored = await restoreWorld(snapshot, content);
    const again = new TerminalSession(restored);
    await runLine(again, 'cd app');

    expect(await viewOf(restored)).toEqual(await viewOf(world));
    expect(restored.trace.lastSeq).toBe(world.trace.lastSeq);
    const mark = world.trace.lastSeq;

    const looked = await outputs(session, LOOKS);
    expect(looked.join('\n')).toContain('Up ');
    expect(await outputs(again, LOOKS)).toEqual(looked);
    expect(traceOf(restored, mark)).toEqual(traceOf(world, mark));

    // And on: a new container, a stop of the revived one, a pull.
    const next = [
      'docker run --name later alpine echo hello',
      'docker stop web',
      'docker start sleeper',
      'docker ps -a',
    ];
    const goOn = await outputs(session, next);
    expect(await outputs(again, next)).toEqual(goOn);
    expect(traceOf(restored, mark)).toEqual(traceOf(world, mark));
    expect(await viewOf(restored)).toEqual(await viewOf(world));
    world.stop();
    restored.stop();
  });

  it('refuses a snapshot whose container layer is missing, naming it', async () => {
    const world = await createWorld({ seed: 'missing-layer' });
    const session = new TerminalSession(world);
    expect((await runLine(session, 'docker run --name note alpine sh -c "echo hi > /note"')).exitCode).toBe(0);
    const content = new MemoryBlobStore();
    const snapshot = await world.snapshot(content);
    world.stop();
    const layer = snapshot.daemons.laptop!.containers[0]!.upper.layer;
    const holey = { get: (d: Digest) => (d === layer ? Promise.resolve(undefined) : content.get(d)) };
    await expect(restoreWorld(snapshot, holey)).rejects.toThrow(
      `snapshot of laptop: container ${snapshot.daemons.laptop!.containers[0]!.id.slice(0, 12)}: writable layer blob ${layer} is missing from the content store`,
    );
    const restored = await restoreWorld(snapshot, content);
    expect((await runLine(new TerminalSession(restored), 'docker cp note:/note -')).stdout).toContain('hi');
    restored.stop();
  });
});
