// The lifecycle table, every state × every operation, against the words dockerd uses.
import { describe, expect, it } from 'vitest';
import { DaemonError } from '../api/errors';
import { CONTAINER_STATUSES } from './state';
import { OPERATIONS, checkMove, decide, type Operation } from './transitions';
import type { ContainerStatus } from './state';

const who = { id: 'c0ffee'.padEnd(64, '0'), name: '/web', given: 'web' };
const ID = who.id;

const notRunning = `container ${ID} is not running`;
const notPaused = `Container ${ID} is not paused`;
const marked = 'container is marked for removal and cannot be started';
const inProgress = 'removal of container web is already in progress';

/** [state, operation, expected]: `→x` allowed to x, `304 …` not modified, else the 409 message. */
const table: [ContainerStatus, Operation, string][] = [
  ['created', 'start', '→running'],
  ['created', 'stop', '304 Container is already stopped'],
  ['created', 'kill', notRunning],
  ['created', 'pause', notRunning],
  ['created', 'unpause', notPaused],
  ['created', 'restart', '→running'],
  ['created', 'remove', '→removed'],
  ['created', 'force-remove', '→removed'],
  ['created', 'exec', notRunning],
  ['created', 'attach', '→created'],
  ['created', 'commit', '→created'],

  ['running', 'start', '304 Container is already started'],
  ['running', 'stop', '→exited'],
  ['running', 'kill', '→exited'],
  ['running', 'pause', '→paused'],
  ['running', 'unpause', notPaused],
  ['running', 'restart', '→running'],
  [
    'running',
    'remove',
    'cannot remove container "/web": container is running: stop the container before removing or force remove',
  ],
  ['running', 'force-remove', '→removed'],
  ['running', 'exec', '→running'],
  ['running', 'attach', '→running'],
  ['running', 'commit', '→running'],

  ['paused', 'start', 'cannot start a paused container, try unpause instead'],
  ['paused', 'stop', '→exited'],
  ['paused', 'kill', '→exited'],
  ['paused', 'pause', `container ${ID} is already paused`],
  ['paused', 'unpause', '→running'],
  ['paused', 'restart', '→running'],
  ['paused', 'remove', 'cannot remove container "/web": container is paused and must be unpaused first'],
  ['paused', 'force-remove', '→removed'],
  ['paused', 'exec', `Container ${ID} is paused, unpause the container before exec`],
  ['paused', 'attach', 'container web is paused, unpause the container before attach.'],
  ['paused', 'commit', '→paused'],

  ['restarting', 'start', '304 Container is already started'],
  ['restarting', 'stop', '→exited'],
  ['restarting', 'kill', '→exited'],
  ['restarting', 'pause', `Container ${ID} is restarting, wait until the container is running`],
  ['restarting', 'unpause', notPaused],
  ['restarting', 'restart', '→running'],
  [
    'restarting',
    'remove',
    'cannot remove container "/web": container is restarting: stop the container before removing or force remove',
  ],
  ['restarting', 'force-remove', '→removed'],
  ['restarting', 'exec', `Container ${ID} is restarting, wait until the container is running`],
  ['restarting', 'attach', 'container web is restarting, wait until the container is running.'],
  ['restarting', 'commit', '→restarting'],

  ['removing', 'start', marked],
  ['removing', 'stop', '304 Container is already stopped'],
  ['removing', 'kill', notRunning],
  ['removing', 'pause', notRunning],
  ['removing', 'unpause', notPaused],
  ['removing', 'restart', marked],
  ['removing', 'remove', inProgress],
  ['removing', 'force-remove', inProgress],
  ['removing', 'exec', notRunning],
  ['removing', 'attach', '→removing'],
  ['removing', 'commit', `You cannot commit container ${ID} which is being removed`],

  ['exited', 'start', '→running'],
  ['exited', 'stop', '304 Container is already stopped'],
  ['exited', 'kill', notRunning],
  ['exited', 'pause', notRunning],
  ['exited', 'unpause', notPaused],
  ['exited', 'restart', '→running'],
  ['exited', 'remove', '→removed'],
  ['exited', 'force-remove', '→removed'],
  ['exited', 'exec', notRunning],
  ['exited', 'attach', '→exited'],
  ['exited', 'commit', '→exited'],

  ['dead', 'start', marked],
  ['dead', 'stop', '304 Container is already stopped'],
  ['dead', 'kill', notRunning],
  ['dead', 'pause', notRunning],
  ['dead', 'unpause', notPaused],
  ['dead', 'restart', marked],
  ['dead', 'remove', '→removed'],
  ['dead', 'force-remove', '→removed'],
  ['dead', 'exec', notRunning],
  ['dead', 'attach', '→dead'],
  ['dead', 'commit', `You cannot commit container ${ID} which is Dead`],
];

describe('the lifecycle table', () => {
  it('covers every state and every operation exactly once', () => {
    const keys = table.map(([s, o]) => `${s}/${o}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(CONTAINER_STATUSES.length * OPERATIONS.length);
  });

  it.each(table)('%s + %s → %s', (status, operation, expected) => {
    const verdict = decide(operation, status, who);
    if (expected.startsWith('→')) expect(verdict).toEqual({ kind: 'allowed', to: expected.slice(1) });
    else if (expected.startsWith('304 ')) expect(verdict).toEqual({ kind: 'not-modified', message: expected.slice(4) });
    else expect(verdict).toEqual({ kind: 'refused', message: expected });
  });

  it('checkMove: 409 for a refusal, false for 304, true when allowed', () => {
    expect(checkMove('start', 'created', who)).toBe(true);
    expect(checkMove('start', 'running', who)).toBe(false);
    let thrown: unknown;
    try {
      checkMove('kill', 'exited', who);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DaemonError);
    expect(thrown).toMatchObject({ status: 409, message: notRunning });
  });
});
