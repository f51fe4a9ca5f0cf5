import { describe, expect, it } from 'vitest';
import { HostPidCounter, PidNamespace } from './process-table';

function namespace(hostPids = new HostPidCounter(4000)) {
  return new PidNamespace({ hostPids, now: () => 1_000 });
}

describe('PidNamespace', () => {
  it('numbers processes from 1 and takes host PIDs from the host-wide counter', () => {
    const host = new HostPidCounter(4000);
    const a = namespace(host);
    const b = namespace(host);
    const a1 = a.create(['nginx'], 0, 0);
    const b1 = b.create(['redis-server'], 0, 0);
    const a2 = a.create(['sh'], 1, 0);
    expect([a1.pid, b1.pid, a2.pid]).toEqual([1, 1, 2]);
    expect([a1.hostPid, b1.hostPid, a2.hostPid]).toEqual([4001, 4002, 4003]);
    expect(a.list().map((p) => [p.pid, p.ppid, p.argv[0]])).toEqual([
      [1, 0, 'nginx'],
      [2, 1, 'sh'],
    ]);
  });

  it('keeps an exited child as a zombie until its parent reaps it', async () => {
    const ns = namespace();
    ns.create(['sh'], 0, 0);
    const child = ns.create(['sleep', '1'], 1, 0);
    child.finish(0);
    await child.exited;
    expect(ns.list().find((p) => p.pid === 2)?.state).toBe('zombie');
    expect(ns.reap(2)).toBe(0);
    expect(ns.list().map((p) => p.pid)).toEqual([1]);
  });

  it('re-parents orphans to PID 1, and kills everything when PID 1 exits', async () => {
    const ns = namespace();
    const init = ns.create(['sh'], 0, 0);
    const parent = ns.create(['sh'], 1, 0);
    const orphan = ns.create(['sleep', '100'], parent.pid, 0);
    parent.finish(0);
    await parent.exited;
    expect(orphan.ppid).toBe(1);
    init.finish(3);
    await init.exited;
    expect(await orphan.exited).toBe(137);
    expect(ns.list()).toEqual([]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGQUIT', 131],
    ['SIGKILL', 137],
    ['SIGHUP', 129],
  ] as const)('%s ends a process without a handler with status %i', async (signal, status) => {
    const ns = namespace();
    ns.create(['sh'], 0, 0);
    const p = ns.create(['sleep', '100'], 1, 0);
    expect(ns.kill(p.pid, signal)).toBe(true);
    expect(await p.exited).toBe(status);
  });

  it('runs a handler instead of the default action', async () => {
    const ns = namespace();
    ns.create(['sh'], 0, 0);
    const p = ns.create(['nginx'], 1, 0);
    const got: string[] = [];
    p.handlers.set('SIGQUIT', (s) => got.push(s));
    ns.kill(p.pid, 'SIGQUIT');
    await Promise.resolve();
    expect(got).toEqual(['SIGQUIT']);
    expect(p.alive).toBe(true);
  });

  it('lets PID 1 ignore signals it does not handle, even SIGKILL from inside; SIGKILL from the host always works', async () => {
    const ns = namespace();
    const init = ns.create(['sleep', '100'], 0, 0);
    ns.kill(1, 'SIGTERM');
    ns.kill(1, 'SIGINT');
    ns.kill(1, 'SIGKILL');
    expect(init.alive).toBe(true);
    ns.kill(1, 'SIGTERM', { fromHost: true });
    expect(init.alive).toBe(true);
    ns.kill(1, 'SIGKILL', { fromHost: true });
    expect(await init.exited).toBe(137);
  });

  it('says false for a PID that does not exist', () => {
    const ns = namespace();
    ns.create(['sh'], 0, 0);
    expect(ns.kill(42, 'SIGTERM')).toBe(false);
  });

  it('stops and continues processes (SIGSTOP/SIGCONT, docker pause)', async () => {
    const ns = namespace();
    ns.create(['sh'], 0, 0);
    const p = ns.create(['sleep', '5'], 1, 0);
    ns.kill(p.pid, 'SIGSTOP');
    expect(p.state).toBe('stopped');
    let passed = false;
    void p.gate().then(() => (passed = true));
    await Promise.resolve();
    expect(passed).toBe(false);
    ns.kill(p.pid, 'SIGCONT');
    await Promise.resolve();
    expect(passed).toBe(true);
    ns.freeze();
    expect(ns.list().every((i) => i.state === 'stopped')).toBe(true);
    ns.thaw();
    expect(ns.list().every((i) => i.state === 'running')).toBe(true);
  });
});
