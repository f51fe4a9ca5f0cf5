import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../actors/trace/types';
import { appendToLog, EMPTY_LOG, isMessage } from './log-window';

const event = (seq: number): TraceEntry => ({
  kind: 'event',
  seq,
  time: 0,
  at: { host: 'laptop', role: 'daemon' },
  type: 'image.pulled',
  summary: `event ${seq}`,
});

describe('appendToLog', () => {
  it('keeps the newest entries up to the cap and counts the ones let go', () => {
    let log = EMPTY_LOG;
    log = appendToLog(log, [1, 2, 3].map(event), 4);
    expect(log.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    log = appendToLog(log, [4, 5, 6].map(event), 4);
    expect(log.entries.map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    expect(log.dropped).toBe(2);
    log = appendToLog(log, [7].map(event), 4);
    expect(log.dropped).toBe(3);
  });

  it('returns the same window when nothing is added', () => {
    const log = appendToLog(EMPTY_LOG, [event(1)]);
    expect(appendToLog(log, [])).toBe(log);
  });

  it('tells messages from state changes', () => {
    expect(isMessage(event(1))).toBe(false);
    expect(
      isMessage({
        kind: 'failure',
        seq: 2,
        time: 0,
        exchange: 1,
        from: { host: 'laptop', role: 'daemon' },
        to: { host: 'docker.io', role: 'registry' },
        summary: 'i/o timeout',
      }),
    ).toBe(true);
  });
});
