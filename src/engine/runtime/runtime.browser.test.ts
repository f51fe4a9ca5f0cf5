// Runs in real Chromium: the runtime, the shell and the applets are plain TypeScript, and the
// clock's event-loop yields must work without Node's setImmediate.
import { expect, it } from 'vitest';
import type { ImageConfig } from '../image/types';
import { SimulatedClock } from './clock';
import { TestContainer } from './testing/container';
import { tinyRootfs } from './testing/tiny-rootfs';

const config = { config: { Env: ['PATH=/usr/bin:/bin'] } } as unknown as ImageConfig;

it('runs a shell pipeline, a script and ps in the browser', async () => {
  const c = new TestContainer(tinyRootfs(), config, new SimulatedClock(), {});
  const r = await c.run([
    'sh',
    '-c',
    'for i in 1 2; do echo "n=$i"; done | cat; sleep 30; hello.sh a || echo "status $?"; ps',
  ]);
  expect(r.stdout).toBe(
    'n=1\nn=2\nhello from /usr/bin/hello.sh with 1 args: a\nstatus 3\nPID   USER     TIME  COMMAND\n    1 root      0:00 ps\n',
  );
  expect(r.status).toBe(0);
});

it('stops a runaway loop in the browser', async () => {
  const c = new TestContainer(tinyRootfs(), config, new SimulatedClock(), { limits: { steps: 3000 } });
  const r = await c.run(['sh', '-c', 'while :; do :; done']);
  expect(r.status).toBe(137);
  expect(r.stderr).toContain('runaway loop');
});
