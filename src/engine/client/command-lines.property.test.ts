// Nothing a student types can break the client: 10,000 random command lines — command words,
// real flags, values glued or apart, junk — run against a daemon that knows nothing. Every one
// ends with an exit status; every failure is reported on stderr in Docker's manner (a usage error
// ends with "Run 'docker … --help' for more information", status 125), never as a crash.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pingOnlyDaemon, testClient } from './client.fixture';
import { rootTree } from './commands/root';
import type { Command } from './cli/command';

function vocabulary(command: Command): { words: string[]; flags: string[] } {
  const words = new Set<string>();
  const flags = new Set<string>();
  const walk = (c: Command) => {
    words.add(c.name);
    for (const alias of c.spec.aliases ?? []) words.add(alias);
    for (const f of c.flags()) {
      flags.add(`--${f.name}`);
      if (f.short) flags.add(`-${f.short}`);
    }
    c.children.forEach(walk);
  };
  walk(command);
  return { words: [...words], flags: [...flags] };
}

const { words, flags } = vocabulary(rootTree('/home/student/.docker'));

const token = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom(...flags),
  fc.tuple(fc.constantFrom(...flags), fc.string({ maxLength: 6 })).map(([f, v]) => `${f}=${v}`),
  fc.constantFrom(
    '-',
    '--',
    '---',
    '-=',
    '--=',
    '-it',
    '-dit',
    'alpine',
    'nginx:alpine',
    'x:y',
    'a:/b',
    '0x1f',
    '-1',
    '1e3',
    '{{.ID}}',
    '{{',
    'json',
    'table',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);

describe('random command lines', () => {
  const docker = testClient({ daemon: pingOnlyDaemon, env: { HOME: '/home/student' } });
  test('10,000 of them: each ends with a status and a Docker-worded message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 7 }), async (argv) => {
        const result = await docker(argv);
        expect(Number.isInteger(result.code)).toBe(true);
        expect(result.code).toBeGreaterThanOrEqual(0);
        expect(result.code).toBeLessThan(256);
        const all = result.stdout + result.stderr;
        expect(all).not.toMatch(/TypeError|ReferenceError|\[object Object\]|undefined|NaN| {4}at /);
        if (result.code !== 0) expect(result.stderr).not.toBe('');
        if (result.code === 125) expect(result.stderr).toMatch(/Run 'docker[^']*--help' for more information\n$/);
      }),
      { numRuns: 10_000 },
    );
  }, 300_000);
});
