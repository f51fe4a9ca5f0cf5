// A container's healthcheck as the daemon runs it (moby daemon/health.go, the HEALTHCHECK
// instruction and `docker run --health-*`). The Config's `Healthcheck` holds the test and Go
// durations in nanoseconds; a zero duration means "the default":
//
//   Test           ["CMD", argv…] runs argv as an exec; ["CMD-SHELL", "cmd"] runs the container's
//                  Shell (`/bin/sh -c`) with it; ["NONE"] — or no test at all — disables the check
//   Interval       30s between probes (from the end of one to the start of the next)
//   Timeout        30s before a probe is killed and counts as a failure
//   StartPeriod    0s in which failures do not count (a success still makes it healthy)
//   StartInterval  5s between probes while the container is `starting` in the start period
//   Retries        3 consecutive failures make it unhealthy
//
// The image's Healthcheck is completed field by field by the container's (moby `merge`), and the
// create call refuses durations under 1ms and negative retries with moby's words.
import { DaemonError } from '../../api/errors';

/** The Config field as the Engine API carries it (durations in nanoseconds). */
export interface HealthcheckConfig {
  Test?: string[] | null;
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** What the monitor runs, with every default applied (times in milliseconds). */
export interface HealthProbe {
  /** true for CMD-SHELL: the command goes to the container's shell. */
  shell: boolean;
  /** The test after its kind: argv for CMD, one command line for CMD-SHELL. */
  command: string[];
  intervalMs: number;
  timeoutMs: number;
  startPeriodMs: number;
  startIntervalMs: number;
  retries: number;
}

export const DEFAULT_INTERVAL_MS = 30_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_START_PERIOD_MS = 0;
export const DEFAULT_START_INTERVAL_MS = 5_000;
export const DEFAULT_RETRIES = 3;

const NS_PER_MS = 1_000_000;
const DURATION_FIELDS = ['Interval', 'Timeout', 'StartPeriod', 'StartInterval'] as const;

const withDefault = (ns: number | undefined, defaultMs: number): number =>
  ns === undefined || ns === 0 ? defaultMs : ns / NS_PER_MS;

/** The probe to run (moby getProbe), or undefined when there is none: no test, NONE, an unknown kind. */
export function probeOf(check: HealthcheckConfig | undefined): HealthProbe | undefined {
  const test = check?.Test ?? [];
  const kind = test[0];
  if (kind !== 'CMD' && kind !== 'CMD-SHELL') return undefined;
  const retries = check?.Retries ?? 0;
  return {
    shell: kind === 'CMD-SHELL',
    command: test.slice(1),
    intervalMs: withDefault(check?.Interval, DEFAULT_INTERVAL_MS),
    timeoutMs: withDefault(check?.Timeout, DEFAULT_TIMEOUT_MS),
    startPeriodMs: withDefault(check?.StartPeriod, DEFAULT_START_PERIOD_MS),
    startIntervalMs: withDefault(check?.StartInterval, DEFAULT_START_INTERVAL_MS),
    retries: retries <= 0 ? DEFAULT_RETRIES : retries,
  };
}

/** The image's Healthcheck completed by the container's, field by field (moby `merge`). */
export function mergeHealthcheck(
  container: HealthcheckConfig | undefined,
  image: HealthcheckConfig | undefined,
): HealthcheckConfig | undefined {
  if (container === undefined) return image === undefined ? undefined : { ...image };
  if (image === undefined) return container;
  const merged: HealthcheckConfig = { ...container };
  if ((merged.Test ?? []).length === 0 && image.Test !== undefined) merged.Test = image.Test;
  for (const field of DURATION_FIELDS) {
    if (!merged[field] && image[field] !== undefined) merged[field] = image[field];
  }
  if (!merged.Retries && image.Retries !== undefined) merged.Retries = image.Retries;
  return merged;
}

/** moby validateHealthCheck: a duration is 0 (the default) or at least 1ms; retries are not negative. */
export function validateHealthcheck(check: HealthcheckConfig | undefined): void {
  if (check === undefined) return;
  const tooShort = (field: (typeof DURATION_FIELDS)[number]) => {
    const ns = check[field] ?? 0;
    if (ns !== 0 && ns < NS_PER_MS) {
      throw DaemonError.invalidParameter(`${field} in Healthcheck cannot be less than 1ms`);
    }
  };
  tooShort('Interval');
  tooShort('Timeout');
  if ((check.Retries ?? 0) < 0) throw DaemonError.invalidParameter('Retries in Healthcheck cannot be negative');
  tooShort('StartPeriod');
  tooShort('StartInterval');
}
