// Docker's seven states derived from the flags, and the STATUS column as `docker ps` prints it.
import { describe, expect, it } from 'vitest';
import { humanDuration } from './human-duration';
import { newState, statusOf, statusText, type ContainerState } from './state';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const s = (over: Partial<ContainerState>): ContainerState => ({ ...newState(), ...over });
const ago = (ms: number) => NOW - ms;

describe('statusOf and statusText', () => {
  it.each([
    ['created', s({}), 'Created'],
    ['running', s({ running: true, startedAt: ago(5 * 60_000) }), 'Up 5 minutes'],
    ['running', s({ running: true, startedAt: ago(200) }), 'Up Less than a second'],
    ['running', s({ running: true, startedAt: ago(1000) }), 'Up 1 second'],
    ['paused', s({ running: true, paused: true, startedAt: ago(2 * 60_000) }), 'Up 2 minutes (Paused)'],
    [
      'restarting',
      s({ running: true, restarting: true, exitCode: 1, startedAt: ago(9000), finishedAt: ago(5000) }),
      'Restarting (1) 5 seconds ago',
    ],
    ['removing', s({ removalInProgress: true, startedAt: ago(9000) }), 'Removal In Progress'],
    ['dead', s({ dead: true, startedAt: ago(9000) }), 'Dead'],
    ['exited', s({ startedAt: ago(9000), finishedAt: ago(3000), exitCode: 0 }), 'Exited (0) 3 seconds ago'],
    [
      'exited',
      s({ startedAt: ago(3_600_000 * 3), finishedAt: ago(3_600_000 * 2), exitCode: 137 }),
      'Exited (137) 2 hours ago',
    ],
  ])('%s: %s', (status, state, text) => {
    expect(statusOf(state)).toBe(status);
    expect(statusText(state, NOW)).toBe(text);
  });

  it('running wins over removal in progress (a forced rm of a running container)', () => {
    expect(statusOf(s({ running: true, removalInProgress: true, startedAt: ago(1) }))).toBe('running');
  });
});

describe('humanDuration (go-units)', () => {
  const sec = 1000;
  const min = 60 * sec;
  const hour = 60 * min;
  const day = 24 * hour;
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [sec, '1 second'],
    [59 * sec, '59 seconds'],
    [60 * sec, 'About a minute'],
    [119 * sec, 'About a minute'],
    [2 * min, '2 minutes'],
    [59 * min, '59 minutes'],
    [60 * min, 'About an hour'],
    [89 * min, 'About an hour'],
    [90 * min, '2 hours'],
    [47 * hour, '47 hours'],
    [48 * hour, '2 days'],
    [13 * day, '13 days'],
    [14 * day, '2 weeks'],
    [59 * day, '8 weeks'],
    [60 * day, '2 months'],
    [729 * day, '24 months'],
    [730 * day, '2 years'],
  ])('%i ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});
