// BusyBox applets on a real alpine filesystem: each row is `sh -c script` → stdout, stderr, status.
import { describe, expect, it } from 'vitest';
import type { WireResponse } from '../../wire/message';
import { testContainer } from '../testing/container';

type Row = [script: string, stdout: string, stderr?: string, status?: number];

function table(name: string, rows: Row[], image = 'alpine') {
  describe(name, () => {
    it.each(rows)('%j', async (script, stdout, stderr = '', status = 0) => {
      expect(await (await testContainer(image)).run(['sh', '-c', script])).toEqual({ stdout, stderr, status });
    });
  });
}

table('files and directories', [
  ['mkdir /tmp/d && ls -d /tmp/d', '/tmp/d\n'],
  ['mkdir /tmp/a/b', '', "mkdir: can't create directory '/tmp/a/b': No such file or directory\n", 1],
  ['mkdir -p /tmp/a/b/c && ls -R /tmp/a', '/tmp/a:\nb\n\n/tmp/a/b:\nc\n\n/tmp/a/b/c:\n'],
  ['mkdir /etc', '', "mkdir: can't create directory '/etc': File exists\n", 1],
  ['mkdir -m 700 /tmp/p; ls -ld /tmp/p | cut -c1-10', 'drwx------\n'],
  ['rmdir /etc', '', "rmdir: '/etc': Directory not empty\n", 1],
  ['rm /nope', '', "rm: can't remove '/nope': No such file or directory\n", 1],
  ['rm -f /nope; echo $?', '0\n'],
  ['rm /etc', '', "rm: '/etc' is a directory\n", 1],
  ['rm -rf /etc/apk && ls /etc/apk', '', 'ls: /etc/apk: No such file or directory\n', 1],
  ['touch /tmp/t && ls /tmp', 't\n'],
  [
    'touch -d "2024-01-02 03:04:05" /tmp/t; ls -l /tmp/t',
    '-rw-r--r--    1 root     root             0 Jan  2  2024 /tmp/t\n',
  ],
  ['echo data > /tmp/a; cp /tmp/a /tmp/b; cat /tmp/b', 'data\n'],
  ['cp /etc /tmp/x', '', "cp: omitting directory '/etc'\n", 1],
  ['cp -r /etc/apk /tmp/apk && ls /tmp/apk', 'arch\nkeys\nprotected_paths.d\nrepositories\nworld\n'],
  ['cp /nope /tmp', '', "cp: can't stat '/nope': No such file or directory\n", 1],
  ['echo 1 > /tmp/a; mv /tmp/a /tmp/b; ls /tmp', 'b\n'],
  [
    'mv /etc/apk /tmp/apk && ls /tmp/apk | head -1 && ls /etc/apk',
    'arch\n',
    'ls: /etc/apk: No such file or directory\n',
    1,
  ],
  ['mv /nope /tmp', '', "mv: can't rename '/nope': No such file or directory\n", 1],
  ['ln -s /etc/hostname /tmp/l && readlink /tmp/l', '/etc/hostname\n'],
  ['ln -s /a /tmp/l; ln -s /b /tmp/l', '', 'ln: /tmp/l: File exists\n', 1],
  ['ln -s /a /tmp/l; ln -sf /b /tmp/l; readlink /tmp/l', '/b\n'],
  ['echo x > /tmp/f; ln /tmp/f /tmp/h; cat /tmp/h', 'x\n'],
  ['touch /tmp/f; chmod 750 /tmp/f; stat -c %a /tmp/f', '750\n'],
  ['touch /tmp/f; chmod u+x,go-r /tmp/f; ls -l /tmp/f | cut -c1-10', '-rwx------\n'],
  ['touch /tmp/f; chown nobody:nogroup /tmp/f; ls -l /tmp/f | tr -s " " | cut -d" " -f3,4', 'nobody nogroup\n'],
  ['chown nope /etc/hostname', '', 'chown: unknown user nope\n', 1],
  ['realpath /etc/os-release', '/usr/lib/os-release\n'],
  ['mktemp | grep -c "^/tmp/tmp\\.......$"', '1\n'],
]);

