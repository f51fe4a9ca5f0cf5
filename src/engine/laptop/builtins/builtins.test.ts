import { describe, expect, it } from 'vitest';
import { testLaptop } from '../laptop.fixture';

async function session(lines: string[], options: { tty?: boolean; columns?: number; stdin?: string } = {}) {
  const laptop = testLaptop();
  laptop.files.mkdir('/home/student/app/src', { parents: true });
  laptop.files.writeFile('/home/student/app/Dockerfile', 'FROM alpine\nCMD ["echo","hi"]\n');
  laptop.files.writeFile('/home/student/app/.env', 'A=1\n');
  laptop.files.writeFile('/home/student/notes.txt', 'one\ntwo\nthree\nfour\n');
  let result = { code: -1, stdout: '', stderr: '' };
  for (const line of lines) result = await laptop.run(line, options);
  return { ...result, laptop };
}

describe('the builtins', () => {
  it.each([
    // ls
    [['ls'], 0, 'app\nnotes.txt\n', ''],
    [['ls -a app'], 0, '.\n..\n.env\nDockerfile\nsrc\n', ''],
    [['ls -A app'], 0, '.env\nDockerfile\nsrc\n', ''],
    [['ls app notes.txt'], 0, 'notes.txt\n\napp:\nDockerfile\nsrc\n', ''],
    [['ls nope'], 2, '', "ls: cannot access 'nope': No such file or directory\n"],
    [['ls -z'], 2, '', "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n"],
    [
      ['ls -l app'],
      0,
      'total 8\n-rw-r--r-- 1 student student   30 Jun  1 12:00 Dockerfile\ndrwxr-xr-x 2 student student 4096 Jun  1 12:00 src\n',
      '',
    ],
    [['ls -ld /etc'], 0, 'drwxr-xr-x 2 root root 4096 Jun  1 12:00 /etc\n', ''],
    // cat
    [['cat notes.txt app/Dockerfile'], 0, 'one\ntwo\nthree\nfour\nFROM alpine\nCMD ["echo","hi"]\n', ''],
    [['cat nope app'], 1, '', 'cat: nope: No such file or directory\ncat: app: Is a directory\n'],
    // cd / pwd
    [['cd app/src', 'pwd'], 0, '/home/student/app/src\n', ''],
    [['cd app', 'cd ..', 'pwd'], 0, '/home/student\n', ''],
    [['cd /etc', 'cd -'], 0, '/home/student\n', ''],
    [['cd /tmp', 'cd', 'pwd'], 0, '/home/student\n', ''],
    [['cd nope'], 1, '', 'bash: cd: nope: No such file or directory\n'],
    [['cd notes.txt'], 1, '', 'bash: cd: notes.txt: Not a directory\n'],
    [['cd a b'], 1, '', 'bash: cd: too many arguments\n'],
    // mkdir
    [['mkdir d', 'ls -d d'], 0, 'd\n', ''],
    [['mkdir app'], 1, '', "mkdir: cannot create directory 'app': File exists\n"],
    [['mkdir x/y'], 1, '', "mkdir: cannot create directory 'x/y': No such file or directory\n"],
    [['mkdir -p x/y', 'ls x'], 0, 'y\n', ''],
    [['mkdir'], 1, '', "mkdir: missing operand\nTry 'mkdir --help' for more information.\n"],
    // rm
    [['rm notes.txt', 'ls'], 0, 'app\n', ''],
    [['rm app'], 1, '', "rm: cannot remove 'app': Is a directory\n"],
    [['rm nope'], 1, '', "rm: cannot remove 'nope': No such file or directory\n"],
    [['rm -f nope'], 0, '', ''],
    [['rm -rf app', 'ls'], 0, 'notes.txt\n', ''],
    [
      ['rm -r /'],
      1,
      '',
      "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
    ],
    // cp
    [['cp notes.txt n2', 'cat n2'], 0, 'one\ntwo\nthree\nfour\n', ''],
    [['cp notes.txt app', 'ls app'], 0, 'Dockerfile\nnotes.txt\nsrc\n', ''],
    [['cp app b'], 1, '', "cp: -r not specified; omitting directory 'app'\n"],
    [['cp -r app b', 'ls -A b'], 0, '.env\nDockerfile\nsrc\n', ''],
    [['cp nope x'], 1, '', "cp: cannot stat 'nope': No such file or directory\n"],
    [
      ['cp notes.txt'],
      1,
      '',
      "cp: missing destination file operand after 'notes.txt'\nTry 'cp --help' for more information.\n",
    ],
    [['cp -r app app/src'], 1, '', "cp: cannot copy a directory, 'app', into itself, 'app/src/app'\n"],
    // mv
    [['mv notes.txt app/', 'ls app'], 0, 'Dockerfile\nnotes.txt\nsrc\n', ''],
    [['mv nope x'], 1, '', "mv: cannot stat 'nope': No such file or directory\n"],
    [['mv app app/src'], 1, '', "mv: cannot move 'app' to a subdirectory of itself, 'app/src/app'\n"],
    // touch
    [['touch new', 'cat new', 'ls'], 0, 'app\nnew\nnotes.txt\n', ''],
    [['touch x/y'], 1, '', "touch: cannot touch 'x/y': No such file or directory\n"],
    // echo / printf
    [['echo -n a; echo b'], 0, 'ab\n', ''],
    [['echo -e "a\\tb\\nc"'], 0, 'a\tb\nc\n', ''],
    [['echo "a\\tb"'], 0, 'a\\tb\n', ''],
    [['printf "%s=%d\\n" a 1 b 2'], 0, 'a=1\nb=2\n', ''],
    [['printf "%5s|%-3s|\\n" x y'], 0, '    x|y  |\n', ''],
    // grep / head / tail / wc
    [['grep t notes.txt'], 0, 'two\nthree\n', ''],
    [['grep -n -i T notes.txt'], 0, '2:two\n3:three\n', ''],
    [['grep -v o notes.txt'], 0, 'three\n', ''],
    [['grep -c o notes.txt'], 0, '3\n', ''],
    [['grep zzz notes.txt'], 1, '', ''],
    [['grep x nope'], 2, '', 'grep: nope: No such file or directory\n'],
    [['grep -E "^(one|four)$" notes.txt'], 0, 'one\nfour\n', ''],
    [['head -n 2 notes.txt'], 0, 'one\ntwo\n', ''],
    [['head -1 notes.txt'], 0, 'one\n', ''],
    [['tail -n 1 notes.txt'], 0, 'four\n', ''],
    [['tail -n +3 notes.txt'], 0, 'three\nfour\n', ''],
    [['head -n x notes.txt'], 1, '', "head: invalid number of lines: 'x'\n"],
    [['wc -l notes.txt'], 0, '4 notes.txt\n', ''],
    [['wc notes.txt'], 0, ' 4  4 19 notes.txt\n', ''],
    [['cat notes.txt | wc'], 0, '      4       4      19\n', ''],
    // variables
    [['export GREETING=hi', 'env | grep GREETING'], 0, 'GREETING=hi\n', ''],
    [['LOCAL=1', 'env | grep LOCAL'], 1, '', ''],
    [['export 1x=2'], 1, '', "bash: export: `1x=2': not a valid identifier\n"],
    [['export A=1', 'unset A', 'echo "[$A]"'], 0, '[]\n', ''],
    [['env A=5 printenv'], 127, '', 'bash: printenv: command not found\n'],
    // small ones
    [['whoami; hostname'], 0, 'student\nlaptop\n', ''],
    [['which docker ls cd'], 1, '/usr/bin/docker\n/usr/bin/ls\n', ''],
    [['true'], 0, '', ''],
    [['false'], 1, '', ''],
    [['sudo whoami'], 0, 'student\n', ''],
    [['history -c', 'history'], 0, '    1  history\n', ''],
  ])('%j', async (lines, code, stdout, stderr) => {
    const result = await session(lines as string[]);
    expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ code, stdout, stderr });
  });

  it('ls on a terminal: columns as wide as the screen, directories in blue', async () => {
    const laptop = testLaptop();
    for (const name of ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'])
      laptop.files.writeFile(`/home/student/${name}`, '');
    laptop.files.mkdir('/home/student/zdir');
    const wide = await laptop.run('ls', { tty: true, columns: 80 });
    expect(wide.stdout).toBe('alpha  bravo  charlie  delta  echo  foxtrot  \x1b[01;34mzdir\x1b[0m\n');
    const narrow = await laptop.run('ls', { tty: true, columns: 20 });
    expect(narrow.stdout).toBe('alpha    echo\nbravo    foxtrot\ncharlie  \x1b[01;34mzdir\x1b[0m\ndelta\n');
    const piped = await laptop.run('ls | cat', { tty: true, columns: 80 });
    expect(piped.stdout).toBe('alpha\nbravo\ncharlie\ndelta\necho\nfoxtrot\nzdir\n');
  });

  it('edit creates a missing file and asks the page to open it', async () => {
    const { laptop, code } = await session(['cd app', 'edit compose.yaml']);
    expect(code).toBe(0);
    expect(laptop.edits).toEqual(['/home/student/app/compose.yaml']);
    expect(laptop.files.readText('/home/student/app/compose.yaml')).toBe('');
    expect((await laptop.run('edit src')).stderr).toBe('edit: src: Is a directory\n');
  });

  it('clear asks the page to clear the terminal; help explains the shell', async () => {
    const { laptop } = await session(['clear']);
    expect(laptop.clears).toBe(1);
    const help = await laptop.run('help');
    expect(help.stdout).toContain('docker --help');
    expect(help.stdout).toContain('curl');
  });

  it('history prints numbered lines like bash, and `history N` the last N', async () => {
    const { stdout } = await session(['echo a', 'echo b', 'history 2']);
    expect(stdout).toBe('    2  echo b\n    3  history 2\n');
  });
});
