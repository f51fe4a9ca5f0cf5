// The same tools as GNU programs on a real Debian filesystem (coreutils' wording and formats).
import { describe, expect, it } from 'vitest';
import { testContainer } from '../testing/container';

type Row = [script: string, stdout: string, stderr?: string, status?: number];

const rows: Row[] = [
  ['ls /nope', '', "ls: cannot access '/nope': No such file or directory\n", 2],
  ['ls -l /etc/debian_version', '-rw-r--r-- 1 root root 5 Feb  3 00:00 /etc/debian_version\n'],
  [
    'ls -ld /tmp /root',
    'drwx------ 2 root root 4096 Feb  3 00:00 /root\ndrwxrwxrwt 2 root root 4096 Feb  3 00:00 /tmp\n',
  ],
  ['ls -z', '', "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2],
  ['cat /nope', '', 'cat: /nope: No such file or directory\n', 1],
  ['cat /etc', '', 'cat: /etc: Is a directory\n', 1],
  ['mkdir /etc', '', "mkdir: cannot create directory '/etc': File exists\n", 1],
  ['rm /nope', '', "rm: cannot remove '/nope': No such file or directory\n", 1],
  ['rm /etc', '', "rm: cannot remove '/etc': Is a directory\n", 1],
  [
    'rm -rf /',
    '',
    "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
    1,
  ],
  ['rmdir /etc', '', "rmdir: failed to remove '/etc': Directory not empty\n", 1],
  ['cp /etc /tmp/e', '', "cp: -r not specified; omitting directory '/etc'\n", 1],
  ['cp /nope /tmp', '', "cp: cannot stat '/nope': No such file or directory\n", 1],
  ['mv /nope /tmp', '', "mv: cannot stat '/nope': No such file or directory\n", 1],
  ['ln -s /a /tmp/l; ln -s /b /tmp/l', '', "ln: failed to create symbolic link '/tmp/l': File exists\n", 1],
  ['touch /nope/f', '', "touch: cannot touch '/nope/f': No such file or directory\n", 1],
  ['head /nope', '', "head: cannot open '/nope' for reading: No such file or directory\n", 1],
  ['wc /etc/debian_version', '1 1 5 /etc/debian_version\n'],
  ['echo a b | wc', '      1       2       4\n'],
  ['uname -a', 'Linux 3f2a1b4c5d6e 6.10.14-linuxkit #1 SMP Fri Nov 29 17:22:03 UTC 2024 x86_64 GNU/Linux\n'],
  ['uname -o', 'GNU/Linux\n'],
  ['id', 'uid=0(root) gid=0(root) groups=0(root)\n'],
  ['date -d @86400', 'Fri Jan  2 00:00:00 UTC 1970\n'],
  ['hostname nope', '', 'hostname: you must be root to change the host name\n', 1],
  ['whoami', 'root\n'],
  ['env nope', '', "env: 'nope': No such file or directory\n", 127],
  ['/usr/bin/printf "%d\\n" abc', '0\n', "printf: 'abc': expected a numeric value\n", 1],
  ['printf "%d\\n" abc', '0\n', 'sh: 1: printf: abc: expected numeric value\n', 1],
  ['[ 1 -lt x ]', '', 'sh: 1: [: Illegal number: x\n', 2],
  ['/usr/bin/[ 1 -lt 2 ] && echo gnu-test', 'gnu-test\n'],
  ['echo "-e"', '-e\n'],
  ['/bin/echo -e "a\\tb"', 'a\tb\n'],
  ['sort /nope', '', 'sort: cannot read: /nope: No such file or directory\n', 2],
  ['stat -c %U:%G /etc/shadow', 'root:shadow\n'],
  ['find /etc/apt -type f', '/etc/apt/sources.list.d/debian.sources\n'],
  ['ls /bin/ | head -3', '[\napt\napt-cache\n'],
  ['sh -c "echo \\$0"; bash -c "echo \\$0"', 'sh\nbash\n'],
];

describe('GNU programs on Debian', () => {
  it.each(rows)('%j', async (script, stdout, stderr = '', status = 0) => {
    expect(await (await testContainer('debian')).run(['sh', '-c', script])).toEqual({ stdout, stderr, status });
  });
});

describe('procps ps, when installed', () => {
  it('prints its own tables', async () => {
    const c = await testContainer('debian');
    // A procps-like `ps` program: the GNU flavour of the applet, under its own name.
    c.fs.writeFile('/usr/bin/ps', c.fs.readFile('/usr/bin/ls').slice(0, 64), { mode: 0o755 });
    const marker = new TextEncoder().encode('DOCKYARD-PROGRAM:ps\0');
    const bytes = new Uint8Array(64 + marker.length);
    bytes.set(c.fs.readFile('/usr/bin/ls').slice(0, 64));
    bytes.set(marker, 64);
    c.fs.writeFile('/usr/bin/ps', bytes, { mode: 0o755 });
    const r = await c.run(['sh', '-c', 'sleep 5 & ps; ps -ef']);
    expect(r.stdout).toBe(
      '    PID TTY          TIME CMD\n      1 ?        00:00:00 sh\n      2 ?        00:00:00 sleep\n      3 ?        00:00:00 ps\n' +
        'UID          PID    PPID  C STIME TTY          TIME CMD\n' +
        'root           1       0  0 12:00 ?        00:00:00 ps -ef\n' +
        'root           2       1  0 12:00 ?        00:00:00 sleep 5\n',
    );
  });
});