table('ls', [
  ['ls /etc/apk', 'arch\nkeys\nprotected_paths.d\nrepositories\nworld\n'],
  ['ls -1 /etc/apk/keys', ''],
  ['ls -a /etc/apk', '.\n..\narch\nkeys\nprotected_paths.d\nrepositories\nworld\n'],
  ['ls /nope', '', 'ls: /nope: No such file or directory\n', 1],
  ['ls -l /etc/alpine-release', '-rw-r--r--    1 root     root             7 Feb 14 03:28 /etc/alpine-release\n'],
  ['ls -l /bin/sh', 'lrwxrwxrwx    1 root     root            12 Feb 14 03:28 /bin/sh -> /bin/busybox\n'],
  ['ls -ld /tmp', 'drwxrwxrwt    2 root     root          4096 Feb 14 03:28 /tmp\n'],
  ['ls -l /etc/shadow | cut -c1-33', '-rw-r-----    1 root     shadow  \n'],
  ['seq 2000 > /tmp/f; ls -lh /tmp/f | tr -s " " | cut -d" " -f5', '8.7K\n'],
  ['ls -F /etc/apk', 'arch\nkeys/\nprotected_paths.d/\nrepositories\nworld\n'],
  ['cd /etc/apk; ls -r', 'world\nrepositories\nprotected_paths.d\nkeys\narch\n'],
  ['ls /etc/apk/arch /etc/apk/keys', '/etc/apk/arch\n\n/etc/apk/keys:\n'],
  ['ls -l /etc/apk | head -1', 'total 20\n'],
  [
    'ls /dev',
    'console\ncore\nfd\nfull\nmqueue\nnull\nptmx\npts\nrandom\nshm\nstderr\nstdin\nstdout\ntty\nurandom\nzero\n',
  ],
  ['ls -l /dev/null | cut -c1-10', 'crw-rw-rw-\n'],
]);

table('text tools', [
  ['echo hello world | wc', '        1         2        12\n'],
  ['echo hello world | wc -w', '2\n'],
  ['wc -l /etc/passwd', '17 /etc/passwd\n'],
  ['wc -l /nope', '', "wc: can't open '/nope': No such file or directory\n", 1],
  ['head -n 2 /etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\n'],
  ['head -1 /etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n'],
  ['head -c 4 /etc/passwd; echo', 'root\n'],
  ['tail -n 1 /etc/passwd', 'nobody:x:65534:65534:nobody:/:/sbin/nologin\n'],
  ['seq 10 | tail -n +9', '9\n10\n'],
  [
    'head -n1 /etc/alpine-release /etc/apk/arch',
    '==> /etc/alpine-release <==\n3.21.3\n\n==> /etc/apk/arch <==\nx86_64\n',
  ],
  ['cut -d: -f1,7 /etc/passwd | head -2', 'root:/bin/sh\nbin:/sbin/nologin\n'],
  ['echo abcdef | cut -c2-4', 'bcd\n'],
  ['printf "c\\nb\\na\\n" | sort', 'a\nb\nc\n'],
  ['printf "10\\n9\\n100\\n" | sort -n', '9\n10\n100\n'],
  ['printf "10\\n9\\n100\\n" | sort -rn', '100\n10\n9\n'],
  ['printf "b 2\\na 3\\nc 1\\n" | sort -k2', 'c 1\nb 2\na 3\n'],
  ['printf "1.10\\n1.9\\n1.2\\n" | sort -V', '1.2\n1.9\n1.10\n'],
  ['printf "a\\na\\nb\\n" | uniq', 'a\nb\n'],
  ['printf "a\\na\\nb\\n" | sort | uniq -c', '      2 a\n      1 b\n'],
  ['printf "a\\nb\\nb\\n" | uniq -d', 'b\n'],
  ['echo hello | tr a-z A-Z', 'HELLO\n'],
  ['echo hello | tr -d l', 'heo\n'],
  ['echo "a  b   c" | tr -s " "', 'a b c\n'],
  ['echo abc | tr "[:lower:]" "[:upper:]"', 'ABC\n'],
  ['echo a > /tmp/x; cat /tmp/x /tmp/x', 'a\na\n'],
  ['echo -n abc | cat -', 'abc'],
  ['printf "x\\ny\\n" | cat -n', '     1\tx\n     2\ty\n'],
  ['echo teed | tee /tmp/t >/dev/null; cat /tmp/t', 'teed\n'],
  ['echo one | tee -a /tmp/t /tmp/t2 >/dev/null; cat /tmp/t2', 'one\n'],
  ['seq 3', '1\n2\n3\n'],
  ['seq 2 2 8', '2\n4\n6\n8\n'],
  ['basename /usr/local/bin/', 'bin\n'],
  ['basename /a/b.txt .txt', 'b\n'],
  ['dirname /usr/local/bin', '/usr/local\n'],
  ['dirname file', '.\n'],
]);

