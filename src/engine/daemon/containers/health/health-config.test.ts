// The effective healthcheck: moby's defaults, the image/container merge and create's validation.
import { describe, expect, it } from 'vitest';
import { mergeHealthcheck, probeOf, validateHealthcheck, type HealthcheckConfig } from './health-config';

const S = 1_000_000_000;

describe('probeOf', () => {
  it.each<[string, HealthcheckConfig | undefined]>([
    ['no Healthcheck', undefined],
    ['no Test', { Interval: S }],
    ['an empty Test', { Test: [] }],
    ['NONE', { Test: ['NONE'] }],
    ['an unknown kind', { Test: ['HTTP', 'x'] }],
  ])('%s: no probe', (_why, check) => {
    expect(probeOf(check)).toBeUndefined();
  });

  it('applies the defaults to zero and missing fields', () => {
    expect(probeOf({ Test: ['CMD-SHELL', 'curl -f localhost'], Interval: 0, Retries: 0 })).toEqual({
      shell: true,
      command: ['curl -f localhost'],
      intervalMs: 30_000,
      timeoutMs: 30_000,
      startPeriodMs: 0,
      startIntervalMs: 5_000,
      retries: 3,
    });
  });

  it('takes the given values (nanoseconds to milliseconds)', () => {
    expect(
      probeOf({
        Test: ['CMD', 'true', '--x'],
        Interval: 5 * S,
        Timeout: S / 2,
        StartPeriod: 60 * S,
        StartInterval: S,
        Retries: 7,
      }),
    ).toEqual({
      shell: false,
      command: ['true', '--x'],
      intervalMs: 5_000,
      timeoutMs: 500,
      startPeriodMs: 60_000,
      startIntervalMs: 1_000,
      retries: 7,
    });
  });
});

describe('mergeHealthcheck', () => {
  const image: HealthcheckConfig = { Test: ['CMD', 'probe'], Interval: 5 * S, Timeout: 2 * S, Retries: 4 };

  it.each<[string, HealthcheckConfig | undefined, HealthcheckConfig | undefined, HealthcheckConfig | undefined]>([
    ['neither', undefined, undefined, undefined],
    ['the image only', undefined, image, image],
    ['the container only', { Test: ['NONE'] }, undefined, { Test: ['NONE'] }],
    ['NONE wins over the image test', { Test: ['NONE'] }, image, { ...image, Test: ['NONE'] }],
    [
      'the container overrides field by field',
      { Interval: 1 * S, Retries: 2 },
      image,
      { Test: ['CMD', 'probe'], Interval: S, Timeout: 2 * S, Retries: 2 },
    ],
    [
      'a new test keeps the image timings',
      { Test: ['CMD-SHELL', 'exit 1'] },
      image,
      { Test: ['CMD-SHELL', 'exit 1'], Interval: 5 * S, Timeout: 2 * S, Retries: 4 },
    ],
  ])('%s', (_why, container, img, expected) => {
    expect(mergeHealthcheck(container, img)).toEqual(expected);
  });
});

describe('validateHealthcheck', () => {
  it.each<[HealthcheckConfig, string | undefined]>([
    [{ Interval: 0, Timeout: 0 }, undefined],
    [{ Interval: 1_000_000, Retries: 0 }, undefined],
    [{ Interval: 999_999 }, 'Interval in Healthcheck cannot be less than 1ms'],
    [{ Timeout: 1 }, 'Timeout in Healthcheck cannot be less than 1ms'],
    [{ Retries: -1 }, 'Retries in Healthcheck cannot be negative'],
    [{ StartPeriod: -S }, 'StartPeriod in Healthcheck cannot be less than 1ms'],
    [{ StartInterval: 10 }, 'StartInterval in Healthcheck cannot be less than 1ms'],
    [{ Retries: -1, StartPeriod: 1, Timeout: 1 }, 'Timeout in Healthcheck cannot be less than 1ms'],
    [{ Retries: -1, StartPeriod: 1 }, 'Retries in Healthcheck cannot be negative'],
  ])('%j → %s', (check, message) => {
    if (message === undefined) expect(() => validateHealthcheck(check)).not.toThrow();
    else expect(() => validateHealthcheck(check)).toThrow(message);
  });
});
