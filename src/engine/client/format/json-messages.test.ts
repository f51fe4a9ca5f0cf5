// Progress streams rendered as the real docker CLI renders them. Each testdata/streams/*.jsonl is
// a stream of JSON messages (recorded from Dockyard's daemon, or made up to reach every branch);
// *.expected.json holds what docker 28.2.2 printed when a fake daemon fed it that stream — into a
// pipe (status lines only), and on terminals 150, 100 and 40 columns wide (lines redrawn in place;
// bars only above 110 columns). Our client is fed the same bytes and must print the same bytes.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Bytes } from '../../bytes';
import type { Handler } from '../../wire/message';
import { testClient } from '../client.fixture';
import { progressText } from './json-messages';

const dir = new URL('../testdata/streams/', import.meta.url);
const names = ['pull-alpine', 'pull-nginx', 'push-fresh', 'synthetic', 'unauthorized'];

interface Expected {
  argv: string[];
  pipe: { stdout: string; stderr: string; code: number };
  tty150: { output: string; code: number };
  tty100: { output: string; code: number };
  tty40: { output: string; code: number };
}

function streamDaemon(stream: Bytes): Handler {
  return async (request) => {
    const headers = { 'Api-Version': '1.50' };
    if (request.url.endsWith('/_ping')) return { status: 200, headers };
    return { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, body: stream };
  };
}

describe.each(names)('%s', (name) => {
  const stream = new Uint8Array(readFileSync(new URL(`${name}.jsonl`, dir))) as Bytes;
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as Expected;
  const docker = testClient({ daemon: streamDaemon(stream), now: () => Date.UTC(2025, 0, 1) });

  test('into a pipe', async () => {
    const result = await docker(expected.argv);
    expect(result).toMatchObject(expected.pipe);
  });

  test.each([150, 100, 40] as const)('on a terminal %i columns wide', async (columns) => {
    const want = expected[`tty${columns}`];
    const result = await docker(expected.argv, { tty: columns });
    expect({ output: result.stdout + result.stderr, code: result.code }).toEqual(want);
  });
});

describe('JSONProgress.String', () => {
  test.each([
    {
      p: { current: 1_000_000, total: 3_600_000 },
      width: 200,
      want: '[=============>                                     ]      1MB/3.6MB',
    },
    { p: { current: 1_000_000, total: 3_600_000 }, width: 80, want: '     1MB/3.6MB' },
    { p: { current: 123 }, width: 200, want: '    123B' },
    {
      p: { current: 7, total: 10, units: 'files' },
      width: 120,
      want: '[===================================>               ] 7/10 files',
    },
    {
      p: { current: 70, total: 10 },
      width: 120,
      want: '[==================================================>]      70B',
    },
    {
      p: { current: 2, total: 4, hidecounts: true },
      width: 120,
      want: '[=========================>                         ] ',
    },
    { p: {}, width: 200, want: '' },
    {
      p: { current: 1_000, total: 4_000, start: 100 },
      width: 120,
      want: '[============>                                      ]      1kB/4kB 30s',
    },
  ])('$p at $width columns', ({ p, width, want }) => {
    expect(progressText(p, width, 110_000)).toBe(want);
  });
});
