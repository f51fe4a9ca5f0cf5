// `docker run/create --health-*` and `--no-healthcheck`: the Config.Healthcheck sent to the daemon,
// and docker/cli 28.2.2's refusals (checked against the real CLI: they come before any request).
import { describe, expect, it } from 'vitest';
import type { Handler } from '../../../wire/message';
import { readBody } from '../../../wire/message';
import { pingOnlyDaemon, testClient } from '../../client.fixture';

/** A daemon that records the create body and then refuses it (the test needs nothing more). */
function recordingDaemon(): { daemon: Handler; bodies: unknown[] } {
  const bodies: unknown[] = [];
  const daemon: Handler = async (request) => {
    if (request.url.includes('/containers/create')) {
      bodies.push(JSON.parse(new TextDecoder().decode(await readBody(request.body))));
      return {
        status: 400,
        headers: { 'Api-Version': '1.50', 'Content-Type': 'application/json' },
        body: new TextEncoder().encode('{"message":"recorded"}\n') as never,
      };
    }
    return pingOnlyDaemon(request);
  };
  return { daemon, bodies };
}

async function healthcheckSent(flags: string[]): Promise<unknown> {
  const { daemon, bodies } = recordingDaemon();
  await testClient({ daemon })(['create', ...flags, 'alpine', 'true']);
  expect(bodies).toHaveLength(1);
  return (bodies[0] as { Healthcheck?: unknown }).Healthcheck;
}

describe('--health-* flags', () => {
  it.each<[string[], unknown]>([
    [[], undefined],
    [['--health-cmd', 'wget -qO- localhost || exit 1'], { Test: ['CMD-SHELL', 'wget -qO- localhost || exit 1'] }],
    [
      ['--health-retries', '2', '--health-start-interval', '1s', '--health-interval', '5s', '--health-cmd', 'exit 1'],
      { Test: ['CMD-SHELL', 'exit 1'], Interval: 5e9, StartInterval: 1e9, Retries: 2 },
    ],
    [['--health-timeout', '500ms', '--health-start-period', '1m'], { Timeout: 5e8, StartPeriod: 60e9 }],
    [['--no-healthcheck'], { Test: ['NONE'] }],
    [['--no-healthcheck', '--health-retries', '0', '--health-interval', '0s'], { Test: ['NONE'] }],
    [['--health-retries', '0'], undefined],
  ])('%j', async (flags, expected) => {
    expect(await healthcheckSent(flags)).toEqual(expected);
  });

  it('sends the fields in Go order (Test, Interval, Timeout, StartPeriod, StartInterval, Retries)', async () => {
    const sent = await healthcheckSent([
      '--health-retries=1',
      '--health-start-interval=1s',
      '--health-start-period=1s',
      '--health-timeout=1s',
      '--health-interval=1s',
      '--health-cmd=true',
    ]);
    expect(Object.keys(sent as object)).toEqual([
      'Test',
      'Interval',
      'Timeout',
      'StartPeriod',
      'StartInterval',
      'Retries',
    ]);
  });

  it.each<[string[], string]>([
    [['--no-healthcheck', '--health-timeout=1s'], '--no-healthcheck conflicts with --health-* options'],
    [['--no-healthcheck', '--health-cmd', 'true'], '--no-healthcheck conflicts with --health-* options'],
    [['--health-interval=-1s'], '--health-interval cannot be negative'],
    [['--health-timeout=-1s'], '--health-timeout cannot be negative'],
    [['--health-retries=-1'], '--health-retries cannot be negative'],
    [['--health-start-period=-1s'], '--health-start-period cannot be negative'],
    [['--health-start-interval=-1s'], '--health-start-interval cannot be negative'],
    [['--health-start-period=-2s', '--health-retries=-1'], '--health-retries cannot be negative'],
  ])('%j → %s', async (flags, message) => {
    const { daemon, bodies } = recordingDaemon();
    const result = await testClient({ daemon })(['run', ...flags, 'alpine', 'true']);
    expect(result).toMatchObject({
      code: 125,
      stderr: `docker: ${message}\n\nRun 'docker run --help' for more information\n`,
    });
    expect(bodies).toHaveLength(0);
  });
});
