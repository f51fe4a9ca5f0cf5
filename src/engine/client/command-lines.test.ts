// Malformed and unusual command lines, against what the real docker CLI 28.2.2 printed and
// returned for each (testdata/command-lines.json, recorded with a daemon reachable): the wording,
// the usage reminder, the exit status (1, or 125 for a usage error, 64 for a bad template).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pingOnlyDaemon, testClient } from './client.fixture';

interface Case {
  argv: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const { cases } = JSON.parse(readFileSync(new URL('./testdata/command-lines.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

describe('command lines, as the real CLI answers them', () => {
  const reachable = testClient({ daemon: pingOnlyDaemon, env: { HOME: '/home/student' } });
  const unreachable = testClient({ env: { HOME: '/home/student' } });
  test.each(cases.map((c) => [c.argv.join(' '), c] as const))('docker %s', async (_name, c) => {
    const docker = c.argv.includes('tcp://127.0.0.1:1') ? unreachable : reachable;
    const result = await docker(c.argv);
    expect({ stdout: result.stdout, stderr: result.stderr, code: result.code }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      code: c.code,
    });
  });
});
