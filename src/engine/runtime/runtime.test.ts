import { describe, expect, it } from 'vitest';
import type { ImageConfig } from '../image/types';
import { SimulatedClock } from './clock';
import { ExecError } from './exec';
import { containerEnvironment } from './runtime';
import { testContainer, TestContainer } from './testing/container';
import { tinyRootfs } from './testing/tiny-rootfs';
import './index';

const tinyConfig = { config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin'] } } as unknown as ImageConfig;

function tiny(options: ConstructorParameters<typeof TestContainer>[3] = {}): TestContainer {
  return new TestContainer(tinyRootfs(), tinyConfig, new SimulatedClock(), options);
}

describe('starting PID 1', () => {
  it.each([
    [['sh', '-c', 'exit 0'], 0],
    [['sh', '-c', 'exit 3'], 3],
    [['sh', '-c', 'nope'], 127],
    [['sh', '-c', '/usr/bin/notes.txt'], 126],
    [['false'], 1],
    [['hello.sh', 'a', 'b'], 3],
  ])('%j exits with %i', async (argv, status) => {
    expect((await tiny().run(argv)).status).toBe(status);
  });

  it.each([
    ['nope', 'exec: "nope": executable file not found in $PATH', 127],
    ['/usr/bin/notes.txt', 'exec: "/usr/bin/notes.txt": permission denied', 126],
    ['/etc', 'exec: "/etc": is a directory', 126],
    ['/nope', 'exec: "/nope": stat /nope: no such file or directory', 127],
  ])('refuses to start %s as runc does', async (command, message, status) => {
    const c = tiny();
    const err = await c.start([command]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExecError);
    expect([(err as ExecError).message, (err as ExecError).exitStatus]).toEqual([message, status]);
    expect(c.runtime.top()).toEqual([]);
  });

  it('reports a failed execve inside the started container with exit status 255', async () => {
    expect(await tiny().run(['/usr/bin/missing-interpreter'])).toEqual({
      stdout: '',
      stderr: 'exec /usr/bin/missing-interpreter: no such file or directory\n',
      status: 255,
    });
    expect(await tiny().run(['/usr/bin/arm-only'])).toEqual({
      stdout: '',
      stderr: 'exec /usr/bin/arm-only: exec format error\n',
      status: 255,
    });
  });

  it('runs a #! script with its interpreter, the script path as $0', async () => {
    expect(await tiny().run(['hello.sh', 'x', 'y'])).toEqual({
      stdout: 'hello from /usr/bin/hello.sh with 2 args: x y\n',
      stderr: '',
      status: 3,
    });
  });

  it('runs a text file without #! through the shell, as sh does', async () => {
    expect((await tiny().run(['sh', '-c', 'noshebang arg'])).stdout).toBe('run by the shell: arg\n');
  });

  it('gives the environment Docker gives, in its order', () => {
    const env = containerEnvironment({
      config: ['PATH=/custom/bin', 'NGINX_VERSION=1.27.4'],
      hostname: 'abc123',
      tty: true,
    });
    expect([...env.keys()]).toEqual(['PATH', 'HOSTNAME', 'TERM', 'NGINX_VERSION', 'HOME']);
    expect(env.get('PATH')).toBe('/custom/bin');
  });
});

describe('namespaces, seen from inside', () => {
  it('shows the command as PID 1 to ps, and the exec-ed process with its own PID', async () => {
    const c = await testContainer('alpine');
    const init = await c.start(['sh', '-c', 'sleep 100']);
    await c.clock.advance(10);
    const ps = await c.exec(['ps']);
    expect(ps.stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 100\n    2 root      0:00 ps\n');
    expect(c.runtime.top().map((p) => [p.pid, p.hostPid, p.argv.join(' ')])).toEqual([[1, 2000, 'sleep 100']]);
    c.runtime.kill('SIGKILL');
    expect(await init.exit).toBe(137);
  });

  it('has the hostname, the interfaces and the root user of its own namespaces', async () => {
    const c = await testContainer('alpine', { hostname: 'web1' });
    const r = await c.sh('hostname; id -un; ip addr | grep inet');
    expect(r.stdout).toBe(
      'web1\nroot\n    inet 127.0.0.1/8 scope host lo\n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n',
    );
  });

  it('prints Alpine and Debian release files from the images themselves', async () => {
    expect((await (await testContainer('alpine')).sh('cat /etc/os-release')).stdout).toContain(
      'PRETTY_NAME="Alpine Linux v3.21"',
    );
    expect((await (await testContainer('debian')).sh('cat /etc/os-release')).stdout).toContain(
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
    );
  });

  it('maps /dev/stdout, /dev/stderr, /dev/null and links to them, as nginx logs use', async () => {
    const c = await testContainer('alpine');
    const r = await c.sh(
      'echo out > /dev/stdout; echo err > /dev/stderr; echo gone > /dev/null; ln -s /dev/stdout /tmp/access.log; echo via-link >> /tmp/access.log',
    );
    expect(r).toEqual({ stdout: 'out\nvia-link\n', stderr: 'err\n', status: 0 });
  });
});

describe('signals and exit statuses', () => {
  it('ignores SIGTERM at PID 1 without a handler (docker stop then has to SIGKILL)', async () => {
    const c = await testContainer('alpine');
    const init = await c.start(['sleep', '100']);
    await c.clock.advance(10);
    c.runtime.kill('SIGTERM');
    await c.clock.advance(10);
    expect(c.runtime.running).toBe(true);
    c.runtime.kill('SIGKILL');
    expect(await init.exit).toBe(137);
  });

  it('runs a shell trap on SIGTERM at PID 1', async () => {
    const c = await testContainer('alpine');
    const init = await c.start(['sh', '-c', 'trap "echo stopping; exit 0" TERM; while true; do sleep 1; done']);
    await c.clock.advance(2500);
    c.runtime.kill('SIGTERM');
    expect(await c.clock.runUntil(init.exit)).toBe(0);
    expect(c.stdout.text).toBe('stopping\n');
  });

  it.each([
    ['TERM', 143],
    ['INT', 130],
    ['KILL', 137],
    ['QUIT', 131],
  ])('a child killed with SIG%s is seen by its parent as %i', async (signal, status) => {
    const r = await (await testContainer('alpine')).sh(`sleep 100 & kill -${signal} $!; wait $!; echo $?`);
    expect(r.stdout).toBe(`${status}\n`);
  });

  it('leaves a zombie when PID 1 does not reap, and shows it as [name] in ps', async () => {
    const c = await testContainer('alpine');
    await c.start(['sh', '-c', 'sleep 1 & sleep 100']); // ash execs its last command: PID 1 becomes sleep
    await c.clock.advance(2000);
    const ps = await c.exec(['ps', '-o', 'pid,stat,args']);
    expect(ps.stdout).toContain('    2     Z [sleep]');
  });

  it('reaps a finished background job in a shell that waits', async () => {
    const c = await testContainer('alpine');
    await c.start(['sh', '-c', 'sleep 1 & sleep 100; echo done']);
    await c.clock.advance(2000);
    const ps = await c.exec(['ps', '-o', 'pid,args']);
    expect(ps.stdout).not.toContain('[sleep]');
  });

  it('stops a runaway loop with a clear message', async () => {
    const r = await (await testContainer('alpine', { limits: { steps: 5000 } })).sh('while true; do :; done');
    expect(r).toEqual({
      stdout: '',
      stderr: 'dockyard: stopped sh (pid 1): it ran 5000 steps without pausing (a runaway loop?)\n',
      status: 137,
    });
  });

  it('stops a flood of output, and ends `yes | head` with SIGPIPE', async () => {
    const c = await testContainer('alpine', { limits: { outputBytes: 64 * 1024 } });
    const r = await c.sh('yes > /dev/null');
    expect(r.stderr).toBe('dockyard: stopped yes (pid 2): it wrote 65536 bytes without pausing (output limit)\n');
    expect(r.status).toBe(137);
    const r2 = await (await testContainer('alpine')).sh('yes | head -2; echo done');
    expect(r2).toEqual({ stdout: 'y\ny\ndone\n', stderr: '', status: 0 });
  });

  it('pauses and resumes every process (docker pause)', async () => {
    const c = await testContainer('alpine');
    await c.start(['sh', '-c', 'while true; do echo tick; sleep 1; done']);
    await c.clock.advance(2500);
    expect(c.stdout.text).toBe('tick\ntick\ntick\n');
    c.runtime.pause();
    await c.clock.advance(5000);
    expect(c.stdout.text).toBe('tick\ntick\ntick\n');
    expect(c.runtime.top().every((p) => p.state === 'stopped')).toBe(true);
    c.runtime.unpause();
    await c.clock.advance(1000);
    expect(c.stdout.text.split('\n').length).toBeGreaterThan(4);
  });
});
