// Helpers for the operation machines' tests: the daemon's golden progress streams (one JSON
// message per line, read by the test), fed to an actor message by message as the client feeds them.
import type { AnyActorRef } from 'xstate';
import type { ProgressMessage } from './progress-stream';

/** The messages of a golden stream file's text. */
export const parseGolden = (text: string): ProgressMessage[] =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as ProgressMessage);

export function feed(actor: AnyActorRef, messages: ProgressMessage[], end = true): void {
  for (const message of messages) actor.send({ type: 'progress.message', message });
  if (end) actor.send({ type: 'progress.end' });
}

/** Each layer child's state, by layer ID. */
export const layerStates = (actor: AnyActorRef) =>
  Object.fromEntries(
    Object.entries(actor.getSnapshot().children as Record<string, AnyActorRef>).map(([id, child]) => [
      id.replace('layer:', ''),
      child.getSnapshot().value,
    ]),
  );

export const input = { command: 1, subject: 'docker.io/library/nginx:alpine' };
