import { describe, expect, test } from 'vitest';
import { ProgressMeter, readPieces } from './progress-meter';

/** Feed a meter `total` bytes in 32 KiB reads; return the totals it reported, end of file included. */
function reports(size: number, total: number, tick = 0): number[] {
  let clock = 0;
  const meter = new ProgressMeter(size, () => clock);
  const out: number[] = [];
  for (const n of readPieces(total)) {
    clock += tick;
    const current = meter.read(n);
    if (current !== undefined) out.push(current);
  }
  out.push(meter.end());
  return out;
}

describe('ProgressMeter (moby progressreader)', () => {
  test('a small blob reports at its last read and again at end of file', () => {
    expect(reports(10_340, 10_340)).toEqual([10_340, 10_340]);
  });

  test('on a fast link the rate limiter lets the first report through, then only the last read and the end', () => {
    expect(reports(1_000_000, 1_000_000)).toEqual([32_768, 1_000_000, 1_000_000]);
  });

  test('on a slow link (100 ms per read) every read past 1 % reports', () => {
    const out = reports(200_000, 200_000, 100);
    expect(out).toEqual([32_768, 65_536, 98_304, 131_072, 163_840, 196_608, 200_000, 200_000]);
  });

  test('without a known size it waits for 512 KiB between reports', () => {
    expect(reports(0, 600_000, 100)).toEqual([557_056, 600_000]);
  });

  test('reading past the expected size still reports (the tar of a pushed layer is bigger)', () => {
    expect(reports(9905, 130_560)).toEqual([32_768, 130_560]);
  });
});

test('readPieces splits like a 32 KiB io.Copy buffer', () => {
  expect([...readPieces(70_000)]).toEqual([32_768, 32_768, 4464]);
  expect([...readPieces(0)]).toEqual([]);
});
