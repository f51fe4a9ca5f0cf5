// BusyBox ash semantics, as a table: script → stdout, stderr, exit status, run as
// `sh -c script` in a fresh alpine container (as `docker run alpine sh -c …`).
import { describe, expect, it } from 'vitest';
import { testContainer } from '../testing/container';

type Row = [script: string, stdout: string, stderr?: string, status?: number];

async function sh(script: string, stdin?: string) {
  const c = await testContainer('alpine');
  return c.run(['sh', '-c', script], stdin === undefined ? {} : { stdin });
}

function table(name: string, rows: Row[]) {
  describe(name, () => {
    it.each(rows)('%j', async (script, stdout, stderr = '', status = 0) => {
      expect(await sh(script)).toEqual({ stdout, stderr, status });
    });
  });
}

table('lists and exit status', [
  ['echo a; echo b', 'a\nb\n'],
  ['true && echo yes', 'yes\n'],
  ['false && echo yes', '', '', 1],
  ['false || echo no', 'no\n'],
  ['true || echo no', ''],
  ['false; echo $?', '1\n'],
  ['! true; echo $?', '1\n'],
  ['! false; echo $?', '0\n'],
  ['false && true || echo recovered', 'recovered\n'],
  ['exit 3', '', '', 3],
  ['exit 256', '', '', 0],
  ['(exit 7); echo $?', '7\n'],
  ['exit', '', '', 0],
  ['false; exit', '', '', 1],
  ['echo start; exit 4; echo never', 'start\n', '', 4],
  [':', ''],
  ['true; false', '', '', 1],
]);

table('pipelines', [
  ['echo hello | cat', 'hello\n'],
  ['printf "b\\na\\nc\\n" | sort', 'a\nb\nc\n'],
  ['printf "b\\na\\nb\\n" | sort | uniq -c', '      1 a\n      2 b\n'],
  ['echo x | false; echo $?', '1\n'],
  ['false | true; echo $?', '0\n'],
  ['! echo x | grep -q y; echo $?', '0\n'],
  ['echo abc | tr a-z A-Z | rev 2>/dev/null || echo fallback', 'fallback\n'],
  ['yes | head -n 2', 'y\ny\n'],
  ['echo one two | { read a b; echo "$b $a"; }', 'two one\n'],
  ['printf "1\\n2\\n3\\n" | while read n; do echo "[$n]"; done', '[1]\n[2]\n[3]\n'],
  ['echo hi | x=1; echo ${x:-unset}', 'unset\n'],
]);

table('redirections', [
  ['echo hi > /tmp/f; cat /tmp/f', 'hi\n'],
  ['echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f', 'a\nb\n'],
  ['echo a > /tmp/f; echo b > /tmp/f; cat /tmp/f', 'b\n'],
  ['cat < /etc/alpine-release', '3.21.3\n'],
  ['echo err >&2', '', 'err\n'],
  ['echo err 1>&2', '', 'err\n'],
  ['ls /nope 2>/dev/null; echo $?', '1\n'],
  ['ls /nope 2>&1', 'ls: /nope: No such file or directory\n', '', 1],
  ['{ echo out; echo err >&2; } 2>&1 | sort', 'err\nout\n'],
  ['{ echo out; echo err >&2; } > /tmp/o 2>&1; cat /tmp/o', 'out\nerr\n'],
  ['ls /nope 2>&1 >/dev/null', 'ls: /nope: No such file or directory\n', '', 1],
  ['cat < /nope', '', "sh: can't open /nope: no such file\n", 2],
  ['echo x > /nope/f', '', "sh: can't create /nope/f: nonexistent directory\n", 2],
  ['cat < /nope; echo after', 'after\n', "sh: can't open /nope: no such file\n"],
  [': > /tmp/empty; wc -c < /tmp/empty', '0\n'],
  ['cat <<EOF\nline $((1+1))\n$HOME\nEOF', 'line 2\n/root\n'],
  ["cat <<'EOF'\nno $HOME here\nEOF", 'no $HOME here\n'],
  ['cat <<-EOF\n\tindented\n\tEOF', 'indented\n'],
  ['cat <<EOF | wc -l\na\nb\nEOF', '2\n'],
  ['exec 3>/tmp/fd3; echo via3 >&3; cat /tmp/fd3', 'via3\n'],
  ['exec >/tmp/all; echo hidden; cat /tmp/all >&2', '', 'hidden\n'],
  ['echo x >&-; echo $?', '0\n'],
  ['read line < /etc/alpine-release; echo "[$line]"', '[3.21.3]\n'],
]);

