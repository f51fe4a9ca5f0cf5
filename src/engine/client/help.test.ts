// `docker … --help` for every command of the tree, against what the real docker CLI 28.2.2
// prints when it talks to a Linux daemon without swarm or experimental features
// (testdata/help/*.golden were recorded from it, with HOME=/home/student). The help text is where
// the flag tables, usage lines, aliases and descriptions all show: one byte off is a failure.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pingOnlyDaemon, testClient } from './client.fixture';

const dir = new URL('./testdata/help/', import.meta.url);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.golden'))
  .map((f) => f.replace(/\.golden$/, ''));

describe('--help, word for word', () => {
  const docker = testClient({ daemon: pingOnlyDaemon, env: { HOME: '/home/student' } });
  test.each(cases)('%s', async (name) => {
    const argv = [...name.split('_').slice(1), '--help'];
    const result = await docker(argv);
    expect(result.stdout).toBe(readFileSync(new URL(`${name}.golden`, dir), 'utf8'));
    expect(result.code).toBe(0);
  });
});
