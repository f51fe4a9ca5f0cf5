// A container's health as dockerd keeps it (moby container.Health, api types.Health): a status —
// `starting` until the first successful probe, then `healthy` or `unhealthy` — the number of
// failures in a row, and the last five probe results. One probe's result moves it (moby
// handleProbeResult):
//
//   exit 0          healthy, the streak back to 0
//   anything else   a failure (1 is the documented one; other codes, a timeout's -1 and a probe
//                   that could not run count the same): the streak grows — except while the
//                   container is still `starting` within its start period — and reaching
//                   `retries` makes it unhealthy
//
// When the monitor stops (the container stopped or was paused) the status becomes `unhealthy`
// (moby CloseMonitorChannel, "for compatibility"); a start resets it to `starting`, streak 0,
// keeping the log. inspect shows `State.Health` as `{Status, FailingStreak, Log}`, each entry
// `{Start, End, ExitCode, Output}`; `docker ps` adds `(health: starting)`, `(healthy)` or
// `(unhealthy)` to `Up …`.
import { goTime } from '../../api/system-info';

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

export interface ProbeResult {
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
  /** -1 when the probe timed out or could not be run. */
  exitCode: number;
  output: string;
}

export interface HealthState {
  status: HealthStatus;
  failingStreak: number;
  /** Oldest first, at most MAX_LOG_ENTRIES. */
  log: ProbeResult[];
}

export const MAX_LOG_ENTRIES = 5;
/** Longest probe output kept, in bytes; longer output is cut and ends with `...`. */
export const MAX_OUTPUT_BYTES = 4096;

/** A fresh health state for a container that has just started. */
export function startingHealth(previous?: HealthState): HealthState {
  return { status: 'starting', failingStreak: 0, log: previous ? [...previous.log] : [] };
}

/**
 * Record `result` in `health` (in place) and say whether the status changed. `inStartPeriod` is
 * whether the probe began within the container's start period.
 */
export function recordProbe(
  health: HealthState,
  result: ProbeResult,
  retries: number,
  inStartPeriod: boolean,
): boolean {
  const before = health.status;
  health.log = [...health.log, result].slice(-MAX_LOG_ENTRIES);
  if (result.exitCode === 0) {
    health.failingStreak = 0;
    health.status = 'healthy';
  } else if (!(health.status === 'starting' && inStartPeriod)) {
    health.failingStreak++;
    if (health.failingStreak >= retries) health.status = 'unhealthy';
  }
  return health.status !== before;
}

/** What `docker ps` puts in parentheses after `Up …` (moby Health.String). */
export function healthLabel(health: HealthState): string {
  return health.status === 'starting' ? 'health: starting' : health.status;
}

/** `State.Health` of inspect, in Go's field order. */
export function healthJson(health: HealthState): Record<string, unknown> {
  return {
    Status: health.status,
    FailingStreak: health.failingStreak,
    Log: health.log.map((r) => ({
      Start: goTime(r.start),
      End: goTime(r.end),
      ExitCode: r.exitCode,
      Output: r.output,
    })),
  };
}

/** Collects a probe's output (both streams) up to MAX_OUTPUT_BYTES (moby limitedBuffer). */
export class LimitedOutput {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private truncated = false;

  write(data: Uint8Array): void {
    const keep = Math.min(MAX_OUTPUT_BYTES - this.size, data.length);
    if (keep > 0) {
      this.chunks.push(data.slice(0, keep));
      this.size += keep;
    }
    if (keep < data.length) this.truncated = true;
  }

  text(): string {
    const all = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      all.set(chunk, at);
      at += chunk.length;
    }
    const text = new TextDecoder().decode(all);
    return this.truncated ? `${text}...` : text;
  }
}