table('variables and parameters', [
  ['x=1; echo $x', '1\n'],
  ['x=1; echo ${x}y', '1y\n'],
  ['echo ${nope:-default}', 'default\n'],
  ['x=; echo ${x:-empty} ${x-unset}', 'empty\n'],
  ['echo ${x:=assigned}; echo $x', 'assigned\nassigned\n'],
  ['x=val; echo ${x:+alt} ${nope:+alt}', 'alt\n'],
  ['x=hello; echo ${#x}', '5\n'],
  ['x=/usr/local/bin; echo ${x#*/} ${x##*/} ${x%/*} ${x%%/b*}', 'usr/local/bin bin /usr/local /usr/local\n'],
  ['x=a.tar.gz; echo ${x%.*} ${x%%.*}', 'a.tar a\n'],
  ['x=aXbXc; echo ${x/X/-} ${x//X/-}', 'a-bXc a-b-c\n'],
  ['x=abcdef; echo ${x:2} ${x:1:3}', 'cdef bcd\n'],
  ['echo ${nope?is missing}', '', 'sh: nope: is missing\n', 2],
  ['echo ${nope:?}; echo never', '', 'sh: nope: parameter not set\n', 2],
  ['set -u; echo $nope', '', 'sh: nope: parameter not set\n', 2],
  ['set -- a b c; echo $# $1 $3', '3 a c\n'],
  ['set -- a "b c"; for x in "$@"; do echo "[$x]"; done', '[a]\n[b c]\n'],
  ['set -- a "b c"; for x in $@; do echo "[$x]"; done', '[a]\n[b]\n[c]\n'],
  ['set -- a b; echo "$*"', 'a b\n'],
  ['set -- a b; IFS=,; echo "$*"', 'a,b\n'],
  ['set -- a b c; shift; echo $@', 'b c\n'],
  ['set -- a b c; shift 2; echo $1 $#', 'c 1\n'],
  ['set -- a; shift 3', '', "sh: shift: line 1: can't shift that many\n", 2],
  ['set -- "$@"; echo $#', '0\n'],
  ['f() { echo "$0" "$1"; }; f arg', 'sh arg\n'],
  ['echo $$ $PPID', '1 0\n'],
  ['sleep 1 & echo $!', '2\n'],
  ['echo "${HOME}"', '/root\n'],
  ['x=5; readonly x; x=6', '', 'sh: x: is read only\n', 2],
  ['unset HOME; echo ${HOME-gone}', 'gone\n'],
  ['export A=1; sh -c "echo \\$A"', '1\n'],
  ['B=2 sh -c "echo \\$B"; echo ${B:-local-unset}', '2\nlocal-unset\n'],
  ['echo ${10:-ten}', 'ten\n'],
]);

table('quoting and splitting', [
  ["echo 'single $HOME'", 'single $HOME\n'],
  ['echo "double $HOME"', 'double /root\n'],
  ['echo \\$HOME', '$HOME\n'],
  ['echo "a\\"b"', 'a"b\n'],
  ["echo 'it'\\''s'", "it's\n"],
  ['x="a   b"; echo $x', 'a b\n'],
  ['x="a   b"; echo "$x"', 'a   b\n'],
  ['x="a:b:c"; IFS=:; set -- $x; echo $#', '3\n'],
  ['x=""; set -- $x; echo $#', '0\n'],
  ['set -- ""; echo $#', '1\n'],
  ['x="  lead"; echo "[$x]" [$x]', '[  lead] [ lead]\n'],
  ['echo a""b', 'ab\n'],
  ["echo ''", '\n'],
  ['echo "$(echo "nested quotes")"', 'nested quotes\n'],
  ['echo \\"', '"\n'],
  ['echo a\\\nb', 'ab\n'],
  ['IFS=, read a b <<EOF\nx,y,z\nEOF\necho "$a|$b"', 'x|y,z\n'],
]);