table('grep and sed', [
  ['grep root /etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n'],
  ['grep -c nologin /etc/passwd', '13\n'],
  ['grep -n ^bin /etc/passwd', '2:bin:x:1:1:bin:/bin:/sbin/nologin\n'],
  ['grep -i ROOT /etc/group | head -1', 'root:x:0:root\n'],
  ['grep -v nologin /etc/passwd | cut -d: -f1', 'root\nsync\nshutdown\nhalt\n'],
  ['grep -E "^(root|bin):" /etc/passwd | cut -d: -f1', 'root\nbin\n'],
  ['grep "^\\(root\\|bin\\):" /etc/passwd | cut -d: -f1', 'root\nbin\n'],
  ['grep -w sys /etc/group', 'sys:x:3:root,bin\n'],
  ['grep -q nope /etc/passwd; echo $?', '1\n'],
  ['grep -o "[0-9][0-9]*" /etc/alpine-release', '3\n21\n3\n'],
  ['grep x /nope', '', 'grep: /nope: No such file or directory\n', 2],
  ['grep -l root /etc/passwd /etc/group /etc/hostname 2>/dev/null', '/etc/passwd\n/etc/group\n'],
  ['grep -r -l alpine /etc/apk', '/etc/apk/repositories\n/etc/apk/world\n'],
  ['echo "a.b" | grep -F .', 'a.b\n'],
  ['echo hello | sed "s/l/L/"', 'heLlo\n'],
  ['echo hello | sed "s/l/L/g"', 'heLLo\n'],
  ['echo Hello | sed "s/hello/bye/i"', 'bye\n'],
  ['echo "a b" | sed "s/\\(a\\) \\(b\\)/\\2 \\1/"', 'b a\n'],
  ['echo "a b" | sed -E "s/(a) (b)/\\2 \\1/"', 'b a\n'],
  ['echo path | sed "s,path,/usr/bin,"', '/usr/bin\n'],
  ['echo x | sed "s/x/[&]/"', '[x]\n'],
  ['seq 5 | sed -n 2p', '2\n'],
  ['seq 5 | sed -n "2,3p"', '2\n3\n'],
  ['seq 5 | sed 3d', '1\n2\n4\n5\n'],
  ['seq 5 | sed -n \\$p', '5\n'],
  ['seq 3 | sed -e 1d -e 3d', '2\n'],
  ['seq 3 | sed "/2/!d"', '2\n'],
  ['echo abc | sed "y/abc/xyz/"', 'xyz\n'],
  ['printf "listen 80;\\n" > /tmp/c; sed -i "s/80/8080/" /tmp/c; cat /tmp/c', 'listen 8080;\n'],
  ['echo a | sed "s/a/1\\n2/"', '1\n2\n'],
  ['seq 3 | sed "2a after"', '1\n2\nafter\n3\n'],
  ['echo x | sed "q"; echo $?', 'x\n0\n'],
]);

