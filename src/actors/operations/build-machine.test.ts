import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { buildMachine } from './build-machine';
import { feed } from './operations.fixture';

describe('the build machine', () => {
  const stream = [
    'Step 1/3 : FROM busybox\n ---> fc9db2894f4e\n',
    'Step 2/3 : RUN echo hello > /greeting\n',
    ' ---> Running in 38d7c34c2178\n ---> Removed intermediate container 38d7c34c2178\n ---> 7c0dbc45111d\nStep 3/3 : CMD ["cat", "/gree',
    'ting"]\n ---> Using cache\n ---> b92f70f2e57d\nSuccessfully built b92f70f2e57d\nSuccessfully tagged myimg:latest\n',
  ].map((s) => ({ stream: s }));

  it('follows each step, joining lines cut across messages', () => {
    const build = createActor(buildMachine, { input: { command: 1, subject: 'myimg:latest' } }).start();
    feed(build, [...stream, { aux: { ID: 'sha256:b92f70f2e57d0000' } }]);
    const snap = build.getSnapshot();
    expect(snap.value).toBe('complete');
    expect(snap.context.steps).toEqual([
      { step: 1, steps: 3, instruction: 'FROM busybox', state: 'done', image: 'fc9db2894f4e' },
      {
        step: 2,
        steps: 3,
        instruction: 'RUN echo hello > /greeting',
        state: 'done',
        container: '38d7c34c2178',
        image: '7c0dbc45111d',
      },
      { step: 3, steps: 3, instruction: 'CMD ["cat", "/greeting"]', state: 'cached', image: 'b92f70f2e57d' },
    ]);
    expect(snap.context.image).toBe('sha256:b92f70f2e57d0000');
    expect(snap.context.tags).toEqual(['myimg:latest']);
  });

  it('fails on an error, and when the stream ends without an image', () => {
    const failed = createActor(buildMachine, { input: { command: 1, subject: '' } }).start();
    feed(failed, [stream[0]!, { errorDetail: { message: 'The command returned a non-zero code: 1' }, error: 'x' }]);
    expect(failed.getSnapshot().value).toBe('failed');
    const cut = createActor(buildMachine, { input: { command: 1, subject: '' } }).start();
    feed(cut, [stream[0]!]);
    expect(cut.getSnapshot().value).toBe('failed');
  });
});
