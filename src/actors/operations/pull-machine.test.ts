import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feed, input, layerStates, parseGolden } from './operations.fixture';
import { pullMachine } from './pull-machine';

const goldenMessages = (name: string) =>
  parseGolden(readFileSync(join(import.meta.dirname, '../../engine/daemon/distribution/testdata', name), 'utf8'));

describe('the pull machine', () => {
  it('follows each layer of a pull to its end, spawning one actor per layer', () => {
    const pull = createActor(pullMachine, { input }).start();
    feed(pull, goldenMessages('pull-nginx-alpine-after-alpine.golden'));
    const snap = pull.getSnapshot();
    expect(snap.value).toBe('complete');
    expect(snap.context.tag).toBe('alpine');
    expect(snap.context.reference).toBe('nginx:alpine');
    expect(snap.context.upToDate).toBe(false);
    expect(snap.context.digest).toMatch(/^sha256:44d8e458/);
    expect(snap.context.layers).toEqual([
      'c7b7f7d2a3b1',
      '57f8893adf14',
      'af9b44ed4f75',
      '1d95aed804a3',
      '72007eeccbbb',
      '39905c4d93c0',
      '2e042a209554',
      '9d688f03746e',
    ]);
    expect(layerStates(pull)).toEqual({
      c7b7f7d2a3b1: 'alreadyExists',
      '57f8893adf14': 'pullComplete',
      af9b44ed4f75: 'pullComplete',
      '1d95aed804a3': 'pullComplete',
      '72007eeccbbb': 'pullComplete',
      '39905c4d93c0': 'pullComplete',
      '2e042a209554': 'pullComplete',
      '9d688f03746e': 'pullComplete',
    });
  });

  it('moves a layer through every phase, retrying included', () => {
    const pull = createActor(pullMachine, { input }).start();
    const id = '9d688f03746e';
    const layer = () => layerStates(pull)[id];
    const step = (status: string, current?: number, total?: number) =>
      feed(
        pull,
        [{ status, id, progressDetail: { ...(current ? { current } : {}), ...(total ? { total } : {}) } }],
        false,
      );
    feed(pull, [{ status: 'Pulling from library/nginx', id: 'alpine' }], false);
    const phases: [string, string][] = [];
    for (const [status, current] of [
      ['Pulling fs layer'],
      ['Waiting'],
      ['Downloading', 32768],
      ['Retrying in 5 seconds'],
      ['Downloading', 36515],
      ['Verifying Checksum'],
      ['Download complete'],
      ['Extracting', 32768],
      ['Pull complete'],
    ] as [string, number?][]) {
      step(status, current, current ? 36515 : undefined);
      phases.push([status, layer() as string]);
    }
    expect(phases).toEqual([
      ['Pulling fs layer', 'waiting'],
      ['Waiting', 'waiting'],
      ['Downloading', 'downloading'],
      ['Retrying in 5 seconds', 'retrying'],
      ['Downloading', 'downloading'],
      ['Verifying Checksum', 'verifying'],
      ['Download complete', 'downloadComplete'],
      ['Extracting', 'extracting'],
      ['Pull complete', 'pullComplete'],
    ]);
  });

  it('ignores a phase out of order rather than going back', () => {
    const pull = createActor(pullMachine, { input }).start();
    feed(pull, [{ status: 'Pulling from library/alpine', id: 'latest' }], false);
    feed(
      pull,
      [
        { status: 'Already exists', id: 'aaa' },
        { status: 'Downloading', id: 'aaa' },
      ],
      false,
    );
    expect(layerStates(pull)).toEqual({ aaa: 'alreadyExists' });
  });

  it('fails on an error message, or when the stream ends early', () => {
    const failed = createActor(pullMachine, { input }).start();
    feed(failed, [
      { status: 'Pulling from library/alpine', id: 'latest' },
      { errorDetail: { message: 'unauthorized' }, error: 'unauthorized' },
    ]);
    expect(failed.getSnapshot().value).toBe('failed');
    expect(failed.getSnapshot().context.error).toBe('unauthorized');
    const cut = createActor(pullMachine, { input }).start();
    feed(cut, [{ status: 'Pulling from library/alpine', id: 'latest' }]);
    expect(cut.getSnapshot().context.error).toBe('the progress stream ended early');
  });
});