table('expansions', [
  ['echo $(echo sub)', 'sub\n'],
  ['echo `echo back`', 'back\n'],
  ['echo $(echo a; echo b)', 'a b\n'],
  ['x=$(printf "trail\\n\\n\\n"); echo "[$x]"', '[trail]\n'],
  ['x=$(false); echo $?', '1\n'],
  ['echo $((2 + 3 * 4))', '14\n'],
  ['echo $(( (2 + 3) * 4 ))', '20\n'],
  ['x=7; echo $((x % 3)) $((x / 2)) $((-x))', '1 3 -7\n'],
  ['i=0; i=$((i+1)); echo $i', '1\n'],
  ['echo $((1 < 2)) $((2 == 3)) $((1 && 0)) $((0 || 5))', '1 0 0 1\n'],
  ['echo $((0x10)) $((010)) $((2#101))', '16 8 5\n'],
  ['x=3; echo $((x += 2)); echo $x', '5\n5\n'],
  ['echo $((5 > 3 ? 10 : 20))', '10\n'],
  ['echo $((1/0))', '', 'sh: divide by zero\n', 2],
  ['echo $((1 +))', '', 'sh: arithmetic syntax error\n', 2],
  ['echo ~', '/root\n'],
  ['echo ~root/x', '/root/x\n'],
  ['echo "~"', '~\n'],
  ['cd /etc; echo ssl/cert*', 'ssl/certs\n'],
  ['cd /etc/apk; echo *', 'arch keys protected_paths.d repositories world\n'],
  ['echo /etc/alpine-rel*', '/etc/alpine-release\n'],
  ['echo /etc/*.nope', '/etc/*.nope\n'],
  ['echo "/etc/*"', '/etc/*\n'],
  ['cd /etc/apk; echo [ak]*', 'arch keys\n'],
  ['cd /etc/apk; echo ????', 'arch keys\n'],
  ['cd /etc/apk; echo [!a-m]*', 'protected_paths.d repositories world\n'],
  ['set -f; echo /etc/*', '/etc/*\n'],
  ['touch /tmp/.hidden /tmp/shown; echo /tmp/*; echo /tmp/.h*', '/tmp/shown\n/tmp/.hidden\n'],
]);

table('control flow', [
  ['if true; then echo y; fi', 'y\n'],
  ['if false; then echo y; else echo n; fi', 'n\n'],
  ['if false; then echo 1; elif true; then echo 2; else echo 3; fi', '2\n'],
  ['if false; then :; fi; echo $?', '0\n'],
  ['if [ -d /etc ]; then echo dir; fi', 'dir\n'],
  ['for i in a b c; do echo $i; done', 'a\nb\nc\n'],
  ['for i in; do echo never; done; echo ok', 'ok\n'],
  ['set -- x y; for i; do echo $i; done', 'x\ny\n'],
  ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', '0\n1\n2\n'],
  ['i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done', '0\n1\n'],
  ['for i in 1 2 3 4; do [ $i = 3 ] && break; echo $i; done', '1\n2\n'],
  ['for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done', '1\n3\n'],
  ['for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done', '1a\n2a\n'],
  ['for i in 1 2; do for j in a b; do break 2; done; done; echo out $i$j', 'out 1a\n'],
  ['case abc in a*) echo A;; *) echo other;; esac', 'A\n'],
  ['case x.txt in *.md|*.txt) echo doc;; esac', 'doc\n'],
  ['case "" in "") echo empty;; esac', 'empty\n'],
  ['x=b; case $x in a) echo a;; b) echo b;; esac', 'b\n'],
  ['case q in [abc]) echo no;; [!abc]) echo yes;; esac', 'yes\n'],
  ['case x in (x) echo paren;; esac', 'paren\n'],
  ['case nomatch in a) echo a;; esac; echo $?', '0\n'],
  ['{ echo a; echo b; } | wc -l', '2\n'],
  ['x=1; { x=2; }; echo $x', '2\n'],
  ['x=1; (x=2); echo $x', '1\n'],
  ['(cd /etc; pwd); pwd', '/etc\n/\n'],
  ['(exit 3) || echo failed $?', 'failed 3\n'],
]);

table('functions', [
  ['f() { echo in f; }; f', 'in f\n'],
  ['f() { return 5; }; f; echo $?', '5\n'],
  ['f() { echo $#: $*; }; f a b c', '3: a b c\n'],
  ['f() { x=inner; }; x=outer; f; echo $x', 'inner\n'],
  ['f() { local x=inner; echo $x; }; x=outer; f; echo $x', 'inner\nouter\n'],
  ['f() { echo "$1"; shift; echo "$1"; }; f a b; echo "[$1]"', 'a\nb\n[]\n'],
  ['f() { g; }; g() { echo g; }; f', 'g\n'],
  ['fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 5', '120\n'],
  ['f() { echo $FOO; }; FOO=bar f', 'bar\n'],
  ['f() (echo subshell body); f', 'subshell body\n'],
  ['function g { echo bash style; }; g', 'bash style\n'],
  ['unset -f f; f() { :; }; unset -f f; f', '', 'sh: f: not found\n', 127],
  ['local x=1', '', 'sh: local: line 1: not in a function\n', 2],
]);

