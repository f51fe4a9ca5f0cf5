// Go's fmt as the history comments show it: Duration.String, %q of an int, %q of a HealthConfig.
import { describe, expect, it } from 'vitest';
import { goDuration, goHealthcheck, goQuoteRune } from './go-format';

const s = 1_000_000_000;

describe('goDuration (time.Duration.String)', () => {
  it.each([
    [0, '0s'],
    [1, '1ns'],
    [1_500, '1.5µs'],
    [1_500_000, '1.5ms'],
    [500_000_000, '500ms'],
    [s, '1s'],
    [1.5 * s, '1.5s'],
    [30 * s, '30s'],
    [90 * s, '1m30s'],
    [300 * s, '5m0s'],
    [3600 * s, '1h0m0s'],
    [2 * 3600 * s + 45 * 60 * s + s / 2, '2h45m0.5s'],
    [-90 * s, '-1m30s'],
  ])('%d ns → %s', (ns, text) => expect(goDuration(ns)).toBe(text));
});

describe('goQuoteRune (%q of an int)', () => {
  it.each([
    [0, "'\\x00'"],
    [3, "'\\x03'"],
    [7, "'\\a'"],
    [10, "'\\n'"],
    [39, "'\\''"],
    [65, "'A'"],
    [127, "'\\x7f'"],
    [233, "'é'"],
  ])('%d → %s', (n, text) => expect(goQuoteRune(n)).toBe(text));
});

describe('goHealthcheck (%q of *container.HealthConfig)', () => {
  it('prints the test, four durations and the retries', () => {
    expect(
      goHealthcheck({
        Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
        Interval: 300 * s,
        Timeout: 3 * s,
        Retries: 3,
      }),
    ).toBe(`&{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "5m0s" "3s" "0s" "0s" '\\x03'}`);
    expect(goHealthcheck({ Test: ['NONE'] })).toBe(`&{["NONE"] "0s" "0s" "0s" "0s" '\\x00'}`);
  });
});
