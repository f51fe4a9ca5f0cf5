// 10,000 random lines through the shell: it must never throw, never hang, and always end with a
// status. Lines are built from the shell's own vocabulary (commands, operators, quotes, expansions,
// redirects, globs) mixed with arbitrary characters, so they hit the parser's corners too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testLaptop } from './laptop.fixture';

const pieces = fc.constantFrom(
  'ls',
  'ls -la',
  'cat',
  'cd',
  'cd -',
  'cd ..',
  'pwd',
  'mkdir -p d/e',
  'rm -rf d',
  'cp -r',
  'mv',
  'touch f',
  'echo',
  'echo -e',
  'printf %s',
  'grep -v',
  'head -n 1',
  'tail -n',
  'wc -l',
  'export A=1',
  'unset A',
  'env',
  'history',
  'which',
  'curl',
  'curl -sf',
  'curl --unix-socket /var/run/docker.sock',
  'docker ps',
  'docker',
  'edit f',
  'true',
  'false',
  'help',
  'sudo',
  'clear',
  'while',
  'do',
  'done',
  'for',
  'in',
  'if',
  'then',
  'fi',
  'case',
  'esac',
  '{',
  '}',
  '(',
  ')',
  '|',
  '||',
  '&&',
  ';',
  ';;',
  '&',
  '>',
  '>>',
  '<',
  '2>',
  '2>&1',
  '<<',
  '>&',
  '"',
  "'",
  '\\',
  '$',
  '$?',
  '$HOME',
  '${A:-x}',
  '${#A}',
  '${A?}',
  '$(',
  '`',
  '$((',
  '))',
  '1/0',
  '~',
  '*',
  '?',
  '[',
  ']',
  '#',
  '=',
  'A=2',
  'f',
  'd',
  '/',
  '..',
  '/etc/hostname',
  '/dev/null',
  'x y',
  '-',
  '--',
  '-z',
);

const line = fc
  .array(fc.oneof({ weight: 4, arbitrary: pieces }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), {
    maxLength: 12,
  })
  .map((words) => words.join(' '));

describe('the shell under random lines', () => {
  it('never throws and always ends with a status (10,000 lines)', async () => {
    const laptop = testLaptop({
      http: async () => ({ status: 200, headers: {}, body: new TextEncoder().encode('ok') as Uint8Array<ArrayBuffer> }),
    });
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        const result = await laptop.run(text);
        expect(Number.isInteger(result.code)).toBe(true);
        expect(result.stderr).not.toContain('internal error');
        if (laptop.shell.cwd === '/') await laptop.run('cd');
      }),
      { numRuns: 10_000 },
    );
  }, 600_000);
});
