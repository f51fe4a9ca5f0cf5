// One probe's result and the health it leaves (moby handleProbeResult), and how it is shown.
import { describe, expect, it } from 'vitest';
import {
  LimitedOutput,
  healthJson,
  healthLabel,
  recordProbe,
  startingHealth,
  type HealthState,
  type HealthStatus,
} from './health-state';

const result = (exitCode: number, at = 0) => ({ start: at, end: at + 5, exitCode, output: '' });

describe('recordProbe', () => {
  it.each<[string, HealthStatus, number, number, boolean, number, HealthStatus, number, boolean]>([
    // why, status, streak, exit code, in start period, retries → status, streak, changed
    ['success while starting', 'starting', 0, 0, false, 3, 'healthy', 0, true],
    ['success clears the streak', 'healthy', 2, 0, false, 3, 'healthy', 0, false],
    ['success mends unhealthy', 'unhealthy', 5, 0, false, 3, 'healthy', 0, true],
    ['failure in the start period does not count', 'starting', 0, 1, true, 1, 'starting', 0, false],
    ['failure after it counts', 'starting', 0, 1, false, 3, 'starting', 1, false],
    ['the retries-th failure: unhealthy', 'starting', 1, 1, false, 2, 'unhealthy', 2, true],
    ['healthy in the start period still counts', 'healthy', 0, 1, true, 1, 'unhealthy', 1, true],
    ['any other code is a failure', 'healthy', 0, 2, false, 1, 'unhealthy', 1, true],
    ['a timeout (-1) is a failure', 'healthy', 1, -1, false, 3, 'healthy', 2, false],
  ])('%s', (_why, status, streak, exitCode, inStart, retries, wantStatus, wantStreak, wantChanged) => {
    const health: HealthState = { status, failingStreak: streak, log: [] };
    expect(recordProbe(health, result(exitCode), retries, inStart)).toBe(wantChanged);
    expect(health).toMatchObject({ status: wantStatus, failingStreak: wantStreak });
    expect(health.log).toHaveLength(1);
  });

  it('keeps the five newest results, oldest first', () => {
    const health = startingHealth();
    for (let i = 1; i <= 7; i++) recordProbe(health, result(0, i * 1000), 3, false);
    expect(health.log.map((r) => r.start)).toEqual([3000, 4000, 5000, 6000, 7000]);
  });

  it('a restart starts over as starting, streak 0, with the log kept', () => {
    const before: HealthState = { status: 'unhealthy', failingStreak: 4, log: [result(1)] };
    expect(startingHealth(before)).toEqual({ status: 'starting', failingStreak: 0, log: [result(1)] });
  });
});

describe('showing it', () => {
  it.each<[HealthStatus, string]>([
    ['starting', 'health: starting'],
    ['healthy', 'healthy'],
    ['unhealthy', 'unhealthy'],
  ])('%s in ps → (%s)', (status, label) => {
    expect(healthLabel({ status, failingStreak: 0, log: [] })).toBe(label);
  });

  it('inspect JSON: Go field order and RFC 3339 times', () => {
    const json = healthJson({
      status: 'healthy',
      failingStreak: 0,
      log: [
        { start: Date.UTC(2025, 0, 1, 12, 0, 0, 120), end: Date.UTC(2025, 0, 1, 12, 0, 1), exitCode: 0, output: 'ok' },
      ],
    });
    expect(JSON.stringify(json)).toBe(
      '{"Status":"healthy","FailingStreak":0,"Log":[{"Start":"2025-01-01T12:00:00.12Z","End":"2025-01-01T12:00:01Z","ExitCode":0,"Output":"ok"}]}',
    );
  });
});

describe('LimitedOutput', () => {
  it('keeps 4096 bytes and marks the cut with ...', () => {
    const out = new LimitedOutput();
    out.write(new TextEncoder().encode('a'.repeat(4000)));
    out.write(new TextEncoder().encode('b'.repeat(200)));
    const text = out.text();
    expect(text).toBe('a'.repeat(4000) + 'b'.repeat(96) + '...');
  });

  it('exactly 4096 bytes is not cut', () => {
    const out = new LimitedOutput();
    out.write(new TextEncoder().encode('x'.repeat(4096)));
    expect(out.text()).toBe('x'.repeat(4096));
  });
});
