import { describe, expect, it } from 'vitest';
import { createActor, type AnyActorRef } from 'xstate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feed, input, layerStates, parseGolden } from './operations.fixture';
import { pushMachine } from './push-machine';

const goldenMessages = (name: string) =>
  parseGolden(readFileSync(join(import.meta.dirname, '../../engine/daemon/distribution/testdata', name), 'utf8'));

describe('the push machine', () => {
  it.each([
    ['push-fresh.golden', 'pushed'],
    ['push-again.golden', 'layerAlreadyExists'],
    ['push-hub-mount.golden', 'mountedFrom'],
  ])('follows %s to %s', (file, state) => {
    const push = createActor(pushMachine, { input }).start();
    feed(push, goldenMessages(file));
    expect(push.getSnapshot().value).toBe('complete');
    expect(Object.values(layerStates(push))).toEqual([state]);
    expect(push.getSnapshot().context.pushed?.digest).toMatch(/^sha256:69f3733f/);
  });

  it('remembers where a layer was mounted from', () => {
    const push = createActor(pushMachine, { input }).start();
    feed(push, goldenMessages('push-hub-mount.golden'));
    const layer = Object.values(push.getSnapshot().children)[0] as AnyActorRef;
    expect(layer.getSnapshot().context.mountedFrom).toBe('library/alpine');
    expect(push.getSnapshot().context.repository).toBe('docker.io/student/alpine');
  });

  it('fails on an error message', () => {
    const push = createActor(pushMachine, { input }).start();
    feed(push, [
      { status: 'The push refers to repository [docker.io/library/alpine]' },
      { error: 'denied: requested access to the resource is denied' },
    ]);
    expect(push.getSnapshot().value).toBe('failed');
  });
});