table('builtins', [
  ['cd /usr/bin && pwd', '/usr/bin\n'],
  ['cd /etc; cd ..; pwd', '/\n'],
  ['cd /nope', '', "sh: cd: line 1: can't cd to /nope: No such file or directory\n", 2],
  ['cd /etc/passwd', '', "sh: cd: line 1: can't cd to /etc/passwd: Not a directory\n", 2],
  ['cd /nope; echo still here', 'still here\n', "sh: cd: line 1: can't cd to /nope: No such file or directory\n"],
  ['cd; pwd', '/root\n'],
  ['cd /tmp; cd /etc; cd - >/dev/null; pwd', '/tmp\n'],
  ['cd /bin && pwd && pwd -P', '/bin\n/bin\n'],
  ['export X=1; env | grep ^X=', 'X=1\n'],
  ['X=1; env | grep -c ^X=', '0\n', '', 1],
  ['export X=1; unset X; echo ${X-unset}', 'unset\n'],
  ['exit abc', '', 'sh: exit: line 1: Illegal number: abc\n', 2],
  ['echo -n no-newline', 'no-newline'],
  ['echo -e "a\\tb"', 'a\tb\n'],
  ['echo "a\\tb"', 'a\\tb\n'],
  ['printf "%s-%s\\n" a b c d', 'a-b\nc-d\n'],
  ['printf "%d %x %o %5.2f\\n" 42 255 8 3.14159', '42 ff 10  3.14\n'],
  ['printf "%-4s|\\n" ab', 'ab  |\n'],
  ['test 1 -eq 1 && echo eq', 'eq\n'],
  ['[ abc = abc ] && echo same', 'same\n'],
  ['[ -z "" ] && [ -n x ] && echo ok', 'ok\n'],
  ['[ -f /etc/passwd ] && [ ! -d /etc/passwd ] && echo file', 'file\n'],
  ['[ -x /bin/busybox ] && [ -L /bin/sh ] && echo links', 'links\n'],
  ['[ 2 -gt 1 -a 3 -lt 4 ] && echo both', 'both\n'],
  ['[ 1 = 1', '', 'sh: missing ]\n', 2],
  ['read a b <<EOF\none two three\nEOF\necho "$b"', 'two three\n'],
  ['read -r x <<EOF\na\\\\b\nEOF\necho "$x"', 'a\\b\n'],
  ['read -r x <<\'EOF\'\na\\\\b\nEOF\necho "$x"', 'a\\\\b\n'],
  ['read x <<EOF\na\\\\b\nEOF\necho "$x"', 'ab\n'],
  ['printf "x" | { read v; echo "$? $v"; }', '1 x\n'],
  ['type cd echo ls', 'cd is a shell builtin\necho is a shell builtin\nls is /bin/ls\n'],
  ['type exit', 'exit is a special shell builtin\n'],
  ['command -v ls', '/bin/ls\n'],
  ['command -v nope; echo $?', '1\n'],
  ['eval "echo evaluated; x=5"; echo $x', 'evaluated\n5\n'],
  ['. /etc/os-release; echo $ID', 'alpine\n'],
  ['source /etc/os-release; echo $VERSION_ID', '3.21.3\n'],
  ['echo "x=9" > /tmp/vars; . /tmp/vars; echo $x', '9\n'],
  ['umask', '0022\n'],
  ['set -e; false; echo never', '', '', 1],
  ['set -e; false || true; echo survived', 'survived\n'],
  ['set -e; if false; then :; fi; echo survived', 'survived\n'],
  ['set -e; ! true; echo survived', 'survived\n'],
  ['set -x; echo traced', 'traced\n', '+ echo traced\n'],
  ['set -x; x=\'a b\'; echo "$x"', 'a b\n', "+ x='a b'\n+ echo 'a b'\n"],
  ['trap "echo bye" EXIT; echo hi', 'hi\nbye\n'],
  ['trap "echo bye" EXIT; exit 2', 'bye\n', '', 2],
  ['trap "echo caught" USR1; kill -USR1 $$; echo after', 'caught\nafter\n'],
  ['trap - EXIT; trap', ''],
  ['sleep 2 & wait; echo waited', 'waited\n'],
  ['sleep 1 & pid=$!; wait $pid; echo $?', '0\n'],
  ['sh -c "exit 5" & wait $!; echo $?', '5\n'],
  ['exec echo replaced; echo never', 'replaced\n'],
  ['exec nope', '', 'sh: exec: line 1: nope: not found\n', 127],
  ['times >/dev/null; echo ok', 'ok\n'],
]);