table('processes, users and the system', [
  [
    'id',
    'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n',
  ],
  ['id -u; id -un; id -g', '0\nroot\n0\n'],
  ['id nobody', 'uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n'],
  ['whoami', 'root\n'],
  ['hostname', '3f2a1b4c5d6e\n'],
  ['hostname other', '', 'hostname: sethostname: Operation not permitted\n', 1],
  ['uname', 'Linux\n'],
  ['uname -r', '6.10.14-linuxkit\n'],
  ['uname -m', 'x86_64\n'],
  ['uname -a', 'Linux 3f2a1b4c5d6e 6.10.14-linuxkit #1 SMP Fri Nov 29 17:22:03 UTC 2024 x86_64 Linux\n'],
  ['uname -snm', 'Linux 3f2a1b4c5d6e x86_64\n'],
  ['nproc', '4\n'],
  ['date', 'Sat Mar  1 12:00:00 UTC 2025\n'],
  ['date +%Y-%m-%d_%H:%M:%S', '2025-03-01_12:00:00\n'],
  ['date -d @0 +%s:%A', '0:Thursday\n'],
  ['sleep 90; date +%T', '12:01:30\n'],
  ['date 010203042025', '', "date: can't set date: Operation not permitted\n", 1],
  ['ps', 'PID   USER     TIME  COMMAND\n    1 root      0:00 ps\n'],
  ['sleep 100 & ps -o pid,args', '  PID COMMAND\n    1 ps -o pid,args\n    2 sleep 100\n'],
  [
    'sleep 100 & ps -o pid,args; true',
    '  PID COMMAND\n    1 sh -c sleep 100 & ps -o pid,args; true\n    2 sleep 100\n    3 ps -o pid,args\n',
  ],
  ['kill 99', '', "kill: can't kill pid 99: No such process\n", 1],
  ['kill -l 9; kill -l KILL', 'KILL\n9\n'],
  ['kill -l | head -3', ' 1) HUP\n 2) INT\n 3) QUIT\n'],
  ['kill -s NOPE 1', '', "kill: bad signal name 'NOPE'\n", 1],
  ['kill -9 1; echo survived', 'survived\n'],
  ['uptime', ' 12:00:00 up  2:17,  0 users,  load average: 0.08, 0.03, 0.01\n'],
  ['free | head -1', '               total        used        free      shared  buff/cache   available\n'],
  ['printenv HOME', '/root\n'],
  ['printenv NOPE; echo $?', '1\n'],
  ['env -i A=1 env', 'A=1\n'],
  ['env nope', '', "env: can't execute 'nope': No such file or directory\n", 127],
  ['env | sort | head -1', 'HOME=/root\n'],
  ['cat /proc/1/cmdline | tr "\\0" " "; echo', 'sh -c cat /proc/1/cmdline | tr "\\0" " "; echo \n'],
  [
    'cat /proc/version',
    'Linux version 6.10.14-linuxkit (root@buildkitsandbox) (gcc (Alpine 13.2.1_git20240309) 13.2.1 20240309, GNU ld (GNU Binutils) 2.42) #1 SMP Fri Nov 29 17:22:03 UTC 2024\n',
  ],
  ['[ -f /proc/net/if_inet6 ] && echo ipv6', 'ipv6\n'],
  ['ls /proc | head -2', '1\n2\n'],
  ['readlink /proc/self/cwd; cd /etc && readlink /proc/self/cwd', '/\n/etc\n'],
  ['mount | grep " / "', 'overlay on / type overlay (rw,relatime)\n'],
  ['df / | tail -1', 'overlay               61202244  10926668  47215464  19% /\n'],
  ['du -s /etc/apk', '24\t/etc/apk\n'],
  ['stat -c "%n %s %U %A" /etc/alpine-release', '/etc/alpine-release 7 root -rw-r--r--\n'],
  ['stat /nope', '', "stat: can't stat '/nope': No such file or directory\n", 1],
  ['which ls sh', '/bin/ls\n/bin/sh\n'],
  ['which nope; echo $?', '1\n'],
  ['find /etc/apk -name "*.d"', '/etc/apk/protected_paths.d\n'],
  ['find /etc/apk -type f', '/etc/apk/arch\n/etc/apk/repositories\n/etc/apk/world\n'],
  ['find /etc/apk -maxdepth 0', '/etc/apk\n'],
  ['find /nope', '', 'find: /nope: No such file or directory\n', 1],
  [
    'find /etc/apk -type f -exec echo file: {} \\;',
    'file: /etc/apk/arch\nfile: /etc/apk/repositories\nfile: /etc/apk/world\n',
  ],
  ['find /etc/apk -type f -exec echo {} +', '/etc/apk/arch /etc/apk/repositories /etc/apk/world\n'],
  ['echo a b c | xargs echo x', 'x a b c\n'],
  ['echo a b c | xargs -n 1 echo', 'a\nb\nc\n'],
  ['printf "1\\n2\\n" | xargs -I{} echo [{}]', '[1]\n[2]\n'],
  ['yes hi | head -n 3', 'hi\nhi\nhi\n'],
  ['true; echo $?; false; echo $?', '0\n1\n'],
  [
    'printf "%s\\n" "$(ip route)"',
    'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n',
  ],
]);

