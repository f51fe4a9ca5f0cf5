import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { ContainerStatus } from '../../engine/daemon/containers/state';
import { containerMachine, type ContainerAction } from './container-machine';

type Step = [ContainerAction, ContainerStatus | undefined];

function run(steps: Step[]) {
  const actor = createActor(containerMachine, {
    input: { host: 'laptop', id: 'a'.repeat(64), name: 'web', image: 'nginx' },
  }).start();
  const states: string[] = [];
  for (const [action, status] of steps) {
    actor.send({
      type: `container.${action}`,
      ...(status ? { status } : {}),
      ...(action === 'die' ? { exitCode: 3 } : {}),
    });
    states.push(actor.getSnapshot().status === 'done' ? 'removed' : String(actor.getSnapshot().value));
  }
  return { states, actor };
}

describe('the container machine', () => {
  // Each row: the daemon's events (with the status it reports after each), and the states they lead to.
  it.each<[string, Step[], string[]]>([
    [
      'run to completion',
      [
        ['start', 'running'],
        ['die', 'exited'],
      ],
      ['running', 'exited'],
    ],
    [
      'pause and unpause',
      [
        ['start', 'running'],
        ['pause', 'paused'],
        ['unpause', 'running'],
      ],
      ['running', 'paused', 'running'],
    ],
    [
      'a restart policy brings it back',
      [
        ['start', 'running'],
        ['die', 'restarting'],
        ['start', 'running'],
      ],
      ['running', 'restarting', 'running'],
    ],
    [
      'stop cancels a pending restart',
      [
        ['start', 'running'],
        ['die', 'restarting'],
        ['stop', 'exited'],
      ],
      ['running', 'restarting', 'exited'],
    ],
    [
      'rm -f: kill while removal is in progress, then destroy',
      [
        ['start', 'running'],
        ['kill', 'removing'],
        ['die', 'removing'],
        ['destroy', undefined],
      ],
      ['running', 'removing', 'removing', 'removed'],
    ],
    ['a removal that fails half-way', [['kill', 'dead']], ['dead']],
    [
      'started again after exiting',
      [
        ['start', 'running'],
        ['die', 'exited'],
        ['start', 'running'],
      ],
      ['running', 'exited', 'running'],
    ],
    ['removed without ever running', [['destroy', undefined]], ['removed']],
  ])('%s', (_name, steps, states) => {
    expect(run(steps).states).toEqual(states);
  });

  it('keeps the exit code and the number of restarts', () => {
    const { actor } = run([
      ['start', 'running'],
      ['die', 'restarting'],
      ['start', 'running'],
    ]);
    expect(actor.getSnapshot().context).toMatchObject({ exitCode: 3, restarts: 1, name: 'web' });
  });

  it('ignores an event that makes no sense in its state', () => {
    expect(run([['unpause', undefined]]).states).toEqual(['created']);
  });
});
