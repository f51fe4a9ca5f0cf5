import { beforeAll, describe, expect, it } from 'vitest';
import { apk } from '../../packages/apk';
import { TestClock } from '../testing/clock';
import { runProgram } from '../testing/context';
import { testImage, type TestImage } from '../testing/images';
import { file } from './file';
import { gcc } from './gcc';
import { git } from './git';
import { jq } from './jq';
import { make } from './make';
import { tree } from './tree';

beforeAll(async () => {
  for (const ref of ['alpine:3.21', 'node:22']) await testImage(ref);
}, 120_000);

async function alpineWith(...packages: string[]): Promise<TestImage> {
  const image = await testImage('alpine:3.21');
  if (packages.length) {
    const r = await runProgram(apk, {
      argv: ['apk', 'add', '--no-cache', ...packages],
      fs: image.fs,
      env: image.env,
      clock: new TestClock(undefined, true),
    });
    expect(r.code).toBe(0);
  }
  return image;
}

describe('tools installed by packages', () => {
  it('git --version follows the installed package; node:22 has buildpack-deps’ git', async () => {
    const image = await alpineWith('git');
    expect((await runProgram(git, { argv: ['git', '--version'], fs: image.fs })).stdout).toBe('git version 2.47.2\n');
    const node = await testImage('node:22');
    expect((await runProgram(git, { argv: ['git', '--version'], fs: node.fs })).stdout).toBe('git version 2.39.5\n');
    expect((await runProgram(git, { argv: ['git', 'clone', 'x'], fs: node.fs })).code).toBe(1);
  });

  it.each<[string, string, string[], string]>([
    ['{"a":1,"b":[1,2]}', '.', [], '{\n  "a": 1,\n  "b": [\n    1,\n    2\n  ]\n}\n'],
    ['{"a":{"b":"x"}}', '.a.b', [], '"x"\n'],
    ['{"a":{"b":"x"}}', '.a.b', ['-r'], 'x\n'],
    ['{"items":[{"name":"a"},{"name":"b"}]}', '.items[] | .name', ['-r'], 'a\nb\n'],
    ['{"items":[1,2,3]}', '.items | length', [], '3\n'],
    ['{"b":1,"a":2}', 'keys', ['-c'], '["a","b"]\n'],
    ['[10,20]', '.[1]', [], '20\n'],
    ['{"a":1}', '.missing', [], 'null\n'],
    ['{"a":1}', '.["a"]', [], '1\n'],
  ])('jq %s %s %j', async (input, filter, flags, out) => {
    const image = await alpineWith('jq');
    expect(await runProgram(jq, { argv: ['jq', ...flags, filter], fs: image.fs, stdin: input })).toMatchObject({
      code: 0,
      stdout: out,
    });
  });

  it('jq errors and limits', async () => {
    const image = await alpineWith('jq');
    expect((await runProgram(jq, { argv: ['jq', '.a.b'], fs: image.fs, stdin: '{"a":5}\n' })).stderr).toBe(
      'jq: error (at <stdin>:1): Cannot index number with "b"\n',
    );
    expect((await runProgram(jq, { argv: ['jq', 'map(.+1)'], fs: image.fs, stdin: '[1]' })).stderr).toContain(
      "beyond Dockyard's jq",
    );
    expect((await runProgram(jq, { argv: ['jq', '--version'], fs: image.fs })).stdout).toBe('jq-1.7.1\n');
  });

  it('make without a Makefile; gcc without input files', async () => {
    const image = await alpineWith('make', 'gcc');
    expect(await runProgram(make, { argv: ['make'], fs: image.fs })).toMatchObject({
      code: 2,
      stderr: 'make: *** No targets specified and no makefile found.  Stop.\n',
    });
    expect((await runProgram(make, { argv: ['make', '--version'], fs: image.fs })).stdout.split('\n')[0]).toBe(
      'GNU Make 4.4.1',
    );
    expect(await runProgram(gcc, { argv: ['gcc'], fs: image.fs })).toMatchObject({
      code: 1,
      stderr: 'gcc: fatal error: no input files\ncompilation terminated.\n',
    });
    expect((await runProgram(gcc, { argv: ['gcc', '--version'], fs: image.fs })).stdout.split('\n')[0]).toBe(
      'gcc (Alpine 14.2.0) 14.2.0',
    );
  });

  it('file tells ELF from script from text', async () => {
    const image = await alpineWith('file');
    image.fs.writeFile('/tmp/notes.txt', 'hello\n');
    const r = await runProgram(file, {
      argv: ['file', '/bin/busybox', '/usr/bin/ldd', '/tmp/notes.txt', '/etc', '/bin/sh'],
      fs: image.fs,
    });
    expect(r.stdout.split('\n')).toEqual([
      '/bin/busybox:   ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), stripped',
      '/usr/bin/ldd:   POSIX shell script, ASCII text executable',
      '/tmp/notes.txt: ASCII text',
      '/etc:           directory',
      '/bin/sh:        symbolic link to /bin/busybox',
      '',
    ]);
  });

  it('tree draws a directory', async () => {
    const image = await alpineWith('tree');
    image.fs.mkdir('/srv/app/src', { parents: true });
    image.fs.writeFile('/srv/app/src/main.js', '');
    image.fs.writeFile('/srv/app/package.json', '{}');
    image.fs.writeFile('/srv/app/.env', '');
    const r = await runProgram(tree, { argv: ['tree', '/srv/app'], fs: image.fs });
    expect(r.stdout).toBe('/srv/app\n├── package.json\n└── src\n    └── main.js\n\n1 directory, 2 files\n');
  });
});
