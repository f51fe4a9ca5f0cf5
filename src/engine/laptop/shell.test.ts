import { describe, expect, it } from 'vitest';
import { testLaptop } from './laptop.fixture';

/** Run lines in order on one laptop (set-up first); check the last line's result. */
async function last(lines: string[], options: { stdin?: string } = {}) {
  const laptop = testLaptop();
  laptop.files.mkdir('/home/student/app');
  laptop.files.writeFile('/home/student/app/a.txt', 'alpha\n');
  laptop.files.writeFile('/home/student/app/b.txt', 'beta\n');
  laptop.files.writeFile('/home/student/app/c.md', 'gamma\n');
  let result = { code: -1, stdout: '', stderr: '' };
  for (const line of lines) result = await laptop.run(line, options);
  return { ...result, laptop };
}

describe('the line language', () => {
  it.each([
    // quoting
    ['echo one   two', 'one two\n'],
    ['echo "one   two"', 'one   two\n'],
    ["echo 'single $HOME'", 'single $HOME\n'],
    ['echo back\\ slash \\$HOME', 'back slash $HOME\n'],
    ['echo "a \\"quoted\\" word"', 'a "quoted" word\n'],
    ['echo ""', '\n'],
    // variables
    ['echo $HOME ${USER}', '/home/student student\n'],
    ['echo ${NOPE:-fallback} ${#HOME}', 'fallback 13\n'],
    ['X=1; echo $X', '1\n'],
    ['X="a   b"; echo $X; echo "$X"', 'a b\na   b\n'],
    ['echo $NOPE-', '-\n'],
    // $?
    ['false; echo $?', '1\n'],
    ['nope 2>/dev/null; echo $?', '127\n'],
    // tilde
    ['echo ~ ~/app ~student a~', '/home/student /home/student/app /home/student a~\n'],
    // ; && ||
    ['true && echo yes', 'yes\n'],
    ['false && echo yes', ''],
    ['false || echo no', 'no\n'],
    ['true || echo no; echo after', 'after\n'],
    ['false && echo 1 || echo 2', '2\n'],
    // pipes
    ['echo dockyard | cat', 'dockyard\n'],
    ['cat app/a.txt app/b.txt | grep bet', 'beta\n'],
    ['ls app | wc -l', '3\n'],
    ['! true; echo $?', '1\n'],
    // globs
    ['echo app/*.txt', 'app/a.txt app/b.txt\n'],
    ['cd app && echo ?.md', 'c.md\n'],
    ['echo app/*.nope', 'app/*.nope\n'],
    ['echo "app/*.txt"', 'app/*.txt\n'],
    ['echo ap*/', 'app/\n'],
    // comments
    ['echo hi # not this', 'hi\n'],
    // substitutions and arithmetic
    ['echo $(echo nested) `whoami`', 'nested student\n'],
    ['echo $((6*7))', '42\n'],
    // compound commands
    ['for f in app/*.txt; do echo "<$f>"; done', '<app/a.txt>\n<app/b.txt>\n'],
    ['if false; then echo a; elif true; then echo b; else echo c; fi', 'b\n'],
    ['case abc in a*) echo starts;; *) echo other;; esac', 'starts\n'],
    ['{ echo one; echo two; } | wc -l', '2\n'],
    ['(cd app; pwd); pwd', '/home/student/app\n/home/student\n'],
  ])('%s', async (line, stdout) => {
    const result = await last([line]);
    expect(result.stdout).toBe(stdout);
  });

  it.each([
    ['echo hi > out.txt; cat out.txt', 'hi\n'],
    ['echo a > f; echo b >> f; cat f', 'a\nb\n'],
    ['echo a > f; echo b > f; cat f', 'b\n'],
    ['cat < app/a.txt', 'alpha\n'],
    ['ls nope 2> err.txt; cat err.txt', "ls: cannot access 'nope': No such file or directory\n"],
    ['ls nope app/a.txt > both 2>&1; cat both', "ls: cannot access 'nope': No such file or directory\napp/a.txt\n"],
    ['echo gone > /dev/null; echo kept', 'kept\n'],
    ['cat <<EOF\nhello $USER\nEOF', 'hello student\n'],
    ['> empty; cat empty; ls empty', 'empty\n'],
  ])('redirects: %s', async (line, stdout) => {
    const result = await last([line]);
    expect(result.stdout).toBe(stdout);
    expect(result.code).toBe(0);
  });

  it.each([
    ['nope', 127, 'bash: nope: command not found\n'],
    ['ls | | wc', 2, "bash: syntax error near unexpected token `|'\n"],
    ['| ls', 2, "bash: syntax error near unexpected token `|'\n"],
    ['echo "open', 2, 'bash: unexpected EOF while looking for matching `"\'\n'],
    ['echo hi > nowhere/f', 1, 'bash: nowhere/f: No such file or directory\n'],
    ['cat < nope', 1, 'bash: nope: No such file or directory\n'],
    ['echo > app', 1, 'bash: app: Is a directory\n'],
    ['echo ${NOPE:?is required}', 1, 'bash: NOPE: is required\n'],
    ['echo $((1/0))', 1, 'bash: 1/0: division by 0\n'],
    ['./app', 126, 'bash: ./app: Is a directory\n'],
    ['./run.sh', 127, 'bash: ./run.sh: No such file or directory\n'],
    ['f() { echo x; }', 2, "bash: f: defining functions is not supported on Dockyard's laptop\n"],
  ])('errors in bash words: %s', async (line, code, stderr) => {
    const result = await last([line]);
    expect(result.code).toBe(code);
    expect(result.stderr).toBe(stderr);
  });

  it('stops a runaway loop instead of hanging', async () => {
    const result = await last(['while true; do true; done']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('bash: loop stopped after 10000 rounds\n');
  });

  it('gives VAR=value to one command only', async () => {
    const laptop = testLaptop();
    await laptop.run('DOCKER_HOST=tcp://cloud-vm:2376 docker ps');
    await laptop.run('docker ps');
    expect(laptop.dockerCalls.map((c) => c.env['DOCKER_HOST'])).toEqual(['tcp://cloud-vm:2376', undefined]);
    expect((await laptop.run('echo "[$DOCKER_HOST]"')).stdout).toBe('[]\n');
  });

  it('pipes into docker: echo dockyard | docker login --password-stdin', async () => {
    const laptop = testLaptop();
    const result = await laptop.run('echo dockyard | docker login -u student --password-stdin registry.example.com');
    expect(result.code).toBe(0);
    expect(laptop.dockerCalls).toEqual([
      {
        argv: ['login', '-u', 'student', '--password-stdin', 'registry.example.com'],
        stdin: 'dockyard\n',
        env: expect.objectContaining({ HOME: '/home/student', USER: 'student' }),
        cwd: '/home/student',
      },
    ]);
  });

  it("takes docker's exit status and output through the pipe", async () => {
    const laptop = testLaptop({
      docker: async (_argv, io) => {
        io.out.write('REPOSITORY   TAG\nalpine       latest\nnginx        latest\n');
        io.err.write('warning\n');
        return 3;
      },
    });
    const piped = await laptop.run('docker images | grep alpine');
    expect(piped).toEqual({ code: 0, stdout: 'alpine       latest\n', stderr: 'warning\n' });
    expect((await laptop.run('docker images > list.txt; echo $?')).stdout).toBe('3\n');
    expect(laptop.files.readText('/home/student/list.txt')).toContain('nginx');
  });

  it('stops the left side of a pipe when the right side is done (SIGPIPE)', async () => {
    const laptop = testLaptop({
      docker: async (_argv, io) => {
        for (let i = 0; i < 1_000_000 && !io.signal?.aborted; i++) {
          io.out.write(`line ${i}\n`);
          await Promise.resolve();
        }
        return io.signal?.aborted ? 141 : 0;
      },
    });
    const result = await laptop.run('docker logs -f web | head -n 2');
    expect(result.stdout).toBe('line 0\nline 1\n');
  });

  it('Ctrl+C (the abort signal) stops a command waiting for input with 130', async () => {
    const laptop = testLaptop();
    const controller = new AbortController();
    const never = { isTerminal: true, read: () => new Promise<undefined>(() => {}) };
    const out = { isTerminal: true, write() {} };
    const running = laptop.shell.run('cat', { in: never, out, err: out, signal: controller.signal });
    controller.abort();
    expect(await running).toBe(130);
  });

  it('keeps history (not the lines starting with a space, nor repeats) and shows the prompt', async () => {
    const laptop = testLaptop();
    await laptop.run('mkdir app');
    await laptop.run('cd app');
    await laptop.run('cd app');
    await laptop.run(' secret');
    expect(laptop.shell.history).toEqual(['mkdir app', 'cd app']);
    expect(laptop.shell.prompt()).toBe('student@laptop:~/app$ ');
    expect(laptop.shell.prompt('cloud-vm')).toBe('(cloud-vm) student@laptop:~/app$ ');
    expect(laptop.shell.prompt('default')).toBe('student@laptop:~/app$ ');
    await laptop.run('cd /etc');
    expect(laptop.shell.prompt()).toBe('student@laptop:/etc$ ');
  });

  it('runs lines one after another even when started together', async () => {
    const laptop = testLaptop();
    const [a, b] = await Promise.all([laptop.run('mkdir x && cd x'), laptop.run('pwd')]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe('/home/student/x\n');
  });
});
