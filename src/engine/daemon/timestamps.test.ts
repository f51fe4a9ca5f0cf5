import { describe, expect, it } from 'vitest';
import { parseFilterTime, parseGoDuration } from './timestamps';

const now = Date.UTC(2025, 0, 1);

describe('parseGoDuration', () => {
  it.each([
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['300ms', 300],
    ['-2s', -2000],
    ['24h', 86_400_000],
  ])('%s = %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it.each(['', '10', 'm', '1d', '1h 2m', 'abc'])('%j is not a duration', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

describe('parseFilterTime', () => {
  it.each([
    ['24h', now - 86_400_000],
    ['1700000000', 1_700_000_000_000],
    ['1700000000.5', 1_700_000_000_500],
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-05-01T10:00:00', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T10:00:00Z', Date.UTC(2024, 4, 1, 10)],
    ['2024-05-01T12:00:00+02:00', Date.UTC(2024, 4, 1, 10)],
  ])('%s', (text, ms) => {
    expect(parseFilterTime(text, now)).toBe(ms);
  });

  it('refuses what is neither a time nor a duration', () => {
    expect(() => parseFilterTime('soon', now)).toThrow('failed to parse value as time or duration: "soon"');
    expect(() => parseFilterTime('2024-13-45', now)).toThrow('parsing time "2024-13-45"');
  });
});
