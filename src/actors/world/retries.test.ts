// A link that goes down in the middle of a pull: the daemon tries the cut-off layer again, as
// dockerd does — `Retrying in 5 seconds` … `Retrying in 1 second`, then the next attempt — and the
// pull succeeds if the link is back in time; if it never comes back, five attempts later the pull
// fails with the daemon's words. Everything runs on the simulated clock.
import { describe, expect, it } from 'vitest';
import { runLine } from '../session/run-line';
import { TerminalSession } from '../session/terminal-session';
import { createWorld, type World } from './world';

/**
 * Cut the laptop's link to `registry` as soon as a request matching `at` is sent; bring it back
 * after `upAfterMs` (never, without it).
 */
function cutAtFirst(world: World, at: RegExp, upAfterMs?: number, registry = 'docker.io'): void {
  let cut = false;
  const off = world.trace.subscribe((entry) => {
    if (cut || entry.kind !== 'request' || !at.test(`${entry.method} ${entry.url}`)) return;
    cut = true;
    off();
    world.send({ type: 'link.down', a: 'laptop', b: registry });
    if (upAfterMs !== undefined) {
      void world.clock.sleep(upAfterMs).then(() => world.send({ type: 'link.up', a: 'laptop', b: registry }));
    }
  });
}

const cutAtFirstBlob = (world: World, upAfterMs?: number) => cutAtFirst(world, /\/blobs\/sha256:/, upAfterMs);

const countdown = (id: string, from: number) =>
  Array.from({ length: from }, (_, i) => `${id}: Retrying in ${from - i} second${from - i === 1 ? '' : 's'}`);

describe('retries of a pull', { timeout: 60_000 }, () => {
  it('counts down and tries again while the link is down, and completes once it is back', async () => {
    const world = await createWorld({ seed: 'retry' });
    const session = new TerminalSession(world);
    // 30 s for the first dial to time out, 5 s of countdown, 30 s more, then the link is back
    // during the second countdown (10 s): the third attempt succeeds.
    cutAtFirstBlob(world, 70_000);
    const before = world.clock.now();
    const pull = await runLine(session, 'docker pull alpine');
    expect(pull.exitCode, pull.stderr).toBe(0);
    const lines = pull.stdout.trimEnd().split('\n');
    const id = lines[2]!.slice(0, 12);
    expect(lines[2]).toBe(`${id}: Pulling fs layer`);
    const retries = lines.filter((l) => l.includes('Retrying'));
    expect(retries).toEqual([...countdown(id, 5), ...countdown(id, 10)]);
    expect(lines.indexOf(`${id}: Pull complete`)).toBeGreaterThan(lines.lastIndexOf(`${id}: Retrying in 1 second`));
    expect(lines.slice(-4)).toEqual([
      `${id}: Pull complete`,
      expect.stringMatching(/^Digest: sha256:[0-9a-f]{64}$/),
      'Status: Downloaded newer image for alpine:latest',
      'docker.io/library/alpine:latest',
    ]);
    // Two dial timeouts and two countdowns, at least.
    expect(world.clock.now() - before).toBeGreaterThanOrEqual(2 * 30_000 + 15_000);
    const failures = world.trace.entries().filter((e) => e.kind === 'failure');
    expect(failures.length).toBeGreaterThanOrEqual(2);
    world.stop();
  });

  it('gives up after five attempts with the daemon’s error when the link never comes back', async () => {
    const world = await createWorld({ seed: 'retry-never' });
    const session = new TerminalSession(world);
    cutAtFirstBlob(world);
    const before = world.clock.now();
    const pull = await runLine(session, 'docker pull alpine');
    expect(pull.exitCode).toBe(1);
    // The config is the first blob asked for: five attempts 1, 2, 4 and 8 s apart, each a 30 s dial
    // timeout — and moby's count, one too many.
    expect(pull.stderr).toBe(
      'error pulling image configuration: download failed after attempts=6: dial tcp registry-1.docker.io:443: i/o timeout\n',
    );
    expect(world.clock.now() - before).toBeGreaterThanOrEqual(5 * 30_000 + 15_000);
    world.stop();
  });

  it('retries a push whose upload was cut off, and pushes once the link is back', async () => {
    const world = await createWorld({ seed: 'retry-push' });
    const session = new TerminalSession(world);
    for (const line of [
      'docker pull alpine',
      'docker tag alpine registry.example.com/student/alpine:v1',
      'echo dockyard | docker login -u student --password-stdin registry.example.com',
    ]) {
      expect((await runLine(session, line)).exitCode).toBe(0);
    }
    cutAtFirst(world, /^PATCH .*\/blobs\/uploads\//, 40_000, 'registry.example.com');
    const mark = world.trace.lastSeq;
    const push = await runLine(session, 'docker push registry.example.com/student/alpine:v1');
    expect(push.exitCode, push.stderr).toBe(0);
    const lines = push.stdout.trimEnd().split('\n');
    const id = lines[1]!.slice(0, 12);
    // The second attempt's existence check (HEAD) times out too — that only means "not known to be
    // there" — and by then the link is back, so its upload goes through.
    expect(lines.filter((l) => l.includes('Retrying'))).toEqual(countdown(id, 5));
    const failures = world.trace.since(mark).filter((e) => e.kind === 'failure');
    expect(failures.map((e) => ('summary' in e ? e.summary : ''))).toEqual(['i/o timeout', 'i/o timeout']);
    expect(lines).toContain(`${id}: Pushed`);
    expect(lines.at(-1)).toMatch(/^v1: digest: sha256:[0-9a-f]{64} size: \d+$/);
    world.stop();
  });
});