describe('wget over the simulated network', () => {
  async function withServer() {
    const c = await testContainer('alpine');
    c.runtime.net.listen(80, async (req): Promise<WireResponse> => {
      if (req.url === '/')
        return {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
          body: new TextEncoder().encode('<h1>hi</h1>\n') as Uint8Array<ArrayBuffer>,
        };
      return { status: 404, headers: {}, body: new TextEncoder().encode('nope') as Uint8Array<ArrayBuffer> };
    });
    return c;
  }

  it('prints the page with -qO-', async () => {
    expect(await (await withServer()).sh('wget -qO- http://localhost/')).toEqual({
      stdout: '<h1>hi</h1>\n',
      stderr: '',
      status: 0,
    });
  });

  it('saves to a file and reports progress on stderr', async () => {
    const r = await (await withServer()).sh('wget -O /tmp/page.html http://172.17.0.2/ && cat /tmp/page.html');
    expect(r.stdout).toBe('<h1>hi</h1>\n');
    expect(r.stderr).toBe(
      "Connecting to 172.17.0.2 (172.17.0.2:80)\nsaving to '/tmp/page.html'\n/tmp/page.html       100% |*******************************|    12  0:00:00 ETA\n'/tmp/page.html' saved\n",
    );
  });

  it.each([
    ['wget -q http://localhost/missing', 'wget: server returned error: HTTP/1.1 404 Not Found\n'],
    ['wget -qO- http://localhost:8080/', "wget: can't connect to remote host (127.0.0.1): Connection refused\n"],
    ['wget -qO- http://172.17.0.9/', "wget: can't connect to remote host (172.17.0.9): Connection refused\n"],
    ['wget -qO- http://nope/', "wget: bad address 'nope'\n"],
  ])('%s fails as BusyBox does', async (script, stderr) => {
    expect(await (await withServer()).sh(script)).toEqual({ stdout: '', stderr, status: 1 });
  });
});

describe('tail -f', () => {
  it('follows a file as it grows, on the simulation clock', async () => {
    const c = await testContainer('alpine');
    await c.start([
      'sh',
      '-c',
      'echo zero > /tmp/log; (sleep 2; echo one >> /tmp/log; sleep 2; echo two >> /tmp/log) & exec tail -f /tmp/log',
    ]);
    await c.clock.advance(1000);
    expect(c.stdout.text).toBe('zero\n');
    await c.clock.advance(2500);
    expect(c.stdout.text).toBe('zero\none\n');
    await c.clock.advance(2000);
    expect(c.stdout.text).toBe('zero\none\ntwo\n');
    expect(c.runtime.top()[0]?.argv).toEqual(['tail', '-f', '/tmp/log']);
  });
});

describe('applets BusyBox has but Dockyard does not simulate', () => {
  it('says so rather than pretending the applet does not exist', async () => {
    expect(await (await testContainer('alpine')).sh('awk 1 /etc/hostname')).toEqual({
      stdout: '',
      stderr: 'awk: this applet is not simulated in Dockyard\n',
      status: 1,
    });
  });
});
