// The same mistakes in three shells: Debian's /bin/sh (dash), bash, and BusyBox ash (alpine).
import { describe, expect, it } from 'vitest';
import { testContainer } from '../testing/container';

type Row = [script: string, stdout: string, stderr: string, status: number];

async function run(image: string, argv: string[]) {
  return (await testContainer(image)).run(argv);
}

const dash: Row[] = [
  ['nope', '', 'sh: 1: nope: not found\n', 127],
  ['/etc', '', 'sh: 1: /etc: Permission denied\n', 126],
  ['cd /x', '', "sh: 1: cd: can't cd to /x\n", 2],
  ['fi', '', 'sh: 1: Syntax error: "fi" unexpected\n', 2],
  ['if true', '', 'sh: 1: Syntax error: end of file unexpected (expecting "then")\n', 2],
  ['echo "a', '', 'sh: 1: Syntax error: Unterminated quoted string\n', 2],
  ['exit abc', '', 'sh: 1: exit: Illegal number: abc\n', 2],
  ['echo $((1/0))', '', 'sh: 1: division by zero\n', 2],
  ['cat < /nope', '', 'sh: 1: cannot open /nope: No such file\n', 2],
  ['echo x > /nope/f', '', 'sh: 1: cannot create /nope/f: Directory nonexistent\n', 2],
  ['source /etc/os-release', '', 'sh: 1: source: not found\n', 127],
  ['. /etc/os-release; echo $VERSION_CODENAME', 'bookworm\n', '', 0],
  ['echo "tab:\\tend"', 'tab:\tend\n', '', 0],
  ['echo -e x', '-e x\n', '', 0],
  ['ls /nope', '', "ls: cannot access '/nope': No such file or directory\n", 2],
  ['cat /nope', '', 'cat: /nope: No such file or directory\n', 1],
  [
    'env',
    'HOSTNAME=3f2a1b4c5d6e\nHOME=/root\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nPWD=/\n',
    '',
    0,
  ],
  ['ps', '', 'sh: 1: ps: not found\n', 127],
  ['echo $0; echo $-', 'sh\n\n', '', 0],
];

const bash: Row[] = [
  ['nope', '', 'bash: line 1: nope: command not found\n', 127],
  ['/nope', '', 'bash: line 1: /nope: No such file or directory\n', 127],
  ['/etc', '', 'bash: line 1: /etc: Is a directory\n', 126],
  ['cd /x', '', 'bash: line 1: cd: /x: No such file or directory\n', 1],
  ['fi', '', "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `fi'\n", 2],
  ['if true', '', 'bash: -c: line 1: syntax error: unexpected end of file\n', 2],
  ['exit abc', '', 'bash: line 1: exit: abc: numeric argument required\n', 2],
  ['echo ${x:?}', '', 'bash: line 1: x: parameter null or not set\n', 1],
  ['set -u; echo $x', '', 'bash: line 1: x: unbound variable\n', 1],
  ['echo "a\\tb"; echo -e "a\\tb"', 'a\\tb\na\tb\n', '', 0],
  ['source /etc/os-release; echo $ID', 'debian\n', '', 0],
  ['type cd; type exit', 'cd is a shell builtin\nexit is a shell builtin\n', '', 0],
  ['local x', '', 'bash: line 1: local: can only be used in a function\n', 1],
  ['x=5; readonly x; x=6; echo still', 'still\n', 'bash: line 1: x: readonly variable\n', 0],
];

describe("dash, Debian's /bin/sh", () => {
  it.each(dash)('%j', async (script, stdout, stderr, status) => {
    expect(await run('debian', ['sh', '-c', script])).toEqual({ stdout, stderr, status });
  });
});

describe('bash', () => {
  it.each(bash)('%j', async (script, stdout, stderr, status) => {
    expect(await run('debian', ['bash', '-c', script])).toEqual({ stdout, stderr, status });
  });

  it('prints its version', async () => {
    const r = await run('debian', ['bash', '--version']);
    expect(r.stdout.split('\n')[0]).toBe('GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)');
  });

  it('runs an interactive shell on a terminal with the prompt from /root/.bashrc', async () => {
    const c = await testContainer('debian');
    const env = new Map([
      ['HOME', '/root'],
      ['PATH', '/usr/bin:/bin'],
    ]);
    const init = await c.runtime.start({ argv: ['bash'], env, stdout: c.stdout, stderr: c.stderr, tty: true });
    for (const line of ['cd /etc\r', 'echo $PWD\r', 'exit 5\r']) {
      await c.clock.advance(100);
      init.terminal?.type(line);
    }
    expect(await c.clock.runUntil(init.exit)).toBe(5);
    expect(c.stdout.text).toBe(
      'root@3f2a1b4c5d6e:/# cd /etc\r\nroot@3f2a1b4c5d6e:/etc# echo $PWD\r\n/etc\r\nroot@3f2a1b4c5d6e:/etc# exit 5\r\nexit\r\n',
    );
  });
});

describe('BusyBox ash interactive', () => {
  it('prompts with `/ # ` on a terminal, echoes keys, survives errors, and ignores Ctrl-C itself', async () => {
    const c = await testContainer('alpine');
    const env = new Map([
      ['HOME', '/root'],
      ['PATH', '/usr/bin:/bin'],
    ]);
    const init = await c.runtime.start({ argv: ['/bin/sh'], env, stdout: c.stdout, stderr: c.stderr, tty: true });
    for (const keys of ['nope\r', 'cd /tmpX\x7f\r', 'sleep 100\r', '\x03', 'echo ok\r', '\x04']) {
      await c.clock.advance(100);
      init.terminal?.type(keys);
    }
    expect(await c.clock.runUntil(init.exit)).toBe(0);
    expect(c.stdout.text).toBe(
      '/ # nope\r\n/bin/sh: nope: not found\r\n/ # cd /tmpX\b \b\r\n/tmp # sleep 100\r\n^C\r\n/tmp # echo ok\r\nok\r\n/tmp # ',
    );
  });
});
