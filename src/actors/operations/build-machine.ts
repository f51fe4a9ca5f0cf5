// A build as the client watches it, on the classic builder's stream (`DOCKER_BUILDKIT=0`): text
// lines in `{"stream": …}` messages, one step after another (moby `builder/dockerfile`):
//
//   Step 2/3 : RUN echo hello > /greeting       a step begins         step → running
//    ---> Using cache                           its result is cached  step → cached
//    ---> Running in 38d7c34c2178               in a new container
//    ---> 7c0dbc45111d                          committed             step → done
//   Successfully built b92f70f2e57d             build → built
//   Successfully tagged myimg:latest
//
// Lines may arrive cut across messages; they are joined before they are read. The build stays in
// `building` until the last line, then `complete` — or `failed` on an error message.
import { assign, enqueueActions, setup } from 'xstate';
import type { OperationFeed, OperationInput } from './pull-machine';
import { buildEventOf, type BuildStreamEvent } from './progress-events';

export interface BuildStep {
  step: number;
  steps: number;
  instruction: string;
  state: 'running' | 'cached' | 'done';
  /** The intermediate container it ran in (`Running in …`), and the image it committed. */
  container?: string;
  image?: string;
}

export interface BuildContext extends OperationInput {
  steps: BuildStep[];
  /** Text of a line not yet ended by a newline. */
  partial: string;
  image?: string;
  tags: string[];
  error?: string;
}

function updateLast(steps: BuildStep[], change: Partial<BuildStep>): BuildStep[] {
  if (steps.length === 0) return steps;
  return [...steps.slice(0, -1), { ...steps.at(-1)!, ...change }];
}

export const buildMachine = setup({
  types: {
    context: {} as BuildContext,
    input: {} as OperationInput,
    events: {} as OperationFeed | BuildStreamEvent,
  },
  actions: {
    read: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'progress.message') return;
      const { message } = event;
      if (message.error !== undefined || message.errorDetail !== undefined) {
        enqueue.raise({ type: 'build.failed', message: message.error ?? message.errorDetail?.message ?? '' });
        return;
      }
      if (message.aux && typeof message.aux.ID === 'string') enqueue.assign({ image: message.aux.ID });
      if (message.stream === undefined) return;
      const lines = (context.partial + message.stream).split('\n');
      enqueue.assign({ partial: lines.pop()! });
      for (const line of lines) enqueue.raise(buildEventOf(line.replace(/\r$/, '')));
    }),
  },
}).createMachine({
  id: 'build',
  context: ({ input }) => ({ ...input, steps: [], partial: '', tags: [] }),
  initial: 'building',
  on: { 'progress.message': { actions: 'read' } },
  states: {
    building: {
      on: {
        'build.step': {
          actions: assign({
            steps: ({ context, event }) => [
              ...updateLast(context.steps, context.steps.at(-1)?.state === 'running' ? { state: 'done' } : {}),
              { step: event.step, steps: event.steps, instruction: event.instruction, state: 'running' },
            ],
          }),
        },
        'build.cached': { actions: assign({ steps: ({ context }) => updateLast(context.steps, { state: 'cached' }) }) },
        'build.running': {
          actions: assign({ steps: ({ context, event }) => updateLast(context.steps, { container: event.container }) }),
        },
        'build.committed': {
          actions: assign({
            steps: ({ context, event }) =>
              updateLast(context.steps, {
                image: event.image,
                state: context.steps.at(-1)?.state === 'cached' ? 'cached' : 'done',
              }),
          }),
        },
        'build.built': { actions: assign({ image: ({ context, event }) => context.image ?? event.image }) },
        'build.tagged': { actions: assign({ tags: ({ context, event }) => [...context.tags, event.reference] }) },
        'build.failed': { target: 'failed', actions: assign({ error: ({ event }) => event.message }) },
        'progress.end': [
          { guard: ({ context }) => context.image !== undefined, target: 'complete' },
          { target: 'failed', actions: assign({ error: 'the build stream ended before an image was built' }) },
        ],
      },
    },
    complete: { tags: ['done'] },
    failed: { tags: ['done'] },
  },
});