table('commands and errors', [
  ['nope', '', 'sh: nope: not found\n', 127],
  ['nope; echo $?', '127\n', 'sh: nope: not found\n'],
  ['/nope', '', 'sh: /nope: not found\n', 127],
  ['/etc/passwd', '', 'sh: /etc/passwd: Permission denied\n', 126],
  ['/etc', '', 'sh: /etc: Permission denied\n', 126],
  ['nope 2>/dev/null; echo $?', '127\n'],
  ['fi', '', 'sh: syntax error: unexpected "fi"\n', 2],
  ['echo ok; fi', '', 'sh: syntax error: unexpected "fi"\n', 2],
  ['if true', '', 'sh: syntax error: unexpected end of file (expecting "then")\n', 2],
  ['if true; then echo', '', 'sh: syntax error: unexpected end of file (expecting "fi")\n', 2],
  ['while true; do echo', '', 'sh: syntax error: unexpected end of file (expecting "done")\n', 2],
  ['echo )', '', 'sh: syntax error: unexpected ")"\n', 2],
  ['echo "open', '', 'sh: syntax error: unterminated quoted string\n', 2],
  ['{ echo', '', 'sh: syntax error: unexpected end of file (expecting "}")\n', 2],
  ['case x in', '', 'sh: syntax error: unexpected end of file (expecting ")")\n', 2],
  ['echo ok\nfi', 'ok\n', 'sh: syntax error: unexpected "fi"\n', 2],
  ['echo ${x y}', '', 'sh: syntax error: bad substitution\n', 2],
  ['ls /nope', '', 'ls: /nope: No such file or directory\n', 1],
  ['cat /nope', '', "cat: can't open '/nope': No such file or directory\n", 1],
  ['busybox nope', '', 'nope: applet not found\n', 127],
  ['busybox echo via busybox', 'via busybox\n'],
  ['/bin/busybox ls /etc/alpine-release', '/etc/alpine-release\n'],
]);

describe('scripts and argument forms', () => {
  it('runs a script file with $0 and arguments, reporting errors with its name and line', async () => {
    const c = await testContainer('alpine');
    c.fs.writeFile('/run.sh', '#!/bin/sh\necho "$0 $1"\n\nnope\nexit 4\n', { mode: 0o755 });
    expect(await c.run(['/run.sh', 'arg'])).toEqual({
      stdout: '/run.sh arg\n',
      stderr: '/run.sh: line 4: nope: not found\n',
      status: 4,
    });
  });

  it('names the shell in -c errors after $0 when one is given', async () => {
    const c = await testContainer('alpine');
    expect(await c.run(['sh', '-c', 'nope', 'myname'])).toEqual({
      stdout: '',
      stderr: 'myname: line 1: nope: not found\n',
      status: 127,
    });
  });

  it('reads commands from stdin without a terminal', async () => {
    const c = await testContainer('alpine');
    expect(await c.run(['sh'], { stdin: 'echo from stdin\nexit 6\necho never\n' })).toEqual({
      stdout: 'from stdin\n',
      stderr: '',
      status: 6,
    });
  });

  it('reports a script that does not exist as ash does', async () => {
    const c = await testContainer('alpine');
    expect(await c.run(['sh', '/nope.sh'])).toEqual({
      stdout: '',
      stderr: "sh: can't open '/nope.sh': No such file or directory\n",
      status: 2,
    });
  });

  it('runs lines before a syntax error on a later line', async () => {
    const c = await testContainer('alpine');
    c.fs.writeFile('/bad.sh', 'echo first\necho second\nfi\necho never\n', { mode: 0o755 });
    expect(await c.run(['sh', '/bad.sh'])).toEqual({
      stdout: 'first\nsecond\n',
      stderr: '/bad.sh: line 3: syntax error: unexpected "fi"\n',
      status: 2,
    });
  });

  it("runs nginx's entrypoint logic (case, find, sort -V, . and exec)", async () => {
    const c = await testContainer('nginx:alpine');
    const r = await c.run(['/docker-entrypoint.sh', 'echo', 'started'], { env: { NGINX_ENTRYPOINT_QUIET_LOGS: '' } });
    expect(r).toEqual({ stdout: 'started\n', stderr: '', status: 0 });
  });
});
