// Quoting round trips: whatever a string holds, the ways a script can quote it give it back intact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImageConfig } from '../../image/types';
import { SimulatedClock } from '../clock';
import { TestContainer } from '../testing/container';
import { tinyRootfs } from '../testing/tiny-rootfs';
import { traceQuote } from './simple';
import '../index';

const config = { config: { Env: ['PATH=/bin'] } } as unknown as ImageConfig;

async function sh(script: string): Promise<string> {
  const c = new TestContainer(tinyRootfs(), config, new SimulatedClock(), {});
  const r = await c.run(['sh', '-c', script]);
  if (r.status !== 0 || r.stderr !== '')
    throw new Error(`script failed: ${JSON.stringify(r)} for ${JSON.stringify(script)}`);
  return r.stdout;
}

/** Strings full of what shells treat specially. */
const tricky = fc.string({
  unit: fc.constantFrom(
    'a',
    'Z',
    '0',
    ' ',
    '\t',
    '\n',
    "'",
    '"',
    '\\',
    '$',
    '`',
    '*',
    '?',
    '[',
    ']',
    '{',
    '}',
    '~',
    '#',
    ';',
    '&',
    '|',
    '(',
    ')',
    '<',
    '>',
    '!',
    '%',
    'é',
  ),
  maxLength: 24,
});

const singleQuoted = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const doubleQuoted = (s: string) => `"${s.replace(/(["\\$`])/g, '\\$1')}"`;

describe('quoting round trips', () => {
  it("single quotes (with the '\\'' idiom) keep every character", async () => {
    await fc.assert(
      fc.asyncProperty(tricky, async (s) => {
        expect(await sh(`printf '%s' ${singleQuoted(s)}`)).toBe(s);
      }),
      { numRuns: 60 },
    );
  });

  it('double quotes with \\ before " \\ $ ` keep every character', async () => {
    await fc.assert(
      fc.asyncProperty(tricky, async (s) => {
        expect(await sh(`printf '%s' ${doubleQuoted(s)}`)).toBe(s);
      }),
      { numRuns: 60 },
    );
  });

  it('"$@" passes arguments through a function unchanged, "$var" too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tricky, { maxLength: 4 }), async (args) => {
        const script = `f() { for a in "$@"; do printf '[%s]' "$a"; done; }; set -- ${args.map(singleQuoted).join(' ')}; f "$@"`;
        expect(await sh(script)).toBe(args.map((a) => `[${a}]`).join(''));
      }),
      { numRuns: 40 },
    );
  });

  it('set -x quoting reads back as the same word', async () => {
    await fc.assert(
      fc.asyncProperty(tricky, async (s) => {
        expect(await sh(`printf '%s' ${traceQuote(s)}`)).toBe(s);
      }),
      { numRuns: 60 },
    );
  });
});
